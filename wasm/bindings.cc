// Embind bindings: the core behind a small class the JS package wraps.
//
// Text crosses as UTF-8 bytes (the JS side encodes with TextEncoder, which
// turns a lone surrogate into U+FFFD, one UTF-16 unit like the surrogate), so
// the core's UTF-16 offsets are exactly JavaScript string indices.
// The core is built without C++ exceptions; errors come back as JSON and the
// JS side throws them as Error objects.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "checker.h"
#include "json/json_reader.h"
#include "image/rule_image.h"
#include "rules/pack_loader.h"

namespace postcheck {
namespace {

class Engine {
 public:
  // packs_json: [{"file": "...", "text": "<TOML>"}, ...]. Returns "" on
  // success, else every error, one per line.
  std::string Load(const std::string& packs_json, const std::string& profile) {
    Json packs;
    std::string error;
    if (!ParseJson(packs_json, &packs, &error)) return "packs: " + error;
    if (!packs.is_array()) return "packs: must be an array of {file, text}";
    std::vector<PackText> texts;
    for (const Json& p : packs) {
      if (!p.is_object() || !p.contains("text") || !p["text"].is_string()) {
        return "packs: each pack must be {file, text} with the pack's TOML as text";
      }
      const std::string file = p.contains("file") && p["file"].is_string() ? p["file"].get<std::string>() : "pack";
      const bool prevalidated = p.contains("prevalidated") && p["prevalidated"].is_boolean() && p["prevalidated"].get<bool>();
      texts.push_back({file, p["text"].get<std::string>(), prevalidated});
    }
    CheckerOptions options;
    if (!OptionsFor(profile, &options)) return kBadProfile;
    LoadResult loaded = LoadPacks(texts);
    if (!loaded.errors.empty()) {
      std::string all;
      for (const LoadError& e : loaded.errors) all += (all.empty() ? "" : "\n") + e.ToString();
      return all;
    }
    std::vector<PackInfo> infos = PackInfos(loaded);
    checker_ = Checker::Create(TakeRules(&loaded), options, &error);
    packs_ = checker_ ? std::move(infos) : std::vector<PackInfo>();
    return checker_ ? "" : error;
  }

  // image: the bytes of a rule image (image/rule_image.h) made by this
  // engine, as the build ships it. Returns "" or what is wrong with it.
  std::string LoadImage(const std::string& image, const std::string& profile) {
    CheckerOptions options;
    if (!OptionsFor(profile, &options)) return kBadProfile;
    LoadedImage loaded = LoadRuleImage(image, options);
    checker_ = std::move(loaded.checker);
    packs_ = checker_ ? std::move(loaded.packs) : std::vector<PackInfo>();
    return checker_ ? "" : loaded.error;
  }

  // The loaded rules as an image (a Uint8Array), for the build to ship.
  emscripten::val SaveImage() const {
    const std::string bytes = checker_ ? SaveRuleImage(*checker_, packs_) : std::string();
    return emscripten::val::global("Uint8Array")
        .new_(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data())));
  }

  // A check crosses the boundary with no copies and no JSON: at a
  // keystroke's check of a short post those cost a tenth of the checking.
  //   Input(capacity)   the address of `capacity` bytes the JS side encodes
  //                     the draft into (TextEncoder.encodeInto);
  //   CheckInput(n, context_json)
  //                     checks the first n of them; returns the number of
  //                     findings, or -1 with Error() saying why;
  //   Results()         the address of the findings as Int32s, five each:
  //                     rule index, severity, UTF-16 start and end, and the
  //                     length of the term, which Term(i) gives when not 0.
  // The JS side adds each rule's message, suggestion and sources from the
  // rule's own metadata, fetched once (RuleJson).
  uintptr_t Input(size_t capacity) {
    if (input_.size() < capacity) input_.resize(capacity);
    return reinterpret_cast<uintptr_t>(input_.data());
  }

  int CheckInput(size_t length, const std::string& context_json) {
    findings_.clear();
    results_.clear();
    if (!checker_) return Fail("no packs loaded");
    Context ctx;
    if (!context_json.empty()) {
      auto parsed = ParseContextJson(context_json, &error_);
      if (!parsed) return -1;
      ctx = std::move(*parsed);
    }
    findings_ = checker_->Check(std::string_view(input_.data(), std::min(length, input_.size())), ctx);
    const Rule* first = checker_->rules().data();
    for (const Finding& f : findings_) {
      results_.insert(results_.end(), {int32_t(f.rule - first), int32_t(f.severity), int32_t(f.start),
                                       int32_t(f.end), int32_t(f.term.size())});
    }
    return int(findings_.size());
  }

  uintptr_t Results() const { return reinterpret_cast<uintptr_t>(results_.data()); }

  std::string Term(int i) const {
    return i >= 0 && size_t(i) < findings_.size() ? findings_[size_t(i)].term : std::string();
  }

  std::string Error() const { return error_; }

  std::string Rules() const {
    Json out = Json::array();
    if (!checker_) return DumpJson(out);
    for (const Rule& r : checker_->rules()) out.push_back(RuleToJson(r));
    return DumpJson(out);
  }

  int RuleCount() const { return checker_ ? int(checker_->rules().size()) : 0; }

  // One rule's JSON, for the JS side to read as findings name it: start-up
  // then need not turn every rule's message and sources into JSON.
  std::string RuleJson(int index) const {
    if (!checker_ || index < 0 || size_t(index) >= checker_->rules().size()) return "null";
    return DumpJson(RuleToJson(checker_->rules()[size_t(index)]));
  }

  std::string Version() const {
    Json packs = Json::array();
    for (const PackInfo& p : packs_) packs.push_back({{"name", p.name}, {"version", p.version}, {"rules", p.rules}});
    return DumpJson(Json{{"engine", kEngineVersion}, {"packs", packs}});
  }

 private:
  static constexpr const char* kBadProfile = "profile: must be \"councillor\" or \"personal\"";

  // The checker's options for a profile name; false if there is no such profile.
  static bool OptionsFor(const std::string& profile, CheckerOptions* options) {
    const auto account = ParseAccount(profile);
    if (account) options->default_account = *account;
    return account.has_value();
  }

  int Fail(std::string why) {
    error_ = std::move(why);
    return -1;
  }

  std::unique_ptr<Checker> checker_;
  std::vector<PackInfo> packs_;
  // The last check's input, findings and their Int32 form (see Input).
  std::string input_;
  std::vector<Finding> findings_;
  std::vector<int32_t> results_;
  std::string error_;
};

}  // namespace
}  // namespace postcheck

EMSCRIPTEN_BINDINGS(postcheck) {
  emscripten::class_<postcheck::Engine>("Engine")
      .constructor<>()
      .function("load", &postcheck::Engine::Load)
      .function("loadImage", &postcheck::Engine::LoadImage)
      .function("saveImage", &postcheck::Engine::SaveImage)
      .function("input", &postcheck::Engine::Input)
      .function("checkInput", &postcheck::Engine::CheckInput)
      .function("results", &postcheck::Engine::Results)
      .function("term", &postcheck::Engine::Term)
      .function("error", &postcheck::Engine::Error)
      .function("rules", &postcheck::Engine::Rules)
      .function("ruleCount", &postcheck::Engine::RuleCount)
      .function("rule", &postcheck::Engine::RuleJson)
      .function("version", &postcheck::Engine::Version);
}
