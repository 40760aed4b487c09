#include "judge/context.h"

#include "json/json_reader.h"

namespace postcheck {

std::optional<Account> ParseAccount(std::string_view s) {
  if (s == "councillor") return Account::kCouncillor;
  if (s == "personal") return Account::kPersonal;
  return std::nullopt;
}

std::optional<Platform> ParsePlatform(std::string_view s) {
  if (s == "facebook") return Platform::kFacebook;
  if (s == "x") return Platform::kX;
  if (s == "other") return Platform::kOther;
  return std::nullopt;
}

std::optional<OrgList> ParseOrgList(std::string_view s) {
  if (s == "confidential") return OrgList::kConfidential;
  if (s == "pendingDecisions") return OrgList::kPendingDecisions;
  if (s == "staff") return OrgList::kStaff;
  if (s == "allow") return OrgList::kAllow;
  return std::nullopt;
}

std::string_view OrgListName(OrgList l) {
  switch (l) {
    case OrgList::kConfidential: return "confidential";
    case OrgList::kPendingDecisions: return "pendingDecisions";
    case OrgList::kStaff: return "staff";
    case OrgList::kAllow: return "allow";
  }
  return "";
}

std::optional<int> ParseClock(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

namespace {

// "2026-11-21T23:52" (seconds and a zone may follow) -> minutes since
// midnight. Also accepts a bare "23:52".
std::optional<int> ParseLocalTime(std::string_view s) {
  if (s.size() == 5) return ParseClock(s);
  const auto t = s.find('T');
  if (t == std::string_view::npos || t != 10 || s.size() < 16) return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  return ParseClock(s.substr(11, 5));
}

bool Fail(std::string* error, std::string message) {
  *error = "context: " + std::move(message);
  return false;
}

bool ReadContext(const Json& j, Context* ctx, std::string* error) {
  if (!j.is_object()) return Fail(error, "must be a JSON object, not " + JsonTypeName(j));
  for (const auto& [key, value] : j.items()) {
    if (key == "account") {
      if (!value.is_string()) return Fail(error, "'account' must be a string, not " + JsonTypeName(value));
      ctx->account = ParseAccount(value.get_ref<const std::string&>());
      if (!ctx->account) return Fail(error, "'account' must be \"councillor\" or \"personal\"");
    } else if (key == "platform") {
      if (!value.is_string()) return Fail(error, "'platform' must be a string, not " + JsonTypeName(value));
      ctx->platform = ParsePlatform(value.get_ref<const std::string&>());
      if (!ctx->platform) return Fail(error, "'platform' must be \"facebook\", \"x\" or \"other\"");
    } else if (key == "localTime") {
      if (!value.is_string()) return Fail(error, "'localTime' must be a string, not " + JsonTypeName(value));
      ctx->local_minutes = ParseLocalTime(value.get_ref<const std::string&>());
      if (!ctx->local_minutes) return Fail(error, "'localTime' must look like \"2026-11-21T23:52\"");
    } else if (key == "inMeeting") {
      if (!value.is_boolean()) return Fail(error, "'inMeeting' must be true or false, not " + JsonTypeName(value));
      ctx->in_meeting = value.get<bool>();
    } else if (key == "orgTerms") {
      if (!value.is_object()) return Fail(error, "'orgTerms' must be an object, not " + JsonTypeName(value));
      for (const auto& [list, terms] : value.items()) {
        const auto which = ParseOrgList(list);
        if (!which) {
          return Fail(error, "unknown list 'orgTerms." + list +
                                 "' (known: confidential, pendingDecisions, staff, allow)");
        }
        if (!terms.is_array()) {
          return Fail(error, "'orgTerms." + list + "' must be an array of strings, not " + JsonTypeName(terms));
        }
        auto& out = ctx->org_terms[int(*which)];
        for (const Json& t : terms) {
          if (!t.is_string()) {
            return Fail(error, "'orgTerms." + list + "' must hold only strings, found " + JsonTypeName(t));
          }
          if (!t.get_ref<const std::string&>().empty()) out.push_back(t.get<std::string>());
        }
      }
    } else {
      return Fail(error, "unknown field '" + key +
                             "' (known: account, platform, localTime, inMeeting, orgTerms)");
    }
  }
  return true;
}

}  // namespace

std::optional<Context> ParseContextJson(std::string_view text, std::string* error) {
  Json j;
  std::string parse_error;
  if (!ParseJson(text, &j, &parse_error)) {
    *error = "context: " + parse_error;
    return std::nullopt;
  }
  Context ctx;
  if (!ReadContext(j, &ctx, error)) return std::nullopt;
  return ctx;
}

}  // namespace postcheck
