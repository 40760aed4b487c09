// Small character tables for the words view that no library provides in the
// form we need: look-alike letters from other scripts, and leetspeak.
#ifndef POSTCHECK_TEXT_FOLD_TABLES_H_
#define POSTCHECK_TEXT_FOLD_TABLES_H_

namespace postcheck {

// The Latin letter a Cyrillic or Greek (lower-case) letter is commonly used to
// imitate, or 0. A subset of Unicode's confusables, limited to what disguises
// English words: "іdіot" with Cyrillic і, "ѕhit" with Cyrillic ѕ.
char32_t LatinLookalike(char32_t cp);

// The letter a leetspeak symbol stands for ('1' -> 'i', '@' -> 'a'), '*' for a
// masking symbol ('*', '#'), or 0. '1', '!' and '|' all fold to 'i'; lexicon
// terms accept 'i' wherever they have 'l' so "bo11ocks" still matches.
char LeetLetter(char32_t cp);

}  // namespace postcheck

#endif  // POSTCHECK_TEXT_FOLD_TABLES_H_
