// Finds plain terms (lexicon entries, a rule's `terms`) word by word, through
// a hash of each word's letters, instead of one regex per term.
//
// Lexicons hold hundreds of terms. As regexes they made start-up cost one
// compilation each and made the RE2::Set, and so every check, bigger. A term
// is only ever a sequence of words, so a hash look-up per word of the draft
// finds the same matches, and start-up is a few hundred hash insertions.
//
// How a term's word matches a word of the words view (text/normalize.h):
//   - the letters must agree, where a term's 'l' also accepts 'i' (the view
//     folds '1', '!' and '|' to 'i', so "bo11ocks" reads "boiiocks");
//   - a doubled letter in the term needs a doubled letter in the draft, or a
//     run of three or more that the view folded to one ("belllend"); so "ass"
//     never matches "as", and "boobs" never matches "bobs";
//   - a masked word ("f*ck", "c**t") matches a term of the same length with
//     the same first and last letters, where '*' stands for any letter inside
//     a word of four or more letters;
//   - with `plural`, the draft's last word may add "s" or "es".
#ifndef POSTCHECK_MATCH_TERM_INDEX_H_
#define POSTCHECK_MATCH_TERM_INDEX_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/rule.h"
#include "text/normalize.h"

namespace postcheck {

struct Candidate;

class TermIndex {
 public:
  // Indexes every term of every rule; `rules` must outlive the index.
  explicit TermIndex(const std::vector<Rule>& rules);

  // Appends a candidate for each occurrence of a term of an active rule.
  void Find(const View& words, const std::vector<bool>& active, std::vector<Candidate>* out) const;

  size_t size() const { return refs_.size(); }

 private:
  // One spelling of a term: its words with 'l'/'i' chosen.
  struct Ref {
    uint32_t rule, term;
    std::vector<std::string> words;
  };

  bool MatchFrom(const Ref& ref, const View& v, size_t first_word) const;

  const std::vector<Rule>& rules_;
  std::vector<Ref> refs_;
  // Hash of the first word with every run of a letter written once -> refs.
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_key_;
  // One bit per bucket of keys in by_key_: most words of a draft begin no
  // term, and a clear bit says so without a hash-table look-up.
  std::vector<uint64_t> key_bits_;
  bool MayHaveKey(uint64_t key) const;
  // Refs whose first word is four or more letters: the candidates for a
  // masked draft word, by (first letter, last letter, length).
  std::unordered_map<uint32_t, std::vector<uint32_t>> masked_;
};

}  // namespace postcheck

#endif  // POSTCHECK_MATCH_TERM_INDEX_H_
