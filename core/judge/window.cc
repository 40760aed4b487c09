#include "judge/window.h"

#include <algorithm>

namespace postcheck {
namespace {

bool BoundaryBefore(const std::string& t, size_t pos, const std::string& phrase) {
  if (pos == 0 || !IsAsciiWordByte(static_cast<unsigned char>(phrase.front()))) return true;
  return !IsAsciiWordByte(static_cast<unsigned char>(t[pos - 1]));
}

bool BoundaryAfter(const std::string& t, size_t end, const std::string& phrase) {
  if (end >= t.size() || !IsAsciiWordByte(static_cast<unsigned char>(phrase.back()))) return true;
  return !IsAsciiWordByte(static_cast<unsigned char>(t[end]));
}

}  // namespace

std::pair<uint32_t, uint32_t> WordWindow(const View& v, uint32_t orig_start, uint32_t orig_end, int within) {
  const auto& w = v.words;
  if (within < 0 || w.empty()) return {0, uint32_t(v.text.size())};
  // First word ending after the span starts; last word starting before it ends.
  auto first = std::partition_point(w.begin(), w.end(), [&](const Word& x) { return x.orig_end <= orig_start; });
  auto last = std::partition_point(w.begin(), w.end(), [&](const Word& x) { return x.orig_start < orig_end; });
  long a = long(first - w.begin());
  long b = long(last - w.begin()) - 1;  // may be < a when the span covers no word
  if (b < a) b = a - 1;
  a = std::max(0L, a - within);
  b = std::min(long(w.size()) - 1, b + within);
  if (b < a) return {0, 0};
  return {w[size_t(a)].view_start, w[size_t(b)].view_end};
}

bool HasPhrase(const std::string& text, uint32_t from, uint32_t to, const std::string& phrase) {
  if (phrase.empty() || to <= from || phrase.size() > to - from) return false;
  // Search only the window: a search to the end of the text would make every
  // candidate cost O(draft) and a long draft quadratic.
  const std::string_view window(text.data() + from, to - from);
  size_t pos = 0;
  while ((pos = window.find(phrase, pos)) != std::string_view::npos) {
    if (BoundaryBefore(text, from + pos, phrase) && BoundaryAfter(text, from + pos + phrase.size(), phrase)) return true;
    ++pos;
  }
  return false;
}

bool PhraseAt(const std::string& text, uint32_t pos, const std::string& phrase) {
  return !phrase.empty() && pos <= text.size() && text.size() - pos >= phrase.size() &&
         text.compare(pos, phrase.size(), phrase) == 0 && BoundaryBefore(text, pos, phrase) &&
         BoundaryAfter(text, pos + phrase.size(), phrase);
}

std::vector<std::pair<uint32_t, uint32_t>> FindPhrase(const std::string& text, const std::string& phrase) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  if (phrase.empty()) return out;
  size_t pos = 0;
  while ((pos = text.find(phrase, pos)) != std::string::npos) {
    const size_t end = pos + phrase.size();
    if (BoundaryBefore(text, pos, phrase) && BoundaryAfter(text, end, phrase)) {
      out.push_back({uint32_t(pos), uint32_t(end)});
      pos = end;
    } else {
      ++pos;
    }
  }
  return out;
}

}  // namespace postcheck
