// Named validators: checks a regex cannot express, run on a candidate match
// before it becomes a finding.
#ifndef POSTCHECK_RULES_VALIDATORS_H_
#define POSTCHECK_RULES_VALIDATORS_H_

#include <optional>
#include <string_view>

namespace postcheck {

enum class Validator { kNone, kLuhn, kNhs, kNino, kUkPostcode, kIban };

std::optional<Validator> ParseValidator(std::string_view name);

// True when `match` (the matched text, any spacing) passes the check.
bool Validate(Validator v, std::string_view match);

// The individual checks, exposed for tests.
bool LuhnValid(std::string_view digits_and_spaces);        // 13-19 digits
bool NhsNumberValid(std::string_view digits_and_spaces);   // 10 digits, mod 11
bool NinoValid(std::string_view text);                     // AB 12 34 56 C
bool UkPostcodeValid(std::string_view text);               // OX28 1NB
bool IbanValid(std::string_view text);                     // mod 97

}  // namespace postcheck

#endif  // POSTCHECK_RULES_VALIDATORS_H_
