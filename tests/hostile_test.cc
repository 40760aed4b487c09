// The hostile-input matrix, native half: inputs built to hurt the engine
// each get a correct result or a clear error, never a crash, hang or a
// silently missing check.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

std::string Pack(const std::string& rules) {
  return "[pack]\nname = \"hostile\"\nversion = \"1\"\n\n" + rules;
}

std::string RuleToml(const std::string& id, const std::string& pattern, const std::string& flag) {
  return "[[rules]]\nid = \"abuse." + id + "\"\ncategory = \"abuse\"\nseverity = \"warning\"\nmessage = \"m\"\n"
         "suggestion = \"s\"\nsources = [{ policy = \"p\", section = \"1\" }]\nview = \"literal\"\npatterns = ['" + pattern + "']\n"
         "[rules.examples]\nflag = [\"" + flag + "\"]\npass = [\"nothing here\"]\n\n";
}

double SecondsToCheck(const Checker& c, const std::string& text) {
  const auto t0 = std::chrono::steady_clock::now();
  c.Check(text, {});
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("text built to make regexes slow is checked in linear time") {
  // Patterns that backtracking engines take exponential or quadratic time on.
  auto checker = CheckerFor(Pack(RuleToml("nested", "(a+)+b", "aab") + RuleToml("alt", "(a|aa)*c", "aac") +
                                 RuleToml("gap", "x.*y.*z", "x y z") + RuleToml("words", "(?:\\w+\\s?){5,20}!", "a b c d e!")));
  const std::string unit = std::string(4096, 'a') + " x ";
  std::string small, large;
  for (int i = 0; i < 16; ++i) small += unit;       // 64 KB
  for (int i = 0; i < 256; ++i) large += unit;      // 1 MB
  SecondsToCheck(*checker, small);                  // warm the DFA caches
  const double t_small = SecondsToCheck(*checker, small);
  const double t_large = SecondsToCheck(*checker, large);
  // 16x the text. Linear is ~16x; quadratic would be ~256x. The bound is
  // loose because the machine is shared; it still fails on quadratic work.
  CHECK_MESSAGE(t_large < 64 * t_small + 0.05, "64 KB took " << t_small << " s, 1 MB took " << t_large << " s");
  CHECK(t_large < 20.0);
}

TEST_CASE("a pack with 10,000 rules loads and every rule still fires") {
  std::string rules;
  for (int i = 0; i < 10000; ++i) {
    const std::string word = "zq" + std::to_string(i) + "x";
    rules += RuleToml("r" + std::to_string(i), "\\b" + word + "\\b", word);
  }
  auto checker = CheckerFor(Pack(rules));
  REQUIRE(checker->rules().size() == 10000);
  // Triggers for a spread of rules, each found by its own rule.
  std::string draft;
  for (int i = 0; i < 10000; i += 997) draft += "zq" + std::to_string(i) + "x ";
  const auto findings = checker->Check(draft, {});
  CHECK(findings.size() == 11);
  for (const Finding& f : findings) CHECK(f.rule->id == "abuse.r" + f.text.substr(2, f.text.size() - 3));
}

TEST_CASE("a pattern over RE2's memory budget is a load error naming file, line and rule") {
  // Line 13 is the patterns line (see RuleToml).
  const LoadResult r = LoadPacks({{"big.toml", Pack(RuleToml("huge", "(?:\\w{1000}){1000}", "x"))}});
  REQUIRE(r.errors.size() == 1);
  CHECK_MESSAGE(r.errors[0].ToString().rfind("big.toml:13: rule abuse.huge: bad pattern", 0) == 0, r.errors[0].ToString());
  CHECK(r.packs.empty());
}
