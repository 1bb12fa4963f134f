#!/usr/bin/env bash
# short_error.sh COMMAND...: the command fails with a usage error whose message is one line of at
# most 1000 bytes (what the user gave is elided, not echoed).
"$@" > /tmp/dorsum-short-error.$$ 2>&1
code=$?
size=$(wc -c < /tmp/dorsum-short-error.$$)
lines=$(wc -l < /tmp/dorsum-short-error.$$)
head -c 300 /tmp/dorsum-short-error.$$; echo
rm -f /tmp/dorsum-short-error.$$
[ $code -eq 2 ] || { echo "FAIL: exit code $code, expected 2"; exit 1; }
[ "$lines" -eq 1 ] && [ "$size" -le 1000 ] || { echo "FAIL: $lines lines, $size bytes"; exit 1; }
echo "ok: one line of $size bytes"
