#include "json/json_reader.h"

namespace postcheck {
namespace {

// Forwards every event to nlohmann's own DOM builder, counting depth and
// keeping the parser's message instead of throwing it.
class LimitedSax {
 public:
  using Dom = nlohmann::detail::json_sax_dom_parser<Json>;
  LimitedSax(Json* out, int max_depth) : dom_(*out, false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const Json::string_t& s) { return dom_.number_float(v, s); }
  bool string(Json::string_t& v) { return dom_.string(v); }
  bool binary(Json::binary_t& v) { return dom_.binary(v); }
  bool key(Json::string_t& v) { return dom_.key(v); }
  bool start_object(std::size_t n) { return Enter() && dom_.start_object(n); }
  bool end_object() { --depth_; return dom_.end_object(); }
  bool start_array(std::size_t n) { return Enter() && dom_.start_array(n); }
  bool end_array() { --depth_; return dom_.end_array(); }

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
    std::string what = ex.what();
    // nlohmann's text starts "[json.exception.parse_error.101] parse error at
    // line 1, column 5: syntax error while parsing value - ..."; keep the part
    // a person needs.
    const auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    message_ = "invalid JSON at byte " + std::to_string(position > 0 ? position - 1 : 0) + ": " + what;
    return false;
  }

  const std::string& message() const { return message_; }

 private:
  bool Enter() {
    if (++depth_ > max_depth_) {
      message_ = "JSON nested deeper than " + std::to_string(max_depth_) + " levels";
      return false;
    }
    return true;
  }

  Dom dom_;
  int depth_ = 0;
  int max_depth_;
  std::string message_;
};

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int SurrogateKind(std::string_view t, size_t i) {  // 1 high, 2 low, 0 neither; t[i] is the 'u'
  if (i + 4 >= t.size() || !IsHex(t[i + 1]) || !IsHex(t[i + 2]) || !IsHex(t[i + 3]) || !IsHex(t[i + 4])) return 0;
  if (t[i + 1] != 'd' && t[i + 1] != 'D') return 0;
  const char c = t[i + 2];
  if (c == '8' || c == '9' || c == 'a' || c == 'b' || c == 'A' || c == 'B') return 1;
  if (c == 'c' || c == 'd' || c == 'e' || c == 'f' || c == 'C' || c == 'D' || c == 'E' || c == 'F') return 2;
  return 0;
}

// JavaScript strings may hold lone surrogates, and JSON.stringify writes them
// as escapes ("\ud83d"), which strict JSON parsers reject. Replace each lone
// one with \ufffd, as TextEncoder does, so the line is checked, not refused.
std::string ReplaceLoneSurrogateEscapes(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size()) {
      if (t[i + 1] != 'u') {  // any other escape: copy both characters
        out += t[i];
        out += t[++i];
        continue;
      }
      const int kind = SurrogateKind(t, i + 1);
      if (kind == 1 && i + 11 < t.size() && t[i + 6] == '\\' && t[i + 7] == 'u' && SurrogateKind(t, i + 7) == 2) {
        out.append(t.substr(i, 12));  // a proper pair
        i += 11;
        continue;
      }
      if (kind != 0) {
        out += "\\ufffd";
        i += 5;
        continue;
      }
    }
    out += t[i];
  }
  return out;
}

}  // namespace

bool ParseJson(std::string_view text, Json* out, std::string* error, int max_depth) {
  std::string repaired;
  if (text.find("\\u") != std::string_view::npos) {
    repaired = ReplaceLoneSurrogateEscapes(text);
    text = repaired;
  }
  *out = Json();
  LimitedSax sax(out, max_depth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
  if (!ok) {
    *error = sax.message().empty() ? "invalid JSON" : sax.message();
    *out = Json();
    return false;
  }
  return true;
}

std::string DumpJson(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string JsonTypeName(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

}  // namespace postcheck
