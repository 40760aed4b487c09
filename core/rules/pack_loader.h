// Loads rule packs (TOML, see rules/FORMAT.md) into validated rules.
//
// A pack that is wrong in any way is rejected whole with one-line errors
// naming the file, the line and the rule; the other packs still load. The
// loader never crashes on any input: every field is type-checked, every
// pattern compiled, before a rule is accepted.
#ifndef POSTCHECK_RULES_PACK_LOADER_H_
#define POSTCHECK_RULES_PACK_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace re2 {
class RE2;
}

namespace postcheck {

struct PackText {
  std::string file;  // shown in messages: "rules/generic.toml"
  std::string text;  // the TOML
  // A pack the build already validated in full (`postcheck rules validate`),
  // shipped with its examples stripped. Its patterns are compiled on first
  // use rather than while loading, and examples are not required: start-up
  // in a browser tab then costs one RE2::Set, not hundreds of RE2s.
  bool prevalidated = false;
};

struct LoadError {
  std::string file;
  int line = 0;
  std::string rule;  // the rule id, or "(pack)" for pack-level problems
  std::string message;
  // "rules/generic.toml:42: rule abuse.insult: unknown field 'patern'"
  std::string ToString() const;
};

struct LoadedPack {
  std::string name, version, description, file;
  std::vector<Rule> rules;
};

struct LoadResult {
  std::vector<LoadedPack> packs;  // the packs that loaded, in input order
  std::vector<LoadError> errors;  // empty when every pack loaded
};

// Rule ids must be unique across all the packs loaded together; lexicons
// defined in any pack of the set can be used by rules in any other.
LoadResult LoadPacks(const std::vector<PackText>& packs);

// Moves every rule out of the loaded packs, in pack order: what a Checker is
// built from.
std::vector<Rule> TakeRules(LoadResult* loaded);

}  // namespace postcheck

#endif  // POSTCHECK_RULES_PACK_LOADER_H_
