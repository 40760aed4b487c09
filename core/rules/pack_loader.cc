#include "rules/pack_loader.h"

#include <re2/re2.h>

#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>


namespace postcheck {

std::string LoadError::ToString() const {
  std::string rule_part = rule == "(pack)" ? "pack" : "rule " + (rule.empty() ? "(no id)" : rule);
  return file + ":" + std::to_string(line) + ": " + rule_part + ": " + message;
}

namespace {

constexpr int kMaxWithin = 200;

int LineOf(const toml::node& n) { return int(n.source().begin.line); }

std::string TypeName(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

// Reads the fields of one TOML table, remembering which keys were asked for
// so that everything else can be reported as unknown (catches typos).
class TableReader {
 public:
  TableReader(const toml::table& t, const std::string& file, const std::string& rule,
              std::string prefix, std::vector<LoadError>* errors)
      : t_(t), file_(file), rule_(rule), prefix_(std::move(prefix)), errors_(errors) {}

  int line() const { return LineOf(t_); }
  bool ok() const { return ok_; }

  void Error(int line, const std::string& message) {
    errors_->push_back({file_, line, rule_, message});
    ok_ = false;
  }

  const toml::node* Get(std::string_view key) {
    known_.insert(std::string(key));
    return t_.get(key);
  }

  bool Has(std::string_view key) { return Get(key) != nullptr; }

  std::string Name(std::string_view key) const { return "'" + prefix_ + std::string(key) + "'"; }

  bool String(std::string_view key, std::string* out, bool required) {
    const toml::node* n = Get(key);
    if (!n) {
      if (required) Error(line(), "missing required field " + Name(key));
      return false;
    }
    if (!n->is_string()) {
      Error(LineOf(*n), Name(key) + " must be a string, not " + TypeName(*n));
      return false;
    }
    *out = n->as_string()->get();
    if (required && out->empty()) {
      Error(LineOf(*n), Name(key) + " must not be empty");
      return false;
    }
    return true;
  }

  // As StringList, also giving each string's line (for messages about one).
  bool StringList(std::string_view key, std::vector<std::string>* out, std::vector<int>* lines) {
    const size_t before = out->size();
    if (!StringList(key, out)) return false;
    const toml::node* n = Get(key);
    size_t i = 0;
    for (const toml::node& e : *n->as_array()) {
      if (before + i++ < out->size()) lines->push_back(LineOf(e));
    }
    return true;
  }

  // The line of `key`'s value, or of the table when it is absent.
  int LineOfKey(std::string_view key) const {
    const toml::node* n = t_.get(key);
    return n ? LineOf(*n) : LineOf(t_);
  }

  bool StringList(std::string_view key, std::vector<std::string>* out) {
    const toml::node* n = Get(key);
    if (!n) return false;
    if (!n->is_array()) {
      Error(LineOf(*n), Name(key) + " must be an array of strings, not " + TypeName(*n));
      return false;
    }
    for (const toml::node& e : *n->as_array()) {
      if (!e.is_string()) {
        Error(LineOf(e), Name(key) + " must hold only strings, found " + TypeName(e));
        return false;
      }
      if (e.as_string()->get().empty()) {
        Error(LineOf(e), Name(key) + " holds an empty string");
        return false;
      }
      out->push_back(e.as_string()->get());
    }
    return true;
  }

  bool Int(std::string_view key, int* out, int lo, int hi) {
    const toml::node* n = Get(key);
    if (!n) return false;
    if (!n->is_integer()) {
      Error(LineOf(*n), Name(key) + " must be an integer, not " + TypeName(*n));
      return false;
    }
    const int64_t v = n->as_integer()->get();
    if (v < lo || v > hi) {
      Error(LineOf(*n), Name(key) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
      return false;
    }
    *out = int(v);
    return true;
  }

  bool Number(std::string_view key, double* out, double lo, double hi) {
    const toml::node* n = Get(key);
    if (!n) return false;
    if (!n->is_number()) {
      Error(LineOf(*n), Name(key) + " must be a number, not " + TypeName(*n));
      return false;
    }
    const double v = n->is_integer() ? double(n->as_integer()->get()) : n->as_floating_point()->get();
    if (!(v >= lo && v <= hi)) {
      Error(LineOf(*n), Name(key) + " must be between " + std::to_string(lo).substr(0, 3) + " and " +
                            std::to_string(hi).substr(0, 3));
      return false;
    }
    *out = v;
    return true;
  }

  bool Bool(std::string_view key, bool* out) {
    const toml::node* n = Get(key);
    if (!n) return false;
    if (!n->is_boolean()) {
      Error(LineOf(*n), Name(key) + " must be true or false, not " + TypeName(*n));
      return false;
    }
    *out = n->as_boolean()->get();
    return true;
  }

  const toml::table* Table(std::string_view key) {
    const toml::node* n = Get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
      Error(LineOf(*n), Name(key) + " must be a table, not " + TypeName(*n));
      return nullptr;
    }
    return n->as_table();
  }

  const toml::array* Array(std::string_view key) {
    const toml::node* n = Get(key);
    if (!n) return nullptr;
    if (!n->is_array()) {
      Error(LineOf(*n), Name(key) + " must be an array, not " + TypeName(*n));
      return nullptr;
    }
    return n->as_array();
  }

  // Reports every key that no reader asked for.
  void RejectUnknown() {
    for (auto&& [k, v] : t_) {
      if (!known_.count(std::string(k.str()))) {
        Error(int(k.source().begin.line), "unknown field '" + prefix_ + std::string(k.str()) + "'");
      }
    }
  }

 private:
  const toml::table& t_;
  std::string file_;
  std::string rule_;  // by value: callers pass temporaries such as "(pack)"
  std::string prefix_;
  std::vector<LoadError>* errors_;
  std::set<std::string> known_;
  bool ok_ = true;
};

struct LexiconEntry {
  std::string label;
  std::optional<Term> term;            // a plain term (matched by match/term_index.h)
  std::string regex;                   // or a words-view pattern, with its (?i)
  std::shared_ptr<const LazyRegex> re;
  Severity severity = Severity::kWarning;
  double likelihood = 1.0;
  int line = 0;
};

struct Lexicon {
  std::string file;
  std::vector<LexiconEntry> entries;
};

// Compiles a hand-written pattern now, so a mistake is reported with its file
// and line: bad syntax, over RE2's memory budget, or able to match nothing.
std::shared_ptr<const LazyRegex> CompilePattern(const std::string& regex, std::string* error) {
  auto re = std::make_unique<RE2>(regex, PatternOptions());
  if (!re->ok()) {
    *error = "bad pattern '" + regex + "': " + re->error();
    return nullptr;
  }
  // A pattern that matches empty text would flag every draft everywhere.
  for (const char* probe : {"", " ", "a", "a b", "1"}) {
    re2::StringPiece m;
    re2::StringPiece text(probe);
    if (re->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1) && m.empty()) {
      *error = "pattern '" + regex + "' can match empty text";
      return nullptr;
    }
  }
  return std::make_shared<const LazyRegex>(regex, std::move(re));
}

// Whether a pattern has a capital letter outside an escape (\W, \S and \P{..}
// are escapes). The words view is already case-folded, so a words-view
// pattern in lower case needs no (?i), which would turn every letter into a
// class and make parsing and the set several times bigger.
bool HasCapital(const std::string& pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < pattern.size() && (pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && i + 2 < pattern.size() &&
          pattern[i + 2] == '{') {
        i = pattern.find('}', i);
        if (i == std::string::npos) return false;
      } else {
        ++i;
      }
      continue;
    }
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// A pattern from a prevalidated pack is compiled on first use; see rules/regex.h.
std::shared_ptr<const LazyRegex> TermPattern(const std::string& regex) {
  return std::make_shared<const LazyRegex>(regex);
}

// A plain phrase as the words the words view would make of it.
Term MakeTerm(const std::string& phrase, bool plural, std::optional<Severity> severity, double likelihood) {
  Term t;
  const NormalizedText n = Normalize(phrase);
  const View& v = n.view(ViewKind::kWords);
  for (const Word& w : v.words) t.words.push_back(v.text.substr(w.view_start, w.view_end - w.view_start));
  t.plural = plural;
  t.severity = severity;
  t.likelihood = likelihood;
  t.label = phrase;
  return t;
}

class PackParser {
 public:
  PackParser(const PackText& in, std::map<std::string, Lexicon>* lexicons, std::vector<LoadError>* errors)
      : in_(in), lexicons_(lexicons), errors_(errors) {}

