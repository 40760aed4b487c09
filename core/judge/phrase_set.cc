#include "judge/phrase_set.h"

#include <algorithm>

#include "judge/window.h"
#include "text/normalize.h"

namespace postcheck {
namespace {

// FNV-1a: words are short, and a draft's words are hashed on every check.
constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// IsAsciiWordByte as a table: DraftWords asks it of every byte of a draft.
struct WordBytes {
  bool of[256] = {};
  constexpr WordBytes() {
    for (int c = 0; c < 256; ++c) of[c] = IsAsciiWordByte(static_cast<unsigned char>(c));
  }
};
constexpr WordBytes kWordBytes;

bool WordByte(char c) { return kWordBytes.of[static_cast<unsigned char>(c)]; }

size_t RunEnd(const std::string& s, size_t pos) {
  while (pos < s.size() && WordByte(s[pos])) ++pos;
  return pos;
}

}  // namespace

uint64_t PhraseSet::Hash(const char* s, size_t n) {
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(s[i])) * kFnvPrime;
  return h;
}

DraftWords::DraftWords(const std::string& text) : text_(text) {
  // One pass: each maximal run of word bytes is found and hashed as it is read.
  const char* s = text.data();
  const size_t n = text.size();
  starts_.reserve(n / 4 + 1);
  for (size_t pos = 0; pos < n;) {
    if (!WordByte(s[pos])) {
      ++pos;
      continue;
    }
    uint64_t h = kFnvOffset;
    size_t end = pos;
    for (; end < n && WordByte(s[end]); ++end) h = (h ^ static_cast<unsigned char>(s[end])) * kFnvPrime;
    starts_.push_back({uint32_t(pos), h});
    pos = end;
  }
}

PhraseSet::PhraseSet(const std::vector<std::string>& phrases) : phrases_(phrases) {
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.empty()) continue;
    if (!WordByte(p[0])) {
      others_.push_back(i);
      continue;
    }
    const uint64_t h = Hash(p.data(), RunEnd(p, 0));
    by_first_word_[h].push_back(i);
    first_word_bits_[(h >> 6) & 3] |= uint64_t(1) << (h & 63);
  }
}

bool PhraseSet::AnyIn(const DraftWords& draft, uint32_t from, uint32_t to) const {
  if (to <= from) return false;
  const std::string& text = draft.text();
  if (!by_first_word_.empty()) {
    const auto& starts = draft.starts();
    auto it = std::lower_bound(starts.begin(), starts.end(), from,
                               [](const DraftWords::Start& s, uint32_t pos) { return s.pos < pos; });
    // A phrase starting with a word starts where a word of the draft does
    // (HasPhrase's boundary before), and its first word is that whole word
    // (the boundary after it, or the non-word byte that follows it).
    for (; it != starts.end() && it->pos < to; ++it) {
      if (!((first_word_bits_[(it->hash >> 6) & 3] >> (it->hash & 63)) & 1)) continue;
      const auto found = by_first_word_.find(it->hash);
      if (found == by_first_word_.end()) continue;
      for (uint32_t i : found->second) {
        const std::string& p = phrases_[i];
        if (it->pos + p.size() <= to && PhraseAt(text, it->pos, p)) {
          return true;
        }
      }
    }
  }
  for (uint32_t i : others_) {
    if (HasPhrase(text, from, to, phrases_[i])) return true;
  }
  return false;
}

}  // namespace postcheck
