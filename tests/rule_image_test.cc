// The rule image (image/rule_image.h): a checker started from the saved bytes
// must behave exactly like one built from the packs, and damaged bytes must
// be refused with an error, never crash or run.
#include <doctest/doctest.h>

#include <re2/set.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "image/rule_image.h"
#include "json/json_reader.h"
#include "match/matcher.h"
#include "match/set_image.h"
#include "test_support.h"

namespace postcheck {
namespace {

using testing::MakeChecker;
using testing::ShippedPacks;

std::vector<PackInfo> InfoOf(const std::vector<PackText>& packs) { return PackInfos(LoadPacks(packs)); }

// Every draft of the team corpus, clean and flagged.
std::vector<std::string> CorpusDrafts() {
  std::vector<std::string> drafts;
  for (const auto& e : std::filesystem::directory_iterator(testing::Repo("tests/corpus"))) {
    if (e.path().extension() != ".jsonl") continue;
    std::istringstream in(testing::ReadFile(e.path().string()));
    for (std::string line; std::getline(in, line);) {
      Json j;
      std::string error;
      if (!line.empty() && ParseJson(line, &j, &error) && j.contains("text")) drafts.push_back(j["text"].get<std::string>());
    }
  }
  return drafts;
}

std::string Describe(const std::vector<Finding>& fs) {
  std::string out;
  for (const Finding& f : fs) {
    out += f.rule->id + "@" + std::to_string(f.start) + "-" + std::to_string(f.end) + ":" +
           std::string(SeverityName(f.severity)) + " ";
  }
  return out;
}

TEST_CASE("a checker from the rule image gives the packs' findings on every corpus draft") {
  const std::vector<PackText> packs = ShippedPacks();
  auto from_packs = MakeChecker(packs);
  const std::string image = SaveRuleImage(*from_packs, InfoOf(packs));
  LoadedImage loaded = LoadRuleImage(image, CheckerOptions{});
  REQUIRE_MESSAGE(loaded.checker != nullptr, loaded.error);
  REQUIRE(loaded.checker->rules().size() == from_packs->rules().size());
  for (size_t i = 0; i < from_packs->rules().size(); ++i) {
    const Rule& a = from_packs->rules()[i];
    const Rule& b = loaded.checker->rules()[i];
    CHECK(a.id == b.id);
    CHECK(a.message == b.message);
    CHECK(a.patterns.size() == b.patterns.size());
    CHECK(a.allow == b.allow);
  }
  CHECK(loaded.packs.size() == InfoOf(packs).size());
  // Both views' sets were saved, so nothing was compiled at load.
  CHECK_FALSE(from_packs->matcher().SaveSet(ViewKind::kWords).empty());
  CHECK_FALSE(from_packs->matcher().SaveSet(ViewKind::kLiteral).empty());

  const std::vector<std::string> drafts = CorpusDrafts();
  REQUIRE(drafts.size() > 500);
  size_t findings = 0;
  for (const std::string& d : drafts) {
    const auto a = from_packs->Check(d, Context{});
    findings += a.size();
    CHECK_MESSAGE(Describe(a) == Describe(loaded.checker->Check(d, Context{})), d);
  }
  CHECK(findings > 300);  // the comparison covered real findings, not silence
}

TEST_CASE("saving an image is deterministic, and loading it twice gives the same bytes back") {
  const std::vector<PackText> packs = ShippedPacks();
  auto checker = MakeChecker(packs);
  const std::string a = SaveRuleImage(*checker, InfoOf(packs));
  CHECK(a == SaveRuleImage(*MakeChecker(packs), InfoOf(packs)));
  LoadedImage loaded = LoadRuleImage(a, CheckerOptions{});
  REQUIRE(loaded.checker != nullptr);
  CHECK(SaveRuleImage(*loaded.checker, loaded.packs) == a);
}

const char* kSmallPack = R"(
[pack]
name = "small"
version = "1.0.0"

[[rules]]
id = "abuse.small"
category = "abuse"
severity = "warning"
message = "m"
suggestion = "s"
sources = [{ policy = "west-oxfordshire", section = "3.0" }]
patterns = ['\bmuppets?\b', 'utter (?:pillock|plonker)']
[rules.examples]
flag = ["what a muppet"]
pass = ["a puppet show"]
)";

TEST_CASE("a damaged, truncated or foreign image is refused with an error that says why") {
  auto checker = testing::CheckerFor(kSmallPack);
  const std::string image = SaveRuleImage(*checker, {{"small", "1.0.0", 1}});
  REQUIRE(LoadRuleImage(image, CheckerOptions{}).checker != nullptr);

  CHECK(LoadRuleImage("", CheckerOptions{}).error == "rule image: not a PostCheck rule image");
  CHECK(LoadRuleImage("[pack]\nname = 'x'", CheckerOptions{}).error == "rule image: not a PostCheck rule image");
  for (size_t n = 0; n < image.size(); ++n) {
    LoadedImage l = LoadRuleImage(image.substr(0, n), CheckerOptions{});
    REQUIRE_MESSAGE(l.checker == nullptr, "truncated to " << n << " bytes");
    CHECK_FALSE(l.error.empty());
  }
  for (size_t i = 0; i < image.size(); ++i) {
    std::string bad = image;
    bad[i] = char(bad[i] ^ 0x20);
    LoadedImage l = LoadRuleImage(bad, CheckerOptions{});
    REQUIRE_MESSAGE(l.checker == nullptr, "byte " << i << " flipped");
  }
  std::string extra = image + "x";
  CHECK(LoadRuleImage(extra, CheckerOptions{}).error.find("damaged") != std::string::npos);
}

// Past the digest: the set's own checks. Every byte of a saved set is
// changed in turn; each result either is refused or, if it still passes
// every check, runs without crashing (the sanitizer build would see a bad
// read). A damaged image never reaches this without a matching digest.
TEST_CASE("a saved set with any one byte changed is refused or still runs safely") {
  RE2::Options o;
  o.set_log_errors(false);
  RE2::Set set(o, RE2::UNANCHORED);
  REQUIRE(set.Add(R"(\bmuppets?\b)", nullptr) == 0);
  REQUIRE(set.Add(R"((?i)utter (?:pillock|plonker))", nullptr) == 1);
  REQUIRE(set.Add(R"(\d{5} ?\d{6})", nullptr) == 2);
  REQUIRE(set.Compile());
  const std::string saved = SaveSetImage(set);
  REQUIRE_FALSE(saved.empty());

  std::string error;
  auto same = LoadSetImage(saved, o, 3, &error);
  REQUIRE_MESSAGE(same != nullptr, error);
  std::vector<int> hits;
  CHECK(same->Match("you utter PILLOCK, ring 07700 900461", &hits));
  std::sort(hits.begin(), hits.end());
  CHECK(hits == std::vector<int>{1, 2});
  CHECK(LoadSetImage(saved, o, 2, &error) == nullptr);
  CHECK(error.find("different number of patterns") != std::string::npos);

  int refused = 0;
  for (size_t i = 0; i < saved.size(); ++i) {
    for (int flip : {0x01, 0x10, 0x80}) {
      std::string bad = saved;
      bad[i] = char(bad[i] ^ flip);
      auto s = LoadSetImage(bad, o, 3, &error);
      if (!s) {
        ++refused;
        continue;
      }
      std::vector<int> v;
      s->Match("you utter pillock, ring 07700 900461 muppet", &v);
      for (int h : v) CHECK((h >= 0 && h < 3));
    }
  }
  CHECK(refused > 0);
}

}  // namespace
}  // namespace postcheck
