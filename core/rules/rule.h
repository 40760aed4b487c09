// A rule as loaded from a pack. See rules/FORMAT.md for the file format.
#ifndef POSTCHECK_RULES_RULE_H_
#define POSTCHECK_RULES_RULE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "judge/context.h"
#include "rules/category.h"
#include "rules/regex.h"
#include "rules/validators.h"
#include "text/normalize.h"

namespace postcheck {

struct Source {
  std::string policy;   // "west-oxfordshire", "combined-authority", or an organisation's own
  std::string section;  // "4.0", "10"
  std::string title;    // "Bias and Predetermination"
  std::string quote;    // the policy's own sentence, for explanations (optional)
};

// Words (or organisation terms) that must, or must not, occur near a match.
struct Proximity {
  std::vector<std::string> phrases;  // in words-view form
  std::vector<OrgList> org_lists;    // the draft's organisation terms also count
  int within = 0;                    // words either side; 0 means anywhere in the draft
};

// What happens to a finding when certain words are near: "ref" or "invoice"
// near a number lowers it, "NHS" raises it, "alleged" lowers an accusation.
struct Adjustment {
  Proximity near;
  enum class Effect { kLower, kRaise, kDrop } effect = Effect::kLower;
};

// One way a rule finds candidate spans. Each becomes one member of the
// matcher's RE2::Set.
struct Pattern {
  std::string regex;  // RE2 syntax, as compiled (flags included)
  ViewKind view = ViewKind::kWords;
  // For lexicon entries: the entry's own severity and likelihood.
  std::optional<Severity> severity;
  double likelihood = 1.0;
  std::string label;  // the term, for lexicon entries
  std::shared_ptr<const LazyRegex> re;  // shared by every rule using the same lexicon entry
};

// A plain phrase matched word by word, disguises included (see
// match/term_index.h): a lexicon entry's `term`, or one of a rule's `terms`.
struct Term {
  std::vector<std::string> words;  // in words-view form
  bool plural = false;             // the last word may add "s" or "es"
  std::optional<Severity> severity;  // a lexicon entry's own severity
  double likelihood = 1.0;
  std::string label;  // as written in the pack
};

struct Example {
  std::string text;
  Context context;  // defaults unless the example gives one
  int line = 0;
};

struct Rule {
  std::string id;
  std::string category;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string suggestion;
  std::vector<Source> sources;

  std::vector<Pattern> patterns;
  std::vector<Term> terms;
  std::optional<OrgList> org_terms;  // matches are the draft's own organisation terms
  bool whole_draft = false;          // scope = "draft": one finding about the whole draft

  Validator validator = Validator::kNone;

  // Exceptions: allow-phrases looked for in the match and `allow_window`
  // words either side of it.
  std::vector<std::string> allow;
  int allow_window = 3;

  // Conditions on the draft's context (Contract 3). Empty means any.
  std::vector<Account> accounts;
  std::vector<Platform> platforms;
  std::optional<bool> in_meeting;
  std::optional<TimeWindow> local_time;
  std::vector<Proximity> near;      // each must hold
  std::vector<Proximity> not_near;  // none may hold

  std::vector<Adjustment> adjust;

  std::vector<Example> flag_examples;
  std::vector<Example> pass_examples;

  std::string pack;  // name of the pack it came from
  std::string file;  // where it was defined, for messages
  int line = 0;
};

}  // namespace postcheck

#endif  // POSTCHECK_RULES_RULE_H_
