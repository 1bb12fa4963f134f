#!/usr/bin/env bash
# The viewer as a class meets it, through a real window and real input (xdotool), run under
# tests/with_display.sh: Tab hides the panels; on slow frames (--frame-delay) a click still selects
# and no backspace typed into the search box is lost; `dorsum --ui-scale 2` starts without the word
# 'view'. Each check reads the viewer's --report (its view state) after Ctrl+Q.
set -u
dorsum=$1
out=$2
mkdir -p "$out"
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null' EXIT

. "$(dirname "$0")/viewer_lib.sh"

# 1. Tab hides the panels: the view state says so, and the whole width is free for the body.
report=$out/tab.json
rm -f "$report"
start view --report "$report" --size 1280x800
xdotool mousemove --window "$wid" 800 400
xdotool key --window "$wid" Tab
sleep 1
finish "$report"
expect "$report" '"presenting":true' "Tab hides the panels (presenting)"
expect "$report" '"free":\[0\.0,1280\.0\]' "with the panels hidden the body has the whole width"

# 2. Slow frames (half a second each): a click still selects, and backspaces are not lost.
report=$out/slow.json
rm -f "$report"
start --report "$report" --size 1280x800 --frame-delay 500
xdotool mousemove --window "$wid" 770 280
sleep 1
xdotool click 1  # press and release within one frame
sleep 2
# Into the search box (top of the Structures panel), type, then take four letters back quickly.
xdotool mousemove --window "$wid" 150 297
sleep 1
xdotool click 1
sleep 1.5
xdotool type --delay 30 "trapezius"
sleep 1.5
xdotool key --delay 40 BackSpace BackSpace BackSpace BackSpace
sleep 2
xdotool key --window "$wid" Tab  # leaves the search box (Escape would cancel its edit, as ImGui does)
finish "$report"
expect "$report" '"selected":"trapezius_[a-z]+_l"' "a click on a slow frame selects the left trapezius"
expect "$report" '"search":"trape"' "no backspace is lost on slow frames (search reads 'trape')"

# 3. `dorsum --ui-scale 2` (no 'view') starts at that scale.
report=$out/scale.json
rm -f "$report"
"$dorsum" --ui-scale 2 --exit-after-frames 5 --report "$report" || { echo "FAIL: dorsum --ui-scale 2 failed"; exit 1; }
expect "$report" '"ui_scale":2\.0' "dorsum --ui-scale 2 starts at UI scale 2"
echo "ok: all classroom checks"
