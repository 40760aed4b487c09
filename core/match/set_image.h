// Saves a compiled RE2::Set as bytes, and rebuilds an equal set from them.
//
// Compiling the words-view set (hundreds of patterns, tens of thousands of
// instructions) is most of a checker's start-up, and in a browser tab or a
// freshly started WebAssembly module it runs on cold code several times
// slower than natively. RE2 has no serialisation, but a compiled set is only
// a flat array of 8-byte instructions plus a few counts, so the build saves
// it once and start-up copies it back (see image/rule_image.h).
//
// The bytes are tied to the RE2 source they were made with: LoadSetImage
// checks every instruction (opcodes, targets, match ids), so a damaged or
// mismatched image is refused with an error, never run.
#ifndef POSTCHECK_MATCH_SET_IMAGE_H_
#define POSTCHECK_MATCH_SET_IMAGE_H_

#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>

namespace postcheck {

// The compiled set's program, or "" when it cannot be saved (not compiled,
// or compiled with a literal-prefix accelerator this format does not carry);
// the caller then compiles that set at load instead.
std::string SaveSetImage(const re2::RE2::Set& set);

// A compiled, unanchored set of `members` patterns equal to the one saved,
// or nullptr with *error saying what is wrong with the bytes.
std::unique_ptr<re2::RE2::Set> LoadSetImage(std::string_view bytes, const RE2::Options& options, int members,
                                            std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_MATCH_SET_IMAGE_H_
