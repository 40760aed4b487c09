// The two matching copies of a draft ("views") and their map back to the
// original bytes. Every normalisation step is checked twice: what the view
// says, and that a match in the view maps back to exactly the bytes the user
// typed, so a highlight covers the disguised word and nothing else.
#include <doctest/doctest.h>

#include <string>

#include "text/normalize.h"
#include "text/normalize_ascii.h"

using namespace postcheck;

namespace {

std::string Literal(const std::string& s) { return Normalize(s).view(ViewKind::kLiteral).text; }
std::string Words(const std::string& s) { return Normalize(s).view(ViewKind::kWords).text; }

// Finds `needle` in one view of `original` and returns the original bytes the
// match stands for: what a finding on that match would highlight.
std::string Back(const std::string& original, ViewKind kind, const std::string& needle) {
  const NormalizedText n = Normalize(original);
  const View& v = n.view(kind);
  const size_t at = v.text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "'" << needle << "' not in view '" << v.text << "'");
  const auto [a, b] = v.ToOriginal(at, at + needle.size());
  REQUIRE(a <= b);
  REQUIRE(b <= original.size());
  return original.substr(a, b - a);
}

std::string BackLiteral(const std::string& s, const std::string& needle) { return Back(s, ViewKind::kLiteral, needle); }
std::string BackWords(const std::string& s, const std::string& needle) { return Back(s, ViewKind::kWords, needle); }

// Where (in original bytes) a words-view match starts.
uint32_t OrigStart(const std::string& original, const std::string& needle) {
  const NormalizedText n = Normalize(original);
  const View& v = n.view(ViewKind::kWords);
  const size_t at = v.text.find(needle);
  REQUIRE(at != std::string::npos);
  return v.ToOriginal(at, at + needle.size()).first;
}

}  // namespace

TEST_CASE("plain ASCII passes through; the words view only lower-cases it") {
  CHECK(Literal("Ring me on 07700 900461") == "Ring me on 07700 900461");
  CHECK(Words("Ring me on 07700 900461") == "ring me on 07700 900461");
  CHECK(BackWords("Ring me on 07700 900461", "900461") == "900461");
}

TEST_CASE("compatibility forms: full-width, ligatures, maths letters, no-break spaces") {
  // Full-width: each character is 3 bytes in the original, 1 in the view.
  const std::string fw = "\xEF\xBC\xA3\xEF\xBD\x81\xEF\xBD\x8C\xEF\xBD\x8C \xEF\xBC\x90\xEF\xBC\x97";  // Ｃａｌｌ ０７
  CHECK(Literal(fw) == "Call 07");
  CHECK(Words(fw) == "call 07");
  CHECK(BackLiteral(fw, "07") == "\xEF\xBC\x90\xEF\xBC\x97");
  CHECK(BackWords(fw, "call") == "\xEF\xBC\xA3\xEF\xBD\x81\xEF\xBD\x8C\xEF\xBD\x8C");

  // The ligature ﬁ becomes two letters that both stand for it.
  const std::string lig = "\xEF\xAC\x81re";  // ﬁre
  CHECK(Literal(lig) == "fire");
  CHECK(BackLiteral(lig, "fire") == lig);
  CHECK(BackLiteral(lig, "i") == "\xEF\xAC\x81");

  // Mathematical bold letters (4 bytes each) used to dodge filters.
  const std::string bold = "you \xF0\x9D\x90\xA2\xF0\x9D\x90\x9D\xF0\x9D\x90\xA2\xF0\x9D\x90\xA8\xF0\x9D\x90\xAD";
  CHECK(Words(bold) == "you idiot");
  CHECK(BackWords(bold, "idiot") == bold.substr(4));

  // A no-break space inside a phone number.
  const std::string nbsp = "07700\xC2\xA0" "900461";
  CHECK(Literal(nbsp) == "07700 900461");
  CHECK(BackLiteral(nbsp, "07700 900461") == nbsp);
}

