// The engine's entry point: rules in, findings out. No I/O, no globals; one
// Checker may serve many drafts, and Check() is const (safe to share).
#ifndef POSTCHECK_CHECKER_H_
#define POSTCHECK_CHECKER_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "judge/context.h"
#include "judge/phrase_set.h"
#include "report/finding.h"
#include "rules/pack_loader.h"
#include "rules/rule.h"

namespace postcheck {

class Matcher;

// The engine version, reported by every surface next to the packs' versions.
constexpr const char* kEngineVersion = "0.1.0";

struct CheckerOptions {
  // The account a draft is written from when its context does not say:
  // the "councillor" profile checks as a councillor's account, "personal" as
  // a privacy-sensitive private account.
  Account default_account = Account::kCouncillor;
};

class Checker {
 public:
  // Builds a checker over already-loaded rules. Returns nullptr only if the
  // rules' patterns cannot be combined (see Matcher::Build); *error says why.
  static std::unique_ptr<Checker> Create(std::vector<Rule> rules, const CheckerOptions& options,
                                         std::string* error);
  // As above, but each view's set comes from saved bytes when `set_images`
  // has them (image/rule_image.h); an empty entry is compiled as usual.
  static std::unique_ptr<Checker> Create(std::vector<Rule> rules, const CheckerOptions& options,
                                         const std::string_view set_images[kViewCount], std::string* error);
  ~Checker();

  // Checks one draft (UTF-8; invalid bytes tolerated).
  std::vector<Finding> Check(std::string_view draft, const Context& context) const;

  const std::vector<Rule>& rules() const { return rules_; }
  const Matcher& matcher() const { return *matcher_; }

  // Anything the engine had to do differently from the normal path (for
  // example, patterns run one by one because their set was too big). Empty
  // normally; surfaces show these to whoever installs the packs.
  const std::vector<std::string>& warnings() const;

  // Runs every rule's examples. Returns one line per failure, naming the file,
  // the line of the example and the rule; empty when all pass.
  std::vector<std::string> RunExamples() const;

 private:
  Checker() = default;
  bool Allowed(const Rule& rule, const Context& ctx) const;

  // Each rule's phrase lists, indexed for the many windows a draft asks about.
  struct RulePhrases {
    PhraseSet allow;
    std::vector<PhraseSet> near, not_near, adjust;  // parallel to the rule's lists
  };
  // Indexed the first time a draft needs them (thread-safe, like LazyRegex):
  // most rules meet no candidate in most drafts, and indexing every rule's
  // phrases up front was a third of a cold WebAssembly start.
  struct LazyPhrases {
    std::once_flag once;
    RulePhrases phrases;
  };
  const RulePhrases& PhrasesOf(const Rule& rule) const;

  std::vector<Rule> rules_;
  std::unique_ptr<LazyPhrases[]> phrases_;  // parallel to rules_
  std::unique_ptr<Matcher> matcher_;
  CheckerOptions options_;
};

}  // namespace postcheck

#endif  // POSTCHECK_CHECKER_H_
