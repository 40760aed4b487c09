// Findings (ARCHITECTURE.md, Contract 1): what a check reports, merged and
// ordered the same way on every surface.
#ifndef POSTCHECK_REPORT_FINDING_H_
#define POSTCHECK_REPORT_FINDING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "json/json_reader.h"
#include "rules/rule.h"

namespace postcheck {

struct Finding {
  const Rule* rule = nullptr;
  Severity severity = Severity::kWarning;
  uint32_t byte_start = 0, byte_end = 0;  // UTF-8 bytes of the original draft
  uint32_t start = 0, end = 0;            // UTF-16 code units (JavaScript indices)
  std::string text;                       // the flagged text as typed (set after merging)
  std::string term;                       // the lexicon term or phrase that matched, if any
};

// Orders findings by position (start, then end), then most severe first, then
// rule id; and merges duplicates: the same rule twice on overlapping text
// becomes one finding over both, and a finding inside another of the same
// category and no higher severity is dropped. A finding about the whole draft
// (start == end == 0) sorts first.
void SortAndMerge(std::vector<Finding>* findings);

// Contract 1 as JSON. `with_bytes` adds byteStart/byteEnd (the CLI's form).
Json FindingToJson(const Finding& f, bool with_bytes);

// A finding's `sources` (title and quote only when the pack gives them).
Json SourcesToJson(const std::vector<Source>& sources);

// What surfaces list about a rule: id, category, severity, pack, message,
// suggestion, sources (`postcheck rules list --format json`, checker.rules()).
Json RuleToJson(const Rule& r);

}  // namespace postcheck

#endif  // POSTCHECK_REPORT_FINDING_H_
