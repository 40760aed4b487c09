// Matching copies of a draft, each with a map back to the original bytes.
//
// Rules never match the draft as typed. They match one of two normalised
// copies ("views"), and every byte of a view remembers which original bytes it
// stands for, so a match maps back to an exact span of what the user typed:
//
//   literal  compatibility forms folded (full-width digits, ligatures,
//            mathematical letters, no-break spaces), accents and zero-width
//            characters removed, typographic quotes and dashes made ASCII.
//            Case is kept. For numbers, addresses, links and shouting.
//   words    the literal view, case-folded, then with look-alike letters from
//            other scripts, leetspeak inside words ("sh1t"), masked letters
//            ("f*ck" keeps its '*'), spaced letters ("f u c k") and runs of
//            three or more of one letter ("fuuuck") folded. For vocabulary.
#ifndef POSTCHECK_TEXT_NORMALIZE_H_
#define POSTCHECK_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/utf8.h"

namespace postcheck {

enum class ViewKind { kLiteral = 0, kWords = 1 };
constexpr int kViewCount = 2;

// A word of a view: its bytes in the view and in the original text.
struct Word {
  uint32_t view_start, view_end;
  uint32_t orig_start, orig_end;
};

struct View {
  std::string text;
  std::vector<Word> words;  // runs of letters and digits, in order (words view only)

  // For each byte of `text`, the original span of the character it came
  // from. Both are left empty when byte i of `text` stands for original byte
  // i alone: an ASCII draft with nothing joined or collapsed, the usual case,
  // which then costs no map at all. Read them through OrigStart/OrigEnd.
  std::vector<uint32_t> orig_start;
  std::vector<uint32_t> orig_end;

  uint32_t OrigStart(size_t b) const { return orig_start.empty() ? uint32_t(b) : orig_start[b]; }
  uint32_t OrigEnd(size_t b) const { return orig_end.empty() ? uint32_t(b + 1) : orig_end[b]; }

  // The original span covered by the view span [start, end), end > start.
  std::pair<uint32_t, uint32_t> ToOriginal(size_t start, size_t end) const {
    return {OrigStart(start), OrigEnd(end - 1)};
  }
};

struct NormalizedText {
  // The decoded original; left empty for an all-ASCII draft, whose byte
  // offsets are already its UTF-16 offsets (see ToUtf16).
  std::vector<CodePoint> code_points;
  View views[kViewCount];
  const View& view(ViewKind k) const { return views[int(k)]; }

  // Rewrites sorted byte offsets of the original as UTF-16 offsets.
  void ToUtf16(std::vector<uint32_t>* byte_offsets) const {
    if (!code_points.empty()) BytesToUtf16(code_points, byte_offsets);
  }
};

NormalizedText Normalize(std::string_view utf8);

// The words view of a short phrase (a lexicon term, an allow-phrase, an
// organisation term), so phrases and drafts are compared in one form.
std::string NormalizeWords(std::string_view utf8);

// True for the bytes RE2 treats as word characters in \b (ASCII only).
constexpr bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace postcheck

#endif  // POSTCHECK_TEXT_NORMALIZE_H_
