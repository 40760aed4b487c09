// Parsing JSON without exceptions, with a message that says what is wrong and
// a nesting limit, so hostile input (a context nested 100,000 deep) is an
// error, not a stack overflow.
#ifndef POSTCHECK_JSON_JSON_READER_H_
#define POSTCHECK_JSON_JSON_READER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace postcheck {

// Objects keep their keys in the order written, so output reads like Contract 1.
using Json = nlohmann::ordered_json;

constexpr int kMaxJsonDepth = 64;

// Parses `text` into *out. On failure returns false and sets *error, e.g.
// "invalid JSON at byte 17: unexpected '}'".
bool ParseJson(std::string_view text, Json* out, std::string* error, int max_depth = kMaxJsonDepth);

// Serialises with invalid UTF-8 replaced, never aborting.
std::string DumpJson(const Json& j);

// The JSON type name of a value, for messages ("a string", "an array").
std::string JsonTypeName(const Json& j);

}  // namespace postcheck

#endif  // POSTCHECK_JSON_JSON_READER_H_
