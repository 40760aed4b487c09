// The lexicons in rules/lexicons/ keep strong entries and entries that need a
// target in two tables (the format has no max_likelihood, so one table per
// strength keeps a strong word from being matched twice). An entry must sit in
// the table its likelihood says, and the rule reading the strong table must
// use the same threshold; otherwise a likelihood edit silently changes nothing.
#include <doctest/doctest.h>

#include <string>
#include <toml++/toml.h>

#include "test_support.h"

using namespace postcheck::testing;

namespace {

struct TablePair {
  const char* file;
  const char* strong;    // entries >= threshold, flagged anywhere
  const char* targeted;  // entries < threshold, flagged only when aimed at someone
  const char* strong_rule;
  double threshold;
};

const TablePair kPairs[] = {
    {"rules/lexicons/abuse.toml", "abuse", "abuse-targeted", "abuse.insult", 0.85},
    {"rules/lexicons/obscene.toml", "obscene", "obscene-contextual", "obscene.language", 0.8},
    {"rules/lexicons/discrimination.toml", "slurs", "slurs-targeted", "discrimination.slur", 0.85},
};

std::string EntryName(const toml::table& e) {
  if (auto t = e["term"].value<std::string>()) return *t;
  return e["pattern"].value_or(std::string("?"));
}

}  // namespace

TEST_CASE("lexicon entries sit in the table their likelihood says") {
  const std::string generic_text = ReadFile(Repo("rules/generic.toml"));
  toml::parse_result generic = toml::parse(generic_text);
  REQUIRE(generic);
  for (const TablePair& p : kPairs) {
    const std::string text = ReadFile(Repo(p.file));
    toml::parse_result pack = toml::parse(text);
    REQUIRE_MESSAGE(pack, p.file);
    const toml::table& lexicons = *pack.table()["lexicons"].as_table();
    for (const char* name : {p.strong, p.targeted}) {
      const toml::array* entries = lexicons[name]["entries"].as_array();
      REQUIRE_MESSAGE(entries, p.file << ": no [lexicons." << name << "]");
      CHECK(!entries->empty());
      const bool strong = std::string(name) == p.strong;
      for (const toml::node& n : *entries) {
        const toml::table& e = *n.as_table();
        const double l = e["likelihood"].value_or(-1.0);
        CHECK_MESSAGE((strong ? l >= p.threshold : l < p.threshold),
                      p.file << ": [lexicons." << name << "] '" << EntryName(e) << "' has likelihood " << l
                             << "; move it to [lexicons." << (strong ? p.targeted : p.strong) << "]");
      }
    }
    bool found = false;
    for (const toml::node& n : *generic.table()["rules"].as_array()) {
      const toml::table& r = *n.as_table();
      if (r["id"].value_or(std::string()) != p.strong_rule) continue;
      found = true;
      CHECK(r["lexicon"].value_or(std::string()) == p.strong);
      CHECK_MESSAGE(r["min_likelihood"].value_or(0.0) == doctest::Approx(p.threshold),
                    p.strong_rule << " must use min_likelihood = " << p.threshold);
    }
    CHECK_MESSAGE(found, "rules/generic.toml has no rule " << p.strong_rule);
  }
}
