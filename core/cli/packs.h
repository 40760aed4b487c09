// Reading rule packs and drafts from disk for the CLI (the core does no I/O).
#ifndef POSTCHECK_CLI_PACKS_H_
#define POSTCHECK_CLI_PACKS_H_

#include <optional>
#include <string>
#include <vector>

#include "rules/pack_loader.h"

namespace postcheck::cli {

// Reads a whole file, or standard input for "-". nullopt if it cannot be read.
std::optional<std::string> ReadFileOrStdin(const std::string& path, std::string* error);

// The packs to load: the given files, or every *.toml under the default rules
// directory ($POSTCHECK_RULES_DIR, else the repository's rules/), sorted.
std::vector<PackText> ReadPacks(const std::vector<std::string>& files, std::vector<LoadError>* errors);

}  // namespace postcheck::cli

#endif  // POSTCHECK_CLI_PACKS_H_
