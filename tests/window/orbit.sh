#!/usr/bin/env bash
# Orbiting the body with the mouse (a real drag sent by xdotool): the viewer's --report counts the
# frames drawn while the camera moved and the still ones after, and says how long they took. On
# software GL the moving frames go without multisampling and a still (multisampled) frame follows
# the drag. The times are printed (the orbit frame rate), never asserted.
# Usage: orbit.sh DORSUM OUTPUT_DIR [SECONDS]
set -u
dorsum=$1
out=$2
seconds=${3:-4}
mkdir -p "$out"
report="$out/orbit_report.json"
rm -f "$report"
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null' EXIT
. "$(dirname "$0")/viewer_lib.sh"
start view --size 1280x800 --report "$report"
xdotool mousemove --window "$wid" 700 420
xdotool mousedown 1
steps=$((seconds * 25))
for i in $(seq 1 $steps); do
  xdotool mousemove_relative -- 6 0
  sleep 0.04
done
xdotool mouseup 1
sleep 2  # the still frame after the drag
finish "$report"
python3 - "$report" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["frames"]
m, s = f["moving"], f["still"]
fps = 1000.0 / m["ms_median"] if m["ms_median"] else 0.0
print("orbit at 1280x800: %d moving frames, median %.1f ms (%.1f frames a second), p95 %.1f ms; %d still frames, median %.1f ms; software GL: %s"
      % (m["count"], m["ms_median"], fps, m["ms_p95"], s["count"], s["ms_median"], f["software_gl"]))
PY
expect "$report" '"moving":\{"count":[1-9]' "frames were drawn while the camera orbited"
expect "$report" '"still":\{"count":[1-9]' "still frames were drawn (after the drag)"
