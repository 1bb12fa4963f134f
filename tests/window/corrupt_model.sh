#!/usr/bin/env bash
# A colleague's damaged model opened mid-lecture (Ctrl+O), run under tests/with_display.sh: a glTF
# nested 100000 nodes deep crashes Assimp's reader; the viewer reads models in a child process, so
# it says so in one sentence and keeps showing the body; the next model opens as usual.
set -u
dorsum=$1
out=$2
data=$3
mkdir -p "$out"
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null' EXIT

. "$(dirname "$0")/viewer_lib.sh"

model=$out/deep.gltf
"$data"/make_deep_gltf.sh "$model"

open_model() {  # open_model PATH: Ctrl+O (the path field has the keys, the last path selected), type, Enter
  xdotool windowfocus --sync "$wid" 2>/dev/null
  xdotool mousemove --window "$wid" 640 100
  xdotool key --window "$wid" ctrl+o
  sleep 2
  xdotool type --delay 40 "$1"
  sleep 1
  xdotool key Return  # a quick tap, as scripts and fast typists give
  sleep 5
}

# 1. The crashing model: one sentence, the body stays.
report=$out/crash.json
rm -f "$report"
start --report "$report" --size 1280x720
open_model "$model"
finish "$report"
expect "$report" '"message":"[^"]*deep\.gltf.crashedthemodelreader' "the crash is one message naming the file"
expect "$report" '"title":"theback"' "the body is still shown"

# 2. After it, a good model opens.
report=$out/after.json
rm -f "$report"
start --report "$report" --size 1280x720
open_model "$model"
open_model "$data/cube.obj"
for _ in $(seq 1 100); do  # the window's title names the model once it is open
  xdotool search --name '^Dorsum - cube\.obj' >/dev/null 2>&1 && break
  sleep 0.1
done
finish "$report"
expect "$report" '"title":"cube\.obj"' "the next model opens after a crash"
expect "$report" '"message":""' "and the message is gone"
echo "ok: the viewer stays up through a corrupt model"
