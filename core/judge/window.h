// Word windows around a match, and phrase search inside them. Conditions such
// as "within 5 words of 'planning'" and allow-phrases are judged here.
#ifndef POSTCHECK_JUDGE_WINDOW_H_
#define POSTCHECK_JUDGE_WINDOW_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text/normalize.h"

namespace postcheck {

// The byte range of the words view that holds the words overlapping the
// original span [orig_start, orig_end) and `within` more words either side.
// within < 0 means the whole view.
std::pair<uint32_t, uint32_t> WordWindow(const View& words, uint32_t orig_start, uint32_t orig_end, int within);

// Whether `phrase` (already in words-view form) occurs in text[from, to) as
// whole words.
bool HasPhrase(const std::string& text, uint32_t from, uint32_t to, const std::string& phrase);

// Whether `phrase` occurs as whole words starting exactly at text[pos]: what
// HasPhrase answers for a window the phrase's own size, without a search.
bool PhraseAt(const std::string& text, uint32_t pos, const std::string& phrase);

// Every whole-word occurrence of `phrase` in `text`, as [start, end) pairs.
std::vector<std::pair<uint32_t, uint32_t>> FindPhrase(const std::string& text, const std::string& phrase);

}  // namespace postcheck

#endif  // POSTCHECK_JUDGE_WINDOW_H_
