// Every example in every shipped pack runs as a test: drafts a rule must flag
// and drafts it must pass. Examples run under the councillor profile; an
// example for a personal-account rule says so in its context.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

TEST_CASE("every shipped pack loads without errors") {
  LoadResult r = LoadPacks(ShippedPacks());
  for (const LoadError& e : r.errors) FAIL_CHECK(e.ToString());
  CHECK(!r.packs.empty());
}

TEST_CASE("every rule's examples hold") {
  auto checker = MakeChecker(ShippedPacks());
  size_t examples = 0;
  for (const Rule& r : checker->rules()) {
    CHECK_MESSAGE(!r.flag_examples.empty(), r.id);
    CHECK_MESSAGE(!r.pass_examples.empty(), r.id);
    examples += r.flag_examples.size() + r.pass_examples.size();
  }
  CHECK(examples > 0);
  for (const std::string& failure : checker->RunExamples()) FAIL_CHECK(failure);
}