TEST_CASE("accents and combining marks are removed but stay inside the highlight") {
  CHECK(Literal("caf\xC3\xA9") == "cafe");                     // precomposed é
  CHECK(BackLiteral("caf\xC3\xA9", "cafe") == "caf\xC3\xA9");
  CHECK(Words("Na\xC3\xAFve") == "naive");

  // "e" + U+0301: the mark is dropped from the view, but a match on the word
  // must still cover it, or the highlight would stop inside the letter é.
  const std::string decomposed = "cafe\xCC\x81 idiot";
  CHECK(Literal(decomposed) == "cafe idiot");
  CHECK(BackLiteral(decomposed, "cafe") == "cafe\xCC\x81");
  CHECK(BackLiteral(decomposed, "idiot") == "idiot");
  // Stacked marks on a disguised word: "i\u0301di\u0308ot".
  const std::string stacked = "you i\xCC\x81" "di\xCC\x88ot!";
  CHECK(Words(stacked) == "you idiot!");
  CHECK(BackWords(stacked, "idiot") == "i\xCC\x81" "di\xCC\x88ot");
}

TEST_CASE("zero-width characters vanish from the view") {
  // U+200B zero-width space inside a word: the match covers it.
  const std::string zw = "you id\xE2\x80\x8Biot";
  CHECK(Literal(zw) == "you idiot");
  CHECK(BackLiteral(zw, "idiot") == "id\xE2\x80\x8Biot");
  // Before a word it is not part of the match.
  const std::string before = "\xE2\x80\x8Bidiot";
  CHECK(Words(before) == "idiot");
  CHECK(BackWords(before, "idiot") == "idiot");
  // Zero-width joiner, soft hyphen, BOM/word joiner.
  CHECK(Words("sh\xE2\x80\x8Dit") == "shit");
  CHECK(Words("bas\xC2\xADtard") == "bastard");
  CHECK(Words("\xEF\xBB\xBFpillock") == "pillock");
  CHECK(Words("pil\xE2\x81\xA0lock") == "pillock");
}

TEST_CASE("typographic quotes and dashes become ASCII") {
  const std::string s = "\xE2\x80\x9C" "Don\xE2\x80\x99t\xE2\x80\x9D \xE2\x80\x93 she said";  // “Don’t” – she said
  CHECK(Literal(s) == "\"Don't\" - she said");
  CHECK(Words(s) == "\"don't\" - she said");
  CHECK(BackLiteral(s, "'") == "\xE2\x80\x99");
  CHECK(BackLiteral(s, "Don't") == "Don\xE2\x80\x99t");
  CHECK(BackLiteral(s, "-") == "\xE2\x80\x93");
}

TEST_CASE("case folding, including sharp s") {
  CHECK(Literal("SHUT UP") == "SHUT UP");  // literal keeps case (for shouting)
  CHECK(Words("SHUT UP") == "shut up");
  // ß folds to "ss": two view bytes that both stand for the two bytes of ß.
  const std::string s = "Schei\xC3\x9F" "e!";
  CHECK(Literal(s) == s);
  CHECK(Words(s) == "scheisse!");
  CHECK(BackWords(s, "scheisse") == "Schei\xC3\x9F" "e");
  CHECK(BackWords(s, "ss") == "\xC3\x9F");
  CHECK(BackWords(s, "sse") == "\xC3\x9F" "e");
  // Greek capitals fold too.
  CHECK(Words("\xCE\xA3") == "\xCF\x83");  // Σ -> σ
}

TEST_CASE("look-alike letters from Cyrillic and Greek") {
  // іdіot with Cyrillic і (U+0456): mixed with Latin letters, so folded.
  const std::string cyr = "what an \xD1\x96" "d\xD1\x96" "ot";
  CHECK(Words(cyr) == "what an idiot");
  CHECK(BackWords(cyr, "idiot") == "\xD1\x96" "d\xD1\x96" "ot");
  // Greek ι and ο mixed with Latin.
  const std::string greek = "\xCE\xB9" "d\xCE\xB9\xCE\xBF" "t";
  CHECK(Words(greek) == "idiot");
  CHECK(BackWords(greek, "idiot") == greek);
  // A word spelt only in look-alikes (сор) is folded when three letters or more.
  CHECK(Words("\xD1\x81\xD0\xBE\xD1\x80") == "cop");
  // Literal view keeps the script.
  CHECK(Literal(cyr) == cyr);
  // Real Russian is left alone: идиот has letters with no Latin look-alike.
  const std::string ru = "\xD0\xB8\xD0\xB4\xD0\xB8\xD0\xBE\xD1\x82";
  CHECK(Words(ru) == ru);
  // Two look-alikes alone are too short to judge.
  CHECK(Words("\xD0\xBE\xD0\xBA") == "\xD0\xBE\xD0\xBA");
}

