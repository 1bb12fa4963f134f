#!/usr/bin/env bash
# expect.sh CODE REGEX COMMAND...: runs COMMAND (with a 60 s limit, so a hang fails), checks its exit
# code, that stderr matches REGEX (extended grep), and that an error is one line, not a crash dump.
set -u
want_code=$1; regex=$2; shift 2
err=$(mktemp); out=$(mktemp)
trap 'rm -f "$err" "$out"' EXIT
timeout 60 "$@" >"$out" 2>"$err"
code=$?
cmd="$*"
fail() { echo "FAIL: $1"; echo "--- command: $cmd"; echo "--- stdout:"; cat "$out"; echo "--- stderr:"; cat "$err"; exit 1; }
[ "$code" -eq 124 ] && fail "timed out (hang)"
[ "$code" -eq "$want_code" ] || fail "exit code $code, expected $want_code"
if [ -n "$regex" ]; then
  # Matched against all output joined into one line, so a pattern may span lines of --help.
  cat "$out" "$err" | tr '\n' ' ' | grep -Eq -- "$regex" || fail "output does not match /$regex/"
fi
if [ "$want_code" -ne 0 ]; then
  lines=$(grep -c . "$err")
  [ "$lines" -eq 1 ] || fail "expected a one-line error on stderr, got $lines lines"
fi
echo "ok: exit $code"