  // Pass 1: parse the TOML, read [pack] and the lexicons.
  bool ParseHeader() {
    toml::parse_result result = toml::parse(std::string_view(in_.text), std::string_view(in_.file));
    if (!result) {
      const auto& e = result.error();
      PackError(int(e.source().begin.line), "invalid TOML: " + std::string(e.description()));
      return false;
    }
    root_ = std::move(result).table();
    TableReader top(root_, in_.file, kPack, "", errors_);
    const toml::table* pack = top.Table("pack");
    if (!pack) {
      if (top.ok()) PackError(1, "missing [pack] table (name, version, description)");
      return false;
    }
    TableReader p(*pack, in_.file, kPack, "pack.", errors_);
    p.String("name", &out_.name, true);
    name_line_ = p.LineOfKey("name");
    p.String("version", &out_.version, true);
    p.String("description", &out_.description, false);
    p.RejectUnknown();
    if (!out_.name.empty()) {
      for (char c : out_.name) {
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
          p.Error(p.LineOfKey("name"), "'pack.name' must be lower-case letters, digits and '-'");
          break;
        }
      }
    }
    if (const toml::table* lex = top.Table("lexicons")) ReadLexicons(*lex);
    top.Array("rules");  // read in pass 2; mark as known here
    top.RejectUnknown();
    header_ok_ = top.ok() && p.ok() && errors_before_ == errors_->size();
    return header_ok_;
  }

