// The draft's context (ARCHITECTURE.md, Contract 3) and its JSON form.
#ifndef POSTCHECK_JUDGE_CONTEXT_H_
#define POSTCHECK_JUDGE_CONTEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

enum class Account { kCouncillor, kPersonal };
enum class Platform { kFacebook, kX, kOther };

// The organisation's term lists. `allow` is PostCheck's addition to the
// contract: phrases never to flag, such as the council's published
// switchboard number.
enum class OrgList { kConfidential, kPendingDecisions, kStaff, kAllow };
constexpr int kOrgListCount = 4;

std::optional<Account> ParseAccount(std::string_view s);
std::optional<Platform> ParsePlatform(std::string_view s);
std::optional<OrgList> ParseOrgList(std::string_view s);
std::string_view OrgListName(OrgList l);

// Minutes since midnight, [from, to); wraps past midnight when from > to.
struct TimeWindow {
  int from = 0, to = 0;
  bool Contains(int minutes) const {
    return from <= to ? (minutes >= from && minutes < to) : (minutes >= from || minutes < to);
  }
};

// "HH:MM" -> minutes since midnight.
std::optional<int> ParseClock(std::string_view hhmm);

struct Context {
  std::optional<Account> account;  // unset: the checker's profile decides
  std::optional<Platform> platform;
  std::optional<int> local_minutes;  // from localTime
  bool in_meeting = false;
  std::vector<std::string> org_terms[kOrgListCount];  // as given

  const std::vector<std::string>& terms(OrgList l) const { return org_terms[int(l)]; }
};

// Parses Contract 3 JSON. Unknown fields and wrong types are errors, so a
// typo ("inmeeting") is reported instead of silently ignored. On error
// returns nullopt and sets *error to one line naming the field.
std::optional<Context> ParseContextJson(std::string_view json, std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_JUDGE_CONTEXT_H_
