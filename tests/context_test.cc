// The draft's context (ARCHITECTURE.md, Contract 3): parsing it from JSON,
// and every condition a rule can put on it. Each condition is shown both
// holding and not holding, so a test fails if the condition is ignored.
#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

using namespace postcheck;
using namespace postcheck::testing;

namespace {

// A list of strings joined with ", " (readable when a check fails).
std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string Pack(const std::string& rules) {
  return "[pack]\nname = \"ctx\"\nversion = \"1.0.0\"\n" + rules;
}

// One rule of severity "warning"; `body` gives its matching, conditions and
// (after any plain keys) an optional [rules.when] table.
std::string RuleToml(const std::string& id, const std::string& body) {
  const std::string category = id.substr(0, id.find('.'));
  return "\n[[rules]]\nid = \"" + id + "\"\ncategory = \"" + category +
         "\"\nseverity = \"warning\"\nmessage = \"m\"\nsuggestion = \"s\"\n"
         "sources = [{ policy = \"combined-authority\", section = \"10\" }]\n" +
         body + "\n[rules.examples]\nflag = [\"x\"]\npass = [\"y\"]\n";
}

Context Ctx(const std::string& json) {
  std::string error;
  auto c = ParseContextJson(json, &error);
  REQUIRE_MESSAGE(c.has_value(), error);
  return *c;
}

// The error ParseContextJson gives for `json` (which must be refused).
std::string CtxError(const std::string& json) {
  std::string error;
  CHECK_FALSE(ParseContextJson(json, &error).has_value());
  return error;
}

bool Fires(const Checker& c, const std::string& draft, const Context& ctx = {}) { return !c.Check(draft, ctx).empty(); }

}  // namespace

// ----------------------------------------------------------------- parsing

TEST_CASE("ParseContextJson: every field") {
  const Context c = Ctx(R"({"account": "personal", "platform": "x", "localTime": "2026-11-21T23:52",
    "inMeeting": true, "orgTerms": {"confidential": ["Project Kestrel"], "pendingDecisions": ["21/01234/FUL"],
    "staff": ["Sarah Jenkins", "Tom Ede"], "allow": ["01993 861000"]}})");
  CHECK(c.account == Account::kPersonal);
  CHECK(c.platform == Platform::kX);
  CHECK(c.local_minutes == 23 * 60 + 52);
  CHECK(c.in_meeting);
  CHECK(Join(c.terms(OrgList::kConfidential)) == "Project Kestrel");
  CHECK(Join(c.terms(OrgList::kPendingDecisions)) == "21/01234/FUL");
  CHECK(Join(c.terms(OrgList::kStaff)) == "Sarah Jenkins, Tom Ede");
  CHECK(Join(c.terms(OrgList::kAllow)) == "01993 861000");
}

TEST_CASE("ParseContextJson: an empty object leaves everything unset") {
  const Context c = Ctx("{}");
  CHECK_FALSE(c.account.has_value());
  CHECK_FALSE(c.platform.has_value());
  CHECK_FALSE(c.local_minutes.has_value());
  CHECK_FALSE(c.in_meeting);
  for (int l = 0; l < kOrgListCount; ++l) CHECK(c.org_terms[l].empty());
  // Other values of the simple fields.
  CHECK(Ctx(R"({"account": "councillor"})").account == Account::kCouncillor);
  CHECK(Ctx(R"({"platform": "facebook"})").platform == Platform::kFacebook);
  CHECK(Ctx(R"({"platform": "other"})").platform == Platform::kOther);
  CHECK_FALSE(Ctx(R"({"inMeeting": false})").in_meeting);
  // Empty organisation terms are dropped.
  CHECK(Join(Ctx(R"({"orgTerms": {"staff": ["", "Sarah Jenkins"]}})").terms(OrgList::kStaff)) ==
        "Sarah Jenkins");
}

TEST_CASE("ParseContextJson: localTime") {
  CHECK(Ctx(R"({"localTime": "2026-11-21T00:00"})").local_minutes == 0);
  CHECK(Ctx(R"({"localTime": "2026-11-21T23:59:59Z"})").local_minutes == 23 * 60 + 59);
  CHECK(Ctx(R"({"localTime": "2026-11-21T07:05:00+01:00"})").local_minutes == 7 * 60 + 5);
  CHECK(Ctx(R"({"localTime": "23:52"})").local_minutes == 23 * 60 + 52);
  for (const char* bad : {"2026-11-21 23:52", "2026-11-21T24:00", "2026-11-21T23:60", "2026/11/21T23:52",
                          "23.52", "late", "", "2026-11-21T9:05", "2026-11-21"}) {
    CAPTURE(bad);
    CHECK(CtxError(std::string(R"({"localTime": ")") + bad + "\"}") ==
          "context: 'localTime' must look like \"2026-11-21T23:52\"");
  }
}