  // Pass 2: the rules (lexicons of every pack are known by now).
  bool ParseRules(std::set<std::string>* rule_ids) {
    const toml::node* rules = root_.get("rules");
    if (!rules) {
      if (lexicon_count_ == 0) PackError(1, "pack has no [[rules]] and no [lexicons]");
      return errors_before_ == errors_->size();
    }
    if (!rules->is_array_of_tables()) {
      PackError(LineOf(*rules), "'rules' must be an array of tables ([[rules]])");
      return false;
    }
    for (const toml::node& n : *rules->as_array()) {
      Rule rule;
      if (ReadRule(*n.as_table(), &rule)) {
        if (!rule_ids->insert(rule.id).second) {
          errors_->push_back({in_.file, rule.line, rule.id, "duplicate rule id (already defined in another pack or above)"});
          continue;
        }
        out_.rules.push_back(std::move(rule));
      }
    }
    return errors_before_ == errors_->size();
  }

  int name_line() const { return name_line_; }

  LoadedPack Take() {
    out_.file = in_.file;
    for (Rule& r : out_.rules) r.pack = out_.name;
    return std::move(out_);
  }

  void set_errors_before(size_t n) { errors_before_ = n; }

 private:
  static constexpr const char* kPack = "(pack)";

  void PackError(int line, const std::string& message) { errors_->push_back({in_.file, line, kPack, message}); }

