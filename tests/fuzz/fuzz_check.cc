// libFuzzer target: checking arbitrary bytes, with every shipped pack loaded
// and a context chosen by the input's first bytes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "checker.h"

namespace {

std::unique_ptr<postcheck::Checker> checker;

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace postcheck;
  std::vector<PackText> packs;
  for (const auto& e : std::filesystem::recursive_directory_iterator(POSTCHECK_SOURCE_DIR "/rules")) {
    if (e.path().extension() == ".toml") packs.push_back({e.path().string(), Read(e.path())});
  }
  LoadResult r = LoadPacks(packs);
  if (!r.errors.empty()) __builtin_trap();  // the shipped packs must load
  std::vector<Rule> rules = TakeRules(&r);
  std::string error;
  checker = Checker::Create(std::move(rules), {}, &error);
  if (!checker) __builtin_trap();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace postcheck;
  Context ctx;
  if (size >= 4) {
    const uint8_t a = data[0], b = data[1], c = data[2], d = data[3];
    if (a & 1) ctx.account = (a & 2) ? Account::kPersonal : Account::kCouncillor;
    if (a & 4) ctx.platform = Platform((a >> 3) % 3);
    ctx.in_meeting = b & 1;
    if (b & 2) ctx.local_minutes = (int(c) * 256 + d) % 1440;
    // Organisation terms taken from the input itself, so they overlap the text.
    if (b & 4) {
      const size_t n = 1 + (c % 8);
      const std::string term(reinterpret_cast<const char*>(data) + 4, std::min(n, size - 4));
      ctx.org_terms[(b >> 3) % kOrgListCount].push_back(term);
    }
    data += 4;
    size -= 4;
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const Finding& f : checker->Check(text, ctx)) {
    // Invariants every surface relies on.
    if (f.byte_start > f.byte_end || f.byte_end > size || f.start > f.end) __builtin_trap();
  }
  return 0;
}
