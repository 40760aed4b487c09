// A list of phrases (allow-phrases, near-phrases) asked "does any of you
// occur in this window?" once per candidate of a rule.
//
// Searching the window once per phrase made an abusive post the slowest to
// check: many candidates, each testing allow lists of dozens of phrases. A
// phrase that starts with a word can only occur where a word of the draft
// starts and equals its first word, so the set indexes phrases by a hash of
// their first word, and a query hashes only the window's words (see
// DraftWords). The answers are exactly HasPhrase's.
#ifndef POSTCHECK_JUDGE_PHRASE_SET_H_
#define POSTCHECK_JUDGE_PHRASE_SET_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace postcheck {

// Where words start in a draft's words view, with a hash of each word, made
// once per check. A "word" here is a run of the bytes HasPhrase's boundaries
// treat as word bytes (ASCII letters, digits, '_').
class DraftWords {
 public:
  explicit DraftWords(const std::string& text);
  const std::string& text() const { return text_; }

  struct Start {
    uint32_t pos;
    uint64_t hash;  // of text[pos, end of the run)
  };
  const std::vector<Start>& starts() const { return starts_; }

 private:
  const std::string& text_;
  std::vector<Start> starts_;
};

class PhraseSet {
 public:
  PhraseSet() = default;
  // `phrases` in words-view form; copied.
  explicit PhraseSet(const std::vector<std::string>& phrases);

  // Whether any phrase occurs as whole words in text[from, to).
  bool AnyIn(const DraftWords& draft, uint32_t from, uint32_t to) const;

  static uint64_t Hash(const char* s, size_t n);

 private:
  std::vector<std::string> phrases_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_first_word_;
  // One bit per bucket of first-word hashes: a clear bit answers "no phrase
  // starts with this word" without a hash-table look-up, for most words.
  uint64_t first_word_bits_[4] = {0, 0, 0, 0};
  std::vector<uint32_t> others_;  // phrases not starting with a word byte: searched for in full
};

}  // namespace postcheck

#endif  // POSTCHECK_JUDGE_PHRASE_SET_H_