  void ReadLexicons(const toml::table& lexicons) {
    for (auto&& [name, node] : lexicons) {
      const std::string lname(name.str());
      const std::string where = "lexicons." + lname;
      if (!node.is_table()) {
        PackError(LineOf(node), "'" + where + "' must be a table");
        continue;
      }
      TableReader lr(*node.as_table(), in_.file, kPack, where + ".", errors_);
      std::string description;
      lr.String("description", &description, false);
      const toml::array* entries = lr.Array("entries");
      lr.RejectUnknown();
      if (!entries) {
        if (lr.ok()) PackError(lr.line(), "'" + where + "' has no 'entries'");
        continue;
      }
      if (lexicons_->count(lname)) {
        PackError(lr.line(), "lexicon '" + lname + "' is already defined (in " + (*lexicons_)[lname].file + ")");
        continue;
      }
      Lexicon lex;
      lex.file = in_.file;
      for (const toml::node& e : *entries) {
        if (!e.is_table()) {
          PackError(LineOf(e), "'" + where + ".entries' must hold tables like { term = \"...\", severity = \"...\", likelihood = 0.9 }");
          continue;
        }
        TableReader er(*e.as_table(), in_.file, kPack, where + ".entries.", errors_);
        LexiconEntry entry;
        entry.line = er.line();
        std::string term, pattern, severity;
        const bool has_term = er.String("term", &term, false);
        const bool has_pattern = er.String("pattern", &pattern, false);
        bool plural = true;
        er.Bool("plural", &plural);
        er.String("severity", &severity, true);
        if (!er.Number("likelihood", &entry.likelihood, 0.0, 1.0) && er.ok()) {
          er.Error(er.line(), "missing required field '" + where + ".entries.likelihood' (0 to 1)");
        }
        std::string note;
        er.String("note", &note, false);
        er.RejectUnknown();
        if (!severity.empty()) {
          if (auto s = ParseSeverity(severity)) {
            entry.severity = *s;
          } else {
            er.Error(er.line(), "unknown severity '" + severity + "' (info, advice, warning, serious)");
          }
        }
        if (has_term == has_pattern && er.ok()) {
          er.Error(er.line(), "a lexicon entry needs exactly one of 'term' or 'pattern'");
        }
        if (!er.ok()) continue;
        if (has_term) {
          entry.term = MakeTerm(term, plural, entry.severity, entry.likelihood);
          if (entry.term->words.empty()) {
            er.Error(er.line(), "term '" + term + "' is empty after normalisation");
            continue;
          }
          entry.label = term;
        } else {
          entry.label = pattern;
          entry.regex = (HasCapital(pattern) ? "(?i)" : "") + pattern;
          std::string error;
          entry.re = in_.prevalidated ? TermPattern(entry.regex) : CompilePattern(entry.regex, &error);
          if (!entry.re) {
            er.Error(er.line(), error);
            continue;
          }
        }
        lex.entries.push_back(std::move(entry));
      }
      ++lexicon_count_;
      (*lexicons_)[lname] = std::move(lex);
    }
  }

  // Reads { words, org_terms, within }; with `effect` non-null also the
  // adjustment's effect (adjust = [...] entries share the proximity fields).
  bool ReadProximity(const toml::node& n, const std::string& where, TableReader* parent, Proximity* out,
                     Adjustment::Effect* effect = nullptr) {
    if (!n.is_table()) {
      parent->Error(LineOf(n), where + (effect ? " must hold tables like { words = [...], within = 4, effect = \"lower\" }"
                                               : " must hold tables like { words = [...], within = 5 }"));
      return false;
    }
    TableReader r(*n.as_table(), *rule_file_, *rule_id_, where.substr(1, where.size() - 2) + ".", errors_);
    if (effect) {
      std::string e = "lower";
      r.String("effect", &e, false);
      if (e == "lower") {
        *effect = Adjustment::Effect::kLower;
      } else if (e == "raise") {
        *effect = Adjustment::Effect::kRaise;
      } else if (e == "drop") {
        *effect = Adjustment::Effect::kDrop;
      } else if (r.ok()) {
        r.Error(r.LineOfKey("effect"), "'adjust.effect' must be \"lower\", \"raise\" or \"drop\"");
      }
    }
    std::vector<std::string> words;
    r.StringList("words", &words);
    for (const std::string& w : words) out->phrases.push_back(NormalizeWords(w));
    std::vector<std::string> lists;
    if (const toml::node* ot = r.Get("org_terms")) {
      if (ot->is_string()) {
        lists.push_back(ot->as_string()->get());
      } else {
        r.StringList("org_terms", &lists);
      }
    }
    for (const std::string& l : lists) {
      if (auto which = ParseOrgList(l)) {
        out->org_lists.push_back(*which);
      } else {
        r.Error(r.line(), "unknown organisation list '" + l + "' (confidential, pendingDecisions, staff, allow)");
      }
    }
    r.Int("within", &out->within, 0, kMaxWithin);
    r.RejectUnknown();
    if (r.ok() && out->phrases.empty() && out->org_lists.empty()) {
      r.Error(r.line(), where + " needs 'words' or 'org_terms'");
    }
    return r.ok();
  }

  bool ReadProximityList(TableReader* r, std::string_view key, std::vector<Proximity>* out) {
    const toml::array* arr = r->Array(key);
    if (!arr) return r->ok();
    for (const toml::node& n : *arr) {
      Proximity p;
      if (ReadProximity(n, r->Name(key), r, &p)) out->push_back(std::move(p));
    }
    return r->ok();
  }

