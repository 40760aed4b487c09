// Validators: the checks a regex cannot do, which keep a rule from flagging
// every long number. Valid values below have check digits computed by hand
// (and by a second implementation); invalid ones differ by one thing each.
#include <doctest/doctest.h>

#include <string>

#include "rules/validators.h"
#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

// A list of strings joined with ", " (readable when a check fails).
std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

TEST_CASE("validator names") {
  CHECK(ParseValidator("luhn") == Validator::kLuhn);
  CHECK(ParseValidator("nhs") == Validator::kNhs);
  CHECK(ParseValidator("nino") == Validator::kNino);
  CHECK(ParseValidator("uk-postcode") == Validator::kUkPostcode);
  CHECK(ParseValidator("iban") == Validator::kIban);
  CHECK_FALSE(ParseValidator("postcode").has_value());
  CHECK_FALSE(ParseValidator("LUHN").has_value());
  CHECK(Validate(Validator::kNone, "anything"));
}

TEST_CASE("Luhn: card numbers") {
  for (const char* ok : {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555 5555 5555 4444",
                         "3782 822463 10005" /* 15-digit Amex */, "4222222222222" /* 13 digits */,
                         "6011111111111117"}) {
    CAPTURE(ok);
    CHECK(LuhnValid(ok));
    CHECK(Validate(Validator::kLuhn, ok));
  }
  for (const char* bad : {"4111 1111 1111 1112",       // last digit off by one
                          "1234 5678 1234 5678",       // fails the sum
                          "79927398713",               // Luhn-valid but only 11 digits
                          "4111 1111 1111 1111 1111",  // 20 digits
                          "0000 0000 0000 0000",       // passes the sum, never a card
                          "", "card"}) {
    CAPTURE(bad);
    CHECK_FALSE(LuhnValid(bad));
  }
}

