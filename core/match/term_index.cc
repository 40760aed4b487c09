#include "match/term_index.h"

#include <cstring>

#include "match/matcher.h"

namespace postcheck {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a of `s` with every run of one byte hashed once ("bellend" as "belend").
uint64_t CollapsedHash(const char* s, size_t n) {
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;
    h = (h ^ static_cast<unsigned char>(s[i])) * kFnvPrime;
  }
  return h;
}

// CollapsedHash of s[0, n), s[0, n - 1) and s[0, n - 2), in one pass: a
// draft word's hash as written and without a plural "s" or "es". (A prefix
// the word is too short to have is left as the empty hash; Find skips it.)
void CollapsedHashes(const char* s, size_t n, uint64_t keys[3]) {
  uint64_t h = kFnvOffset;
  auto step = [&](size_t i) {
    if (i == 0 || s[i] != s[i - 1]) h = (h ^ static_cast<unsigned char>(s[i])) * kFnvPrime;
  };
  size_t i = 0;
  for (const size_t stop = n > 2 ? n - 2 : 0; i < stop; ++i) step(i);
  keys[2] = h;
  if (i + 1 < n) step(i++);
  keys[1] = h;
  for (; i < n; ++i) step(i);
  keys[0] = h;
}

// The bit of TermIndex::key_bits_ for a key, among `bits` (a power of two).
size_t KeyBit(uint64_t key, size_t bits) { return size_t((key ^ (key >> 29)) & (bits - 1)); }

uint32_t MaskKey(char first, char last, size_t length) {
  return (uint32_t(static_cast<unsigned char>(first)) << 24) | (uint32_t(static_cast<unsigned char>(last)) << 16) |
         uint32_t(length & 0xFFFF);
}

// Every spelling of `word` with each 'l' kept or read as 'i' (at most 16).
std::vector<std::string> LiVariants(const std::string& word) {
  std::vector<std::string> out{word};
  size_t ls = 0;
  for (char c : word) ls += c == 'l';
  if (ls == 0) return out;
  if (ls > 4) {  // keep it small: all-l and all-i
    std::string all_i = word;
    for (char& c : all_i) c = c == 'l' ? 'i' : c;
    out.push_back(all_i);
    return out;
  }
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] != 'l') continue;
    const size_t n = out.size();
    for (size_t k = 0; k < n; ++k) {
      std::string v = out[k];
      v[i] = 'i';
      out.push_back(std::move(v));
    }
  }
  return out;
}

// Whether the view byte at `b` stands for a run the view folded (three or
// more of one letter typed, one kept).
bool Folded(const View& v, size_t b) { return v.OrigEnd(b) - v.OrigStart(b) > 1; }

// The run-by-run comparison described in term_index.h, for an unmasked word:
// `term` against the view bytes [b, e).
bool SameRuns(const std::string& term, const View& v, size_t b, size_t e) {
  size_t i = 0, j = b;
  while (i < term.size() && j < e) {
    const char c = term[i];
    if (v.text[j] != c) return false;
    size_t ti = i, tj = j;
    while (ti < term.size() && term[ti] == c) ++ti;
    while (tj < e && v.text[tj] == c) ++tj;
    const size_t tn = ti - i, vn = tj - j;
    const bool ok = tn == vn || (tn >= 2 && vn == 1 && Folded(v, j));
    if (!ok) return false;
    i = ti;
    j = tj;
  }
  return i == term.size() && j == e;
}

// A masked draft word ("f*ck") against a term word of the same length.
bool SameMasked(const std::string& term, const View& v, size_t b, size_t e) {
  if (e - b != term.size() || term.size() < 4) return false;
  for (size_t k = 0; k < term.size(); ++k) {
    const char t = v.text[b + k];
    const bool interior = k > 0 && k + 1 < term.size();
    if (t != term[k] && !(t == '*' && interior)) return false;
  }
  return true;
}

bool HasMask(const View& v, size_t b, size_t e) { return std::memchr(v.text.data() + b, '*', e - b) != nullptr; }

// One term word against one draft word; the last word of a plural term may
// add "s" or "es".
bool WordMatches(const std::string& term, const View& v, const Word& w, bool plural_here) {
  const size_t b = w.view_start, e = w.view_end;
  bool (*same)(const std::string&, const View&, size_t, size_t) = HasMask(v, b, e) ? SameMasked : SameRuns;
  if (same(term, v, b, e)) return true;
  if (!plural_here || e - b <= term.size()) return false;
  if (v.text[e - 1] == 's' && same(term, v, b, e - 1)) return true;
  return e - b > 2 && v.text[e - 2] == 'e' && v.text[e - 1] == 's' && same(term, v, b, e - 2);
}

}  // namespace

