#include "checker.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "judge/window.h"
#include "match/matcher.h"
#include "text/normalize.h"

namespace postcheck {
namespace {

// Letters and digits only, lower-cased: "01993 861000" and "01993-861000"
// compare equal when checking the organisation's allow-list.
std::string AlnumKey(std::string_view s) {
  std::string k;
  for (unsigned char c : s) {
    if (std::isalnum(c)) k.push_back(char(std::tolower(c)));
  }
  return k;
}

// The organisation's terms for one draft, in words-view form.
struct OrgTerms {
  std::vector<std::string> lists[kOrgListCount];
  std::vector<std::string> allow_keys;

  explicit OrgTerms(const Context& ctx) {
    for (int l = 0; l < kOrgListCount; ++l) {
      for (const std::string& t : ctx.org_terms[l]) {
        std::string n = NormalizeWords(t);
        if (!n.empty()) lists[l].push_back(std::move(n));
      }
    }
    for (const std::string& t : ctx.terms(OrgList::kAllow)) allow_keys.push_back(AlnumKey(t));
  }
};

bool ProximityHolds(const Proximity& p, const PhraseSet& phrases, const View& words, const DraftWords& draft_words,
                    const OrgTerms& org, uint32_t o0, uint32_t o1) {
  const auto [from, to] = WordWindow(words, o0, o1, p.within == 0 ? -1 : p.within);
  if (phrases.AnyIn(draft_words, from, to)) return true;
  for (OrgList l : p.org_lists) {
    for (const std::string& term : org.lists[int(l)]) {
      if (HasPhrase(words.text, from, to, term)) return true;
    }
  }
  return false;
}

}  // namespace

Checker::~Checker() = default;

const std::vector<std::string>& Checker::warnings() const { return matcher_->warnings(); }

std::unique_ptr<Checker> Checker::Create(std::vector<Rule> rules, const CheckerOptions& options,
                                         std::string* error) {
  const std::string_view none[kViewCount];
  return Create(std::move(rules), options, none, error);
}

std::unique_ptr<Checker> Checker::Create(std::vector<Rule> rules, const CheckerOptions& options,
                                         const std::string_view set_images[kViewCount], std::string* error) {
  std::unique_ptr<Checker> c(new Checker());
  c->rules_ = std::move(rules);
  c->options_ = options;
  c->phrases_ = std::make_unique<LazyPhrases[]>(c->rules_.size());
  c->matcher_ = Matcher::Build(c->rules_, set_images, error);
  if (!c->matcher_) return nullptr;
  return c;
}

const Checker::RulePhrases& Checker::PhrasesOf(const Rule& r) const {
  LazyPhrases& lazy = phrases_[size_t(&r - rules_.data())];
  std::call_once(lazy.once, [&] {
    RulePhrases& rp = lazy.phrases;
    rp.allow = PhraseSet(r.allow);
    for (const Proximity& p : r.near) rp.near.emplace_back(p.phrases);
    for (const Proximity& p : r.not_near) rp.not_near.emplace_back(p.phrases);
    for (const Adjustment& a : r.adjust) rp.adjust.emplace_back(a.near.phrases);
  });
  return lazy.phrases;
}

bool Checker::Allowed(const Rule& rule, const Context& ctx) const {
  const Account account = ctx.account.value_or(options_.default_account);
  if (!rule.accounts.empty() &&
      std::find(rule.accounts.begin(), rule.accounts.end(), account) == rule.accounts.end()) {
    return false;
  }
  if (!rule.platforms.empty() &&
      std::find(rule.platforms.begin(), rule.platforms.end(), ctx.platform.value_or(Platform::kOther)) ==
          rule.platforms.end()) {
    return false;
  }
  if (rule.in_meeting && *rule.in_meeting != ctx.in_meeting) return false;
  if (rule.local_time && (!ctx.local_minutes || !rule.local_time->Contains(*ctx.local_minutes))) return false;
  return true;
}

std::vector<Finding> Checker::Check(std::string_view draft, const Context& ctx) const {
  std::vector<bool> active(rules_.size());
  bool any_active = false;
  for (size_t r = 0; r < rules_.size(); ++r) {
    active[r] = Allowed(rules_[r], ctx);
    any_active = any_active || active[r];
  }
  std::vector<Finding> findings;
  if (!any_active) return findings;

  const NormalizedText norm = Normalize(draft);
  const View& words = norm.view(ViewKind::kWords);
  const OrgTerms org(ctx);

  std::vector<Candidate> candidates;
  bool fell_back = false;
  matcher_->Find(norm, active, &candidates, &fell_back);
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    if (!active[r]) continue;
    if (rule.org_terms) {
      for (const std::string& term : org.lists[int(*rule.org_terms)]) {
        for (auto [s, e] : FindPhrase(words.text, term)) {
          candidates.push_back({r, Candidate::kNoPattern, ViewKind::kWords, s, e});
        }
      }
    }
  }

