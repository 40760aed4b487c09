// Whatever bytes arrive, Check() returns, and every finding it returns points
// at real characters: offsets inside the draft, on code point boundaries, the
// UTF-16 offsets agreeing with the bytes, and the text being what is there.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <string>

#include "test_support.h"
#include "text/utf8.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

// A list of strings joined with ", " (readable when a check fails).
std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Several kinds of rule, so every path of Check() runs: literal and words
// views, terms, a lexicon, a validator, allow-phrases, near, adjust, org
// terms and a whole-draft rule.
const char* kPack = R"toml(
[pack]
name = "robust"
version = "1.0.0"

[lexicons.insults]
entries = [
  { term = "pillock", severity = "warning", likelihood = 0.9 },
  { term = "idiot", severity = "advice", likelihood = 0.7 },
  { pattern = 'go back (?:to )?where you came from', severity = "serious", likelihood = 1.0 },
]

[[rules]]
id = "personal-data.uk-mobile"
category = "personal-data"
severity = "warning"
message = "m"
suggestion = "s"
sources = [{ policy = "combined-authority", section = "10" }]
view = "literal"
patterns = ['\b07\d{3}[\s-]?\d{3}[\s-]?\d{3}\b']
allow = ["switchboard"]
adjust = [{ words = ["ref"], within = 2, effect = "drop" }]
[rules.examples]
flag = ["07700 900461"]
pass = ["x"]

[[rules]]
id = "personal-data.card"
category = "personal-data"
severity = "serious"
message = "m"
suggestion = "s"
sources = [{ policy = "combined-authority", section = "10" }]
view = "literal"
patterns = ['\b(?:\d[ -]?){12,18}\d\b']
validator = "luhn"
[rules.examples]
flag = ["4111 1111 1111 1111"]
pass = ["x"]

[[rules]]
id = "abuse.insult"
category = "abuse"
severity = "warning"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
lexicon = "insults"
[rules.examples]
flag = ["pillock"]
pass = ["x"]

[[rules]]
id = "obscene.swearing"
category = "obscene"
severity = "advice"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
terms = ["shit", "fuck"]
[rules.examples]
flag = ["shit"]
pass = ["x"]

[[rules]]
id = "predetermination.vote"
category = "predetermination"
severity = "warning"
message = "m"
suggestion = "s"
sources = [{ policy = "combined-authority", section = "10" }]
terms = ["vote against"]
[rules.when]
near = [{ words = ["planning"], within = 10 }]
not_near = [{ words = ["not"], within = 2 }]
[rules.examples]
flag = ["vote against planning"]
pass = ["x"]

[[rules]]
id = "haste.shouting"
category = "haste"
severity = "info"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
view = "literal"
case_sensitive = true
patterns = ['\b[A-Z]{4,}(?:\s+[A-Z]{4,}){2,}\b']
[rules.examples]
flag = ["STOP THIS NONSENSE"]
pass = ["x"]

[[rules]]
id = "confidential.org-terms"
category = "confidential"
severity = "serious"
message = "m"
suggestion = "s"
sources = [{ policy = "combined-authority", section = "10" }]
org_terms = "confidential"
[rules.examples]
flag = [{ text = "Project Kestrel", context = { orgTerms = { confidential = ["Project Kestrel"] } } }]
pass = ["x"]

[[rules]]
id = "haste.late-night"
category = "haste"
severity = "advice"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
scope = "draft"
[rules.when]
local_time = { from = "23:00", to = "05:00" }
[rules.examples]
flag = [{ text = "x", context = { localTime = "23:30" } }]
pass = ["x"]
)toml";

Context Ctx(const std::string& json) {
  std::string error;
  auto c = ParseContextJson(json, &error);
  REQUIRE_MESSAGE(c.has_value(), error);
  return *c;
}

// Checks every invariant a finding must keep; returns how many findings.
size_t CheckFindings(const Checker& c, const std::string& draft, const Context& ctx) {
  const std::vector<Finding> findings = c.Check(draft, ctx);
  const std::vector<CodePoint> cps = DecodeUtf8(draft);
  std::set<uint32_t> boundaries{uint32_t(draft.size())};
  for (const CodePoint& cp : cps) boundaries.insert(cp.byte_start);
  // The UTF-16 offset of every byte that starts a code point, counted here
  // independently of the engine: two units above U+FFFF, else one.
  std::vector<uint32_t> u16_at(draft.size() + 1, 0);
  uint32_t units = 0;
  for (const CodePoint& cp : cps) {
    u16_at[cp.byte_start] = units;
    units += cp.cp > 0xFFFF ? 2 : 1;
  }
  u16_at[draft.size()] = units;
  auto u16_of = [&](uint32_t b) { return u16_at[b]; };
  size_t bad = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const bool ok_bytes = f.byte_start <= f.byte_end && f.byte_end <= draft.size() &&
                          boundaries.count(f.byte_start) && boundaries.count(f.byte_end);
    const bool ok_u16 = ok_bytes && f.start == u16_of(f.byte_start) && f.end == u16_of(f.byte_end);
    const bool ok_text = ok_bytes && f.text == SanitizeUtf8(draft.substr(f.byte_start, f.byte_end - f.byte_start));
    const bool whole_draft = f.byte_start == 0 && f.byte_end == 0;
    const bool ok_order = i == 0 || whole_draft || findings[i - 1].byte_start <= f.byte_start;
    if (!(ok_bytes && ok_u16 && ok_text && ok_order)) {
      if (++bad <= 5) {
        FAIL_CHECK(f.rule->id << " bytes " << f.byte_start << ".." << f.byte_end << " u16 " << f.start << ".."
                              << f.end << " of " << draft.size() << " bytes");
      }
    }
  }
  CHECK(bad == 0);
  return findings.size();
}

}  // namespace

