// The stable category ids (ARCHITECTURE.md, Contract 2) and severities.
#ifndef POSTCHECK_RULES_CATEGORY_H_
#define POSTCHECK_RULES_CATEGORY_H_

#include <optional>
#include <string_view>
#include <vector>

namespace postcheck {

// Every category id a rule may use. Order is the order of Contract 2.
const std::vector<std::string_view>& CategoryIds();
bool IsKnownCategory(std::string_view id);

// info < advice < warning < serious. `info` never counts as an alarm.
enum class Severity { kInfo = 0, kAdvice = 1, kWarning = 2, kSerious = 3 };

std::optional<Severity> ParseSeverity(std::string_view s);
std::string_view SeverityName(Severity s);

// One step up or down, clamped to [info, serious].
Severity ShiftSeverity(Severity s, int steps);

}  // namespace postcheck

#endif  // POSTCHECK_RULES_CATEGORY_H_
