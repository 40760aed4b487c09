// postcheck_bench: times Checker::Check in-process on the drafts in a JSON
// file and prints JSON. Driven by scripts/bench, which runs the same drafts in
// the wasm build (Node and Chromium) so the numbers sit side by side.
//
//   postcheck_bench DRAFTS.json [--rules DIR] [--prevalidated]
// --prevalidated loads the packs as the browser does: examples not required,
// patterns compiled on first use (use with the stripped packs in build/web/pkg).
// DRAFTS.json: {"drafts": [{"name": "280", "text": "...", "iterations": 2000}, ...]}
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "checker.h"
#include "json/json_reader.h"

using namespace postcheck;
using Clock = std::chrono::steady_clock;

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
  return v[i];
}

// {"name", "each": [texts], "iterations"}: every text timed on its own, for
// the slowest single post (issue 3's budget is per post, not on average).
Json TimeEach(const Checker& checker, const Json& d, const Context& ctx) {
  const int iterations = d.value("iterations", 200);
  std::vector<double> medians;
  for (const Json& t : d["each"]) {
    const std::string text = t.get<std::string>();
    for (int i = 0; i < 5; ++i) checker.Check(text, ctx);  // warm-up
    std::vector<double> us;
    for (int i = 0; i < iterations; ++i) {
      const auto s = Clock::now();
      checker.Check(text, ctx);
      us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
    }
    medians.push_back(Percentile(us, 0.5));
  }
  const size_t worst = size_t(std::max_element(medians.begin(), medians.end()) - medians.begin());
  return {{"name", d["name"]},
          {"posts", medians.size()},
          {"medianUs", Percentile(medians, 0.5)},
          {"p99Us", Percentile(medians, 0.99)},
          {"worstUs", medians[worst]},
          {"worstIndex", worst}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: postcheck_bench DRAFTS.json [--rules DIR]\n";
    return 2;
  }
  std::string rules_dir = POSTCHECK_SOURCE_DIR "/rules";
  bool prevalidated = false;
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--rules" && i + 1 < argc) rules_dir = argv[++i];
    if (std::string(argv[i]) == "--prevalidated") prevalidated = true;
  }
  Json drafts;
  std::string error;
  if (!ParseJson(Read(argv[1]), &drafts, &error, 8)) {
    std::cerr << argv[1] << ": " << error << "\n";
    return 2;
  }

  const auto t0 = Clock::now();
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(rules_dir)) {
    if (e.is_regular_file() && e.path().extension() == ".toml") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<PackText> texts;
  for (const auto& p : paths) texts.push_back({p, Read(p), prevalidated});
  LoadResult loaded = LoadPacks(texts);
  for (const auto& e : loaded.errors) std::cerr << e.ToString() << "\n";
  std::vector<Rule> rules = TakeRules(&loaded);
  const size_t rule_count = rules.size();
  auto checker = Checker::Create(std::move(rules), {}, &error);
  if (!checker) {
    std::cerr << error << "\n";
    return 2;
  }
  const double startup_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  Json out = {{"system", "native"}, {"rules", rule_count}, {"startupMs", startup_ms}, {"results", Json::array()}};
  const Context ctx;
  for (const Json& d : drafts["drafts"]) {
    if (d.contains("each")) {
      out["results"].push_back(TimeEach(*checker, d, ctx));
      continue;
    }
    // A draft is one "text", or a corpus of "texts" timed as one pass and
    // reported per draft.
    std::vector<std::string> texts;
    if (d.contains("texts")) {
      for (const Json& t : d["texts"]) texts.push_back(t.get<std::string>());
    } else {
      texts.push_back(d["text"].get<std::string>());
    }
    size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    const int iterations = d.value("iterations", 100);
    const double budget_ms = drafts.value("budgetMs", 3000.0);
    size_t findings = 0;
    auto pass = [&] {
      findings = 0;
      for (const auto& t : texts) findings += checker->Check(t, ctx).size();
    };
    for (int i = 0; i < std::min(iterations / 10 + 1, 50); ++i) pass();  // warm-up
    std::vector<double> us;
    us.reserve(size_t(iterations));
    const auto started = Clock::now();
    for (int i = 0; i < iterations; ++i) {
      const auto s = Clock::now();
      pass();
      us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count() / double(texts.size()));
      if (std::chrono::duration<double, std::milli>(Clock::now() - started).count() > budget_ms) break;
    }
    const double median = Percentile(us, 0.5);
    out["results"].push_back({{"name", d["name"]},
                              {"bytes", bytes / texts.size()},
                              {"samples", us.size()},
                              {"medianUs", median},
                              {"p99Us", Percentile(us, 0.99)},
                              {"mbPerS", double(bytes) / double(texts.size()) / median},
                              {"findings", findings}});
  }
  std::cout << DumpJson(out) << "\n";
  return 0;
}
