// Turns a plain phrase from a rule pack (a lexicon term, a `terms` entry) into
// the RE2 pattern that finds it in the words view, disguises included.
#ifndef POSTCHECK_RULES_TERM_PATTERN_H_
#define POSTCHECK_RULES_TERM_PATTERN_H_

#include <string>
#include <string_view>

namespace postcheck {

// `phrase` is normalised with NormalizeWords first. In the pattern:
//   - the phrase is bounded by \b;
//   - an 'l' also accepts 'i' (the words view folds '1', '!' and '|' to 'i');
//   - a doubled letter also accepts one ("bellend" finds "belllend" after the
//     words view collapsed its run of l's to one);
//   - interior letters of words of four or more letters accept '*' ("f*ck");
//   - spaces accept any run of spaces or hyphens;
//   - with `plural`, a trailing "s" or "es" is accepted.
std::string TermToRegex(std::string_view phrase, bool plural);

}  // namespace postcheck

#endif  // POSTCHECK_RULES_TERM_PATTERN_H_
