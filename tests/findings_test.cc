// Findings as every surface reports them (ARCHITECTURE.md, Contract 1):
// ordered by position, duplicates merged, and serialised with the contract's
// field names.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "report/finding.h"
#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

Rule MakeRule(const std::string& id, const std::string& title = "Data Protection") {
  Rule r;
  r.id = id;
  r.category = id.substr(0, id.find('.'));
  r.message = "Publishing a number breaches data protection law.";
  r.suggestion = "Remove the number.";
  r.sources = {{"combined-authority", "10", title, ""}};
  return r;
}

// A finding whose UTF-16 offsets equal its byte offsets (ASCII text).
Finding F(const Rule& r, uint32_t b0, uint32_t b1, Severity s = Severity::kWarning) {
  Finding f;
  f.rule = &r;
  f.severity = s;
  f.byte_start = f.start = b0;
  f.byte_end = f.end = b1;
  return f;
}

struct Span {
  std::string rule;
  uint32_t start, end;
  Severity severity;
  bool operator==(const Span& o) const {
    return rule == o.rule && start == o.start && end == o.end && severity == o.severity;
  }
};

doctest::String toString(const Span& s) {
  return (s.rule + " [" + std::to_string(s.start) + "," + std::to_string(s.end) + ") " +
          std::string(SeverityName(s.severity)))
      .c_str();
}

// Spans print as a list when a comparison fails.
doctest::String toString(const std::vector<Span>& v) {
  std::string out = "{";
  for (const Span& s : v) out += std::string(toString(s).c_str()) + "; ";
  return (out + "}").c_str();
}

std::vector<Span> Sorted(std::vector<Finding> f) {
  SortAndMerge(&f);
  std::vector<Span> out;
  for (const Finding& x : f) {
    CHECK(x.start == x.byte_start);  // UTF-16 offsets move with the bytes
    CHECK(x.end == x.byte_end);
    out.push_back({x.rule->id, x.byte_start, x.byte_end, x.severity});
  }
  return out;
}

constexpr Severity kInfo = Severity::kInfo, kAdvice = Severity::kAdvice, kWarning = Severity::kWarning,
                   kSerious = Severity::kSerious;

}  // namespace

TEST_CASE("SortAndMerge orders by start, then the longer span, then severity, then rule id") {
  const Rule a = MakeRule("abuse.a"), b = MakeRule("threat.b"), c = MakeRule("obscene.c"), d = MakeRule("haste.d");
  CHECK(Sorted({F(a, 20, 25), F(b, 5, 9), F(c, 5, 12), F(d, 0, 3)}) ==
        std::vector<Span>{{"haste.d", 0, 3, kWarning}, {"obscene.c", 5, 12, kWarning}, {"threat.b", 5, 9, kWarning},
                          {"abuse.a", 20, 25, kWarning}});
  // Same span: the more severe first; same severity: by rule id.
  CHECK(Sorted({F(a, 5, 9, kAdvice), F(b, 5, 9, kSerious), F(c, 5, 9, kAdvice)}) ==
        std::vector<Span>{{"threat.b", 5, 9, kSerious}, {"abuse.a", 5, 9, kAdvice}, {"obscene.c", 5, 9, kAdvice}});
  CHECK(Sorted({}).empty());
}

TEST_CASE("SortAndMerge: the same rule on overlapping text becomes one finding over both") {
  const Rule r = MakeRule("abuse.insult");
  CHECK(Sorted({F(r, 3, 9), F(r, 0, 5)}) == std::vector<Span>{{"abuse.insult", 0, 9, kWarning}});
  // The merged finding keeps the higher severity.
  CHECK(Sorted({F(r, 0, 5, kAdvice), F(r, 3, 9, kSerious)}) == std::vector<Span>{{"abuse.insult", 0, 9, kSerious}});
  // Exactly the same span twice.
  CHECK(Sorted({F(r, 4, 8), F(r, 4, 8)}) == std::vector<Span>{{"abuse.insult", 4, 8, kWarning}});
  // A chain of overlaps.
  CHECK(Sorted({F(r, 0, 4), F(r, 3, 7), F(r, 6, 10)}) == std::vector<Span>{{"abuse.insult", 0, 10, kWarning}});
  // One inside another.
  CHECK(Sorted({F(r, 0, 10), F(r, 2, 4)}) == std::vector<Span>{{"abuse.insult", 0, 10, kWarning}});
  // Touching is not overlapping: two findings.
  CHECK(Sorted({F(r, 0, 5), F(r, 5, 9)}) ==
        std::vector<Span>{{"abuse.insult", 0, 5, kWarning}, {"abuse.insult", 5, 9, kWarning}});
}

