// postcheck: the rule core without a browser (ARCHITECTURE.md, Contract 4).
//
//   postcheck check [FILE|-] [--format text|json] [--context JSON] [--pack FILE ...] [--profile P]
//   postcheck batch [--pack FILE ...] [--profile P]        JSON Lines in, JSON Lines out
//   postcheck rules [list|validate|test] [--format text|json] [--pack FILE ...]
//
// Exit codes: 0 no findings, 1 findings (of advice or above), 2 usage or input
// error (message on stderr). A pack with errors is reported and skipped: the
// other packs still check the draft, and the exit code is 2.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "checker.h"
#include "cli/packs.h"
#include "cli/text_report.h"
#include "json/json_reader.h"

namespace postcheck::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

const char* kUsage =
    "usage:\n"
    "  postcheck check [FILE|-] [--format text|json] [--context JSON] [--pack FILE ...] [--profile councillor|personal]\n"
    "  postcheck batch [--pack FILE ...] [--profile councillor|personal]\n"
    "  postcheck rules [list|validate|test] [--format text|json] [--pack FILE ...]\n"
    "\n"
    "Packs default to every *.toml under $POSTCHECK_RULES_DIR or the repository's rules/.\n"
    "Exit codes: 0 no findings, 1 findings, 2 usage or input error.\n";

struct Args {
  std::string command;
  std::vector<std::string> positional;
  std::vector<std::string> packs;
  std::string format = "text";
  std::string context;
  bool has_context = false;
  std::string profile = "councillor";
};

int UsageError(const std::string& message) {
  std::cerr << "postcheck: " << message << "\n\n" << kUsage;
  return kExitError;
}

bool ParseArgs(int argc, char** argv, Args* a, std::string* error) {
  if (argc < 2) {
    *error = "missing command";
    return false;
  }
  a->command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        *error = arg + " needs a value";
        return false;
      }
      *out = argv[++i];
      return true;
    };
    if (arg == "--pack") {
      std::string v;
      if (!value(&v)) return false;
      a->packs.push_back(v);
    } else if (arg == "--format") {
      if (!value(&a->format)) return false;
      if (a->format != "text" && a->format != "json") {
        *error = "--format must be text or json";
        return false;
      }
    } else if (arg == "--context") {
      if (!value(&a->context)) return false;
      a->has_context = true;
    } else if (arg == "--profile") {
      if (!value(&a->profile)) return false;
      if (!ParseAccount(a->profile)) {
        *error = "--profile must be councillor or personal";
        return false;
      }
    } else if (arg == "-h" || arg == "--help") {
      *error = "";
      return false;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      *error = "unknown option " + arg;
      return false;
    } else {
      a->positional.push_back(arg);
    }
  }
  return true;
}

// Loads the packs; prints every error (one line each) to stderr.
std::unique_ptr<Checker> LoadChecker(const Args& a, bool* had_errors) {
  std::vector<LoadError> errors;
  const std::vector<PackText> texts = ReadPacks(a.packs, &errors);
  LoadResult loaded = LoadPacks(texts);
  errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
  for (const LoadError& e : errors) std::cerr << e.ToString() << "\n";
  *had_errors = !errors.empty();
  std::vector<Rule> rules = TakeRules(&loaded);
  CheckerOptions options;
  options.default_account = *ParseAccount(a.profile);
  std::string error;
  auto checker = Checker::Create(std::move(rules), options, &error);
  if (!checker) {
    std::cerr << "postcheck: " << error << "\n";
    *had_errors = true;
  } else {
    for (const std::string& w : checker->warnings()) std::cerr << "postcheck: warning: " << w << "\n";
  }
  return checker;
}

bool CountsAsAlarm(const std::vector<Finding>& fs) {
  for (const Finding& f : fs) {
    if (f.severity > Severity::kInfo) return true;
  }
  return false;
}

int Check(const Args& a) {
  if (a.positional.size() > 1) return UsageError("check takes one FILE (or - for standard input)");
  Context ctx;
  if (a.has_context) {
    std::string error;
    auto parsed = ParseContextJson(a.context, &error);
    if (!parsed) {
      std::cerr << "postcheck: --context: " << error << "\n";
      return kExitError;
    }
    ctx = *parsed;
  }
  // A broken pack is reported (stderr) and skipped; the draft is still
  // checked with the packs that loaded, and the exit code says 2.
  bool pack_errors = false;
  auto checker = LoadChecker(a, &pack_errors);
  if (!checker) return kExitError;

  const std::string path = a.positional.empty() ? "-" : a.positional[0];
  std::string error;
  auto draft = ReadFileOrStdin(path, &error);
  if (!draft) {
    std::cerr << "postcheck: " << error << "\n";
    return kExitError;
  }
  const std::vector<Finding> findings = checker->Check(*draft, ctx);
  if (a.format == "json") {
    Json out = {{"findings", Json::array()}};
    for (const Finding& f : findings) out["findings"].push_back(FindingToJson(f, true));
    std::cout << DumpJson(out) << "\n";
  } else {
    std::cout << TextReport(*draft, findings, isatty(STDOUT_FILENO) != 0);
  }
  if (pack_errors) return kExitError;
  return CountsAsAlarm(findings) ? kExitFindings : kExitClean;
}