  void ReadWhen(const toml::table& when, Rule* rule) {
    TableReader w(when, in_.file, rule->id, "when.", errors_);
    std::vector<std::string> accounts, platforms;
    std::vector<int> account_lines, platform_lines;
    if (w.StringList("account", &accounts, &account_lines)) {
      for (size_t i = 0; i < accounts.size(); ++i) {
        if (auto v = ParseAccount(accounts[i])) {
          rule->accounts.push_back(*v);
        } else {
          w.Error(account_lines[i], "unknown account '" + accounts[i] + "' (councillor, personal)");
        }
      }
    }
    if (w.StringList("platform", &platforms, &platform_lines)) {
      for (size_t i = 0; i < platforms.size(); ++i) {
        if (auto v = ParsePlatform(platforms[i])) {
          rule->platforms.push_back(*v);
        } else {
          w.Error(platform_lines[i], "unknown platform '" + platforms[i] + "' (facebook, x, other)");
        }
      }
    }
    bool in_meeting = false;
    if (w.Bool("in_meeting", &in_meeting)) rule->in_meeting = in_meeting;
    if (const toml::table* lt = w.Table("local_time")) {
      TableReader t(*lt, in_.file, rule->id, "when.local_time.", errors_);
      std::string from, to;
      t.String("from", &from, true);
      t.String("to", &to, true);
      t.RejectUnknown();
      auto f = ParseClock(from), e = ParseClock(to);
      if (t.ok() && (!f || !e)) {
        t.Error(t.line(), "'when.local_time' needs from/to as \"HH:MM\"");
      } else if (t.ok()) {
        rule->local_time = TimeWindow{*f, *e};
      }
    }
    ReadProximityList(&w, "near", &rule->near);
    ReadProximityList(&w, "not_near", &rule->not_near);
    w.RejectUnknown();
  }

  bool ReadExamples(const toml::table& ex, Rule* rule) {
    TableReader r(ex, in_.file, rule->id, "examples.", errors_);
    for (const char* key : {"flag", "pass"}) {
      auto* out = std::string_view(key) == "flag" ? &rule->flag_examples : &rule->pass_examples;
      const toml::array* arr = r.Array(key);
      if (!arr) continue;
      for (const toml::node& n : *arr) {
        Example e;
        e.line = LineOf(n);
        if (n.is_string()) {
          e.text = n.as_string()->get();
        } else if (n.is_table()) {
          TableReader er(*n.as_table(), in_.file, rule->id, std::string("examples.") + key + ".", errors_);
          er.String("text", &e.text, false);
          if (const toml::table* c = er.Table("context")) {
            std::ostringstream json;
            json << toml::json_formatter{*c};
            std::string error;
            if (auto ctx = ParseContextJson(json.str(), &error)) {
              e.context = *ctx;
            } else {
              er.Error(LineOf(*c), "example " + error);
            }
          }
          er.RejectUnknown();
        } else {
          r.Error(e.line, std::string("'examples.") + key + "' must hold strings or { text, context } tables");
          continue;
        }
        out->push_back(std::move(e));
      }
    }
    r.RejectUnknown();
    if (r.ok() && (rule->flag_examples.empty() || rule->pass_examples.empty())) {
      r.Error(r.line(), "needs at least one example in 'examples.flag' and one in 'examples.pass'");
    }
    return r.ok();
  }