TermIndex::TermIndex(const std::vector<Rule>& rules) : rules_(rules) {
  for (uint32_t r = 0; r < rules.size(); ++r) {
    for (uint32_t t = 0; t < rules[r].terms.size(); ++t) {
      const Term& term = rules[r].terms[t];
      if (term.words.empty()) continue;
      // Every combination of the words' spellings (terms are short).
      std::vector<std::vector<std::string>> spellings{{}};
      for (const std::string& word : term.words) {
        std::vector<std::vector<std::string>> next;
        for (const auto& prefix : spellings) {
          for (const std::string& v : LiVariants(word)) {
            next.push_back(prefix);
            next.back().push_back(v);
          }
        }
        spellings.swap(next);
        if (spellings.size() > 64) spellings.resize(64);
      }
      for (auto& words : spellings) {
        const uint32_t id = uint32_t(refs_.size());
        const std::string& first = words.front();
        by_key_[CollapsedHash(first.data(), first.size())].push_back(id);
        if (first.size() >= 4) masked_[MaskKey(first.front(), first.back(), first.size())].push_back(id);
        refs_.push_back({r, t, std::move(words)});
      }
    }
  }
  // About 16 bits a key keeps a false "maybe" near one word in sixteen.
  size_t bits = 64;
  while (bits < by_key_.size() * 16) bits *= 2;
  key_bits_.assign(bits / 64, 0);
  for (const auto& [key, refs] : by_key_) {
    const size_t b = KeyBit(key, bits);
    key_bits_[b / 64] |= uint64_t(1) << (b % 64);
  }
}

bool TermIndex::MayHaveKey(uint64_t key) const {
  const size_t b = KeyBit(key, key_bits_.size() * 64);
  return (key_bits_[b / 64] >> (b % 64)) & 1;
}

bool TermIndex::MatchFrom(const Ref& ref, const View& v, size_t first_word) const {
  const Term& term = rules_[ref.rule].terms[ref.term];
  if (first_word + ref.words.size() > v.words.size()) return false;
  for (size_t k = 0; k < ref.words.size(); ++k) {
    const bool last = k + 1 == ref.words.size();
    if (!WordMatches(ref.words[k], v, v.words[first_word + k], last && term.plural)) return false;
  }
  return true;
}

void TermIndex::Find(const View& v, const std::vector<bool>& active, std::vector<Candidate>* out) const {
  if (refs_.empty()) return;
  std::vector<uint32_t> seen;  // refs tried at this word (a word may hash to a ref twice)
  for (size_t i = 0; i < v.words.size(); ++i) {
    const Word& w = v.words[i];
    const char* s = v.text.data() + w.view_start;
    const size_t n = w.view_end - w.view_start;
    seen.clear();
    auto consider = [&](uint32_t id) {
      const Ref& ref = refs_[id];
      if (!active[ref.rule]) return;
      for (uint32_t prev : seen) {
        if (refs_[prev].rule == ref.rule && refs_[prev].term == ref.term) return;  // one match per term
      }
      if (!MatchFrom(ref, v, i)) return;
      seen.push_back(id);
      const Word& last = v.words[i + ref.words.size() - 1];
      out->push_back({ref.rule, Candidate::kNoPattern, ViewKind::kWords, w.view_start, last.view_end, ref.term});
    };
    // The word as written, and without a plural ending.
    const size_t lengths[3] = {n, n > 2 && s[n - 1] == 's' ? n - 1 : 0, n > 3 && s[n - 2] == 'e' && s[n - 1] == 's' ? n - 2 : 0};
    if (HasMask(v, w.view_start, w.view_end)) {
      for (size_t len : lengths) {
        if (len < 4) continue;
        auto it = masked_.find(MaskKey(s[0], s[len - 1], len));
        if (it == masked_.end()) continue;
        for (uint32_t id : it->second) consider(id);
      }
      continue;
    }
    uint64_t keys[3];
    CollapsedHashes(s, n, keys);
    uint64_t last_key = 0;  // collapsed, "bellends" and "bellend" may hash alike
    for (int k = 0; k < 3; ++k) {
      if (lengths[k] == 0) continue;
      const uint64_t key = keys[k];
      if (key == last_key) continue;
      last_key = key;
      if (!MayHaveKey(key)) continue;
      auto it = by_key_.find(key);
      if (it == by_key_.end()) continue;
      for (uint32_t id : it->second) consider(id);
    }
  }
}

}  // namespace postcheck
