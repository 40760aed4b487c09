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

// normalize.cc's FoldTokens, leetspeak half, for one token u[i, end) of
// lower-case ASCII (look-alikes are never ASCII).
void FoldLeet(char* u, size_t i, size_t end) {
  size_t letters = 0;
  for (size_t k = i; k < end; ++k) letters += Letter(u[k]);
  for (size_t k = i; k < end;) {
    if (Letter(u[k])) { ++k; continue; }
    size_t r = k;
    bool mappable = true, digits_only = true;
    while (r < end && !Letter(u[r])) {
      mappable = mappable && (ClassOf(u[r]) & kLeet);
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

}  // namespace

bool NormalizeAscii(std::string_view ascii, NormalizedText* out) {
  const size_t n = ascii.size();
  const char* in = ascii.data();
  View& words = out->views[int(ViewKind::kWords)];
  words.text.resize(n);
  char* u = words.text.data();

  // Lower case, and leetspeak folded token by token (a token is a run of
  // letters, digits and leetspeak symbols); a token of plain letters, most of
  // them, needs nothing more.
  bool plain = true;
  size_t token = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = in[i];
    const uint8_t cls = ClassOf(c);
    u[i] = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
    if (cls & (kLetter | kDigit | kLeet)) {
      plain = plain && (cls & kLetter);
      continue;
    }
    if (!plain) FoldLeet(u, token, i);
    plain = true;
    token = i + 1;
  }
  if (!plain) FoldLeet(u, token, n);

  // The words, in the same pass that looks for what would need the general
  // path: three of one letter in a row (CollapseRepeats folds them), or a
  // single letter, one or two of one separator and another single letter
  // (the start of a run JoinSpacedLetters may join; the general path decides).
  auto single_letter_at = [&](size_t k) {
    return k < n && (Letter(u[k]) || u[k] == '*') && (k == 0 || !WordChar(u[k - 1])) &&
           (k + 1 >= n || !WordChar(u[k + 1]));
  };
  words.words.clear();
  words.words.reserve(n / 4 + 1);
  for (size_t i = 0; i < n;) {
    if (!WordChar(u[i])) { ++i; continue; }
    size_t end = i + 1;
    for (; end < n && WordChar(u[end]); ++end) {
      if (end >= i + 2 && u[end] == u[end - 1] && u[end] == u[end - 2] && Letter(u[end])) return false;
    }
    if (end == i + 1 && Letter(u[i]) && end + 1 < n && SpacingSeparator(u[end])) {
      if (single_letter_at(u[end + 1] == u[end] ? end + 2 : end + 1)) return false;
    }
    words.words.push_back({uint32_t(i), uint32_t(end), uint32_t(i), uint32_t(end)});
    i = end;
  }
  out->views[int(ViewKind::kLiteral)].text.assign(ascii);
  return true;
}

}  // namespace postcheck
