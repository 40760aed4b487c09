// The Scunthorpe guard: no place or person's name may ever be flagged as
// abuse, obscenity, discrimination or a threat, and no ordinary English word
// may be flagged unless it really is such a word and is listed, with a
// reason, in tests/data/scunthorpe-allow.txt.
//
// Every entry of the lists below is checked with every shipped pack loaded,
// alone and inside neutral sentences:
//   tests/data/uk-places.txt     real UK towns, villages and districts,
//                                including the notorious ones
//   tests/data/first-names.txt   common British first names
//   tests/data/surnames.txt      common British surnames
//   /usr/share/dict/british-english   the English word list (Debian package
//                                wbritish, installed by scripts/setup)
//
// Names and places are strict: a collision is a bug in a rule or lexicon,
// fixed there (a `plural = false`, a pattern instead of a term, a lower
// likelihood so the word needs a target). The allow-list covers dictionary
// words only. Its format is one "word<TAB>rule-id<TAB>reason" per line; a line
// applies to a finding of that rule whose lexicon term, matched text or
// dictionary entry is `word` (case-insensitive). A line no longer needed
// fails the test, so the list cannot silently grow stale.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

const std::set<std::string> kGuardedCategories = {"abuse", "obscene", "discrimination", "threat"};

// "{}" stands for the entry.
const std::vector<std::string> kSentences = {
    "{}",
    "Lovely afternoon in {} today",
    "Thanks to {} for organising",
};

constexpr const char* kDictionary = "/usr/share/dict/british-english";

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Fill(const std::string& sentence, const std::string& entry) {
  std::string out = sentence;
  out.replace(out.find("{}"), 2, entry);
  return out;
}

// Non-empty lines, without '\r', skipping '#' comments.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

struct AllowEntry {
  std::string word, rule, reason;
  int line = 0;
  bool used = false;
};

std::vector<AllowEntry> ReadAllowList(const std::string& path) {
  std::vector<AllowEntry> out;
  std::istringstream in(ReadFile(path));
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos || t2 + 1 >= line.size()) {
      FAIL_CHECK(path << ":" << n << ": expected word<TAB>rule-id<TAB>reason");
      continue;
    }
    out.push_back({Lower(line.substr(0, t1)), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1), n});
  }
  return out;
}

struct Tally {
  size_t entries = 0, drafts = 0, collisions = 0;
};

// Checks every entry of `list` in every sentence. Findings in the guarded
// categories fail the test unless `allow` (may be null) lists them.
void Guard(const Checker& checker, const std::string& list_name, const std::vector<std::string>& list,
           std::vector<AllowEntry>* allow, Tally* tally) {
  const Context context;
  size_t reported = 0;
  for (const std::string& entry : list) {
    ++tally->entries;
    for (const std::string& sentence : kSentences) {
      const std::string draft = Fill(sentence, entry);
      ++tally->drafts;
      for (const Finding& f : checker.Check(draft, context)) {
        if (!kGuardedCategories.count(f.rule->category)) continue;
        bool allowed = false;
        if (allow) {
          const std::string term = Lower(f.term), text = Lower(f.text), word = Lower(entry);
          for (AllowEntry& a : *allow) {
            if (a.rule == f.rule->id && (a.word == term || a.word == text || a.word == word)) {
              a.used = true;
              allowed = true;
            }
          }
        }
        if (allowed) continue;
        ++tally->collisions;
        if (++reported <= 40) {
          FAIL_CHECK(list_name << ": \"" << draft << "\" is flagged by " << f.rule->id << " on \"" << f.text
                               << "\"" << (f.term.empty() ? "" : " (term \"" + f.term + "\")"));
        }
      }
    }
  }
  if (reported > 40) FAIL_CHECK(list_name << ": " << reported - 40 << " more collisions not shown");
}

}  // namespace

TEST_CASE("Scunthorpe guard: places, names and dictionary words are not flagged") {
  auto checker = MakeChecker(ShippedPacks());

  const auto places = Lines(ReadFile(Repo("tests/data/uk-places.txt")));
  const auto first_names = Lines(ReadFile(Repo("tests/data/first-names.txt")));
  const auto surnames = Lines(ReadFile(Repo("tests/data/surnames.txt")));
  CHECK(places.size() >= 1500);
  CHECK(first_names.size() >= 500);
  CHECK(surnames.size() >= 500);
  REQUIRE_MESSAGE(std::filesystem::exists(kDictionary),
                  kDictionary << " is missing: install the Debian package wbritish (scripts/setup does)");
  const auto dictionary = Lines(ReadFile(kDictionary));
  CHECK(dictionary.size() > 50000);

  std::vector<AllowEntry> allow = ReadAllowList(Repo("tests/data/scunthorpe-allow.txt"));
  std::set<std::string> rule_ids;
  for (const Rule& r : checker->rules()) rule_ids.insert(r.id);
  for (const AllowEntry& a : allow) {
    CHECK_MESSAGE(rule_ids.count(a.rule), "scunthorpe-allow.txt:" << a.line << ": unknown rule " << a.rule);
    CHECK_MESSAGE(a.reason.size() >= 10, "scunthorpe-allow.txt:" << a.line << ": give a reason");
  }

  Tally tally;
  Guard(*checker, "uk-places.txt", places, nullptr, &tally);
  Guard(*checker, "first-names.txt", first_names, nullptr, &tally);
  Guard(*checker, "surnames.txt", surnames, nullptr, &tally);
  Guard(*checker, "british-english", dictionary, &allow, &tally);

  for (const AllowEntry& a : allow) {
    CHECK_MESSAGE(a.used, "scunthorpe-allow.txt:" << a.line << ": '" << a.word << "' for " << a.rule
                                                   << " is no longer needed: remove the line");
  }

  const std::string summary = "Scunthorpe guard: checked " + std::to_string(tally.entries) + " entries (" +
                              std::to_string(places.size()) + " places, " + std::to_string(first_names.size()) +
                              " first names, " + std::to_string(surnames.size()) + " surnames, " +
                              std::to_string(dictionary.size()) + " dictionary words) in " +
                              std::to_string(tally.drafts) + " drafts; allow-list " + std::to_string(allow.size()) +
                              " lines; unexpected collisions " + std::to_string(tally.collisions);
  MESSAGE(summary);
  std::printf("%s\n", summary.c_str());
  CHECK(tally.collisions == 0);
}
