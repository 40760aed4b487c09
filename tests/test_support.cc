#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace postcheck::testing {

std::string Repo(const std::string& relative) { return std::string(POSTCHECK_SOURCE_DIR) + "/" + relative; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<PackText> ShippedPacks() {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(Repo("rules"))) {
    if (e.is_regular_file() && e.path().extension() == ".toml") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<PackText> packs;
  for (const auto& p : paths) packs.push_back({p, ReadFile(p)});
  return packs;
}

std::unique_ptr<Checker> MakeChecker(const std::vector<PackText>& packs, Account default_account) {
  LoadResult r = LoadPacks(packs);
  for (const LoadError& e : r.errors) FAIL_CHECK(e.ToString());
  std::vector<Rule> rules = TakeRules(&r);
  CheckerOptions o;
  o.default_account = default_account;
  std::string error;
  auto c = Checker::Create(std::move(rules), o, &error);
  REQUIRE_MESSAGE(c != nullptr, error);
  return c;
}

std::unique_ptr<Checker> CheckerFor(const std::string& toml, Account default_account) {
  return MakeChecker({{"inline.toml", toml}}, default_account);
}

std::vector<std::string> RuleIds(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.rule->id);
  return ids;
}

}  // namespace postcheck::testing
