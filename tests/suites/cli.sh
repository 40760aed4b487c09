#!/usr/bin/env bash
# The native CLI end to end (ARCHITECTURE.md, Contract 4): exit codes, one
# error line per broken pack naming file, line and rule, exact offsets in
# batch output, a bad batch line that does not stop the batch, and hostile
# input that does not crash it.
#
#   POSTCHECK_BIN=build/native/bin/postcheck bash tests/suites/cli.sh
#
# Prints "ok - ..." or "not ok - ..." per assertion and ends with the line
# "N passed, M failed" (scripts/test reads it). Needs node to read JSON.
set -uo pipefail
cd "$(dirname "$0")/../.."

BIN="${POSTCHECK_BIN:-build/native/bin/postcheck}"
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
FIX=tests/fixtures/packs
GOOD="$FIX/good.toml"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() {
  echo "not ok - $1"
  [ -n "${2:-}" ] && printf '#   %s\n' "$2"
  failed=$((failed + 1))
}
# expect DESCRIPTION DETAIL-ON-FAILURE COMMAND...: the command must succeed.
expect() {
  local what="$1" detail="$2"
  shift 2
  if "$@"; then ok "$what"; else not_ok "$what" "$detail"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

if [ ! -x "$BIN" ]; then
  not_ok "the CLI is built at $BIN" "build it first (scripts/build) or set POSTCHECK_BIN"
  finish
fi
if ! command -v node >/dev/null; then
  not_ok "node is installed (used to read JSON)"
  finish
fi

# run NAME [ARGS...] < stdin: stdout, stderr and exit code into $TMP/NAME.*
run() {
  local name="$1"
  shift
  "$BIN" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
  echo $? >"$TMP/$name.rc"
}
rc() { cat "$TMP/$1.rc"; }

# js FILE EXPRESSION: evaluates EXPRESSION with `lines` (the file's lines,
# each parsed as JSON) and `doc` (the whole file parsed as JSON, if it is);
# prints the result; exits non-zero if the expression is false or throws.
js() {
  node -e '
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8");
    const lines = text.split("\n").filter(l => l.length > 0).map(l => JSON.parse(l));
    let doc = null;
    try { doc = JSON.parse(text); } catch (e) {}
    const v = eval(process.argv[2]);
    if (v === false || v === undefined || v === null) { console.log(JSON.stringify(lines).slice(0, 600)); process.exit(1); }
  ' "$@"
}

# ------------------------------------------------------------ broken packs
# Each must exit 2 with exactly one stderr line FILE:LINE: rule ID: message,
# where LINE is the line of the key that is wrong (or of [[rules]] when
# something is missing).

# broken FIXTURE LINE-MARKER OCCURRENCE RULE-ID MESSAGE-PART
broken() {
  local file="$FIX/$1" marker="$2" nth="$3" id="$4" part="$5" name
  name=$(basename "$1" .toml)
  local line
  line=$(grep -n -F -- "$marker" "$file" | sed -n "${nth}p" | cut -d: -f1)
  run "$name" rules validate --pack "$file"
  expect "$1: rules validate exits 2" "exit $(rc "$name")" test "$(rc "$name")" = 2
  local count
  count=$(wc -l <"$TMP/$name.err")
  expect "$1: exactly one line on stderr" "$(cat "$TMP/$name.err")" test "$count" = 1
  local want="$file:$line: rule $id: "
  local got
  got=$(head -1 "$TMP/$name.err")
  expect "$1: the error names the file, line $line and rule $id" "got: $got" \
    test "${got#"$want"}" != "$got"
  expect "$1: the message says '$part'" "got: $got" grep -q -F -- "$part" "$TMP/$name.err"
}

broken broken-bad-regex.toml "patterns = " 1 personal-data.nhs-number "bad pattern"
broken broken-unknown-field.toml "not_near = " 1 defamation.crook "unknown field 'not_near'"
broken broken-wrong-type.toml "terms = " 1 credentials.password-shared "'terms' must be an array of strings, not a string"
broken broken-missing-examples.toml "[[rules]]" 2 threat.visit-home "missing 'examples'"
broken broken-unknown-category.toml "category = " 1 privacy.home-address "unknown category 'privacy'"

run validate-good rules validate --pack "$GOOD"
expect "good.toml validates (exit 0)" "exit $(rc validate-good): $(cat "$TMP/validate-good.err")" test "$(rc validate-good)" = 0
expect "good.toml: '3 rules OK'" "$(cat "$TMP/validate-good.out")" grep -q -x "3 rules OK" "$TMP/validate-good.out"

run test-good rules test --pack "$GOOD"
expect "good.toml: its examples pass (rules test exits 0)" "$(cat "$TMP/test-good.err")" test "$(rc test-good)" = 0

# ------------------------------------------------------------ check
echo "Ring me on 07700 900461 tonight" | run check-flag check --pack "$GOOD"
expect "check: a draft with a number exits 1" "exit $(rc check-flag)" test "$(rc check-flag)" = 1
expect "check: the text report shows the number" "$(cat "$TMP/check-flag.out")" grep -q "07700 900461" "$TMP/check-flag.out"

echo "Ring me on 07700 900461 tonight" | run check-json check --pack "$GOOD" --format json
expect "check --format json: one finding over the number" "$(cat "$TMP/check-json.out")" \
  js "$TMP/check-json.out" 'doc.findings.length === 1 && doc.findings[0].rule === "personal-data.uk-mobile" &&
     doc.findings[0].start === 11 && doc.findings[0].end === 23 && doc.findings[0].text === "07700 900461"'

echo "See you all at the Town Hall on Thursday" | run check-clean check --pack "$GOOD"
expect "check: a clean draft exits 0" "exit $(rc check-clean): $(cat "$TMP/check-clean.out")" test "$(rc check-clean)" = 0

echo "STOP THIS NONSENSE NOW" | run check-info check --pack "$GOOD" --format json
expect "check: an info-level finding alone is no alarm (exit 0)" "exit $(rc check-info)" test "$(rc check-info)" = 0
expect "check: ... but it is reported" "$(cat "$TMP/check-info.out")" \
  js "$TMP/check-info.out" 'doc.findings.length === 1 && doc.findings[0].severity === "info" && doc.findings[0].text === "STOP THIS NONSENSE"'

echo "hello" | run check-badctx check --pack "$GOOD" --context '{bad'
expect "check --context '{bad' exits 2" "exit $(rc check-badctx)" test "$(rc check-badctx)" = 2
expect "check --context '{bad' explains on stderr" "$(cat "$TMP/check-badctx.err")" \
  grep -q "context" "$TMP/check-badctx.err"

echo "hello" | run check-unknownctx check --pack "$GOOD" --context '{"mood": "cross"}'
expect "check --context with an unknown field exits 2" "exit $(rc check-unknownctx)" test "$(rc check-unknownctx)" = 2

run check-nofile check --pack "$GOOD" "$TMP/no-such-draft.txt"
expect "check: a draft file that does not exist exits 2" "exit $(rc check-nofile)" test "$(rc check-nofile)" = 2
echo "hello" | run check-badopt check --pack "$GOOD" --colour
expect "check: an unknown option exits 2" "exit $(rc check-badopt)" test "$(rc check-badopt)" = 2

# ------------------------------------------------------------ batch
echo '{"id":"1","text":"😀 Ring me on 07700 900461 tonight"}' | run batch-emoji batch --pack "$GOOD"
expect "batch: one output line for one input line" "$(cat "$TMP/batch-emoji.out")" \
  test "$(wc -l <"$TMP/batch-emoji.out")" = 1
expect "batch: after an emoji the number is at UTF-16 14..26 and bytes 16..28" "$(cat "$TMP/batch-emoji.out")" \
  js "$TMP/batch-emoji.out" 'const f = lines[0].findings; lines[0].id === "1" && f.length === 1 &&
     f[0].rule === "personal-data.uk-mobile" && f[0].start === 14 && f[0].end === 26 &&
     f[0].byteStart === 16 && f[0].byteEnd === 28 && f[0].text === "07700 900461"'
expect "batch: exit 1 when a line has findings" "exit $(rc batch-emoji)" test "$(rc batch-emoji)" = 1

cat >"$TMP/mixed.jsonl" <<'EOF'
{"id":"1","text":"You pillock"}
this is not JSON
{"id":"3"}
{"id":"4","text":"Ring 07700 900461","context":{"mood":"cross"}}
{"id":"5","text":"Ring 07700 900461","context":{"account":"personal","platform":"x"}}
{"id":"6","text":"All fine here"}
EOF
run batch-mixed batch --pack "$GOOD" <"$TMP/mixed.jsonl"
expect "batch with bad lines: every line answered, in order" "$(cat "$TMP/batch-mixed.out")" \
  js "$TMP/batch-mixed.out" 'JSON.stringify(lines.map(l => l.id)) === JSON.stringify(["1", null, "3", "4", "5", "6"])'
expect "batch: the line that is not JSON gets an error" "$(sed -n 2p "$TMP/batch-mixed.out")" \
  js "$TMP/batch-mixed.out" 'typeof lines[1].error === "string" && lines[1].error.startsWith("line 2: ") && !("findings" in lines[1])'
expect "batch: the line without text gets an error" "$(sed -n 3p "$TMP/batch-mixed.out")" \
  js "$TMP/batch-mixed.out" 'typeof lines[2].error === "string" && lines[2].error.includes("text") && !("findings" in lines[2])'
expect "batch: the line with a bad context gets an error" "$(sed -n 4p "$TMP/batch-mixed.out")" \
  js "$TMP/batch-mixed.out" 'typeof lines[3].error === "string" && lines[3].error.includes("mood") && !("findings" in lines[3])'
expect "batch: the good lines around them still get their findings" "$(cat "$TMP/batch-mixed.out")" \
  js "$TMP/batch-mixed.out" '!("error" in lines[0]) && lines[0].findings.length === 1 && lines[0].findings[0].rule === "abuse.insult" &&
     lines[4].findings.length === 1 && lines[4].findings[0].text === "07700 900461" &&
     !("error" in lines[5]) && lines[5].findings.length === 0'
expect "batch: exit 2 when any line had an error" "exit $(rc batch-mixed)" test "$(rc batch-mixed)" = 2

# ------------------------------------------------------------ hostile input
# 10 MB of posts (a number in every 500th), then 10 MB of random bytes.
node -e '
  const parts = ["You pillock! ", "😀 ", "Plain words about the budget. ", "e\u0301 ", "Ring the council. "];
  let s = "", numbers = 0;
  for (let i = 0; s.length < 10 * 1024 * 1024; ++i) {
    if (i % 500 === 0) { s += "Ring me on 07700 900461 tonight. "; ++numbers; }
    else s += parts[i % parts.length];
  }
  process.stdout.write(s);
  require("fs").writeFileSync(process.argv[1], String(numbers));
' "$TMP/big.count" >"$TMP/big.txt"
run check-big check --pack "$GOOD" --format json "$TMP/big.txt"
expect "check: 10 MB of posts does not crash (exit 1)" "exit $(rc check-big)" test "$(rc check-big)" = 1
expect "check: 10 MB of posts: every number found, every finding in bounds" "$(head -c 300 "$TMP/check-big.out")" \
  js "$TMP/check-big.out" 'const n = doc.findings.filter(f => f.rule === "personal-data.uk-mobile").length;
     n === '"$(cat "$TMP/big.count")"' && doc.findings.every(f => f.byteStart < f.byteEnd && f.byteEnd <= '"$(stat -c %s "$TMP/big.txt")"')'

head -c 10485760 /dev/urandom >"$TMP/random.bin"
run check-random check --pack "$GOOD" --format json "$TMP/random.bin"
expect "check: 10 MB of random bytes does not crash" "exit $(rc check-random)" \
  test "$(rc check-random)" -le 1
expect "check: 10 MB of random bytes gives valid JSON" "$(head -c 300 "$TMP/check-random.out")" \
  js "$TMP/check-random.out" 'Array.isArray(doc.findings)'

# Invalid UTF-8 and NUL bytes before a number: offsets still exact. FF, FE
# and NUL are one UTF-16 unit each; E2 82 (a cut-short €) is one U+FFFD.
printf '\xff\xfe\x00Ring 07700 900461\x00' | run check-bytes check --pack "$GOOD" --format json
expect "check: invalid UTF-8 and NUL bytes do not crash (exit 1)" "exit $(rc check-bytes)" test "$(rc check-bytes)" = 1
expect "check: after FF FE NUL the number is at 8..20 in both units" "$(cat "$TMP/check-bytes.out")" \
  js "$TMP/check-bytes.out" 'const f = doc.findings[0]; doc.findings.length === 1 && f.start === 8 && f.end === 20 &&
     f.byteStart === 8 && f.byteEnd === 20 && f.text === "07700 900461"'
printf '\xe2\x82 Ring 07700 900461' | run check-cut check --pack "$GOOD" --format json
expect "check: after a cut-short sequence the number is at UTF-16 7, byte 8" "$(cat "$TMP/check-cut.out")" \
  js "$TMP/check-cut.out" 'const f = doc.findings[0]; f.start === 7 && f.byteStart === 8 && f.end === 19 && f.byteEnd === 20'
printf '\x00\x00\x00' | run check-nul check --pack "$GOOD"
expect "check: only NUL bytes exits 0" "exit $(rc check-nul)" test "$(rc check-nul)" = 0
printf '{"id":"n","text":"a\\u0000b \\ud800 07700 900461"}\n' | run batch-nul batch --pack "$GOOD"
expect "batch: NUL and a lone surrogate escape in JSON text are checked" "$(cat "$TMP/batch-nul.out")" \
  js "$TMP/batch-nul.out" 'lines.length === 1 && lines[0].id === "n" && (lines[0].error !== undefined || lines[0].findings.length === 1)'

finish
