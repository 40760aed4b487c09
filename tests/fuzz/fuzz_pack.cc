// libFuzzer target: loading arbitrary rule-pack bytes, and checking a draft
// with whatever loaded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "checker.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace postcheck;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LoadResult r = LoadPacks({{"fuzz.toml", text}});
  for (const LoadError& e : r.errors) {
    if (e.ToString().find('\n') != std::string::npos && e.message.find('\n') != std::string::npos) {
      // One line per error is part of the contract, unless the pack's own
      // text (a quoted pattern) carries the newline.
      if (text.find('\n') == std::string::npos) __builtin_trap();
    }
  }
  std::vector<Rule> rules = TakeRules(&r);
  std::string error;
  auto checker = Checker::Create(std::move(rules), {}, &error);
  if (checker) {
    checker->Check("Ring me on 07700 900461, you pillock. Planning committee tonight!", {});
  }
  return 0;
}
