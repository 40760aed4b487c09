// The short cut Normalize takes for an all-ASCII draft, the usual case.
//
// The general path decodes every character into a 16-byte unit, runs six
// folding passes over the units and then lays out a byte map per view. For
// ASCII most of that is the identity: no decoding, no compatibility forms, no
// look-alikes, and as long as no letters are joined ("f u c k") or collapsed
// ("fuuuck") every view byte stands for the original byte at its own index.
// This path does the remaining work (case, leetspeak) byte by byte and leaves
// the maps empty. Internal to text/; tests compare it with the general path.
#ifndef POSTCHECK_TEXT_NORMALIZE_ASCII_H_
#define POSTCHECK_TEXT_NORMALIZE_ASCII_H_

#include <string_view>

#include "text/normalize.h"

namespace postcheck {

// Fills `out` for `ascii` (every byte < 0x80) exactly as the general path
// would, or returns false, leaving `out` unspecified, when the draft has
// letters to join or collapse and so needs the general path's maps.
bool NormalizeAscii(std::string_view ascii, NormalizedText* out);

// Normalize without the short cut: the path any draft can take. For the tests
// that hold the two to the same answers.
NormalizedText NormalizeGeneral(std::string_view utf8);

}  // namespace postcheck

#endif  // POSTCHECK_TEXT_NORMALIZE_ASCII_H_
