// Embind bindings: the core behind a small class the JS package wraps.
//
// Text crosses as UTF-8 bytes (the JS side encodes with TextEncoder, which
// turns a lone surrogate into U+FFFD, one UTF-16 unit like the surrogate), so
// the core's UTF-16 offsets are exactly JavaScript string indices.
// The core is built without C++ exceptions; errors come back as JSON and the
// JS side throws them as Error objects.
#include <emscripten/bind.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checker.h"
#include "json/json_reader.h"
#include "image/rule_image.h"
#include "rules/pack_loader.h"

namespace postcheck {
namespace {

// Appends `s` as a JSON string. A term is a pack's label, UTF-8 checked when
// the pack was read, so only quotes, backslashes and control bytes need
// escaping; other bytes pass through.
void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out += '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (u < 0x20) {
      *out += "\\u00";
      *out += kHex[u >> 4];
      *out += kHex[u & 15];
    } else {
      *out += c;
    }
  }
  *out += '"';
}

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

  // Returns compact findings, [[rule index, severity, start, end, term], ...],
  // or {"error": "..."}. The JS side adds each rule's message, suggestion and
  // sources from rules(), read once: sending them with every finding made the
  // JSON, not the checking, the cost of a check.
  std::string Check(const std::string& utf8, const std::string& context_json) const {
    if (!checker_) return R"({"error":"no packs loaded"})";
    Context ctx;
    if (!context_json.empty()) {
      std::string error;
      auto parsed = ParseContextJson(context_json, &error);
      if (!parsed) return DumpJson(Json{{"error", error}});
      ctx = std::move(*parsed);
    }
    // Written directly rather than through a Json tree: at a keystroke's
    // check of a short post, building the tree cost as much as the checking.
    const Rule* first = checker_->rules().data();
    std::string out = "[";
    for (const Finding& f : checker_->Check(utf8, ctx)) {
      if (out.size() > 1) out += ',';
      out += '[';
      for (long long n : {static_cast<long long>(f.rule - first), static_cast<long long>(f.severity),
                          static_cast<long long>(f.start), static_cast<long long>(f.end)}) {
        out += std::to_string(n);
        out += ',';
      }
      AppendJsonString(f.term, &out);
      out += ']';
    }
    out += ']';
    return out;
  }

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

  std::unique_ptr<Checker> checker_;
  std::vector<PackInfo> packs_;
};

}  // namespace
}  // namespace postcheck

EMSCRIPTEN_BINDINGS(postcheck) {
  emscripten::class_<postcheck::Engine>("Engine")
      .constructor<>()
      .function("load", &postcheck::Engine::Load)
      .function("loadImage", &postcheck::Engine::LoadImage)
      .function("saveImage", &postcheck::Engine::SaveImage)
      .function("check", &postcheck::Engine::Check)
      .function("rules", &postcheck::Engine::Rules)
      .function("ruleCount", &postcheck::Engine::RuleCount)
      .function("rule", &postcheck::Engine::RuleJson)
      .function("version", &postcheck::Engine::Version);
}
