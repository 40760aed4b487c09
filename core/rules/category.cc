#include "rules/category.h"

#include <algorithm>

namespace postcheck {

const std::vector<std::string_view>& CategoryIds() {
  static const std::vector<std::string_view> kIds = {
      "personal-data", "credentials",       "confidential", "defamation",     "abuse",
      "threat",        "discrimination",    "predetermination", "official-capacity",
      "staff-attack",  "haste",             "misinformation", "unsafe-link",  "copyright",
      "safeguarding",  "obscene",           "meeting-use"};
  return kIds;
}

bool IsKnownCategory(std::string_view id) {
  const auto& ids = CategoryIds();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::optional<Severity> ParseSeverity(std::string_view s) {
  if (s == "info") return Severity::kInfo;
  if (s == "advice") return Severity::kAdvice;
  if (s == "warning") return Severity::kWarning;
  if (s == "serious") return Severity::kSerious;
  return std::nullopt;
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kAdvice: return "advice";
    case Severity::kWarning: return "warning";
    case Severity::kSerious: return "serious";
  }
  return "info";
}

Severity ShiftSeverity(Severity s, int steps) {
  return Severity(std::clamp(int(s) + steps, int(Severity::kInfo), int(Severity::kSerious)));
}

}  // namespace postcheck
