# Where RE2 and utf8proc come from. Both are compiled from source as part of
# this build so that the native CLI and the WebAssembly module run the same code.
#
#   POSTCHECK_RE2_SOURCE_DIR       an RE2 source tree you already have
#   POSTCHECK_UTF8PROC_SOURCE_DIR  a utf8proc source tree you already have
#   POSTCHECK_FETCH_UPSTREAM=ON    download both from their upstream releases
#                                  (needs internet; hashes pinned below)
# By default the trees come from scripts/deps.sh (Debian source packages,
# SHA-256 checked, RE2's Unicode tables regenerated) under .deps/.

option(POSTCHECK_FETCH_UPSTREAM "Fetch RE2 and utf8proc from upstream releases" OFF)
set(POSTCHECK_RE2_SOURCE_DIR "${PROJECT_SOURCE_DIR}/.deps/re2-2022-06-01" CACHE PATH "RE2 source tree")
set(POSTCHECK_UTF8PROC_SOURCE_DIR "${PROJECT_SOURCE_DIR}/.deps/utf8proc-2.8.0" CACHE PATH "utf8proc source tree")

if(POSTCHECK_FETCH_UPSTREAM)
  # The upstream tarballs could not be hashed from this project's offline
  # machines, so pin them yourself when you fetch: pass the SHA-256 you trust.
  set(POSTCHECK_RE2_SHA256 "" CACHE STRING "Expected SHA-256 of the upstream RE2 tarball")
  set(POSTCHECK_UTF8PROC_SHA256 "" CACHE STRING "Expected SHA-256 of the upstream utf8proc tarball")
  include(FetchContent)
  set(_re2_hash "")
  set(_u8_hash "")
  if(POSTCHECK_RE2_SHA256)
    set(_re2_hash URL_HASH SHA256=${POSTCHECK_RE2_SHA256})
  endif()
  if(POSTCHECK_UTF8PROC_SHA256)
    set(_u8_hash URL_HASH SHA256=${POSTCHECK_UTF8PROC_SHA256})
  endif()
  FetchContent_Declare(re2_upstream
    URL https://github.com/google/re2/archive/refs/tags/2022-06-01.tar.gz ${_re2_hash})
  FetchContent_Declare(utf8proc_upstream
    URL https://github.com/JuliaStrings/utf8proc/archive/refs/tags/v2.8.0.tar.gz ${_u8_hash})
  FetchContent_Populate(re2_upstream)
  FetchContent_Populate(utf8proc_upstream)
  set(POSTCHECK_RE2_SOURCE_DIR "${re2_upstream_SOURCE_DIR}" CACHE PATH "" FORCE)
  set(POSTCHECK_UTF8PROC_SOURCE_DIR "${utf8proc_upstream_SOURCE_DIR}" CACHE PATH "" FORCE)
endif()

foreach(f re2/re2.cc re2/unicode_groups.cc re2/perl_groups.cc)
  if(NOT EXISTS "${POSTCHECK_RE2_SOURCE_DIR}/${f}")
    message(FATAL_ERROR "RE2 source not found at ${POSTCHECK_RE2_SOURCE_DIR} (missing ${f}). "
      "Run scripts/deps.sh, pass -DPOSTCHECK_RE2_SOURCE_DIR=..., or -DPOSTCHECK_FETCH_UPSTREAM=ON.")
  endif()
endforeach()
if(NOT EXISTS "${POSTCHECK_UTF8PROC_SOURCE_DIR}/utf8proc.c")
  message(FATAL_ERROR "utf8proc source not found at ${POSTCHECK_UTF8PROC_SOURCE_DIR}. "
    "Run scripts/deps.sh, pass -DPOSTCHECK_UTF8PROC_SOURCE_DIR=..., or -DPOSTCHECK_FETCH_UPSTREAM=ON.")
endif()

# RE2: the library sources only (no tests, no benchmarks).
set(_re2 "${POSTCHECK_RE2_SOURCE_DIR}")
add_library(re2 STATIC
  ${_re2}/re2/bitstate.cc ${_re2}/re2/compile.cc ${_re2}/re2/dfa.cc
  ${_re2}/re2/filtered_re2.cc ${_re2}/re2/mimics_pcre.cc ${_re2}/re2/nfa.cc
  ${_re2}/re2/onepass.cc ${_re2}/re2/parse.cc ${_re2}/re2/perl_groups.cc
  ${_re2}/re2/prefilter.cc ${_re2}/re2/prefilter_tree.cc ${_re2}/re2/prog.cc
  ${_re2}/re2/re2.cc ${_re2}/re2/regexp.cc ${_re2}/re2/set.cc
  ${_re2}/re2/simplify.cc ${_re2}/re2/stringpiece.cc ${_re2}/re2/tostring.cc
  ${_re2}/re2/unicode_casefold.cc ${_re2}/re2/unicode_groups.cc
  ${_re2}/util/rune.cc ${_re2}/util/strutil.cc)
target_include_directories(re2 SYSTEM PUBLIC ${_re2})
set_target_properties(re2 PROPERTIES POSITION_INDEPENDENT_CODE ON)
if(NOT EMSCRIPTEN)
  find_package(Threads REQUIRED)
  target_link_libraries(re2 PUBLIC Threads::Threads)
endif()
target_compile_options(re2 PRIVATE -w)

add_library(utf8proc STATIC "${POSTCHECK_UTF8PROC_SOURCE_DIR}/utf8proc.c")
target_include_directories(utf8proc SYSTEM PUBLIC "${POSTCHECK_UTF8PROC_SOURCE_DIR}")
target_compile_definitions(utf8proc PUBLIC UTF8PROC_STATIC)
target_compile_options(utf8proc PRIVATE -w)

# Header-only libraries from Debian: toml++ (rule packs) and nlohmann/json
# (context, batch lines, findings). Emscripten builds see the same headers.
find_path(TOMLPP_INCLUDE_DIR toml++/toml.h PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
find_path(NLOHMANN_INCLUDE_DIR nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
add_library(header_deps INTERFACE)
# Copy just these two trees into the build so an Emscripten build never sees
# the host's other /usr/include headers.
foreach(_d toml++ nlohmann)
  if(_d STREQUAL "toml++")
    set(_src "${TOMLPP_INCLUDE_DIR}/toml++")
  else()
    set(_src "${NLOHMANN_INCLUDE_DIR}/nlohmann")
  endif()
  file(COPY "${_src}" DESTINATION "${CMAKE_BINARY_DIR}/third_party/include")
endforeach()
# toml++ 3.3.0 bug, found by tests/fuzz/fuzz_pack: in its generated Unicode
# tables, is_non_ascii_horizontal_whitespace() reaches TOML_UNREACHABLE
# (__builtin_unreachable, i.e. undefined behaviour) for characters its bitmask
# sends to a switch with no matching case, e.g. U+0488, U+3001, U+FB00. None of
# those is whitespace, so the right answer there is `false`.
set(_toml_unicode "${CMAKE_BINARY_DIR}/third_party/include/toml++/impl/unicode_autogenerated.h")
file(READ "${_toml_unicode}" _toml_src)
string(REPLACE "default: TOML_UNREACHABLE;" "default: return false; /* patched by PostCheck: see cmake/Dependencies.cmake */" _toml_src "${_toml_src}")
file(WRITE "${_toml_unicode}" "${_toml_src}")
# Two more toml++ 3.3.0 parser assumptions that malformed packs reach (found
# by tests/fuzz and tests/loader_test.cc): a table header that cannot start a
# key ("[,") and a value position holding a terminator ("a = [}"). In
# release builds TOML_ASSERT_ASSUME is __builtin_assume (undefined behaviour
# when false); in debug builds it aborts. Both become ordinary parse errors.
set(_toml_parser "${CMAKE_BINARY_DIR}/third_party/include/toml++/impl/parser.inl")
file(READ "${_toml_parser}" _toml_src)
string(REPLACE "TOML_ASSERT_ASSUME(is_bare_key_character(*cp) || is_string_delimiter(*cp));"
  "if (!(is_bare_key_character(*cp) || is_string_delimiter(*cp))) set_error_and_return_default(\"expected a key\"sv); /* patched by PostCheck */"
  _toml_src "${_toml_src}")
string(REPLACE "TOML_ASSERT_ASSUME(is_string_delimiter(*cp) || is_bare_key_character(*cp));"
  "if (!(is_string_delimiter(*cp) || is_bare_key_character(*cp))) set_error_and_return_default(\"expected a key\"sv); /* patched by PostCheck */"
  _toml_src "${_toml_src}")
string(REPLACE "TOML_ASSERT_ASSUME(!is_value_terminator(*cp));\n\t\t\tpush_parse_scope(\"value\"sv);"
  "if (is_value_terminator(*cp)) set_error_and_return_default(\"expected a value\"sv); /* patched by PostCheck */\n\t\t\tpush_parse_scope(\"value\"sv);"
  _toml_src "${_toml_src}")
file(WRITE "${_toml_parser}" "${_toml_src}")
target_include_directories(header_deps SYSTEM INTERFACE "${CMAKE_BINARY_DIR}/third_party/include")
target_compile_definitions(header_deps INTERFACE TOML_EXCEPTIONS=0 TOML_ENABLE_FORMATTERS=1 JSON_NOEXCEPTION=1)
