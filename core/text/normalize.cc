#include "text/normalize.h"

#include <utf8proc.h>

#include <algorithm>

#include "text/fold_tables.h"
#include "text/normalize_ascii.h"

namespace postcheck {
namespace {

// A character of a view under construction and the original bytes it stands
// for. Folding steps rewrite `cp`, drop units, or widen [o0, o1) when several
// original characters become one.
struct Unit {
  char32_t cp;
  uint32_t o0, o1;
  char32_t leet_from = 0;  // the symbol FoldTokens read as this letter ('1' for 'i'), else 0
};

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsLetter(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c);
  const auto cat = utf8proc_category(int32_t(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool IsMark(char32_t c) {
  const auto cat = utf8proc_category(int32_t(c));
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}

// Typographic punctuation people paste from word processors and phones.
char32_t FoldPunctuation(char32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default: return c;
  }
}

// Step 1 for an all-ASCII draft: nothing to decode or fold, one unit a byte.
std::vector<Unit> AsciiUnits(std::string_view ascii) {
  std::vector<Unit> out(ascii.size());
  for (uint32_t i = 0; i < out.size(); ++i) {
    out[i].cp = char32_t(ascii[i]);
    out[i].o0 = i;
    out[i].o1 = i + 1;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// Step 1: decoded code points -> literal units (compatibility forms, marks and
// default-ignorable characters such as zero-width spaces handled by utf8proc).
std::vector<Unit> LiteralUnits(const std::vector<CodePoint>& cps) {
  std::vector<Unit> out;
  out.reserve(cps.size());
  int32_t buf[32];
  for (const CodePoint& c : cps) {
    if (c.cp < 0x80) {  // fast path: ASCII needs no table look-up
      // Field by field: building a Unit and copying it in stalled on the
      // copy (a 16-byte load from smaller stores), most of Normalize's time.
      Unit& u = out.emplace_back();
      u.cp = c.cp;
      u.o0 = c.byte_start;
      u.o1 = c.byte_end;
      continue;
    }
    const char32_t folded = FoldPunctuation(c.cp);
    if (folded != c.cp) {
      out.push_back({folded, c.byte_start, c.byte_end});
      continue;
    }
    const utf8proc_ssize_t n = utf8proc_decompose_char(
        int32_t(c.cp), buf, 32,
        utf8proc_option_t(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE | UTF8PROC_STRIPMARK),
        nullptr);
    if (n < 0 || n > 32) {  // unassigned or oversized: keep as it is
      out.push_back({c.cp, c.byte_start, c.byte_end});
      continue;
    }
    if (n == 0 && IsMark(c.cp)) {
      // A combining mark leaves the view but still belongs to the character
      // before it: widen that character's span, so a match ending on the "e"
      // of "e\u0301" highlights the whole é, not the e without its accent.
      for (auto it = out.rbegin(); it != out.rend() && it->o1 == c.byte_start; ++it) it->o1 = c.byte_end;
      continue;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
      out.push_back({FoldPunctuation(char32_t(buf[i])), c.byte_start, c.byte_end});
    }
  }
  return out;
}

// Step 2 (words): Unicode case folding. ASCII folds in place; the vector is
// rebuilt only when a character folds to several (German ß -> "ss").
void CaseFold(std::vector<Unit>* units) {
  int32_t buf[8];
  bool expands = false;
  for (Unit& u : *units) {
    if (u.cp < 0x80) {
      if (u.cp >= 'A' && u.cp <= 'Z') u.cp += 32;
      continue;
    }
    const utf8proc_ssize_t n = utf8proc_decompose_char(int32_t(u.cp), buf, 8, UTF8PROC_CASEFOLD, nullptr);
    if (n == 1) {
      u.cp = char32_t(buf[0]);
    } else if (n > 1) {
      expands = true;
    }
  }
  if (!expands) return;
  std::vector<Unit> out;
  out.reserve(units->size() + 8);
  for (const Unit& u : *units) {
    const utf8proc_ssize_t n =
        u.cp < 0x80 ? 0 : utf8proc_decompose_char(int32_t(u.cp), buf, 8, UTF8PROC_CASEFOLD, nullptr);
    if (n <= 1 || n > 8) {
      out.push_back(u);
      continue;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) out.push_back({char32_t(buf[i]), u.o0, u.o1});
  }
  units->swap(out);
}

// A token is a run of letters, digits and leetspeak symbols.
bool IsTokenChar(char32_t c) { return IsLetter(c) || IsDigit(c) || (c < 0x80 && LeetLetter(c)); }

// Steps 3 and 4 (words), token by token: look-alike letters, then leetspeak.
void FoldTokens(std::vector<Unit>* units) {
  std::vector<Unit>& u = *units;
  const size_t n = u.size();
  size_t i = 0;
  while (i < n) {
    if (!IsTokenChar(u[i].cp)) { ++i; continue; }
    size_t end = i;
    bool plain = true;  // only ASCII letters: nothing to fold (most words)
    while (end < n && IsTokenChar(u[end].cp)) {
      plain = plain && IsAsciiLetter(u[end].cp);
      ++end;
    }
    if (plain) {
      i = end;
      continue;
    }

    // Look-alikes: fold when the token mixes them with Latin letters, or is
    // made only of look-alikes (a whole word spelt in Cyrillic look-alikes).
    size_t latin = 0, lookalike = 0, letters = 0;
    for (size_t k = i; k < end; ++k) {
      if (IsAsciiLetter(u[k].cp)) ++latin;
      if (u[k].cp >= 0x80 && LatinLookalike(u[k].cp)) ++lookalike;
      if (IsLetter(u[k].cp)) ++letters;
    }
    if (lookalike > 0 && (latin > 0 || (lookalike == letters && letters >= 3))) {
      for (size_t k = i; k < end; ++k) {
        if (char32_t l = u[k].cp >= 0x80 ? LatinLookalike(u[k].cp) : 0) u[k].cp = l;
      }
    }

    // Leetspeak: a run of digits/symbols between letters ("sh1t", "f*ck")
    // folds; so does a short run of digits at either end of a word with at
    // least three letters ("5hit"). "2nd", "M25", "OX28" and "07700" do not.
    for (size_t k = i; k < end;) {
      if (IsLetter(u[k].cp)) { ++k; continue; }
      size_t r = k;
      bool mappable = true, digits_only = true;
      while (r < end && !IsLetter(u[r].cp)) {
        if (!LeetLetter(u[r].cp)) mappable = false;
        if (!IsDigit(u[r].cp)) digits_only = false;
        ++r;
      }
      const bool interior = k > i && r < end;
      const bool edge_ok = !interior && digits_only && (r - k) <= 2 && letters >= 3;
      if (mappable && (interior || edge_ok)) {
        for (size_t m = k; m < r; ++m) {
          u[m].leet_from = u[m].cp;
          u[m].cp = char32_t(LeetLetter(u[m].cp));
        }
      }
      k = r;
    }
    i = end;
  }
}

bool IsSpacingSeparator(char32_t c) { return c == ' ' || c == '.' || c == '-' || c == '_' || c == '~'; }

// Step 5 (words): "f u c k", "f.u.c.k" -> "fuck". Three or more single
// letters, each separated by one or two of the same separator, are joined.
void JoinSpacedLetters(std::vector<Unit>* units) {
  std::vector<Unit>& u = *units;
  const size_t n = u.size();
  std::vector<bool> drop;  // allocated only when something is joined
  // After FoldTokens, symbols still standing are punctuation ("k!").
  auto wordish = [&](size_t k) { return IsLetter(u[k].cp) || IsDigit(u[k].cp) || u[k].cp == '*'; };
  auto single_letter_at = [&](size_t k) {
    return k < n && (IsLetter(u[k].cp) || u[k].cp == '*') && (k == 0 || !wordish(k - 1)) &&
           (k + 1 >= n || !wordish(k + 1));
  };
  std::vector<size_t> letters;  // reused: "a" and "I" start a run in most drafts
  std::vector<std::pair<size_t, size_t>> gaps;
  size_t i = 0;
  while (i < n) {
    if (!single_letter_at(i) || u[i].cp == '*') { ++i; continue; }
    // Collect letters at i, then separator run, then letter...
    letters.assign(1, i);
    gaps.clear();
    size_t k = i + 1;
    while (k < n && IsSpacingSeparator(u[k].cp)) {
      const char32_t sep = u[k].cp;
      size_t g = k;
      while (g < n && u[g].cp == sep && g - k < 2) ++g;
      if (!single_letter_at(g)) break;
      gaps.push_back({k, g});
      letters.push_back(g);
      k = g + 1;
    }
    if (letters.size() >= 3) {
      if (drop.empty()) drop.assign(n, false);
      for (auto [a, b] : gaps) {
        for (size_t m = a; m < b; ++m) drop[m] = true;
      }
      i = letters.back() + 1;
    } else {
      i = letters.front() + 1;
    }
  }
  if (drop.empty()) return;
  std::vector<Unit> out;
  out.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    if (!drop[k]) out.push_back(u[k]);
  }
  units->swap(out);
}

// Step 6 (words): runs of three or more of one letter become one ("fuuuck").
// Runs of two are kept: English spells with double letters, and lexicon
// terms accept one letter where they have two.
void CollapseRepeats(std::vector<Unit>* units) {
  const std::vector<Unit>& in = *units;
  bool any = false;
  for (size_t i = 2; i < in.size() && !any; ++i) {
    any = in[i].cp == in[i - 1].cp && in[i].cp == in[i - 2].cp && IsLetter(in[i].cp);
  }
  if (!any) return;
  std::vector<Unit> out;
  out.reserve(units->size());
  const std::vector<Unit>& u = *units;
  for (size_t i = 0; i < u.size();) {
    size_t j = i + 1;
    while (j < u.size() && u[j].cp == u[i].cp) ++j;
    if (j - i >= 3 && IsLetter(u[i].cp)) {
      // One character typed over and over ("fuuuck", "sh111t") becomes one
      // letter. A run mixing a letter with leetspeak for other letters is
      // kept: "i11" in "pi11ock" is i, l, l, and collapsing it lost the word.
      auto typed = [&](size_t k) { return u[k].leet_from ? u[k].leet_from : u[k].cp; };
      bool same = true;
      for (size_t k = i + 1; k < j; ++k) same = same && typed(k) == typed(i);
      if (same) {
        out.push_back({u[i].cp, u[i].o0, u[j - 1].o1});
      } else {
        for (size_t k = i; k < j; ++k) out.push_back(u[k]);
      }
    } else {
      for (size_t k = i; k < j; ++k) out.push_back(u[k]);
    }
    i = j;
  }
  units->swap(out);
}

size_t Utf8Length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Lays the units out as UTF-8 with the original span of every byte. Sized
// once and written by index: this runs on every keystroke's check. When
// unit i is one ASCII byte standing for original byte i, for every i, the
// view needs no map (View::OrigStart).
View BuildView(const std::vector<Unit>& units, bool with_words) {
  View v;
  size_t bytes = 0;
  bool identity = true;
  for (uint32_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    bytes += Utf8Length(u.cp);
    identity = identity && u.cp < 0x80 && u.o0 == i && u.o1 == i + 1;
  }
  v.text.resize(bytes);
  if (!identity) {
    v.orig_start.resize(bytes);
    v.orig_end.resize(bytes);
  }
  if (with_words) v.words.reserve(bytes / 4 + 1);
  std::string encoded;
  size_t pos = 0;
  bool in_word = false;
  for (const Unit& u : units) {
    const size_t before = pos;
    if (identity) {
      v.text[pos++] = char(u.cp);
    } else if (u.cp < 0x80) {
      v.text[pos] = char(u.cp);
      v.orig_start[pos] = u.o0;
      v.orig_end[pos] = u.o1;
      ++pos;
    } else {
      encoded.clear();
      AppendUtf8(u.cp, &encoded);
      for (char c : encoded) {
        v.text[pos] = c;
        v.orig_start[pos] = u.o0;
        v.orig_end[pos] = u.o1;
        ++pos;
      }
    }
    if (!with_words) continue;
    const bool word_char = u.cp < 0x80 ? (IsAsciiLetter(u.cp) || IsDigit(u.cp) || u.cp == '*') : IsLetter(u.cp);
    if (word_char && !in_word) {
      v.words.push_back({uint32_t(before), uint32_t(pos), u.o0, u.o1});
    } else if (word_char) {
      v.words.back().view_end = uint32_t(pos);
      v.words.back().orig_end = u.o1;
    }
    in_word = word_char;
  }
  v.text.resize(pos);  // shorter only if a code point was out of range (written as U+FFFD)
  if (!identity) {
    v.orig_start.resize(pos);
    v.orig_end.resize(pos);
  }
  return v;
}

}  // namespace

NormalizedText Normalize(std::string_view utf8) {
  if (IsAscii(utf8)) {
    NormalizedText out;
    if (NormalizeAscii(utf8, &out)) return out;
  }
  return NormalizeGeneral(utf8);
}

NormalizedText NormalizeGeneral(std::string_view utf8) {
  NormalizedText out;
  std::vector<Unit> units;
  if (IsAscii(utf8)) {
    units = AsciiUnits(utf8);
  } else {
    out.code_points = DecodeUtf8(utf8);
    units = LiteralUnits(out.code_points);
  }
  out.views[int(ViewKind::kLiteral)] = BuildView(units, /*with_words=*/false);
  CaseFold(&units);
  FoldTokens(&units);
  JoinSpacedLetters(&units);
  CollapseRepeats(&units);
  out.views[int(ViewKind::kWords)] = BuildView(units, /*with_words=*/true);
  return out;
}

std::string NormalizeWords(std::string_view utf8) {
  return std::move(Normalize(utf8).views[int(ViewKind::kWords)].text);
}

}  // namespace postcheck