TEST_CASE("1 MB of random bytes: no crash, every finding in bounds") {
  auto c = CheckerFor(kPack);
  std::mt19937 rng(1234567);
  std::string draft(1 << 20, '\0');
  for (char& ch : draft) ch = char(rng() & 0xFF);
  const Context ctx = Ctx(R"({"localTime": "23:30", "orgTerms": {"confidential": ["ab"]}})");
  const size_t n = CheckFindings(*c, draft, ctx);
  CHECK(n >= 1);  // at least the whole-draft finding
}

TEST_CASE("1 MB of random words, numbers, emoji, marks and bad bytes: many findings, all exact") {
  // Random bytes rarely spell a word; this mix makes findings everywhere.
  const std::vector<std::string> pieces = {
      "pillock", "p i l l o c k", "sh1t", "f*ck", "idiot", "\xD1\x96" "d\xD1\x96" "ot", "07700 900461", "07700-900-461",
      "4111 1111 1111 1111", "vote against", "planning", "not", "ref", "switchboard", "STOP", "THIS", "NOW",
      "Project Kestrel", "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "e\xCC\x81", "\xCC\x81", "\xE2\x80\x8B",
      "\xFF", "\xE2\x82", "\xED\xA0\x80", "\r\n", " ", " ", " ", ".", "-", "\xD8\xA7\xD8\xAA", "\xEF\xBC\x90", "\0",
      "\xC3\x9F", "fuuuuck", "a", "b", "c"};
  auto c = CheckerFor(kPack);
  std::mt19937 rng(42);
  std::string draft;
  while (draft.size() < (1 << 20)) draft += pieces[rng() % pieces.size()];
  const Context ctx = Ctx(R"({"localTime": "23:30", "orgTerms": {"confidential": ["Project Kestrel"]}})");
  const size_t n = CheckFindings(*c, draft, ctx);
  CHECK(n > 1000);
}

TEST_CASE("many short random drafts") {
  auto c = CheckerFor(kPack);
  std::mt19937 rng(99);
  const std::string alphabet = std::string("pilockshtfuvoteagnsr0123456789 *.-!|@$\r\n\xFF\xC3\xA9\xCC\x81") + '\0';
  const Context ctx = Ctx(R"({"orgTerms": {"confidential": ["ok"]}})");
  for (int i = 0; i < 2000; ++i) {
    std::string draft(rng() % 64, ' ');
    for (char& ch : draft) ch = alphabet[rng() % alphabet.size()];
    CAPTURE(draft);
    CheckFindings(*c, draft, ctx);
  }
}

TEST_CASE("the empty draft") {
  auto c = CheckerFor(kPack);
  CHECK(c->Check("", {}).empty());
  // Only the whole-draft rule can fire on nothing.
  CHECK(Join(RuleIds(c->Check("", Ctx(R"({"localTime": "23:30"})")))) == "haste.late-night");
}

TEST_CASE("NUL bytes are ordinary characters") {
  auto c = CheckerFor(kPack);
  const std::string draft("Ring\0me\0on 07700 900461\0", 24);
  const auto f = c->Check(draft, {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule->id == "personal-data.uk-mobile");
  CHECK(f[0].byte_start == 11);
  CHECK(f[0].byte_end == 23);
  CHECK(f[0].start == 11);
  CHECK(f[0].end == 23);
  CHECK(c->Check(std::string(1000, '\0'), {}).empty());
  // A NUL inside a word splits it.
  CHECK(c->Check(std::string("pil\0lock", 8), {}).empty());
  CHECK(CheckFindings(*c, std::string("pillock\0pillock", 15), {}) == 2);
}

// A condition that looks anywhere in the draft (within = 0) must not be
// searched for again from scratch for every match: with one finding per word,
// that made a check quadratic (20,000 matches: 16 s in a Release build).
TEST_CASE("near/not_near anywhere in the draft stays linear in the number of matches") {
  auto c = CheckerFor(R"toml(
[pack]
name = "near-anywhere"
version = "1.0.0"

[[rules]]
id = "abuse.insult"
category = "abuse"
severity = "warning"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "4.1" }]
terms = ["idiot"]
[rules.when]
not_near = [{ words = ["idiotic behaviour"] }]
[rules.examples]
flag = ["idiot"]
pass = ["x"]
)toml");
  auto seconds = [&](int n) {
    std::string draft;
    for (int i = 0; i < n; ++i) draft += "idiot ";
    const auto t0 = std::chrono::steady_clock::now();
    const size_t found = c->Check(draft, {}).size();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(found == size_t(n));
    return s;
  };
  seconds(500);  // warm up
  const double small = seconds(2000), large = seconds(8000);
  MESSAGE("2,000 matches: " << small << " s; 8,000 matches: " << large << " s");
  // Four times the matches: about four times the time if linear, sixteen if
  // quadratic.
  CHECK(large < 8 * small + 0.05);
}
