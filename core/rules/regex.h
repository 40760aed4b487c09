// A rule pattern's RE2, compiled when first needed.
//
// Start-up matters (the extension loads the packs when a tab opens): a
// lexicon of hundreds of terms would cost hundreds of RE2 compilations, yet
// the matcher's RE2::Set already says which patterns occur in a draft, and
// only those need their own RE2 to find exact spans. Patterns generated from
// plain terms are therefore compiled on first use; hand-written patterns are
// compiled while loading, so their errors are reported with file and line.
#ifndef POSTCHECK_RULES_REGEX_H_
#define POSTCHECK_RULES_REGEX_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace postcheck {

// The options every pattern is compiled with (case is set inline with (?i)).
RE2::Options PatternOptions();

class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  LazyRegex(std::string pattern, std::unique_ptr<RE2> compiled);

  const std::string& pattern() const { return pattern_; }
  // The compiled RE2 (check ok(): a lazily compiled pattern may have failed).
  const RE2& get() const;

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

}  // namespace postcheck

#endif  // POSTCHECK_RULES_REGEX_H_
