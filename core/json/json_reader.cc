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

}  // namespace

bool ParseJson(std::string_view text, Json* out, std::string* error, int max_depth) {
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
