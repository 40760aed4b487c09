#include "rules/regex.h"

namespace postcheck {

RE2::Options PatternOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(8 << 20);  // RE2's default, per pattern
  return opts;
}

LazyRegex::LazyRegex(std::string pattern, std::unique_ptr<RE2> compiled)
    : pattern_(std::move(pattern)), re_(std::move(compiled)) {
  std::call_once(once_, [] {});  // already compiled: never compile again
}

const RE2& LazyRegex::get() const {
  std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, PatternOptions()); });
  return *re_;
}

}  // namespace postcheck