TEST_CASE("leetspeak inside words folds to letters") {
  CHECK(Words("sh1t") == "shit");
  CHECK(BackWords("you sh1t", "shit") == "sh1t");
  CHECK(Words("b@stard") == "bastard");
  CHECK(BackWords("b@stard!", "bastard") == "b@stard");
  CHECK(Words("id|ot") == "idiot");
  CHECK(Words("sh!t") == "shit");
  CHECK(Words("a$$hole") == "asshole");
  CHECK(Words("bo11ocks") == "boiiocks");  // '1' is always 'i'; terms accept i for l
  // A short run of digits at the edge of a word of three or more letters.
  CHECK(Words("5hit") == "shit");
  CHECK(BackWords("5hit", "shit") == "5hit");
  // Punctuation at the end of a word is not leetspeak.
  CHECK(Words("hello!") == "hello!");
  CHECK(Words("@councillor") == "@councillor");
  CHECK(Words("#witney") == "#witney");
}

TEST_CASE("numbers, postcodes and ordinals are not leet-folded") {
  CHECK(Words("07700 900461") == "07700 900461");
  CHECK(Words("OX28 1NB") == "ox28 1nb");
  CHECK(Words("the 2nd time") == "the 2nd time");
  CHECK(Words("M25") == "m25");
  CHECK(Words("3rd and 4th") == "3rd and 4th");
  CHECK(Words("B4022") == "b4022");
  CHECK(Words("\xC2\xA3" "150") == "\xC2\xA3" "150");  // £150
}

TEST_CASE("place names that contain rude words are unchanged apart from case") {
  CHECK(Words("Scunthorpe") == "scunthorpe");
  CHECK(Words("Penistone") == "penistone");
  CHECK(Literal("Scunthorpe and Penistone") == "Scunthorpe and Penistone");
  CHECK(Words("Middlesex") == "middlesex");
}

TEST_CASE("masking symbols stay as '*'") {
  CHECK(Words("f*ck") == "f*ck");
  CHECK(Words("f**k off") == "f**k off");
  // '#' masks too, and maps back to itself.
  CHECK(Words("f#ck") == "f*ck");
  CHECK(BackWords("what the f#ck", "f*ck") == "f#ck");
  CHECK(BackWords("what the f#ck", "*") == "#");
}

TEST_CASE("s p a c e d letters are joined") {
  const std::string s = "f u c k off";
  CHECK(Words(s) == "fuck off");
  CHECK(BackWords(s, "fuck") == "f u c k");
  CHECK(Words("f.u.c.k") == "fuck");
  CHECK(BackWords("say f.u.c.k.", "fuck") == "f.u.c.k");
  CHECK(Words("f-u-c-k") == "fuck");
  CHECK(Words("f  u  c  k") == "fuck");  // two of one separator still count
  const std::string p = "you p i l l o c k";
  CHECK(Words(p) == "you pillock");
  CHECK(BackWords(p, "pillock") == "p i l l o c k");
  // Not joined: only two letters, three separators, or a letter inside a word.
  CHECK(Words("plan a b") == "plan a b");
  CHECK(Words("f   u   c   k") == "f   u   c   k");
  CHECK(Words("I am a cat") == "i am a cat");
  // The literal view never joins letters.
  CHECK(Literal(s) == s);
}

TEST_CASE("runs of three or more of one letter collapse") {
  const std::string s = "fuuuuck";
  CHECK(Words(s) == "fuck");
  CHECK(BackWords(s, "fuck") == s);
  CHECK(BackWords(s, "u") == "uuuu");
  CHECK(Words("Sooooo annoying") == "so annoying");
  // Runs of two are spelling, not emphasis.
  CHECK(Words("cool bellend") == "cool bellend");
  // Digits are not letters.
  CHECK(Words("1000") == "1000");
  CHECK(Literal(s) == s);
}

