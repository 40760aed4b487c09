// UTF-8 decoding that never fails.
//
// Invalid bytes are replaced with U+FFFD exactly as the WHATWG Encoding
// Standard's decoder does (the one behind JavaScript's TextDecoder): each
// maximal invalid subsequence becomes one replacement character. That choice
// makes the UTF-16 offsets we report equal to the indices of a JavaScript
// string decoded from the same bytes, so a highlight never drifts.
#ifndef POSTCHECK_TEXT_UTF8_H_
#define POSTCHECK_TEXT_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// One decoded code point and the bytes of the original text it came from.
struct CodePoint {
  char32_t cp;          // U+FFFD for an invalid sequence
  uint32_t byte_start;  // [byte_start, byte_end) in the original UTF-8
  uint32_t byte_end;
};

// Decodes all of `text`. Never fails; see the file comment for invalid bytes.
std::vector<CodePoint> DecodeUtf8(std::string_view text);

// Number of UTF-16 code units for one code point (1 or 2).
inline uint32_t Utf16Length(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

// Appends the UTF-8 encoding of `cp` (which must be a valid scalar value;
// surrogates and out-of-range values are written as U+FFFD).
void AppendUtf8(char32_t cp, std::string* out);

// Converts byte offsets of the original text to UTF-16 code-unit offsets.
// `byte_offsets` must be sorted and lie on code point boundaries (or at the
// end); they are rewritten in place, in one walk over the code points.
void BytesToUtf16(const std::vector<CodePoint>& cps, std::vector<uint32_t>* byte_offsets);

// Replaces invalid sequences with U+FFFD, for output that must be valid UTF-8.
std::string SanitizeUtf8(std::string_view text);

}  // namespace postcheck

#endif  // POSTCHECK_TEXT_UTF8_H_
