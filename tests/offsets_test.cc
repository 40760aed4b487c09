// Offsets end to end: a draft goes through Checker::Check and each finding
// must say exactly where the flagged text is, both in UTF-16 code units
// (JavaScript string indices, for highlights in the browser) and in UTF-8
// bytes (for the CLI). Emoji, combining marks, CRLF, right-to-left text and
// invalid bytes must never shift a highlight.
#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

const char* kPack = R"toml(
[pack]
name = "offsets"
version = "1.0.0"
description = "Small rules for offset tests"

[[rules]]
id = "personal-data.uk-mobile"
category = "personal-data"
severity = "warning"
message = "A mobile number."
suggestion = "Remove it."
sources = [{ policy = "combined-authority", section = "10", title = "Data Protection" }]
view = "literal"
patterns = ['\b07\d{3}[\s-]?\d{3}[\s-]?\d{3}\b']
[rules.examples]
flag = ["Ring me on 07700 900461"]
pass = ["Ring the council"]

[[rules]]
id = "abuse.insult"
category = "abuse"
severity = "warning"
message = "An insult."
suggestion = "Criticise the decision, not the person."
sources = [{ policy = "west-oxfordshire", section = "4.1", title = "Conduct" }]
terms = ["pillock", "idiot"]
[rules.examples]
flag = ["What a pillock"]
pass = ["What a pity"]

[[rules]]
id = "obscene.swearing"
category = "obscene"
severity = "advice"
message = "Swearing."
suggestion = "Leave it out."
sources = [{ policy = "west-oxfordshire", section = "4.1", title = "Conduct" }]
terms = ["shit"]
[rules.examples]
flag = ["Load of shit"]
pass = ["Shipping news"]
)toml";

struct Where {
  uint32_t start, end, byte_start, byte_end;
  std::string text;
  bool operator==(const Where& o) const {
    return start == o.start && end == o.end && byte_start == o.byte_start && byte_end == o.byte_end && text == o.text;
  }
};

doctest::String toString(const Where& w) {
  return ("{u16 " + std::to_string(w.start) + ".." + std::to_string(w.end) + ", bytes " +
          std::to_string(w.byte_start) + ".." + std::to_string(w.byte_end) + ", '" + w.text + "'}")
      .c_str();
}

// The one finding of `rule` in `draft`.
Where Find(const Checker& c, const std::string& draft, const std::string& rule) {
  const auto findings = c.Check(draft, Context{});
  std::vector<Where> hits;
  for (const Finding& f : findings) {
    if (f.rule->id != rule) continue;
    // The text is always the draft's own bytes at byte_start..byte_end.
    CHECK(f.text == draft.substr(f.byte_start, f.byte_end - f.byte_start));
    hits.push_back({f.start, f.end, f.byte_start, f.byte_end, f.text});
  }
  REQUIRE_MESSAGE(hits.size() == 1, rule << " found " << hits.size() << " times in: " << draft);
  return hits[0];
}

}  // namespace

TEST_CASE("an emoji is two UTF-16 units and four bytes") {
  auto c = CheckerFor(kPack);
  CHECK(Find(*c, "\xF0\x9F\x98\x80 Ring me on 07700 900461 tonight", "personal-data.uk-mobile") ==
        Where{14, 26, 16, 28, "07700 900461"});
}

TEST_CASE("several surrogate pairs: skin tones and a ZWJ family") {
  auto c = CheckerFor(kPack);
  // 👍🏽 = two surrogate pairs (4 units, 8 bytes).
  CHECK(Find(*c, "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD you idiot", "abuse.insult") == Where{9, 14, 13, 18, "idiot"});
  // 👨‍👩‍👧 = 3 pairs and 2 joiners: 8 units, 18 bytes.
  const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  CHECK(Find(*c, family + " 07700 900461", "personal-data.uk-mobile") == Where{9, 21, 19, 31, "07700 900461"});
}

TEST_CASE("combining marks before, inside and after the match") {
  auto c = CheckerFor(kPack);
  // "José" with e + U+0301: 5 units, 6 bytes.
  CHECK(Find(*c, "Jose\xCC\x81 is an idiot", "abuse.insult") == Where{12, 17, 13, 18, "idiot"});
  // A mark inside the word is inside the finding.
  CHECK(Find(*c, "an idio\xCC\x81t", "abuse.insult") == Where{3, 9, 3, 10, "idio\xCC\x81t"});
  // A mark on the last letter belongs to that letter: the highlight must not
  // stop between "t" and its accent.
  CHECK(Find(*c, "an idiot\xCC\x81!", "abuse.insult") == Where{3, 9, 3, 10, "idiot\xCC\x81"});
}

