#include "cli/text_report.h"

#include <algorithm>
#include <map>

#include "text/utf8.h"

namespace postcheck::cli {
namespace {

const char* Colour(Severity s) {
  switch (s) {
    case Severity::kSerious: return "\033[1;31m";
    case Severity::kWarning: return "\033[33m";
    case Severity::kAdvice: return "\033[36m";
    case Severity::kInfo: return "\033[2m";
  }
  return "";
}

std::string Upper(std::string_view s) {
  std::string u(s);
  std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return char(std::toupper(c)); });
  return u;
}

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> LineCol(std::string_view text, size_t byte) {
  int line = 1, col = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

std::string TextReport(std::string_view draft, const std::vector<Finding>& findings, bool color) {
  const std::string reset = color ? "\033[0m" : "";
  std::string out;
  // The draft, with [ ] around each flagged span and its number after it.
  // Spans that overlap an earlier one are listed below but not marked again.
  std::map<size_t, std::vector<std::string>> inserts;
  size_t covered_to = 0;
  int n = 0;
  for (const Finding& f : findings) {
    ++n;
    if (f.byte_end == f.byte_start || f.byte_start < covered_to) continue;
    inserts[f.byte_start].push_back(color ? std::string("\033[4m") + Colour(f.severity) + "[" : "[");
    inserts[f.byte_end].insert(inserts[f.byte_end].begin(), "]" + reset + "(" + std::to_string(n) + ")");
    covered_to = f.byte_end;
  }
  const std::string clean = SanitizeUtf8(draft);  // same length only when valid
  const std::string_view src = clean.size() == draft.size() ? std::string_view(clean) : draft;
  size_t pos = 0;
  for (auto& [at, marks] : inserts) {
    out.append(src.substr(pos, at - pos));
    for (auto& m : marks) out += m;
    pos = at;
  }
  out.append(src.substr(pos));
  if (out.empty() || out.back() != '\n') out += '\n';
  out += '\n';

  n = 0;
  for (const Finding& f : findings) {
    ++n;
    const std::string sev = Upper(SeverityName(f.severity));
    out += std::to_string(n) + ". " + (color ? Colour(f.severity) : "") + sev + reset + "  " + f.rule->id;
    if (f.byte_end > f.byte_start) {
      auto [l, c] = LineCol(draft, f.byte_start);
      out += "  (line " + std::to_string(l) + ", column " + std::to_string(c) + ")\n";
      out += "   \"" + f.text + "\"\n";
    } else {
      out += "  (the whole draft)\n";
    }
    out += "   " + f.rule->message + "\n";
    if (!f.rule->suggestion.empty()) out += "   Safer: " + f.rule->suggestion + "\n";
    for (const Source& s : f.rule->sources) {
      out += "   Policy: " + s.policy + " " + s.section + (s.title.empty() ? "" : " (" + s.title + ")") + "\n";
    }
    out += '\n';
  }
  if (findings.empty()) out += "No findings.\n";
  return out;
}

}  // namespace postcheck::cli