TEST_CASE("ParseContextJson: unknown fields and lists are errors") {
  CHECK(CtxError(R"({"inmeeting": true})") ==
        "context: unknown field 'inmeeting' (known: account, platform, localTime, inMeeting, orgTerms)");
  CHECK(CtxError(R"({"orgTerms": {"secret": ["x"]}})") ==
        "context: unknown list 'orgTerms.secret' (known: confidential, pendingDecisions, staff, allow)");
  CHECK(CtxError(R"({"account": "mayor"})") == "context: 'account' must be \"councillor\" or \"personal\"");
  CHECK(CtxError(R"({"platform": "tiktok"})") == "context: 'platform' must be \"facebook\", \"x\" or \"other\"");
}

TEST_CASE("ParseContextJson: wrong types") {
  CHECK(CtxError(R"({"account": 1})") == "context: 'account' must be a string, not a number");
  CHECK(CtxError(R"({"platform": null})") == "context: 'platform' must be a string, not null");
  CHECK(CtxError(R"({"localTime": 2352})") == "context: 'localTime' must be a string, not a number");
  CHECK(CtxError(R"({"inMeeting": "yes"})") == "context: 'inMeeting' must be true or false, not a string");
  CHECK(CtxError(R"({"orgTerms": []})") == "context: 'orgTerms' must be an object, not an array");
  CHECK(CtxError(R"({"orgTerms": {"staff": "Sarah"}})") ==
        "context: 'orgTerms.staff' must be an array of strings, not a string");
  CHECK(CtxError(R"({"orgTerms": {"staff": ["Sarah", 1]}})") ==
        "context: 'orgTerms.staff' must hold only strings, found a number");
  CHECK(CtxError("[]") == "context: must be a JSON object, not an array");
  CHECK(CtxError("null") == "context: must be a JSON object, not null");
  CHECK(CtxError("\"councillor\"") == "context: must be a JSON object, not a string");
}

TEST_CASE("ParseContextJson: bad JSON") {
  CHECK(CtxError("{bad").rfind("context: invalid JSON at byte ", 0) == 0);
  CHECK(CtxError("").rfind("context: invalid JSON", 0) == 0);
  CHECK(CtxError(R"({"account": "personal",})").rfind("context: invalid JSON", 0) == 0);
  CHECK(CtxError("{} {}").rfind("context: invalid JSON", 0) == 0);
}

TEST_CASE("ParseContextJson: nesting 100,000 deep is an error, not a crash") {
  const std::string arrays = std::string(100000, '[') + std::string(100000, ']');
  CHECK(CtxError(arrays) == "context: JSON nested deeper than 64 levels");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100000, '}');
  CHECK(CtxError(objects) == "context: JSON nested deeper than 64 levels");
  // Deep inside a known field, and never closed.
  CHECK(CtxError("{\"orgTerms\": {\"staff\": " + std::string(100000, '[')) ==
        "context: JSON nested deeper than 64 levels");
}

// ----------------------------------------------------------------- conditions

TEST_CASE("when.account, and the checker's default account") {
  const std::string pack = Pack(RuleToml("official-capacity.council-voice", "terms = [\"on behalf of the council\"]\n"
                                                                            "[rules.when]\naccount = [\"councillor\"]"));
  const std::string draft = "I am writing on behalf of the council";
  auto councillor = CheckerFor(pack, Account::kCouncillor);
  auto personal = CheckerFor(pack, Account::kPersonal);
  // No account in the context: the checker's profile decides.
  CHECK(Fires(*councillor, draft));
  CHECK_FALSE(Fires(*personal, draft));
  // An account in the context wins over the profile, both ways.
  CHECK_FALSE(Fires(*councillor, draft, Ctx(R"({"account": "personal"})")));
  CHECK(Fires(*personal, draft, Ctx(R"({"account": "councillor"})")));
}

TEST_CASE("when.platform") {
  auto c = CheckerFor(Pack(RuleToml("haste.thread", "terms = [\"thread\"]\n[rules.when]\nplatform = [\"x\"]")));
  CHECK(Fires(*c, "A thread on the budget", Ctx(R"({"platform": "x"})")));
  CHECK_FALSE(Fires(*c, "A thread on the budget", Ctx(R"({"platform": "facebook"})")));
  CHECK_FALSE(Fires(*c, "A thread on the budget", Ctx(R"({"platform": "other"})")));
  // No platform given counts as "other".
  CHECK_FALSE(Fires(*c, "A thread on the budget"));
}

