# Shared by the window test scripts (sourced): start the viewer and find its window, close it
# with Ctrl+Q and check its report, match a report. Needs $dorsum set, and `pid` for the trap.

start() {  # start ARGS...: the viewer, and the id of its window in $wid
  "$dorsum" "$@" &
  pid=$!
  wid=""
  for _ in $(seq 1 150); do
    wid=$(xdotool search --onlyvisible --name '^Dorsum' 2>/dev/null | head -n 1)
    [ -n "$wid" ] && break
    sleep 0.1
  done
  [ -n "$wid" ] || { echo "FAIL: the viewer window did not appear ($*)"; exit 1; }
  sleep 2  # the first frames (llvmpipe)
}

finish() {  # finish REPORT: Ctrl+Q, wait, and print the report
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" 2>/dev/null
  xdotool key ctrl+q
  for _ in $(seq 1 150); do
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 $pid 2>/dev/null; then echo "FAIL: Ctrl+Q did not close the viewer"; exit 1; fi
  wait $pid || { echo "FAIL: the viewer exited with an error"; exit 1; }
  pid=""
  [ -f "$1" ] || { echo "FAIL: no report written"; exit 1; }
}

expect() {  # expect REPORT PATTERN WHAT (the report read as one line without spaces)
  tr -d ' \n' < "$1" | grep -Eq "$2" || { cat "$1"; echo "FAIL: $3"; exit 1; }
  echo "ok: $3"
}

