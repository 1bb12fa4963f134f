#!/usr/bin/env bash
# Runs a command with an X display: the current one if there is one, else a private Xvfb.
if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "with_display.sh: no DISPLAY and xvfb-run is missing (tools/setup-deps installs xvfb)" >&2
  exit 1
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" "$@"