  bool ReadRule(const toml::table& t, Rule* rule) {
    const size_t before = errors_->size();
    rule->file = in_.file;
    rule->line = LineOf(t);
    // The id first, so every later message can name the rule.
    if (const toml::node* id = t.get("id"); id && id->is_string()) rule->id = id->as_string()->get();
    rule_file_ = &in_.file;
    rule_id_ = &rule->id;
    TableReader r(t, in_.file, rule->id, "", errors_);

    r.String("id", &rule->id, true);
    r.String("category", &rule->category, true);
    if (!rule->category.empty() && !IsKnownCategory(rule->category)) {
      r.Error(LineOf(*t.get("category")), "unknown category '" + rule->category + "' (see ARCHITECTURE.md, Contract 2)");
    } else if (!rule->id.empty() && !rule->category.empty() && rule->id.rfind(rule->category + ".", 0) != 0) {
      r.Error(r.LineOfKey("id"), "id must start with its category: '" + rule->category + ".<name>'");
    }
    std::string severity;
    if (r.String("severity", &severity, true)) {
      if (auto s = ParseSeverity(severity)) {
        rule->severity = *s;
      } else {
        r.Error(LineOf(*t.get("severity")), "unknown severity '" + severity + "' (info, advice, warning, serious)");
      }
    }
    r.String("message", &rule->message, true);
    r.String("suggestion", &rule->suggestion, true);
    std::string notes;
    r.String("notes", &notes, false);

    // sources
    if (const toml::array* src = r.Array("sources")) {
      for (const toml::node& n : *src) {
        if (!n.is_table()) {
          r.Error(LineOf(n), "'sources' must hold tables like { policy = \"...\", section = \"...\" }");
          continue;
        }
        TableReader sr(*n.as_table(), in_.file, rule->id, "sources.", errors_);
        Source s;
        sr.String("policy", &s.policy, true);
        sr.String("section", &s.section, true);
        sr.String("title", &s.title, false);
        sr.String("quote", &s.quote, false);
        sr.RejectUnknown();
        if (sr.ok()) rule->sources.push_back(std::move(s));
      }
      if (src->empty()) r.Error(LineOf(*src), "'sources' must cite at least one policy section");
    } else if (r.ok()) {
      r.Error(rule->line, "missing required field 'sources' (the policy section the rule enforces)");
    }

    // How it matches.
    std::string view = "words", scope = "match";
    r.String("view", &view, false);
    r.String("scope", &scope, false);
    const ViewKind view_kind = view == "literal" ? ViewKind::kLiteral : ViewKind::kWords;
    if (view != "words" && view != "literal") r.Error(r.LineOfKey("view"), "'view' must be \"words\" or \"literal\"");
    if (scope != "match" && scope != "draft") r.Error(r.LineOfKey("scope"), "'scope' must be \"match\" or \"draft\"");
    rule->whole_draft = scope == "draft";
    bool case_sensitive = false;
    r.Bool("case_sensitive", &case_sensitive);
    auto flags_for = [&](const std::string& p) {
      if (case_sensitive || (view_kind == ViewKind::kWords && !HasCapital(p))) return std::string();
      return std::string("(?i)");
    };

    std::vector<std::string> patterns, terms;
    std::vector<int> pattern_lines, term_lines;
    r.StringList("patterns", &patterns, &pattern_lines);
    r.StringList("terms", &terms, &term_lines);
    for (size_t i = 0; i < patterns.size(); ++i) {
      const std::string& p = patterns[i];
      std::string error;
      const std::string full = flags_for(p) + p;
      auto re = in_.prevalidated ? TermPattern(full) : CompilePattern(full, &error);
      if (!re) {
        r.Error(pattern_lines[i], error);
        continue;
      }
      AddPattern(rule, std::move(re), view_kind, std::nullopt, 1.0, "");
    }
    for (size_t i = 0; i < terms.size(); ++i) {
      Term t = MakeTerm(terms[i], false, std::nullopt, 1.0);
      if (t.words.empty()) {
        r.Error(term_lines[i], "term '" + terms[i] + "' is empty after normalisation");
        continue;
      }
      rule->terms.push_back(std::move(t));
    }
    std::string lexicon;
    double min_likelihood = 0.0;
    r.Number("min_likelihood", &min_likelihood, 0.0, 1.0);
    if (r.String("lexicon", &lexicon, false)) {
      auto it = lexicons_->find(lexicon);
      if (it == lexicons_->end()) {
        r.Error(LineOf(*t.get("lexicon")), "unknown lexicon '" + lexicon + "'");
      } else {
        for (const LexiconEntry& e : it->second.entries) {
          if (e.likelihood + 1e-9 < min_likelihood) continue;
          if (e.term) {
            rule->terms.push_back(*e.term);
          } else {
            AddPattern(rule, e.re, ViewKind::kWords, e.severity, e.likelihood, e.label);
          }
        }
      }
    }
    std::string org_terms;
    if (r.String("org_terms", &org_terms, false)) {
      if (auto which = ParseOrgList(org_terms)) {
        rule->org_terms = *which;
      } else {
        r.Error(r.LineOfKey("org_terms"), "unknown organisation list '" + org_terms + "' (confidential, pendingDecisions, staff, allow)");
      }
    }
    const int sources_of_matches = (!patterns.empty() || !terms.empty() || !lexicon.empty() ? 1 : 0) +
                                   (rule->org_terms ? 1 : 0) + (rule->whole_draft ? 1 : 0);
    if (r.ok() && sources_of_matches == 0) {
      r.Error(rule->line, "needs 'patterns', 'terms', 'lexicon', 'org_terms', or scope = \"draft\"");
    } else if (r.ok() && sources_of_matches > 1) {
      r.Error(rule->line, "scope = \"draft\" and 'org_terms' each stand alone: no patterns, terms or lexicon with them");
    }

    std::string validator;
    if (r.String("validator", &validator, false)) {
      if (auto v = ParseValidator(validator)) {
        rule->validator = *v;
      } else {
        r.Error(LineOf(*t.get("validator")), "unknown validator '" + validator + "' (luhn, nhs, nino, uk-postcode, iban)");
      }
    }
    std::vector<std::string> allow;
    r.StringList("allow", &allow);
    for (const std::string& a : allow) rule->allow.push_back(NormalizeWords(a));
    r.Int("allow_window", &rule->allow_window, 0, kMaxWithin);

    if (const toml::table* when = r.Table("when")) ReadWhen(*when, rule);
    if (const toml::array* adj = r.Array("adjust")) {
      for (const toml::node& n : *adj) {
        Adjustment a;
        if (ReadProximity(n, "'adjust'", &r, &a.near, &a.effect)) rule->adjust.push_back(std::move(a));
      }
    }
    if (const toml::table* ex = r.Table("examples")) {
      ReadExamples(*ex, rule);
    } else if (r.ok() && !in_.prevalidated) {
      r.Error(rule->line, "missing 'examples' (at least one draft to flag and one to pass)");
    }
    r.RejectUnknown();
    return errors_->size() == before;
  }