TEST_CASE("leetspeak next to the same letter is not squeezed away") {
  // "pi11ock": the 1s stand for l's, so "iii" here is three different
  // letters, not a stretched one. Collapsing it to "i" would lose the word
  // (terms accept 'i' for 'l'), so such a run is kept as it is.
  CHECK(Words("pi11ock") == "piiiock");
  CHECK(BackWords("you pi11ock", "piiiock") == "pi11ock");
  CHECK(Words("ki11ed") == "kiiied");
  CHECK(Words("p!11ock") == "piiiock");
  // A run typed all as letters, or all as symbols, is still one letter.
  CHECK(Words("fuuuuck") == "fuck");
  CHECK(Words("sh111t") == "shit");
  CHECK(Words("sh!!!t") == "shit");
}

TEST_CASE("an emoji before the match does not shift it") {
  const std::string s = "\xF0\x9F\x98\x80\xF0\x9F\x98\xA1 you sh1t";  // 😀😡 you sh1t
  CHECK(Words(s) == "\xF0\x9F\x98\x80\xF0\x9F\x98\xA1 you shit");
  CHECK(BackWords(s, "shit") == "sh1t");
  CHECK(OrigStart(s, "shit") == 13);
}

TEST_CASE("CRLF line ends are kept as they are") {
  const std::string s = "First line\r\nyou sh1t\r\n";
  CHECK(Words(s) == "first line\r\nyou shit\r\n");
  CHECK(BackWords(s, "shit") == "sh1t");
  CHECK(OrigStart(s, "shit") == 16);
}

TEST_CASE("invalid UTF-8 before the match does not shift it") {
  // FF is one U+FFFD; E2 82 another (a truncated €). Each is 3 bytes in the
  // view but stands for its 1 or 2 original bytes.
  const std::string s = "\xFF\xE2\x82 you sh1t";
  CHECK(Words(s) == "\xEF\xBF\xBD\xEF\xBF\xBD you shit");
  CHECK(BackWords(s, "shit") == "sh1t");
  CHECK(OrigStart(s, "shit") == 8);
  CHECK(BackWords(s, "\xEF\xBF\xBD\xEF\xBF\xBD") == "\xFF\xE2\x82");
}

TEST_CASE("several steps at once: look-alike, leet, stretch and marks in one word") {
  // "ѕhiiit" with Cyrillic ѕ, "1d1ot" with zero-width space inside.
  const std::string s = "\xD1\x95hiiit and 1d\xE2\x80\x8B!ot";
  CHECK(Words(s) == "shit and idiot");
  CHECK(BackWords(s, "shit") == "\xD1\x95hiiit");
  CHECK(BackWords(s, "idiot") == "1d\xE2\x80\x8B!ot");
}

TEST_CASE("the words list holds runs of letters and digits with their original spans") {
  const std::string s = "\xF0\x9F\x98\x80 Ring 07700";
  const NormalizedText n = Normalize(s);
  const View& v = n.view(ViewKind::kWords);
  REQUIRE(v.words.size() == 2);
  CHECK(v.words[0].orig_start == 5);
  CHECK(v.words[0].orig_end == 9);
  CHECK(v.words[1].orig_start == 10);
  CHECK(v.words[1].orig_end == 15);
  CHECK(v.text.substr(v.words[1].view_start, v.words[1].view_end - v.words[1].view_start) == "07700");
}

