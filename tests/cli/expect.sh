#!/usr/bin/env bash
# expect.sh CODE REGEX COMMAND...: runs COMMAND (with a 60 s limit, so a hang fails), checks its exit
# code, that its output matches REGEX (extended grep), and that an error is one line on stderr,
# not a crash dump. The checks themselves live in expect_lines.sh.
code=$1; regex=$2; shift 2
if [ "$code" -eq 0 ]; then lines=any; else lines=1; fi
exec "$(dirname "$0")/expect_lines.sh" "$code" "$lines" "$regex" "$@"
