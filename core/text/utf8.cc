#include "text/utf8.h"

namespace postcheck {

std::vector<CodePoint> DecodeUtf8(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      CodePoint& c = out.emplace_back();  // see LiteralUnits in normalize.cc
      c.cp = b;
      c.byte_start = uint32_t(i);
      c.byte_end = uint32_t(i + 1);
      ++i;
      continue;
    }
    // Follows the WHATWG UTF-8 decoder: the allowed range of the second byte
    // depends on the first, which rejects overlongs and surrogates early.
    int need = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1; cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2; cp = b & 0x0F;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3; cp = b & 0x07;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      out.push_back({0xFFFD, uint32_t(i), uint32_t(i + 1)});
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool ok = true;
    for (int k = 0; k < need; ++k, ++j) {
      if (j >= n || s[j] < lo || s[j] > hi) { ok = false; break; }
      cp = (cp << 6) | (s[j] & 0x3F);
      lo = 0x80; hi = 0xBF;
    }
    // On failure the maximal valid prefix [i, j) becomes one U+FFFD and
    // decoding resumes at the byte that broke the sequence.
    out.push_back({ok ? cp : char32_t(0xFFFD), uint32_t(i), uint32_t(j)});
    i = j;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(char(cp));
  } else if (cp < 0x800) {
    out->push_back(char(0xC0 | (cp >> 6)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(char(0xE0 | (cp >> 12)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(char(0xF0 | (cp >> 18)));
    out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  }
}

void BytesToUtf16(const std::vector<CodePoint>& cps, std::vector<uint32_t>* byte_offsets) {
  uint32_t u = 0;
  size_t c = 0;
  for (uint32_t& off : *byte_offsets) {
    while (c < cps.size() && cps[c].byte_end <= off) u += Utf16Length(cps[c++].cp);
    off = u;
  }
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const CodePoint& c : DecodeUtf8(text)) AppendUtf8(c.cp, &out);
  return out;
}

}  // namespace postcheck
