#!/usr/bin/env bash
# The viewer as a user meets it: a real window (under tests/with_display.sh), a real mouse click
# sent by xdotool on the back, then Ctrl+Q; the viewer's --report must name a selected muscle.
set -u
dorsum=$1
report=$2
rm -f "$report"
"$dorsum" view --report "$report" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
wid=""
for _ in $(seq 1 100); do
  wid=$(xdotool search --onlyvisible --name '^Dorsum' 2>/dev/null | head -n 1)
  [ -n "$wid" ] && break
  sleep 0.1
done
[ -n "$wid" ] || { echo "FAIL: the viewer window did not appear"; exit 1; }
sleep 1.5  # the first frames (llvmpipe)
# Over the left trapezius, between the spine and the left scapula (the window is 1280x800, the
# body centred in the space right of the panels).
xdotool mousemove --window "$wid" 770 280
sleep 0.5
xdotool click 1
sleep 1
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" 2>/dev/null
xdotool key ctrl+q
for _ in $(seq 1 100); do
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if kill -0 $pid 2>/dev/null; then echo "FAIL: Ctrl+Q did not close the viewer"; exit 1; fi
wait $pid
code=$?
[ "$code" -eq 0 ] || { echo "FAIL: the viewer exited with $code"; exit 1; }
[ -f "$report" ] || { echo "FAIL: no report written"; exit 1; }
cat "$report"
grep -Eq '"selected": "trapezius_[a-z]+_l"' "$report" || { echo "FAIL: the click did not select the left trapezius"; exit 1; }
echo "ok: the click selected $(grep -o '"selected": "[a-z_]*"' "$report")"