TEST_CASE("every view byte maps inside the original, in order") {
  for (const std::string s :
       {std::string("\xEF\xAC\x81re f u c k \xD1\x96" "d\xD1\x96" "ot Schei\xC3\x9F" "e"),
        std::string("\xFF\xFE\xE2\x82 sh1t\r\n\xF0\x9F\x98\x80 cafe\xCC\x81"), std::string(""),
        std::string("\xCC\x81\xCC\x81 starts with marks"), std::string("a\0b", 3)}) {
    CAPTURE(s);
    const NormalizedText n = Normalize(s);
    for (int k = 0; k < kViewCount; ++k) {
      const View& v = n.views[k];
      if (!v.orig_start.empty()) {
        REQUIRE(v.orig_start.size() == v.text.size());
        REQUIRE(v.orig_end.size() == v.text.size());
      }
      for (size_t i = 0; i < v.text.size(); ++i) {
        CHECK(v.OrigStart(i) < v.OrigEnd(i));
        CHECK(v.OrigEnd(i) <= s.size());
        if (i > 0) CHECK(v.OrigStart(i - 1) <= v.OrigStart(i));
      }
    }
  }
}

TEST_CASE("NormalizeWords puts phrases in the same form as drafts") {
  CHECK(NormalizeWords("Project K\xD0\xB5strel") == "project kestrel");  // Cyrillic е
  CHECK(NormalizeWords("NHS") == "nhs");
  CHECK(NormalizeWords("21/01234/FUL") == "21/01234/ful");
  CHECK(NormalizeWords("") == "");
}

// An ASCII draft takes a short cut (text/normalize_ascii.h): no decoding,
// case and leetspeak folded byte by byte, and no maps. It must change nothing
// a rule can see, so it is held to the general path's answers: on drafts
// written to hit each folding step, and on many random ones drawn from the
// characters those steps look at.
void CheckSameAsGeneral(const std::string& ascii) {
  CAPTURE(ascii);
  const NormalizedText fast = Normalize(ascii);
  const NormalizedText slow = NormalizeGeneral(ascii);
  CHECK(fast.code_points.empty());
  for (int k = 0; k < kViewCount; ++k) {
    const View& f = fast.views[k];
    const View& s = slow.views[k];
    REQUIRE(f.text == s.text);
    for (size_t i = 0; i < f.text.size(); ++i) {
      REQUIRE(f.OrigStart(i) == s.OrigStart(i));
      REQUIRE(f.OrigEnd(i) == s.OrigEnd(i));
    }
    REQUIRE(f.words.size() == s.words.size());
    for (size_t w = 0; w < f.words.size(); ++w) {
      CHECK(f.words[w].view_start == s.words[w].view_start);
      CHECK(f.words[w].view_end == s.words[w].view_end);
      CHECK(f.words[w].orig_start == s.words[w].orig_start);
      CHECK(f.words[w].orig_end == s.words[w].orig_end);
    }
  }
}

TEST_CASE("an ASCII draft's views are those the general path makes") {
  for (const std::string& s : std::vector<std::string>{
           "Ring me on 07700 900461 about the f u c k i n g potholes, sh1t!!",
           "FUUUCK this, said Cllr. J-o-n-e-s; a b c d e . I am fine",
           "p.i.s.s, $h!t and pi11ock: 2nd M25 OX28 #blessed @someone 5hit b00bs",
           "a b", "a  b", "a..b", "I - a", "*-b-c", "x**y", "www.example.org", "10am 2nd f*ck f#ck",
           "", " ", "a", std::string("a\0b", 3)}) {
    CheckSameAsGeneral(s);
  }
  // The plain case needs no map; a joined or collapsed one still has it.
  CHECK(Normalize("Thanks to everyone who came").views[int(ViewKind::kWords)].orig_start.empty());
  CHECK_FALSE(Normalize("fuuuck off").views[int(ViewKind::kWords)].orig_start.empty());
  CHECK_FALSE(Normalize("f u c k off").views[int(ViewKind::kWords)].orig_start.empty());
  CHECK_FALSE(Normalize("caf\xC3\xA9").views[int(ViewKind::kLiteral)].orig_start.empty());
}

TEST_CASE("random ASCII drafts: the short cut and the general path agree") {
  // Letters, digits, every leetspeak symbol, every spacing separator, and
  // punctuation, weighted so that tokens, runs and spaced letters are common.
  const std::string alphabet = "aaabcdeffhiklmnoorsstuAEFIKSU0123456789!|@$*#   ...--__~~,;'\"?\n";
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string s(next() % 24, ' ');
    for (char& c : s) c = alphabet[next() % alphabet.size()];
    CheckSameAsGeneral(s);
  }
}