TEST_CASE("when.in_meeting, true and false") {
  auto c = CheckerFor(Pack(RuleToml("meeting-use.during", "scope = \"draft\"\n[rules.when]\nin_meeting = true") +
                           RuleToml("meeting-use.outside", "scope = \"draft\"\n[rules.when]\nin_meeting = false")));
  CHECK(Join(RuleIds(c->Check("Great debate", Ctx(R"({"inMeeting": true})")))) ==
        "meeting-use.during");
  CHECK(Join(RuleIds(c->Check("Great debate", Ctx(R"({"inMeeting": false})")))) ==
        "meeting-use.outside");
  CHECK(Join(RuleIds(c->Check("Great debate", {}))) == "meeting-use.outside");
}

TEST_CASE("when.local_time wraps past midnight; no localTime means no finding") {
  auto c = CheckerFor(Pack(RuleToml("haste.late-night", "scope = \"draft\"\n[rules.when]\n"
                                                        "local_time = { from = \"23:00\", to = \"05:00\" }")));
  auto at = [&](const char* hhmm) {
    return Fires(*c, "Still up", Ctx(std::string(R"({"localTime": "2026-11-21T)") + hhmm + "\"}"));
  };
  CHECK(at("23:00"));
  CHECK(at("23:52"));
  CHECK(at("00:00"));
  CHECK(at("04:59"));
  CHECK_FALSE(at("05:00"));  // the end is not included
  CHECK_FALSE(at("12:00"));
  CHECK_FALSE(at("22:59"));
  CHECK_FALSE(Fires(*c, "Still up"));
  CHECK_FALSE(Fires(*c, "Still up", Ctx(R"({"platform": "x"})")));
}

TEST_CASE("when.local_time within one day") {
  auto c = CheckerFor(Pack(RuleToml("haste.office-hours", "scope = \"draft\"\n[rules.when]\n"
                                                          "local_time = { from = \"09:00\", to = \"17:00\" }")));
  CHECK(Fires(*c, "x", Ctx(R"({"localTime": "09:00"})")));
  CHECK(Fires(*c, "x", Ctx(R"({"localTime": "16:59"})")));
  CHECK_FALSE(Fires(*c, "x", Ctx(R"({"localTime": "17:00"})")));
  CHECK_FALSE(Fires(*c, "x", Ctx(R"({"localTime": "08:59"})")));
}

TEST_CASE("scope = \"draft\": one finding at start = end = 0") {
  auto c = CheckerFor(Pack(RuleToml("haste.late-night", "scope = \"draft\"\n[rules.when]\n"
                                                        "local_time = { from = \"23:00\", to = \"05:00\" }")));
  const auto f = c->Check("\xF0\x9F\x98\x80 Still up, thinking about the vote", Ctx(R"({"localTime": "23:52"})"));
  REQUIRE(f.size() == 1);
  CHECK(f[0].start == 0);
  CHECK(f[0].end == 0);
  CHECK(f[0].byte_start == 0);
  CHECK(f[0].byte_end == 0);
  CHECK(f[0].text == "");
  CHECK(f[0].severity == Severity::kWarning);
  // It fires on an empty draft too: the time alone is the reason.
  CHECK(c->Check("", Ctx(R"({"localTime": "23:52"})")).size() == 1);
}

TEST_CASE("near: a word within `within` words of the match, either side") {
  auto c = CheckerFor(Pack(RuleToml("predetermination.vote", "terms = [\"vote against\"]\n[rules.when]\n"
                                                             "near = [{ words = [\"planning\"], within = 3 }]")));
  // The match is words 0-1; "planning" 3 words after it holds, 4 does not.
  CHECK(Fires(*c, "vote against it at planning"));
  CHECK_FALSE(Fires(*c, "vote against it at our planning"));
  // Before the match likewise.
  CHECK(Fires(*c, "planning, so we vote against"));
  CHECK_FALSE(Fires(*c, "planning, so now we vote against"));
  CHECK_FALSE(Fires(*c, "I will vote against it"));
  // The word is matched in the words view: case and disguises do not matter.
  CHECK(Fires(*c, "I will vote against the PLANNING application"));
  CHECK(Fires(*c, "I will vote against the p1anning application") == false);  // '1' folds to 'i', not 'l'
}

