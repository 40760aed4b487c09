// Finds candidate matches: one RE2::Set pass per view says which patterns
// occur anywhere in the draft; exact spans are then found only for those.
#ifndef POSTCHECK_MATCH_MATCHER_H_
#define POSTCHECK_MATCH_MATCHER_H_

#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "match/term_index.h"
#include "rules/rule.h"
#include "text/normalize.h"

namespace postcheck {

// A span of a view matched by one pattern or term of one rule.
struct Candidate {
  static constexpr uint32_t kNoPattern = UINT32_MAX;
  uint32_t rule;     // index into the rules the matcher was built from
  uint32_t pattern;  // index into that rule's patterns, or kNoPattern
  ViewKind view;
  uint32_t view_start, view_end;
  uint32_t term = UINT32_MAX;  // index into the rule's terms, for a term match
};

class Matcher {
 public:
  // `rules` must outlive the matcher. Fails only if a pattern cannot be added
  // to a set at all (bad syntax); *error says which. If a view's set is too
  // big for RE2's memory budget, that view runs every pattern on its own
  // instead (slower, never incomplete) and warnings() says so.
  static std::unique_ptr<Matcher> Build(const std::vector<Rule>& rules, std::string* error);
  // As above, but a view whose entry in `set_images` is not empty takes its
  // compiled set from those bytes (SaveSet) instead of compiling it. Bytes
  // that do not fit these rules fail the build with *error saying why.
  static std::unique_ptr<Matcher> Build(const std::vector<Rule>& rules, const std::string_view set_images[kViewCount],
                                        std::string* error);

  // The view's compiled set as bytes (match/set_image.h), or "" if it has
  // none or it cannot be saved.
  std::string SaveSet(ViewKind view) const;

  const std::vector<std::string>& warnings() const { return warnings_; }

  // Candidates of every pattern whose rule is `active`, in no particular order.
  // When a set's DFA runs out of memory (pathological input) every active
  // pattern of that view is run on its own instead, so no check is skipped;
  // `*fell_back` says so.
  void Find(const NormalizedText& text, const std::vector<bool>& active, std::vector<Candidate>* out,
            bool* fell_back) const;

 private:
  struct Member {
    uint32_t rule, pattern;
  };
  struct ViewSet {
    std::unique_ptr<re2::RE2::Set> set;
    std::vector<Member> members;  // by set index
  };

  explicit Matcher(const std::vector<Rule>& rules) : rules_(rules), terms_(rules) {}
  void FindAll(const Member& m, ViewKind view, const std::string& text, std::vector<Candidate>* out) const;

  const std::vector<Rule>& rules_;
  ViewSet sets_[kViewCount];
  TermIndex terms_;
  std::vector<std::string> warnings_;
};

}  // namespace postcheck

#endif  // POSTCHECK_MATCH_MATCHER_H_
