#include "text/normalize_ascii.h"

#include <cstdint>

#include "text/fold_tables.h"

namespace postcheck {
namespace {

// What each ASCII byte is to the folding steps, looked up once per byte.
enum : uint8_t { kLetter = 1, kDigit = 2, kLeet = 4, kWordChar = 8, kSeparator = 16 };

struct Classes {
  uint8_t of[128] = {};
  constexpr Classes() {
    for (int c = 0; c < 128; ++c) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const bool digit = c >= '0' && c <= '9';
      of[c] = uint8_t((letter ? kLetter : 0) | (digit ? kDigit : 0) |
                      // What the words view counts as part of a word (BuildView).
                      (letter || digit || c == '*' ? kWordChar : 0) |
                      (c == ' ' || c == '.' || c == '-' || c == '_' || c == '~' ? kSeparator : 0));
    }
    // LeetLetter's symbols (fold_tables.cc); normalize_test.cc's random drafts,
    // which use them all, fail if the two lists part.
    for (char c : {'0', '1', '!', '|', '3', '4', '@', '5', '$', '7', '8', '9', '*', '#'}) of[int(c)] |= kLeet;
  }
};
constexpr Classes kClasses;

uint8_t ClassOf(char c) { return kClasses.of[static_cast<unsigned char>(c) & 0x7F]; }
bool Letter(char c) { return ClassOf(c) & kLetter; }
bool Digit(char c) { return ClassOf(c) & kDigit; }
bool WordChar(char c) { return ClassOf(c) & kWordChar; }
bool SpacingSeparator(char c) { return ClassOf(c) & kSeparator; }

// normalize.cc's FoldTokens, leetspeak half, for one token [i, end) of
// lower-case ASCII (look-alikes are never ASCII).
void FoldLeet(std::string* s, size_t i, size_t end) {
  std::string& u = *s;
  size_t letters = 0;
  for (size_t k = i; k < end; ++k) letters += Letter(u[k]);
  if (letters == end - i) return;  // a plain word
  for (size_t k = i; k < end;) {
    if (Letter(u[k])) { ++k; continue; }
    size_t r = k;
    bool mappable = true, digits_only = true;
    while (r < end && !Letter(u[r])) {
      mappable = mappable && LeetLetter(char32_t(u[r])) != 0;
      digits_only = digits_only && Digit(u[r]);
      ++r;
    }
    const bool interior = k > i && r < end;
    const bool edge_ok = !interior && digits_only && (r - k) <= 2 && letters >= 3;
    if (mappable && (interior || edge_ok)) {
      for (size_t m = k; m < r; ++m) u[m] = LeetLetter(char32_t(u[m]));
    }
    k = r;
  }
}

// Whether JoinSpacedLetters would find a single letter, one or two of one
// separator, and another single letter: the start of a run it may join. The
// general path decides whether it really joins; this only has to not miss one.
bool MayJoin(const std::string& u) {
  const size_t n = u.size();
  auto single_letter_at = [&](size_t k) {
    return k < n && (Letter(u[k]) || u[k] == '*') && (k == 0 || !WordChar(u[k - 1])) &&
           (k + 1 >= n || !WordChar(u[k + 1]));
  };
  for (size_t i = 0; i + 2 < n; ++i) {
    if (u[i] == '*' || !SpacingSeparator(u[i + 1]) || !single_letter_at(i)) continue;
    const size_t g = u[i + 2] == u[i + 1] ? i + 3 : i + 2;
    if (single_letter_at(g)) return true;
  }
  return false;
}

// Whether CollapseRepeats would find three of one letter in a row.
bool MayCollapse(const std::string& u) {
  for (size_t i = 2; i < u.size(); ++i) {
    if (u[i] == u[i - 1] && u[i] == u[i - 2] && Letter(u[i])) return true;
  }
  return false;
}

}  // namespace

bool NormalizeAscii(std::string_view ascii, NormalizedText* out) {
  View& words = out->views[int(ViewKind::kWords)];
  std::string& w = words.text;
  w.resize(ascii.size());
  // Lower case, and leetspeak folded token by token (a token is a run of
  // letters, digits and leetspeak symbols); a token of plain letters, most of
  // them, needs nothing more.
  bool plain = true;
  size_t token = 0;
  for (size_t i = 0; i < ascii.size(); ++i) {
    const char c = ascii[i];
    const uint8_t cls = ClassOf(c);
    w[i] = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
    if (cls & (kLetter | kDigit | kLeet)) {
      plain = plain && (cls & kLetter);
      continue;
    }
    if (!plain) FoldLeet(&w, token, i);
    plain = true;
    token = i + 1;
  }
  if (!plain) FoldLeet(&w, token, w.size());
  if (MayJoin(w) || MayCollapse(w)) return false;

  words.words.clear();
  words.words.reserve(w.size() / 4 + 1);
  for (size_t i = 0; i < w.size();) {
    if (!WordChar(w[i])) { ++i; continue; }
    size_t end = i + 1;
    while (end < w.size() && WordChar(w[end])) ++end;
    words.words.push_back({uint32_t(i), uint32_t(end), uint32_t(i), uint32_t(end)});
    i = end;
  }
  out->views[int(ViewKind::kLiteral)].text.assign(ascii);
  return true;
}

}  // namespace postcheck