// One output line for one input line; a bad line gets an `error` field.
int Batch(const Args& a) {
  if (!a.positional.empty()) return UsageError("batch reads JSON Lines from standard input only");
  bool pack_errors = false;
  auto checker = LoadChecker(a, &pack_errors);
  if (!checker) return kExitError;

  int status = pack_errors ? kExitError : kExitClean;
  std::string line;
  long number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Json in, out = Json::object();
    std::string error;
    if (!ParseJson(line, &in, &error)) {
      out["id"] = nullptr;
      out["error"] = "line " + std::to_string(number) + ": " + error;
    } else if (!in.is_object()) {
      out["id"] = nullptr;
      out["error"] = "line " + std::to_string(number) + ": must be a JSON object like {\"id\": \"1\", \"text\": \"...\"}";
    } else {
      out["id"] = in.contains("id") ? in["id"] : Json(nullptr);
      Context ctx;
      bool ok = true;
      for (const auto& [key, value] : in.items()) {
        if (key != "id" && key != "text" && key != "context") {
          error = "unknown field '" + key + "' (known: id, text, context)";
          ok = false;
        }
      }
      if (ok && (!in.contains("text") || !in["text"].is_string())) {
        error = "'text' must be a string";
        ok = false;
      }
      if (ok && in.contains("context")) {
        auto parsed = ParseContextJson(in["context"].dump(), &error);
        ok = parsed.has_value();
        if (ok) ctx = *parsed;
      }
      if (!ok) {
        out["error"] = "line " + std::to_string(number) + ": " + error;
      } else {
        const auto findings = checker->Check(in["text"].get_ref<const std::string&>(), ctx);
        out["findings"] = Json::array();
        for (const Finding& f : findings) out["findings"].push_back(FindingToJson(f, true));
        if (CountsAsAlarm(findings) && status == kExitClean) status = kExitFindings;
      }
    }
    if (out.contains("error")) status = kExitError;
    std::cout << DumpJson(out) << "\n";
  }
  return status;
}

int Rules(const Args& a) {
  const std::string sub = a.positional.empty() ? "list" : a.positional[0];
  if (sub != "list" && sub != "validate" && sub != "test") {
    return UsageError("rules takes list, validate or test");
  }
  bool pack_errors = false;
  auto checker = LoadChecker(a, &pack_errors);
  if (!checker) return kExitError;
  if (sub == "list") {
    if (a.format == "json") {
      Json out = Json::array();
      for (const Rule& r : checker->rules()) out.push_back(RuleToJson(r));
      std::cout << DumpJson(out) << "\n";
    } else {
      for (const Rule& r : checker->rules()) {
        std::cout << r.id << "\t" << r.category << "\t" << SeverityName(r.severity) << "\t" << r.pack << "\t";
        for (const Source& s : r.sources) std::cout << s.policy << " " << s.section << "; ";
        std::cout << "\n";
      }
    }
    return pack_errors ? kExitError : kExitClean;
  }
  if (sub == "validate") {
    if (pack_errors) return kExitError;
    std::cout << checker->rules().size() << " rules OK\n";
    return kExitClean;
  }
  // test: every rule's examples
  const auto failures = checker->RunExamples();
  for (const std::string& f : failures) std::cerr << f << "\n";
  size_t examples = 0;
  for (const Rule& r : checker->rules()) examples += r.flag_examples.size() + r.pass_examples.size();
  std::cout << (examples - failures.size()) << " passed, " << failures.size() << " failed\n";
  return pack_errors || !failures.empty() ? kExitError : kExitClean;
}

}  // namespace

int Main(int argc, char** argv) {
  Args a;
  std::string error;
  if (!ParseArgs(argc, argv, &a, &error)) {
    if (error.empty()) {
      std::cout << kUsage;
      return kExitClean;
    }
    return UsageError(error);
  }
  if (a.command == "check") return Check(a);
  if (a.command == "batch") return Batch(a);
  if (a.command == "rules") return Rules(a);
  if (a.command == "help" || a.command == "--help" || a.command == "-h") {
    std::cout << kUsage;
    return kExitClean;
  }
  return UsageError("unknown command '" + a.command + "'");
}

}  // namespace postcheck::cli

int main(int argc, char** argv) { return postcheck::cli::Main(argc, argv); }
