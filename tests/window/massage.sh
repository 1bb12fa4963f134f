#!/usr/bin/env bash
# The massage player through a real window (xdotool), run under tests/with_display.sh: a routine
# started from the command line plays (its time moves on the player's clock); Space pauses it;
# Right jumps to the next stroke; Escape leaves the routine. Each check reads --report.
set -u
dorsum=$1
out=$2
mkdir -p "$out"
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null' EXIT

. "$(dirname "$0")/viewer_lib.sh"

routine_time() {  # the routine's time in a report, or "none"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['state']['routine']; print('none' if r is None else '%s %.3f' % (r['id'], r['time']))" "$1"
}

# 1. It plays: after a few seconds the time has moved on.
report=$out/plays.json
rm -f "$report"
start --routine upper_back --report "$report" --size 1280x720
sleep 3
finish "$report"
read -r id t <<< "$(routine_time "$report")"
[ "$id" = upper_back ] || { echo "FAIL: the routine is not in the view state ($id)"; exit 1; }
python3 -c "import sys; sys.exit(0 if float('$t') > 1.0 else 1)" || { echo "FAIL: the routine did not play (time $t)"; exit 1; }
echo "ok: a routine started from the command line plays (time $t s)"

# 2. Space pauses; Right goes to the next stroke's start (20 s: the second stroke), and stays there.
report=$out/steps.json
rm -f "$report"
start --routine upper_back --report "$report" --size 1280x720
xdotool mousemove --window "$wid" 640 400
xdotool key --window "$wid" space
sleep 0.5
xdotool key --window "$wid" Right
sleep 1.5
finish "$report"
read -r id t <<< "$(routine_time "$report")"
[ "$id" = upper_back ] && [ "$t" = "20.000" ] || { cat "$report"; echo "FAIL: Space then Right should stand at the second stroke (20 s), got $id $t"; exit 1; }
echo "ok: Space pauses and Right jumps to the next stroke"

# 3. Escape leaves the routine.
report=$out/stop.json
rm -f "$report"
start --routine home_back_massage --report "$report" --size 1280x720
xdotool mousemove --window "$wid" 640 400
xdotool key --window "$wid" Escape
sleep 1
finish "$report"
[ "$(routine_time "$report")" = none ] || { cat "$report"; echo "FAIL: Escape should leave the routine"; exit 1; }
echo "ok: Escape leaves the routine"