  static void AddPattern(Rule* rule, std::shared_ptr<const LazyRegex> re, ViewKind view,
                         std::optional<Severity> severity, double likelihood, const std::string& label) {
    Pattern p;
    p.regex = re->pattern();
    p.view = view;
    p.severity = severity;
    p.likelihood = likelihood;
    p.label = label;
    p.re = std::move(re);
    rule->patterns.push_back(std::move(p));
  }

  const PackText& in_;
  std::map<std::string, Lexicon>* lexicons_;
  std::vector<LoadError>* errors_;
  toml::table root_;
  LoadedPack out_;
  size_t errors_before_ = 0;
  bool header_ok_ = false;
  int lexicon_count_ = 0;
  int name_line_ = 1;
  const std::string* rule_file_ = nullptr;
  const std::string* rule_id_ = nullptr;
};

}  // namespace

std::vector<Rule> TakeRules(LoadResult* loaded) {
  std::vector<Rule> rules;
  for (LoadedPack& p : loaded->packs) {
    for (Rule& r : p.rules) rules.push_back(std::move(r));
  }
  return rules;
}

LoadResult LoadPacks(const std::vector<PackText>& packs) {
  LoadResult result;
  std::map<std::string, Lexicon> lexicons;
  std::vector<std::unique_ptr<PackParser>> parsers;
  std::vector<bool> ok(packs.size(), false);
  std::set<std::string> names;
  for (size_t i = 0; i < packs.size(); ++i) {
    parsers.push_back(std::make_unique<PackParser>(packs[i], &lexicons, &result.errors));
    parsers[i]->set_errors_before(result.errors.size());
    ok[i] = parsers[i]->ParseHeader();
  }
  std::set<std::string> rule_ids;
  for (size_t i = 0; i < packs.size(); ++i) {
    if (!ok[i]) continue;
    const size_t before = result.errors.size();
    parsers[i]->set_errors_before(before);
    std::set<std::string> ids_if_ok = rule_ids;
    if (!parsers[i]->ParseRules(&ids_if_ok)) continue;  // the whole pack is rejected
    const int name_line = parsers[i]->name_line();
    LoadedPack pack = parsers[i]->Take();
    if (!names.insert(pack.name).second) {
      result.errors.push_back({pack.file, name_line, "(pack)", "another pack is already named '" + pack.name + "'"});
      continue;
    }
    rule_ids = std::move(ids_if_ok);
    result.packs.push_back(std::move(pack));
  }
  return result;
}

}  // namespace postcheck
