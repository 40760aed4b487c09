#include "rules/validators.h"

#include <cctype>
#include <string>

namespace postcheck {
namespace {

std::string DigitsOf(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

// Letters and digits, upper-cased; everything else (spaces, dashes) dropped.
std::string AlnumUpper(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out.push_back(char(std::toupper(c)));
  }
  return out;
}

bool AllSame(const std::string& s) {
  return !s.empty() && s.find_first_not_of(s[0]) == std::string::npos;
}

bool IsAlpha(char c) { return c >= 'A' && c <= 'Z'; }
bool IsNum(char c) { return c >= '0' && c <= '9'; }
bool In(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

}  // namespace

std::optional<Validator> ParseValidator(std::string_view name) {
  if (name == "luhn") return Validator::kLuhn;
  if (name == "nhs") return Validator::kNhs;
  if (name == "nino") return Validator::kNino;
  if (name == "uk-postcode") return Validator::kUkPostcode;
  if (name == "iban") return Validator::kIban;
  return std::nullopt;
}

bool Validate(Validator v, std::string_view match) {
  switch (v) {
    case Validator::kNone: return true;
    case Validator::kLuhn: return LuhnValid(match);
    case Validator::kNhs: return NhsNumberValid(match);
    case Validator::kNino: return NinoValid(match);
    case Validator::kUkPostcode: return UkPostcodeValid(match);
    case Validator::kIban: return IbanValid(match);
  }
  return false;
}

bool LuhnValid(std::string_view s) {
  const std::string d = DigitsOf(s);
  if (d.size() < 13 || d.size() > 19 || AllSame(d)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = d.rbegin(); it != d.rend(); ++it) {
    int x = *it - '0';
    if (twice) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool NhsNumberValid(std::string_view s) {
  const std::string d = DigitsOf(s);
  // A run of one digit passes mod 11 (0000000000) but is never issued.
  if (d.size() != 10 || AllSame(d)) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return false;
  return check == d[9] - '0';
}

bool NinoValid(std::string_view s) {
  const std::string t = AlnumUpper(s);
  if (t.size() != 8 && t.size() != 9) return false;
  if (!IsAlpha(t[0]) || !IsAlpha(t[1])) return false;
  for (int i = 2; i < 8; ++i) {
    if (!IsNum(t[i])) return false;
  }
  if (t.size() == 9 && !In(t[8], "ABCD")) return false;
  // HMRC never issues these letters in these places, nor these prefixes.
  if (In(t[0], "DFIQUV") || In(t[1], "DFIOQUV")) return false;
  const std::string prefix = t.substr(0, 2);
  for (std::string_view bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) {
    if (prefix == bad) return false;
  }
  return true;
}

bool UkPostcodeValid(std::string_view s) {
  const std::string t = AlnumUpper(s);
  if (t == "GIR0AA") return true;
  if (t.size() < 5 || t.size() > 7) return false;
  // Inward code: digit + two letters, never C I K M O V.
  const std::string in = t.substr(t.size() - 3);
  const std::string out = t.substr(0, t.size() - 3);
  if (!IsNum(in[0]) || !IsAlpha(in[1]) || !IsAlpha(in[2])) return false;
  if (In(in[1], "CIKMOV") || In(in[2], "CIKMOV")) return false;
  // Outward code: A9, A99, AA9, AA99, A9A, AA9A.
  if (!IsAlpha(out[0]) || In(out[0], "QVX")) return false;
  const size_t n = out.size();
  if (n == 2) return IsNum(out[1]);
  if (n == 3) {
    if (IsNum(out[1]) && IsNum(out[2])) return true;                                  // A99
    if (IsAlpha(out[1]) && IsNum(out[2])) return !In(out[1], "IJZ");                  // AA9
    if (IsNum(out[1]) && IsAlpha(out[2])) return In(out[2], "ABCDEFGHJKPSTUW");       // A9A
    return false;
  }
  if (n == 4) {
    if (!IsAlpha(out[1]) || In(out[1], "IJZ") || !IsNum(out[2])) return false;
    if (IsNum(out[3])) return true;                                                  // AA99
    return In(out[3], "ABEHMNPRVWXY");                                                // AA9A
  }
  return false;
}

bool IbanValid(std::string_view s) {
  const std::string t = AlnumUpper(s);
  if (t.size() < 15 || t.size() > 34) return false;
  if (!IsAlpha(t[0]) || !IsAlpha(t[1]) || !IsNum(t[2]) || !IsNum(t[3])) return false;
  if (t.rfind("GB", 0) == 0 && t.size() != 22) return false;
  const std::string r = t.substr(4) + t.substr(0, 4);
  int mod = 0;
  for (char c : r) {
    if (IsNum(c)) {
      mod = (mod * 10 + (c - '0')) % 97;
    } else {
      const int v = c - 'A' + 10;
      mod = (mod * 100 + v) % 97;
    }
  }
  return mod == 1;
}

}  // namespace postcheck
