// PhraseSet answers "does any of these phrases occur in this window?" from a
// hash of first words; its answers must be exactly HasPhrase's.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "judge/phrase_set.h"
#include "judge/window.h"

namespace postcheck {
namespace {

bool Reference(const std::vector<std::string>& phrases, const std::string& text, uint32_t from, uint32_t to) {
  for (const std::string& p : phrases) {
    if (HasPhrase(text, from, to, p)) return true;
  }
  return false;
}

TEST_CASE("a phrase set finds whole-word phrases inside the window only") {
  const std::string text = "only as a joke, he said; ask a friend";
  const std::vector<std::string> phrases = {"as a joke", "a friend"};
  const PhraseSet set(phrases);
  const DraftWords words(text);
  CHECK(set.AnyIn(words, 0, uint32_t(text.size())));
  CHECK(set.AnyIn(words, 5, 14));       // "as a joke"
  CHECK_FALSE(set.AnyIn(words, 5, 13));  // cut short of "joke"
  CHECK_FALSE(set.AnyIn(words, 15, 26));
  CHECK_FALSE(PhraseSet({"as"}).AnyIn(words, 25, 29));  // "ask" is not "as"
  CHECK_FALSE(PhraseSet(std::vector<std::string>{}).AnyIn(words, 0, uint32_t(text.size())));
}

TEST_CASE("a phrase set agrees with HasPhrase on random drafts, windows and phrases") {
  // Words, and the joins that test HasPhrase's boundaries: '_' is a word
  // byte there, '*' and non-ASCII bytes are not.
  const std::vector<std::string> vocab = {"as", "a", "ask", "joke", "a_b", "b", "f*ck", "caf\xc3\xa9", "x", "as a"};
  const std::vector<std::string> joins = {" ", " ", "  ", ", ", "_", "*", "-", "\xc3\xa9", ""};
  std::mt19937 rng(20261121);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = int(rng() % 12);
    for (int i = 0; i < n; ++i) text += pick(vocab) + pick(joins);
    std::vector<std::string> phrases;
    const int k = int(rng() % 5);
    for (int i = 0; i < k; ++i) {
      std::string p = pick(vocab);
      if (rng() % 3 == 0) p += " " + pick(vocab);
      if (rng() % 7 == 0) p = pick(joins) + p;  // starts with a non-word byte
      phrases.push_back(p);
    }
    const PhraseSet set(phrases);
    const DraftWords words(text);
    for (int w = 0; w < 8; ++w) {
      const uint32_t from = text.empty() ? 0 : uint32_t(rng() % (text.size() + 1));
      const uint32_t to = from + uint32_t(rng() % (text.size() + 1 - from));
      INFO("text '", text, "' window ", from, "..", to);
      CHECK(set.AnyIn(words, from, to) == Reference(phrases, text, from, to));
    }
  }
}

}  // namespace
}  // namespace postcheck
