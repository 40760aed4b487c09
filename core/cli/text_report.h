// The human-readable form of `postcheck check`: the draft with each flagged
// span marked, and the explanation under it.
#ifndef POSTCHECK_CLI_TEXT_REPORT_H_
#define POSTCHECK_CLI_TEXT_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/finding.h"

namespace postcheck::cli {

// `color` adds ANSI underline and severity colours (for a terminal).
std::string TextReport(std::string_view draft, const std::vector<Finding>& findings, bool color);

}  // namespace postcheck::cli

#endif  // POSTCHECK_CLI_TEXT_REPORT_H_
