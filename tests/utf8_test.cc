// UTF-8 decoding as the WHATWG Encoding Standard does it (the decoder behind
// JavaScript's TextDecoder). Offsets we report are only right if we replace
// bad bytes exactly as the browser does: each maximal invalid subsequence
// becomes ONE U+FFFD, so the two sides count the same number of characters.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "text/utf8.h"

using namespace postcheck;

namespace {

// The decoded code points in hex, e.g. "41 FFFD 1F600" (readable on failure).
std::string Cps(std::string_view s) {
  std::string out;
  for (const CodePoint& c : DecodeUtf8(s)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%X", out.empty() ? "" : " ", unsigned(c.cp));
    out += buf;
  }
  return out;
}

// The original bytes of every decoded code point, e.g. "0-1 1-5".
std::string Spans(std::string_view s) {
  std::string out;
  for (const CodePoint& c : DecodeUtf8(s)) {
    out += (out.empty() ? "" : " ") + std::to_string(c.byte_start) + "-" + std::to_string(c.byte_end);
  }
  return out;
}

// UTF-16 offsets of the given byte offsets (sorted, on code point
// boundaries), e.g. "0 1 3".
std::string U16(std::string_view s, std::vector<uint32_t> bytes) {
  BytesToUtf16(DecodeUtf8(s), &bytes);
  std::string out;
  for (uint32_t b : bytes) out += (out.empty() ? "" : " ") + std::to_string(b);
  return out;
}

}  // namespace

TEST_CASE("valid UTF-8 of every length decodes to its code points") {
  CHECK(Cps("") == "");
  CHECK(Cps("A") == "41");
  CHECK(Cps("\xC3\xA9") == "E9");                 // é
  CHECK(Cps("\xE2\x82\xAC") == "20AC");           // €
  CHECK(Cps("\xF0\x9F\x98\x80") == "1F600");      // 😀
  CHECK(Spans("a\xF0\x9F\x98\x80" "b") == "0-1 1-5 5-6");
  // The edges of the ranges the decoder must accept.
  CHECK(Cps("\xC2\x80") == "80");
  CHECK(Cps("\xE0\xA0\x80") == "800");
  CHECK(Cps("\xED\x9F\xBF") == "D7FF");           // last before the surrogates
  CHECK(Cps("\xEE\x80\x80") == "E000");           // first after them
  CHECK(Cps("\xF0\x90\x80\x80") == "10000");
  CHECK(Cps("\xF4\x8F\xBF\xBF") == "10FFFF");
  CHECK(Cps(std::string("a\0b", 3)) == "61 0 62");  // NUL is a character
}

TEST_CASE("overlong forms are rejected byte by byte") {
  // C0 and C1 can only start overlongs: each is its own U+FFFD, and so is the
  // lone continuation byte after it (TextDecoder gives "\uFFFD\uFFFD").
  CHECK(Cps("\xC0\x80") == "FFFD FFFD");
  CHECK(Cps("\xC1\xBF") == "FFFD FFFD");
  // E0 needs A0..BF next; 80 breaks it at once, so three replacements.
  CHECK(Cps("\xE0\x80\x80") == "FFFD FFFD FFFD");
  CHECK(Spans("\xE0\x80\x80") == "0-1 1-2 2-3");
  // F0 needs 90..BF next.
  CHECK(Cps("\xF0\x80\x80\x80") == "FFFD FFFD FFFD FFFD");
}

TEST_CASE("UTF-16 surrogates encoded in UTF-8 are rejected") {
  // ED A0 80 would be U+D800. After ED only 80..9F may follow.
  CHECK(Cps("\xED\xA0\x80") == "FFFD FFFD FFFD");
  CHECK(Cps("\xED\xBF\xBF") == "FFFD FFFD FFFD");
  CHECK(Cps("x\xED\xA0\x80y") == "78 FFFD FFFD FFFD 79");
}