TEST_CASE("near with within = 0 means anywhere in the draft") {
  auto c = CheckerFor(Pack(RuleToml("predetermination.vote", "terms = [\"vote against\"]\n[rules.when]\n"
                                                             "near = [{ words = [\"planning\"] }]")));
  CHECK(Fires(*c, "planning: after months of talk and many letters from residents I will vote against"));
  CHECK_FALSE(Fires(*c, "after months of talk and many letters from residents I will vote against"));
}

TEST_CASE("every near entry must hold") {
  auto c = CheckerFor(Pack(RuleToml("predetermination.vote", "terms = [\"vote against\"]\n[rules.when]\n"
                                                             "near = [{ words = [\"planning\"] }, { words = [\"committee\"] }]")));
  CHECK(Fires(*c, "At planning committee I will vote against"));
  CHECK_FALSE(Fires(*c, "At planning I will vote against"));
  CHECK_FALSE(Fires(*c, "At committee I will vote against"));
}

TEST_CASE("not_near: no finding when the word is close") {
  auto c = CheckerFor(Pack(RuleToml("defamation.crook", "terms = [\"is a crook\"]\n[rules.when]\n"
                                                        "not_near = [{ words = [\"allegedly\", \"it is claimed\"], within = 4 }]")));
  CHECK(Fires(*c, "The leader is a crook"));
  CHECK_FALSE(Fires(*c, "The leader allegedly is a crook"));
  CHECK_FALSE(Fires(*c, "It is claimed he is a crook"));
  // Far enough away, it no longer excuses the claim.
  CHECK(Fires(*c, "Allegedly, as I heard from several people at the market today, the leader is a crook"));
}

TEST_CASE("near and not_near with the organisation's term lists") {
  auto c = CheckerFor(Pack(RuleToml("predetermination.vote", "terms = [\"vote against\"]\n[rules.when]\n"
                                                             "near = [{ org_terms = \"pendingDecisions\", within = 5 }]") +
                           RuleToml("staff-attack.useless", "terms = [\"useless\"]\n[rules.when]\n"
                                                            "near = [{ words = [\"officer\"], org_terms = [\"staff\"], within = 3 }]")));
  const Context ctx = Ctx(R"({"orgTerms": {"pendingDecisions": ["21/01234/FUL"], "staff": ["Sarah Jenkins"]}})");
  CHECK(Join(RuleIds(c->Check("I will vote against 21/01234/FUL", ctx))) == "predetermination.vote");
  CHECK(c->Check("I will vote against 21/01234/FUL", {}).empty());             // no list given
  CHECK(c->Check("I will vote against the new car park", ctx).empty());         // not in the draft
  CHECK(c->Check("I will vote against it, says everyone about 21/01234/FUL", ctx).empty());  // too far
  // Either the words or the list can satisfy an entry.
  CHECK(Join(RuleIds(c->Check("Sarah Jenkins is useless", ctx))) == "staff-attack.useless");
  CHECK(Join(RuleIds(c->Check("That officer is useless", ctx))) == "staff-attack.useless");
  CHECK(c->Check("This printer is useless", ctx).empty());
}

TEST_CASE("allow phrases within allow_window words") {
  auto c = CheckerFor(Pack(RuleToml("personal-data.phone", "view = \"literal\"\npatterns = ['\\b0\\d{4} ?\\d{6}\\b']\n"
                                                           "allow = [\"Switchboard\"]\nallow_window = 2") +
                           RuleToml("personal-data.phone-strict", "view = \"literal\"\npatterns = ['\\b0\\d{4} ?\\d{6}\\b']\n"
                                                                  "allow = [\"switchboard\"]\nallow_window = 1")));
  // "switchboard" is two words before the number: inside a window of 2, not of 1.
  CHECK(Join(RuleIds(c->Check("Ring the switchboard on 01993 861000", {}))) ==
        "personal-data.phone-strict");
  // Adjacent: both allow it (and case does not matter).
  CHECK(c->Check("Ring the SWITCHBOARD 01993 861000", {}).empty());
  // Without the phrase both fire; on the same span, in the same category and
  // at the same severity, they merge into the one with the first rule id.
  CHECK(Join(RuleIds(c->Check("Ring Dave on 01993 861000", {}))) == "personal-data.phone");
}

TEST_CASE("allow_window defaults to 3 words") {
  auto c = CheckerFor(Pack(RuleToml("personal-data.phone", "view = \"literal\"\npatterns = ['\\b0\\d{4} ?\\d{6}\\b']\n"
                                                           "allow = [\"switchboard\"]")));
  CHECK(c->Check("switchboard is on 01993 861000", {}).empty());
  CHECK(c->Check("switchboard is open on 01993 861000", {}).size() == 1);
}

