#include "image/rule_image.h"

#include <cstring>
#include <unordered_map>

#include "image/bytes.h"
#include "match/matcher.h"

namespace postcheck {
namespace {

constexpr std::string_view kMagic = "PostCheck rule image\n";
// Bumped whenever the layout below changes.
constexpr uint32_t kFormat = 1;

// A digest of the body, eight bytes a step (FNV-1a's constants over 64-bit
// words, so start-up hashes a megabyte in well under a millisecond): it
// catches damage in transit, not tampering. An image is only ever made by
// the build, beside the engine that loads it.
uint64_t Digest(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * 1099511628211ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ uint8_t(bytes[i])) * 1099511628211ull;
  return h;
}

// ---- writing ----

void PutStrings(ByteWriter* w, const std::vector<std::string>& v) {
  w->U32(uint32_t(v.size()));
  for (const std::string& s : v) w->Str(s);
}

template <typename Enum>
void PutEnums(ByteWriter* w, const std::vector<Enum>& v) {
  w->U32(uint32_t(v.size()));
  for (Enum e : v) w->U8(uint8_t(e));
}

void PutSeverity(ByteWriter* w, const std::optional<Severity>& s) { w->U8(s ? uint8_t(*s) + 1 : 0); }

void PutProximity(ByteWriter* w, const Proximity& p) {
  PutStrings(w, p.phrases);
  PutEnums(w, p.org_lists);
  w->U32(uint32_t(p.within));
}

void PutRule(ByteWriter* w, const Rule& r, std::unordered_map<const LazyRegex*, uint32_t>* regexes) {
  w->Str(r.id);
  w->Str(r.category);
  w->U8(uint8_t(r.severity));
  w->Str(r.message);
  w->Str(r.suggestion);
  w->U32(uint32_t(r.sources.size()));
  for (const Source& s : r.sources) {
    w->Str(s.policy);
    w->Str(s.section);
    w->Str(s.title);
    w->Str(s.quote);
  }
  w->U32(uint32_t(r.patterns.size()));
  for (const Pattern& p : r.patterns) {
    // A lexicon entry used by several rules is one LazyRegex; keep it one.
    auto [it, added] = regexes->emplace(p.re.get(), uint32_t(regexes->size()));
    w->U32(it->second);
    if (added) w->Str(p.re->pattern());  // p.regex is the same text
    w->U8(uint8_t(p.view));
    PutSeverity(w, p.severity);
    w->F64(p.likelihood);
    w->Str(p.label);
  }
  w->U32(uint32_t(r.terms.size()));
  for (const Term& t : r.terms) {
    PutStrings(w, t.words);
    w->U8(t.plural);
    PutSeverity(w, t.severity);
    w->F64(t.likelihood);
    w->Str(t.label);
  }
  w->U8(r.org_terms ? uint8_t(*r.org_terms) + 1 : 0);
  w->U8(r.whole_draft);
  w->U8(uint8_t(r.validator));
  PutStrings(w, r.allow);
  w->U32(uint32_t(r.allow_window));
  PutEnums(w, r.accounts);
  PutEnums(w, r.platforms);
  w->U8(r.in_meeting ? uint8_t(*r.in_meeting) + 1 : 0);
  w->U8(r.local_time.has_value());
  w->U32(r.local_time ? uint32_t(r.local_time->from) : 0);
  w->U32(r.local_time ? uint32_t(r.local_time->to) : 0);
  w->U32(uint32_t(r.near.size()));
  for (const Proximity& p : r.near) PutProximity(w, p);
  w->U32(uint32_t(r.not_near.size()));
  for (const Proximity& p : r.not_near) PutProximity(w, p);
  w->U32(uint32_t(r.adjust.size()));
  for (const Adjustment& a : r.adjust) {
    PutProximity(w, a.near);
    w->U8(uint8_t(a.effect));
  }
  w->Str(r.pack);
  w->Str(r.file);
  w->U32(uint32_t(r.line));
}

// ---- reading ----

// Enum values are checked against their range: the image is bytes from
// outside this process, and an out-of-range enum is undefined behaviour.
template <typename Enum>
Enum GetEnum(ByteReader* r, int count, const char* what) {
  const uint8_t v = r->U8();
  if (v >= count) r->Fail(std::string("an unknown ") + what);
  return r->ok() ? Enum(v) : Enum(0);
}

std::vector<std::string> GetStrings(ByteReader* r) {
  std::vector<std::string> v(r->Count(4));
  for (std::string& s : v) s = r->Str();
  return v;
}

template <typename Enum>
std::vector<Enum> GetEnums(ByteReader* r, int count, const char* what) {
  std::vector<Enum> v(r->Count(1));
  for (Enum& e : v) e = GetEnum<Enum>(r, count, what);
  return v;
}

std::optional<Severity> GetSeverity(ByteReader* r) {
  const uint8_t v = r->U8();
  if (v > 4) r->Fail("an unknown severity");
  if (v == 0 || !r->ok()) return std::nullopt;
  return Severity(v - 1);
}

Proximity GetProximity(ByteReader* r) {
  Proximity p;
  p.phrases = GetStrings(r);
  p.org_lists = GetEnums<OrgList>(r, kOrgListCount, "organisation list");
  p.within = int(r->U32());
  return p;
}

Rule GetRule(ByteReader* r, std::vector<std::shared_ptr<const LazyRegex>>* regexes) {
  Rule rule;
  rule.id = r->Str();
  rule.category = r->Str();
  if (r->ok() && !IsKnownCategory(rule.category)) r->Fail("an unknown category '" + rule.category + "'");
  rule.severity = GetEnum<Severity>(r, 4, "severity");
  rule.message = r->Str();
  rule.suggestion = r->Str();
  rule.sources.resize(r->Count(16));
  for (Source& s : rule.sources) {
    s.policy = r->Str();
    s.section = r->Str();
    s.title = r->Str();
    s.quote = r->Str();
  }
  rule.patterns.resize(r->Count(12));
  for (Pattern& p : rule.patterns) {
    const uint32_t index = r->U32();
    if (r->ok() && index == regexes->size()) regexes->push_back(std::make_shared<LazyRegex>(r->Str()));
    if (r->ok() && index >= regexes->size()) r->Fail("a pattern that refers to no regex");
    if (!r->ok()) break;
    p.re = (*regexes)[index];
    p.regex = p.re->pattern();
    p.view = GetEnum<ViewKind>(r, kViewCount, "view");
    p.severity = GetSeverity(r);
    p.likelihood = r->F64();
    p.label = r->Str();
  }
  rule.terms.resize(r->Count(18));
  for (Term& t : rule.terms) {
    t.words = GetStrings(r);
    t.plural = r->U8() != 0;
    t.severity = GetSeverity(r);
    t.likelihood = r->F64();
    t.label = r->Str();
  }
  if (const uint8_t org = r->U8(); org != 0) {
    if (org > kOrgListCount) r->Fail("an unknown organisation list");
    rule.org_terms = OrgList(org - 1);
  }
  rule.whole_draft = r->U8() != 0;
  rule.validator = GetEnum<Validator>(r, int(Validator::kIban) + 1, "validator");
  rule.allow = GetStrings(r);
  rule.allow_window = int(r->U32());
  rule.accounts = GetEnums<Account>(r, 2, "account");
  rule.platforms = GetEnums<Platform>(r, 3, "platform");
  if (const uint8_t m = r->U8(); m != 0) rule.in_meeting = m == 2;
  const bool has_time = r->U8() != 0;
  const int from = int(r->U32()), to = int(r->U32());
  if (has_time) rule.local_time = TimeWindow{from, to};
  rule.near.resize(r->Count(12));
  for (Proximity& p : rule.near) p = GetProximity(r);
  rule.not_near.resize(r->Count(12));
  for (Proximity& p : rule.not_near) p = GetProximity(r);
  rule.adjust.resize(r->Count(13));
  for (Adjustment& a : rule.adjust) {
    a.near = GetProximity(r);
    a.effect = GetEnum<Adjustment::Effect>(r, 3, "adjustment");
  }
  rule.pack = r->Str();
  rule.file = r->Str();
  rule.line = int(r->U32());
  return rule;
}

}  // namespace

