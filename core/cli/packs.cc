#include "cli/packs.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace postcheck::cli {

std::optional<std::string> ReadFileOrStdin(const std::string& path, std::string* error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<PackText> ReadPacks(const std::vector<std::string>& files, std::vector<LoadError>* errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths = files;
  if (paths.empty()) {
    const char* env = std::getenv("POSTCHECK_RULES_DIR");
    const fs::path dir = env && *env ? fs::path(env) : fs::path(POSTCHECK_DEFAULT_RULES_DIR);
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".toml") paths.push_back(it->path().string());
    }
    if (ec || paths.empty()) {
      errors->push_back({dir.string(), 0, "(pack)", "no rule packs found (*.toml)"});
    }
    std::sort(paths.begin(), paths.end());
  }
  std::vector<PackText> packs;
  for (const std::string& p : paths) {
    std::string error;
    if (auto text = ReadFileOrStdin(p, &error)) {
      packs.push_back({p, std::move(*text)});
    } else {
      errors->push_back({p, 0, "(pack)", "cannot read: " + error});
    }
  }
  return packs;
}

}  // namespace postcheck::cli