TEST_CASE("NHS number: mod 11") {
  for (const char* ok : {"943 476 5919", "9434765919", "943-476-5919", "401 023 2137", "450 557 7104"}) {
    CAPTURE(ok);
    CHECK(NhsNumberValid(ok));
  }
  for (const char* bad : {"943 476 5918",   // wrong check digit
                          "943 476 591",    // 9 digits
                          "943 476 59190",  // 11 digits
                          "400 000 0080",   // check digit would be 10: never issued
                          "400 000 0089",
                          "000 000 0000",   // all one digit: passes mod 11, never issued
                          "111 111 1111", "999 999 9999", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(NhsNumberValid(bad));
  }
}

TEST_CASE("National Insurance number: shape and HMRC's forbidden letters") {
  for (const char* ok : {"AB 12 34 56 C", "AB123456C", "jk 12 34 56 a", "OA 12 34 56 D", "AB123456", "ZY 99 99 99 B"}) {
    CAPTURE(ok);
    CHECK(NinoValid(ok));
  }
  // Prefixes never issued.
  for (const char* prefix : {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}) {
    CAPTURE(prefix);
    CHECK_FALSE(NinoValid(std::string(prefix) + "123456A"));
  }
  // D F I Q U V never first; D F I O Q U V never second.
  for (char first : std::string("DFIQUV")) {
    CAPTURE(first);
    CHECK_FALSE(NinoValid(std::string(1, first) + "A123456A"));
  }
  for (char second : std::string("DFIOQUV")) {
    CAPTURE(second);
    CHECK_FALSE(NinoValid(std::string("A") + second + "123456A"));
  }
  // O is fine first, and the letters above are fine in the other place.
  CHECK(NinoValid("OB123456A"));
  CHECK(NinoValid("AO123456A") == false);
  CHECK(NinoValid("EA123456A"));
  // Shape: suffix A-D only, six digits, two letters.
  for (const char* bad : {"AB123456E", "AB12345C", "AB1234567", "A1234567C", "12345678C", "AB 12 34 5X C", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(NinoValid(bad));
  }
}

TEST_CASE("UK postcode: every outward shape") {
  for (const char* ok : {"M1 1AE",    // A9
                         "B33 8TH",   // A99
                         "CR2 6XH",   // AA9
                         "DN55 1PT",  // AA99
                         "W1A 0AX",   // A9A
                         "EC1A 1BB",  // AA9A
                         "OX28 1NB", "ox28 1nb", "OX281NB", "SW1A 2AA", "GIR 0AA"}) {
    CAPTURE(ok);
    CHECK(UkPostcodeValid(ok));
  }
}

TEST_CASE("UK postcode: bad inward letters and bad shapes") {
  // The inward code's letters are never C I K M O V.
  for (char bad : std::string("CIKMOV")) {
    CAPTURE(bad);
    CHECK_FALSE(UkPostcodeValid(std::string("OX28 1") + bad + "B"));
    CHECK_FALSE(UkPostcodeValid(std::string("OX28 1N") + bad));
  }
  for (const char* bad : {"QX28 1NB",   // Q, V, X never start a postcode
                          "VX28 1NB", "XX28 1NB",
                          "AJ1 1AA",    // I, J, Z never second
                          "AZ1 1AA",
                          "W1I 0AX",    // A9A: I not allowed third
                          "EC1Z 1BB",   // AA9A: Z not allowed fourth
                          "OX28 11B",   // inward must be digit letter letter
                          "OX2", "OX281 1NB", "1X28 1NB", "OX 1NB", "", "GIR 0AB"}) {
    CAPTURE(bad);
    CHECK_FALSE(UkPostcodeValid(bad));
  }
}

TEST_CASE("IBAN: mod 97, with GB's fixed length") {
  for (const char* ok : {"GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "gb82 west 1234 5698 7654 32",
                         "GB33 BUKB 2020 1555 5555 55", "DE89 3704 0044 0532 0130 00",
                         "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00"}) {
    CAPTURE(ok);
    CHECK(IbanValid(ok));
  }
  for (const char* bad : {"GB82 WEST 1234 5698 7654 33",   // check fails
                          "GB28 WEST 1234 5698 7654 32",   // check digits swapped
                          "GB82 WEST 1234 5698 7654 3",    // GB must be 22
                          "GB82 WEST 1234 5698 7654 321",
                          "NL91 ABNA 0417 1643 01",
                          "1282 WEST 1234 5698 7654 32",   // country must be letters
                          "GBAB WEST 1234 5698 7654 32",   // check digits must be digits
                          "GB82", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(IbanValid(bad));
  }
}

// The validator runs on the matched text inside a real check.
TEST_CASE("a rule's validator decides which matches become findings") {
  auto c = CheckerFor(R"toml(
[pack]
name = "v"
version = "1.0.0"

[[rules]]
id = "personal-data.nhs-number"
category = "personal-data"
severity = "serious"
message = "An NHS number."
suggestion = "Remove it."
sources = [{ policy = "combined-authority", section = "10" }]
view = "literal"
patterns = ['\b\d{3}[ -]?\d{3}[ -]?\d{4}\b']
validator = "nhs"
[rules.examples]
flag = ["NHS no 943 476 5919"]
pass = ["NHS no 943 476 5918"]

[[rules]]
id = "personal-data.postcode"
category = "personal-data"
severity = "advice"
message = "A postcode."
suggestion = "Remove it."
sources = [{ policy = "combined-authority", section = "10" }]
view = "literal"
patterns = ['\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b']
validator = "uk-postcode"
[rules.examples]
flag = ["I live at OX28 1NB"]
pass = ["Code OX28 1CB"]
)toml");
  CHECK(Join(RuleIds(c->Check("Mine is 943 476 5919 and 943 476 5918", Context{}))) ==
        "personal-data.nhs-number");
  const auto f = c->Check("Mine is 943 476 5919 and 943 476 5918", Context{});
  REQUIRE(f.size() == 1);
  CHECK(f[0].text == "943 476 5919");
  CHECK(c->Check("000 000 0000", Context{}).empty());
  // Postcodes: valid one found, invalid inward letters not.
  const auto p = c->Check("From ox28 1nb to OX28 1CB", Context{});
  REQUIRE(p.size() == 1);
  CHECK(p[0].text == "ox28 1nb");
}
