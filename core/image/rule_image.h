// A rule image: packs loaded, checked and compiled once at build time, saved
// as bytes that a checker starts from without parsing TOML or compiling the
// matcher's sets.
//
// Why: a browser tab, a Web Worker and a fresh Node process all start the
// WebAssembly module cold, where loading the shipped TOML packs and
// compiling their RE2::Sets took hundreds of milliseconds. The image holds
// the same rules and the sets' compiled programs (match/set_image.h), so a
// checker made from it gives exactly the findings of one made from the packs.
//
// An image belongs to the engine that made it: it records the engine
// version and a digest of its bytes, and loading refuses any image that is
// damaged, truncated or from another engine, with an error saying which.
// Rule examples are not kept (they are for `postcheck rules test`).
#ifndef POSTCHECK_IMAGE_RULE_IMAGE_H_
#define POSTCHECK_IMAGE_RULE_IMAGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checker.h"

namespace postcheck {

// A pack's name and version, as reported beside the engine version.
struct PackInfo {
  std::string name, version;
  size_t rules = 0;
};

// The name, version and rule count of each pack that loaded.
std::vector<PackInfo> PackInfos(const LoadResult& loaded);

// The image of `checker`, built from packs described by `packs`.
std::string SaveRuleImage(const Checker& checker, const std::vector<PackInfo>& packs);

struct LoadedImage {
  std::unique_ptr<Checker> checker;  // null on error
  std::vector<PackInfo> packs;
  std::string error;  // what is wrong with the bytes, when checker is null
};

LoadedImage LoadRuleImage(std::string_view bytes, const CheckerOptions& options);

}  // namespace postcheck

#endif  // POSTCHECK_IMAGE_RULE_IMAGE_H_