std::vector<PackInfo> PackInfos(const LoadResult& loaded) {
  std::vector<PackInfo> out;
  for (const LoadedPack& p : loaded.packs) out.push_back({p.name, p.version, p.rules.size()});
  return out;
}

std::string SaveRuleImage(const Checker& checker, const std::vector<PackInfo>& packs) {
  ByteWriter body;
  body.Str(kEngineVersion);
  body.U32(uint32_t(packs.size()));
  for (const PackInfo& p : packs) {
    body.Str(p.name);
    body.Str(p.version);
    body.U32(uint32_t(p.rules));
  }
  std::unordered_map<const LazyRegex*, uint32_t> regexes;
  body.U32(uint32_t(checker.rules().size()));
  for (const Rule& r : checker.rules()) PutRule(&body, r, &regexes);
  for (int v = 0; v < kViewCount; ++v) body.Str(checker.matcher().SaveSet(ViewKind(v)));

  ByteWriter out;
  out.Raw(kMagic.data(), kMagic.size());
  out.U32(kFormat);
  out.I64(int64_t(Digest(body.bytes())));
  out.Raw(body.bytes().data(), body.bytes().size());
  return std::move(out.bytes());
}

LoadedImage LoadRuleImage(std::string_view bytes, const CheckerOptions& options) {
  LoadedImage out;
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    out.error = "rule image: not a PostCheck rule image";
    return out;
  }
  ByteReader head(bytes.substr(kMagic.size()));
  const uint32_t format = head.U32();
  const uint64_t digest = uint64_t(head.I64());
  if (!head.ok() || format != kFormat) {
    out.error = "rule image: format " + std::to_string(format) + ", but this engine reads format " +
                std::to_string(kFormat) + "; rebuild the image with this engine";
    return out;
  }
  const std::string_view body = bytes.substr(kMagic.size() + 12);
  if (Digest(body) != digest) {
    out.error = "rule image: damaged (its digest does not match its bytes)";
    return out;
  }
  ByteReader r(body);
  const std::string engine = r.Str();
  if (r.ok() && engine != kEngineVersion) {
    out.error = "rule image: made by engine " + engine + ", but this is engine " + kEngineVersion +
                "; rebuild the image with this engine";
    return out;
  }
  out.packs.resize(r.Count(12));
  for (PackInfo& p : out.packs) {
    p.name = r.Str();
    p.version = r.Str();
    p.rules = r.U32();
  }
  std::vector<std::shared_ptr<const LazyRegex>> regexes;
  std::vector<Rule> rules(r.Count(64));
  for (Rule& rule : rules) {
    if (!r.ok()) break;
    rule = GetRule(&r, &regexes);
  }
  std::string sets[kViewCount];
  for (std::string& s : sets) s = r.Str();
  if (r.ok() && !r.done()) r.Fail("bytes after the image's end");
  if (!r.ok()) {
    out.error = "rule image: " + r.error();
    return out;
  }
  std::string_view set_views[kViewCount];
  for (int v = 0; v < kViewCount; ++v) set_views[v] = sets[v];
  out.checker = Checker::Create(std::move(rules), options, set_views, &out.error);
  if (!out.checker) out.error = "rule image: " + out.error;
  return out;
}

}  // namespace postcheck
