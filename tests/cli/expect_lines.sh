#!/usr/bin/env bash
# expect_lines.sh CODE LINES REGEX COMMAND...: like expect.sh, for commands that report several
# problems (dorsum validate prints one line per problem and a count line). Runs COMMAND with a
# 60 s limit (times DORSUM_TEST_TIME_SCALE: 3 in the sanitizer build), checks its exit code, that stdout and stderr joined into one line match REGEX
# (extended grep), and that stderr has exactly LINES non-empty lines ("any" to skip that check).
set -u
want_code=$1; want_lines=$2; regex=$3; shift 3
err=$(mktemp); out=$(mktemp)
trap 'rm -f "$err" "$out"' EXIT
timeout $((60 * ${DORSUM_TEST_TIME_SCALE:-1})) "$@" >"$out" 2>"$err"
code=$?
cmd="$*"
fail() { echo "FAIL: $1"; echo "--- command: $cmd"; echo "--- stdout:"; cat "$out"; echo "--- stderr:"; cat "$err"; exit 1; }
[ "$code" -eq 124 ] && fail "timed out (hang)"
[ "$code" -eq "$want_code" ] || fail "exit code $code, expected $want_code"
if [ -n "$regex" ]; then
  cat "$out" "$err" | tr '\n' ' ' | grep -Eq -- "$regex" || fail "output does not match /$regex/"
fi
if [ "$want_lines" != "any" ]; then
  lines=$(grep -c . "$err")
  [ "$lines" -eq "$want_lines" ] || fail "expected $want_lines lines on stderr, got $lines"
fi
echo "ok: exit $code"
