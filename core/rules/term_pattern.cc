#include "rules/term_pattern.h"

#include <re2/re2.h>

#include <vector>

#include "text/normalize.h"

namespace postcheck {
namespace {

bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::string TermToRegex(std::string_view phrase, bool plural) {
  const std::string t = NormalizeWords(phrase);
  // Trim and squeeze spaces so "  go  back " reads as "go back".
  std::string s;
  for (char c : t) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!s.empty() && s.back() != ' ') s.push_back(' ');
    } else {
      s.push_back(c);
    }
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s.empty()) return std::string();

  // Length of the word each byte belongs to, to decide where '*' may stand.
  std::vector<size_t> word_start(s.size()), word_len(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    for (size_t k = i; k < j; ++k) {
      word_start[k] = i;
      word_len[k] = j - i;
    }
    i = j + 1;
  }

  std::string re;
  if (IsAsciiWordByte(static_cast<unsigned char>(s.front()))) re += "\\b";
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ') {
      re += "[\\s\\-]+";
      continue;
    }
    if (c == '\'') {
      re += "'?";
      continue;
    }
    if (!IsAsciiLetter(c)) {
      re += RE2::QuoteMeta(std::string(1, c));
      continue;
    }
    const size_t pos = i - word_start[i];
    const bool interior = pos > 0 && pos + 1 < word_len[i];
    std::string cls(1, c);
    if (c == 'l') cls += 'i';
    if (interior && word_len[i] >= 4) cls += '*';
    std::string atom = cls.size() == 1 ? cls : "[" + cls + "]";
    const bool doubled = i > 0 && s[i - 1] == c;
    re += doubled ? "(?:" + atom + ")?" : atom;
  }
  if (plural && IsAsciiLetter(s.back())) re += "(?:e?s)?";
  if (IsAsciiWordByte(static_cast<unsigned char>(s.back()))) re += "\\b";
  return re;
}

}  // namespace postcheck