  // "Anywhere in the draft" (within = 0) does not depend on the match:
  // answer it once per draft, not once per match (which was quadratic).
  std::unordered_map<const Proximity*, bool> anywhere;
  std::optional<DraftWords> draft_words_made;  // only drafts with candidates need it
  auto draft_words = [&]() -> const DraftWords& {
    if (!draft_words_made) draft_words_made.emplace(words.text);
    return *draft_words_made;
  };
  auto holds = [&](const Proximity& p, const PhraseSet& phrases, uint32_t o0, uint32_t o1) {
    if (p.within != 0) return ProximityHolds(p, phrases, words, draft_words(), org, o0, o1);
    auto it = anywhere.find(&p);
    if (it == anywhere.end()) {
      it = anywhere.emplace(&p, ProximityHolds(p, phrases, words, draft_words(), org, o0, o1)).first;
    }
    return it->second;
  };
  auto passes_conditions = [&](const Rule& rule, uint32_t o0, uint32_t o1) {
    const RulePhrases& rp = PhrasesOf(rule);
    for (size_t i = 0; i < rule.near.size(); ++i) {
      if (!holds(rule.near[i], rp.near[i], o0, o1)) return false;
    }
    for (size_t i = 0; i < rule.not_near.size(); ++i) {
      if (holds(rule.not_near[i], rp.not_near[i], o0, o1)) return false;
    }
    return true;
  };
  // adjust: the severity after the rule's adjustments, or nullopt if dropped.
  auto adjusted = [&](const Rule& rule, Severity severity, uint32_t o0, uint32_t o1) -> std::optional<Severity> {
    const RulePhrases& rp = PhrasesOf(rule);
    for (size_t i = 0; i < rule.adjust.size(); ++i) {
      const Adjustment& a = rule.adjust[i];
      if (!holds(a.near, rp.adjust[i], o0, o1)) continue;
      if (a.effect == Adjustment::Effect::kDrop) return std::nullopt;
      severity = ShiftSeverity(severity, a.effect == Adjustment::Effect::kRaise ? 1 : -1);
    }
    return severity;
  };
  auto allowed_phrase = [&](const Rule& rule, uint32_t o0, uint32_t o1) {
    if (rule.allow.empty()) return false;
    const auto [from, to] = WordWindow(words, o0, o1, rule.whole_draft ? -1 : rule.allow_window);
    return PhrasesOf(rule).allow.AnyIn(draft_words(), from, to);
  };

  for (const Candidate& c : candidates) {
    const Rule& rule = rules_[c.rule];
    const View& view = norm.view(c.view);
    const auto [o0, o1] = view.ToOriginal(c.view_start, c.view_end);
    if (rule.validator != Validator::kNone &&
        !Validate(rule.validator, std::string_view(view.text).substr(c.view_start, c.view_end - c.view_start))) {
      continue;
    }
    if (allowed_phrase(rule, o0, o1)) continue;
    if (!passes_conditions(rule, o0, o1)) continue;

    Finding f;
    f.rule = &rule;
    const Pattern* pat = c.pattern == Candidate::kNoPattern ? nullptr : &rule.patterns[c.pattern];
    const Term* term = c.term < rule.terms.size() ? &rule.terms[c.term] : nullptr;
    const std::optional<Severity> own = pat ? pat->severity : term ? term->severity : std::nullopt;
    if (pat) f.term = pat->label;
    if (term) f.term = term->label;
    const std::optional<Severity> severity = adjusted(rule, own.value_or(rule.severity), o0, o1);
    if (!severity) continue;
    f.severity = *severity;
    f.byte_start = o0;
    f.byte_end = o1;
    findings.push_back(std::move(f));
  }

  // Rules about the draft as a whole (posting late at night, in a meeting).
  for (const Rule& rule : rules_) {
    if (!rule.whole_draft || !active[&rule - rules_.data()]) continue;
    const uint32_t end = uint32_t(draft.size());
    if (allowed_phrase(rule, 0, end) || !passes_conditions(rule, 0, end)) continue;
    const std::optional<Severity> severity = adjusted(rule, rule.severity, 0, end);
    if (!severity) continue;
    Finding f;
    f.rule = &rule;
    f.severity = *severity;
    findings.push_back(std::move(f));
  }

  SortAndMerge(&findings);

  // UTF-16 offsets for just the bytes the findings need, in one walk.
  std::vector<uint32_t> offsets;
  offsets.reserve(findings.size() * 2);
  for (const Finding& f : findings) {
    offsets.push_back(f.byte_start);
    offsets.push_back(f.byte_end);
  }
  std::sort(offsets.begin(), offsets.end());
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  std::vector<uint32_t> u16 = offsets;
  norm.ToUtf16(&u16);
  auto to_u16 = [&](uint32_t byte) {
    return u16[size_t(std::lower_bound(offsets.begin(), offsets.end(), byte) - offsets.begin())];
  };
  std::vector<Finding> out;
  out.reserve(findings.size());
  for (Finding& f : findings) {
    f.start = to_u16(f.byte_start);
    f.end = to_u16(f.byte_end);
    f.text = SanitizeUtf8(draft.substr(f.byte_start, f.byte_end - f.byte_start));
    if (!org.allow_keys.empty() && f.byte_end > f.byte_start) {
      const std::string key = AlnumKey(f.text);
      const bool allowed = std::any_of(org.allow_keys.begin(), org.allow_keys.end(), [&](const std::string& a) {
        return !key.empty() && a.find(key) != std::string::npos;
      });
      if (allowed) continue;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> Checker::RunExamples() const {
  std::vector<std::string> failures;
  auto has_rule = [](const std::vector<Finding>& fs, const Rule& r) {
    return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule->id == r.id; });
  };
  for (const Rule& rule : rules_) {
    for (const Example& e : rule.flag_examples) {
      if (!has_rule(Check(e.text, e.context), rule)) {
        failures.push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                           ": should flag but did not: \"" + e.text + "\"");
      }
    }
    for (const Example& e : rule.pass_examples) {
      if (has_rule(Check(e.text, e.context), rule)) {
        failures.push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                           ": should pass but flagged: \"" + e.text + "\"");
      }
    }
  }
  return failures;
}

}  // namespace postcheck