TEST_CASE("adjust: lower, raise and drop") {
  auto c = CheckerFor(Pack(RuleToml("personal-data.number",
                                    "view = \"literal\"\npatterns = ['\\b\\d{10}\\b']\nadjust = [\n"
                                    "  { words = [\"ref\", \"invoice\"], within = 2, effect = \"drop\" },\n"
                                    "  { words = [\"nhs\"], within = 3, effect = \"raise\" },\n"
                                    "  { words = [\"maybe\"], within = 3 },\n"  // effect defaults to lower
                                    "]")));
  auto severity_of = [&](const std::string& draft) {
    const auto f = c->Check(draft, {});
    REQUIRE(f.size() == 1);
    return f[0].severity;
  };
  CHECK(severity_of("Her number is 9434765919") == Severity::kWarning);
  CHECK(severity_of("Her NHS number is 9434765919") == Severity::kSerious);
  CHECK(severity_of("maybe it is 9434765919") == Severity::kAdvice);
  CHECK(severity_of("NHS maybe 9434765919") == Severity::kWarning);  // one up, one down
  CHECK(c->Check("Invoice 9434765919 is paid", {}).empty());
  CHECK(c->Check("Ref: 9434765919", {}).empty());
  // Outside the window the adjustment does not apply.
  CHECK(severity_of("NHS staff were kind, call 9434765919") == Severity::kWarning);
}

TEST_CASE("adjust: severities are clamped at both ends") {
  auto c = CheckerFor(Pack(RuleToml("personal-data.number", "view = \"literal\"\npatterns = ['\\b\\d{10}\\b']\n"
                                                            "adjust = [{ words = [\"a\"], effect = \"raise\" }, "
                                                            "{ words = [\"b\"], effect = \"raise\" }]")));
  const auto f = c->Check("a b 9434765919", {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kSerious);  // warning + 2 steps, clamped
}

TEST_CASE("org_terms as the source of matches") {
  auto c = CheckerFor(Pack(RuleToml("confidential.org-terms", "org_terms = \"confidential\"")));
  const Context ctx = Ctx(R"({"orgTerms": {"confidential": ["Project Kestrel"]}})");
  const auto f = c->Check("Update on PROJECT KESTREL today", ctx);
  REQUIRE(f.size() == 1);
  CHECK(f[0].text == "PROJECT KESTREL");
  CHECK(f[0].start == 10);
  CHECK(f[0].end == 25);
  // Disguised in the draft, found all the same.
  const auto g = c->Check("Project K3str\xD0\xB5l is on", ctx);  // leet 3 and Cyrillic е
  REQUIRE(g.size() == 1);
  CHECK(g[0].text == "Project K3str\xD0\xB5l");
  // Whole words only; and nothing without the list.
  CHECK(c->Check("Project Kestrels", ctx).empty());
  CHECK(c->Check("Update on Project Kestrel", {}).empty());
}

TEST_CASE("orgTerms.allow drops a finding whose letters and digits it contains") {
  auto c = CheckerFor(Pack(RuleToml("personal-data.phone", "view = \"literal\"\npatterns = ['\\b0\\d{4}[ -]?\\d{6}\\b']")));
  const Context ctx = Ctx(R"({"orgTerms": {"allow": ["Council switchboard 01993-861000"]}})");
  CHECK(c->Check("Call 01993 861000", ctx).empty());
  CHECK(c->Check("Call 01993 861000", {}).size() == 1);
  const auto f = c->Check("Call 01993 861000 or my mobile 01632 960001", ctx);
  REQUIRE(f.size() == 1);
  CHECK(f[0].text == "01632 960001");
}

TEST_CASE("adjust also applies to scope = \"draft\" rules") {
  // The loader accepts `adjust` on a whole-draft rule, so it must not be
  // silently ignored: "only joking" near anywhere should drop this one.
  auto c = CheckerFor(Pack(RuleToml("haste.late-night", "scope = \"draft\"\n"
                                                        "adjust = [{ words = [\"only joking\"], effect = \"drop\" }]\n"
                                                        "[rules.when]\nlocal_time = { from = \"23:00\", to = \"05:00\" }")));
  const Context late = Ctx(R"({"localTime": "23:52"})");
  CHECK(c->Check("Still up", late).size() == 1);
  CHECK(c->Check("Still up, only joking", late).empty());
}