TEST_CASE("a truncated sequence is one U+FFFD covering its valid prefix") {
  // The maximal subpart: E2 82 is a valid start of €, cut short.
  CHECK(Cps("\xE2\x82") == "FFFD");
  CHECK(Spans("\xE2\x82") == "0-2");
  // Cut short by an ASCII byte: one U+FFFD, then the byte itself.
  CHECK(Cps("\xE2\x82" "A") == "FFFD 41");
  CHECK(Spans("\xE2\x82" "A") == "0-2 2-3");
  // Three bytes of a four-byte emoji, then text.
  CHECK(Cps("\xF0\x9F\x98 ok") == "FFFD 20 6F 6B");
  CHECK(Spans("\xF0\x9F\x98 ok") == "0-3 3-4 4-5 5-6");
  // A lead byte cut short by another lead byte: the second starts afresh.
  CHECK(Cps("\xC3\xC3\xA9") == "FFFD E9");
  CHECK(Spans("\xC3\xC3\xA9") == "0-1 1-3");
  // A lone lead byte at the very end.
  CHECK(Cps("ab\xF0") == "61 62 FFFD");
}

TEST_CASE("bytes that never appear in UTF-8 are one U+FFFD each") {
  for (int b = 0xF5; b <= 0xFF; ++b) {
    CAPTURE(b);
    const std::string s(1, char(b));
    CHECK(Cps(s + "z") == "FFFD 7A");
    CHECK(Spans(s + "z") == "0-1 1-2");
  }
  // F4 90 would be above U+10FFFF: after F4 only 80..8F may follow.
  CHECK(Cps("\xF4\x90\x80\x80") == "FFFD FFFD FFFD FFFD");
  // Lone continuation bytes.
  CHECK(Cps("\x80\xBF") == "FFFD FFFD");
}

TEST_CASE("BytesToUtf16 counts an emoji as two code units") {
  const std::string s = "a\xF0\x9F\x98\x80" "b\xC3\xA9";  // a😀bé
  // a at 0, 😀 at 1, b at 5, é at 6, the end at 8.
  CHECK(U16(s, {0, 1, 5, 6, 8}) == "0 1 3 4 5");
  // Repeated offsets are fine.
  CHECK(U16(s, {5, 5, 8, 8}) == "3 3 5 5");
  CHECK(U16(s, {}) == "");
  // Two emoji in a row: 4 units.
  CHECK(U16("\xF0\x9F\x98\x80\xF0\x9F\x98\xA1!", {4, 8, 9}) == "2 4 5");
}

TEST_CASE("BytesToUtf16 counts each U+FFFD as one code unit, like TextDecoder") {
  // "\xE2\x82" is one U+FFFD (1 unit), "\xFF" another.
  CHECK(U16("\xE2\x82\xFFZ", {2, 3, 4}) == "1 2 3");
  // ED A0 80 is three.
  CHECK(U16("\xED\xA0\x80" "x", {3, 4}) == "3 4");
}

TEST_CASE("BytesToUtf16 of empty text") {
  CHECK(U16("", {0}) == "0");
}

TEST_CASE("SanitizeUtf8 keeps valid text and replaces each bad subsequence") {
  CHECK(SanitizeUtf8("Witney \xF0\x9F\x98\x80") == "Witney \xF0\x9F\x98\x80");
  CHECK(SanitizeUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(SanitizeUtf8("\xE2\x82" "A") == "\xEF\xBF\xBD" "A");
  CHECK(SanitizeUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(SanitizeUtf8(std::string("a\0b", 3)) == std::string("a\0b", 3));  // NUL is valid
  CHECK(SanitizeUtf8("") == "");
}

TEST_CASE("AppendUtf8 writes U+FFFD for surrogates and out-of-range values") {
  std::string out;
  AppendUtf8(0xD800, &out);
  AppendUtf8(0x110000, &out);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
  out.clear();
  AppendUtf8(0x7F, &out);
  AppendUtf8(0x7FF, &out);
  AppendUtf8(0xFFFF, &out);
  AppendUtf8(0x10FFFF, &out);
  CHECK(out == "\x7F\xDF\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF");
}
