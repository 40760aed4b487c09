// Shared helpers for the doctest suite (the tests may read files; the core may not).
#ifndef POSTCHECK_TESTS_TEST_SUPPORT_H_
#define POSTCHECK_TESTS_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "checker.h"

namespace postcheck::testing {

// A path inside the repository, e.g. Repo("rules/generic.toml").
std::string Repo(const std::string& relative);
std::string ReadFile(const std::string& path);

// Every *.toml under rules/, sorted (the packs the product ships).
std::vector<PackText> ShippedPacks();

// A checker over `packs`; fails the current test if any pack has an error.
std::unique_ptr<Checker> MakeChecker(const std::vector<PackText>& packs, Account default_account = Account::kCouncillor);

// A checker over one pack given as TOML text.
std::unique_ptr<Checker> CheckerFor(const std::string& toml, Account default_account = Account::kCouncillor);

// Rule ids of the findings, in order.
std::vector<std::string> RuleIds(const std::vector<Finding>& findings);

}  // namespace postcheck::testing

#endif  // POSTCHECK_TESTS_TEST_SUPPORT_H_
