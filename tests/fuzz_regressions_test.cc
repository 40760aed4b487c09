// Replays every input that once crashed a fuzz target (tests/fuzz/regressions),
// through the same calls the harnesses make, so a fixed crash stays fixed.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

std::vector<std::string> Inputs(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(Repo("tests/fuzz/regressions/" + dir))) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name[0] != '.' && name != "README.md") out.push_back(e.path().string());
  }
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: pack inputs load or fail cleanly") {
  for (const std::string& path : Inputs("pack")) {
    CAPTURE(path);
    LoadResult r = LoadPacks({{path, ReadFile(path)}});
    for (const LoadError& e : r.errors) CHECK(!e.ToString().empty());
  }
}

TEST_CASE("fuzz regressions: check inputs return in-bounds findings") {
  auto checker = MakeChecker(ShippedPacks());
  for (const std::string& path : Inputs("check")) {
    CAPTURE(path);
    const std::string bytes = ReadFile(path);
    const std::string text = bytes.size() >= 4 ? bytes.substr(4) : bytes;
    for (const Finding& f : checker->Check(text, {})) {
      CHECK(f.byte_start <= f.byte_end);
      CHECK(f.byte_end <= text.size());
    }
  }
}
