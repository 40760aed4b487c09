#include "report/finding.h"

#include <algorithm>
#include <map>

namespace postcheck {
namespace {

bool Before(const Finding& a, const Finding& b) {
  // A finding about the whole draft (start == end == 0) sorts first, as
  // finding.h promises; by offsets alone a match at byte 0 would come first.
  const bool a_draft = a.byte_start == 0 && a.byte_end == 0, b_draft = b.byte_start == 0 && b.byte_end == 0;
  if (a_draft != b_draft) return a_draft;
  if (a.byte_start != b.byte_start) return a.byte_start < b.byte_start;
  if (a.byte_end != b.byte_end) return a.byte_end > b.byte_end;  // outer span first
  if (a.severity != b.severity) return a.severity > b.severity;
  return a.rule->id < b.rule->id;
}

}  // namespace

void SortAndMerge(std::vector<Finding>* findings) {
  std::vector<Finding>& f = *findings;
  std::sort(f.begin(), f.end(), Before);
  std::vector<Finding> out;
  out.reserve(f.size());
  // The last kept finding of each category and of each rule: sorted by start,
  // only the most recent can contain or overlap the next one.
  std::map<std::string, size_t> last_of_category, last_of_rule;
  for (Finding& x : f) {
    auto r = last_of_rule.find(x.rule->id);
    if (r != last_of_rule.end()) {
      Finding& prev = out[r->second];
      if (x.byte_start < prev.byte_end || (x.byte_start == prev.byte_start && x.byte_end == prev.byte_end)) {
        if (x.byte_end > prev.byte_end) {  // overlapping: extend to cover both
          prev.byte_end = x.byte_end;
          prev.end = x.end;
        }
        prev.severity = std::max(prev.severity, x.severity);
        continue;
      }
    }
    auto c = last_of_category.find(x.rule->category);
    if (c != last_of_category.end()) {
      const Finding& outer = out[c->second];
      const bool inside = x.byte_start >= outer.byte_start && x.byte_end <= outer.byte_end &&
                          !(x.byte_start == 0 && x.byte_end == 0);
      if (inside && x.severity <= outer.severity) continue;
    }
    last_of_rule[x.rule->id] = out.size();
    if (c == last_of_category.end() || x.byte_end > out[c->second].byte_end) {
      last_of_category[x.rule->category] = out.size();
    }
    out.push_back(std::move(x));
  }
  f.swap(out);
}

Json FindingToJson(const Finding& f, bool with_bytes) {
  Json j = Json::object();
  j["rule"] = f.rule->id;
  j["category"] = f.rule->category;
  j["severity"] = std::string(SeverityName(f.severity));
  j["start"] = f.start;
  j["end"] = f.end;
  if (with_bytes) {
    j["byteStart"] = f.byte_start;
    j["byteEnd"] = f.byte_end;
  }
  j["text"] = f.text;
  j["message"] = f.rule->message;
  j["suggestion"] = f.rule->suggestion;
  j["sources"] = SourcesToJson(f.rule->sources);
  if (!f.term.empty()) j["term"] = f.term;
  return j;
}

Json SourcesToJson(const std::vector<Source>& sources) {
  Json out = Json::array();
  for (const Source& s : sources) {
    Json src = {{"policy", s.policy}, {"section", s.section}};
    if (!s.title.empty()) src["title"] = s.title;
    if (!s.quote.empty()) src["quote"] = s.quote;
    out.push_back(std::move(src));
  }
  return out;
}

Json RuleToJson(const Rule& r) {
  return {{"id", r.id},           {"category", r.category},     {"severity", std::string(SeverityName(r.severity))},
          {"pack", r.pack},       {"message", r.message},       {"suggestion", r.suggestion},
          {"sources", SourcesToJson(r.sources)}};
}

}  // namespace postcheck