TEST_CASE("SortAndMerge: inside another finding of its category, no more severe: dropped") {
  const Rule outer = MakeRule("abuse.outer"), inner = MakeRule("abuse.inner"), other = MakeRule("obscene.word");
  CHECK(Sorted({F(inner, 4, 8, kAdvice), F(outer, 0, 12, kWarning)}) ==
        std::vector<Span>{{"abuse.outer", 0, 12, kWarning}});
  CHECK(Sorted({F(inner, 4, 8, kWarning), F(outer, 0, 12, kWarning)}) ==
        std::vector<Span>{{"abuse.outer", 0, 12, kWarning}});
  // More severe inside: kept.
  CHECK(Sorted({F(inner, 4, 8, kSerious), F(outer, 0, 12, kWarning)}) ==
        std::vector<Span>{{"abuse.outer", 0, 12, kWarning}, {"abuse.inner", 4, 8, kSerious}});
  // Another category inside: kept.
  CHECK(Sorted({F(other, 4, 8, kInfo), F(outer, 0, 12, kWarning)}) ==
        std::vector<Span>{{"abuse.outer", 0, 12, kWarning}, {"obscene.word", 4, 8, kInfo}});
  // Overlapping but not inside: kept.
  CHECK(Sorted({F(inner, 8, 14, kAdvice), F(outer, 0, 12, kWarning)}) ==
        std::vector<Span>{{"abuse.outer", 0, 12, kWarning}, {"abuse.inner", 8, 14, kAdvice}});
}

TEST_CASE("SortAndMerge: a whole-draft finding sorts first and swallows nothing") {
  const Rule late = MakeRule("haste.late-night"), shout = MakeRule("haste.shouting");
  // A match at byte 0 must still come after the finding about the whole draft.
  CHECK(Sorted({F(shout, 0, 5, kAdvice), F(late, 0, 0, kAdvice)}) ==
        std::vector<Span>{{"haste.late-night", 0, 0, kAdvice}, {"haste.shouting", 0, 5, kAdvice}});
  CHECK(Sorted({F(shout, 7, 12, kInfo), F(late, 0, 0, kWarning)}) ==
        std::vector<Span>{{"haste.late-night", 0, 0, kWarning}, {"haste.shouting", 7, 12, kInfo}});
}

TEST_CASE("merging inside a real check") {
  auto c = CheckerFor(R"toml(
[pack]
name = "merge"
version = "1.0.0"

[[rules]]
id = "abuse.insult"
category = "abuse"
severity = "warning"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
patterns = ['you pillock', 'pillock(?: again)?']
[rules.examples]
flag = ["you pillock"]
pass = ["you"]

[[rules]]
id = "abuse.mild"
category = "abuse"
severity = "advice"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
terms = ["pillock"]
[rules.examples]
flag = ["pillock"]
pass = ["you"]
)toml");
  // "you pillock again": abuse.insult twice, overlapping, so one finding over
  // both; abuse.mild on "pillock" is inside it and less severe, so dropped.
  const auto f = c->Check("Oi you pillock again!", {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule->id == "abuse.insult");
  CHECK(f[0].text == "you pillock again");
  CHECK(f[0].start == 3);
  CHECK(f[0].end == 20);
}

TEST_CASE("FindingToJson: Contract 1 field names, in order") {
  const Rule r = MakeRule("personal-data.uk-mobile");
  Finding f = F(r, 16, 28);
  f.start = 14;
  f.end = 26;
  f.text = "07700 900461";
  CHECK(DumpJson(FindingToJson(f, false)) ==
        R"({"rule":"personal-data.uk-mobile","category":"personal-data","severity":"warning","start":14,"end":26,)"
        R"("text":"07700 900461","message":"Publishing a number breaches data protection law.",)"
        R"("suggestion":"Remove the number.",)"
        R"("sources":[{"policy":"combined-authority","section":"10","title":"Data Protection"}]})");
  // The CLI's form adds byte offsets after the UTF-16 ones.
  CHECK(DumpJson(FindingToJson(f, true)) ==
        R"({"rule":"personal-data.uk-mobile","category":"personal-data","severity":"warning","start":14,"end":26,)"
        R"("byteStart":16,"byteEnd":28,"text":"07700 900461","message":"Publishing a number breaches data protection law.",)"
        R"("suggestion":"Remove the number.",)"
        R"("sources":[{"policy":"combined-authority","section":"10","title":"Data Protection"}]})");
}

TEST_CASE("FindingToJson: severities, several sources, optional title, quote and term") {
  Rule r = MakeRule("abuse.insult", "");
  r.sources.push_back({"west-oxfordshire", "4.1", "Conduct", "Treat others with respect."});
  Finding f = F(r, 0, 7);
  f.text = "pillock";
  f.term = "pillock";
  for (Severity s : {kInfo, kAdvice, kWarning, kSerious}) {
    f.severity = s;
    CHECK(FindingToJson(f, false)["severity"] == std::string(SeverityName(s)));
  }
  CHECK(std::string(SeverityName(kInfo)) == "info");
  CHECK(std::string(SeverityName(kSerious)) == "serious");
  const Json j = FindingToJson(f, false);
  CHECK(DumpJson(j["sources"]) ==
        R"([{"policy":"combined-authority","section":"10"},)"
        R"({"policy":"west-oxfordshire","section":"4.1","title":"Conduct","quote":"Treat others with respect."}])");
  CHECK(j["term"] == "pillock");
  CHECK_FALSE(j.contains("byteStart"));
}

TEST_CASE("DumpJson never aborts on invalid UTF-8 in a finding's text") {
  const Rule r = MakeRule("abuse.insult");
  Finding f = F(r, 0, 3);
  f.text = "a\xFF" "b";
  CHECK(DumpJson(FindingToJson(f, false)).find("\"text\":\"a\xEF\xBF\xBD" "b\"") != std::string::npos);
}
