#include "match/matcher.h"

#include <re2/re2.h>

#include "match/set_image.h"

namespace postcheck {
namespace {

// The set's DFA gets more room than a single pattern: it holds every pattern
// of a view at once. Past this, matching falls back (see Find).
constexpr int64_t kSetMaxMem = 64 << 20;

}  // namespace

std::unique_ptr<Matcher> Matcher::Build(const std::vector<Rule>& rules, std::string* error) {
  const std::string_view none[kViewCount];
  return Build(rules, none, error);
}

std::unique_ptr<Matcher> Matcher::Build(const std::vector<Rule>& rules, const std::string_view set_images[kViewCount],
                                        std::string* error) {
  std::unique_ptr<Matcher> m(new Matcher(rules));
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(kSetMaxMem);
  for (int v = 0; v < kViewCount; ++v) {
    m->sets_[v].set = std::make_unique<re2::RE2::Set>(opts, RE2::UNANCHORED);
  }
  // Set members are numbered in rule and pattern order, the same order a
  // saved set was built in; a saved view needs no parsing here at all.
  for (uint32_t r = 0; r < rules.size(); ++r) {
    for (uint32_t p = 0; p < rules[r].patterns.size(); ++p) {
      const Pattern& pat = rules[r].patterns[p];
      ViewSet& vs = m->sets_[int(pat.view)];
      vs.members.push_back({r, p});
      if (!set_images[int(pat.view)].empty()) continue;
      std::string err;
      if (vs.set->Add(pat.regex, &err) < 0) {
        *error = "rule " + rules[r].id + ": pattern '" + pat.regex + "': " + err;
        return nullptr;
      }
    }
  }
  for (int v = 0; v < kViewCount; ++v) {
    if (m->sets_[v].members.empty()) continue;
    if (!set_images[v].empty()) {
      m->sets_[v].set = LoadSetImage(set_images[v], opts, int(m->sets_[v].members.size()), error);
      if (!m->sets_[v].set) return nullptr;
      continue;
    }
    if (!m->sets_[v].set->Compile()) {
      m->sets_[v].set.reset();
      m->warnings_.push_back(std::string("the ") + (v == int(ViewKind::kWords) ? "words" : "literal") +
                             "-view patterns together exceed RE2's memory budget for one set; each of the " +
                             std::to_string(m->sets_[v].members.size()) +
                             " patterns is run on its own instead (slower, nothing skipped)");
    }
  }
  return m;
}

std::string Matcher::SaveSet(ViewKind view) const {
  const ViewSet& vs = sets_[int(view)];
  return vs.set && !vs.members.empty() ? SaveSetImage(*vs.set) : "";
}

void Matcher::FindAll(const Member& m, ViewKind view, const std::string& text, std::vector<Candidate>* out) const {
  const RE2& re = rules_[m.rule].patterns[m.pattern].re->get();
  if (!re.ok()) return;  // cannot happen for a pattern the set compiled; be safe
  re2::StringPiece input(text);
  size_t pos = 0;
  re2::StringPiece match;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t start = size_t(match.data() - text.data());
    const size_t end = start + match.size();
    if (end > start) out->push_back({m.rule, m.pattern, view, uint32_t(start), uint32_t(end)});
    // Resume after the match; after an empty one, after the next character.
    pos = end > start ? end : end + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
}

void Matcher::Find(const NormalizedText& text, const std::vector<bool>& active, std::vector<Candidate>* out,
                   bool* fell_back) const {
  *fell_back = false;
  std::vector<int> hits;
  for (int v = 0; v < kViewCount; ++v) {
    const ViewSet& vs = sets_[v];
    if (vs.members.empty()) continue;
    const std::string& t = text.views[v].text;
    hits.clear();
    re2::RE2::Set::ErrorInfo info{};
    const bool any = vs.set && vs.set->Match(t, &hits, &info);
    if (!vs.set || (!any && info.kind != re2::RE2::Set::kNoError)) {
      // No set, or its DFA gave up (out of memory): run every active pattern.
      *fell_back = vs.set != nullptr;
      hits.clear();
      for (size_t i = 0; i < vs.members.size(); ++i) hits.push_back(int(i));
    }
    for (int h : hits) {
      const Member& m = vs.members[size_t(h)];
      if (!active[m.rule]) continue;
      FindAll(m, ViewKind(v), t, out);
    }
  }
  terms_.Find(text.view(ViewKind::kWords), active, out);
}

}  // namespace postcheck