TEST_CASE("CRLF counts as two characters, as in the browser") {
  auto c = CheckerFor(kPack);
  CHECK(Find(*c, "Hello\r\nRing 07700 900461", "personal-data.uk-mobile") == Where{12, 24, 12, 24, "07700 900461"});
  CHECK(Find(*c, "Line one\r\n\r\nyou pillock\r\n", "abuse.insult") == Where{16, 23, 16, 23, "pillock"});
}

TEST_CASE("right-to-left text: Arabic and Hebrew letters are one unit, two bytes") {
  auto c = CheckerFor(kPack);
  // "اتصل 07700 900461": 4 Arabic letters.
  CHECK(Find(*c, "\xD8\xA7\xD8\xAA\xD8\xB5\xD9\x84 07700 900461", "personal-data.uk-mobile") ==
        Where{5, 17, 9, 21, "07700 900461"});
  // "שלום, you idiot": 4 Hebrew letters.
  CHECK(Find(*c, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, you idiot", "abuse.insult") == Where{10, 15, 14, 19, "idiot"});
  // A right-to-left mark (U+200F, invisible, 3 bytes) just before the number.
  CHECK(Find(*c, "\xE2\x80\x8F" "07700 900461", "personal-data.uk-mobile") == Where{1, 13, 3, 15, "07700 900461"});
}

TEST_CASE("invalid UTF-8 counts as the browser's replacement characters") {
  auto c = CheckerFor(kPack);
  // E2 82 is one U+FFFD (2 bytes, 1 unit); FF and FE are one each.
  CHECK(Find(*c, "\xE2\x82 Ring 07700 900461", "personal-data.uk-mobile") == Where{7, 19, 8, 20, "07700 900461"});
  CHECK(Find(*c, "\xFF\xFE you idiot", "abuse.insult") == Where{7, 12, 7, 12, "idiot"});
  // ED A0 80 (a UTF-8-encoded surrogate) is three U+FFFD.
  CHECK(Find(*c, "\xED\xA0\x80 idiot", "abuse.insult") == Where{4, 9, 4, 9, "idiot"});
}

TEST_CASE("full-width digits are found and highlighted as typed") {
  auto c = CheckerFor(kPack);
  const std::string d = "Ring \xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97\xEF\xBC\x90\xEF\xBC\x90 "
                        "\xEF\xBC\x99\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x94\xEF\xBC\x96\xEF\xBC\x91";
  CHECK(Find(*c, d, "personal-data.uk-mobile") == Where{5, 17, 5, 39, d.substr(5)});
}

TEST_CASE("a disguised word maps to exactly the typed characters") {
  auto c = CheckerFor(kPack);
  CHECK(Find(*c, "You p i l l o c k", "abuse.insult") == Where{4, 17, 4, 17, "p i l l o c k"});
  CHECK(Find(*c, "What a load of sh1t!", "obscene.swearing") == Where{15, 19, 15, 19, "sh1t"});
  CHECK(Find(*c, "\xF0\x9F\x98\x80 you p i l l o c k!", "abuse.insult") == Where{7, 20, 9, 22, "p i l l o c k"});
  // Cyrillic і twice: 7 bytes, 5 units.
  CHECK(Find(*c, "an \xD1\x96" "d\xD1\x96" "ot", "abuse.insult") == Where{3, 8, 3, 10, "\xD1\x96" "d\xD1\x96" "ot"});
  CHECK(Find(*c, "pillllllock", "abuse.insult") == Where{0, 11, 0, 11, "pillllllock"});
  // Digits for the l's right after an i.
  CHECK(Find(*c, "you pi11ock", "abuse.insult") == Where{4, 11, 4, 11, "pi11ock"});
  CHECK(Find(*c, "you p!11ock", "abuse.insult") == Where{4, 11, 4, 11, "p!11ock"});
  CHECK(Find(*c, "f.u.c.k you, p.i.l.l.o.c.k", "abuse.insult") == Where{13, 26, 13, 26, "p.i.l.l.o.c.k"});
}
