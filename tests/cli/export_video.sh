#!/usr/bin/env bash
# `dorsum export`: a short span encodes to a playable video of the right size and frame count
# (ffprobe reads it back); interrupted (SIGINT, as Ctrl+C sends), it leaves no file under the name
# asked for and no temporary file beside it.
set -u
dorsum=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
"$dorsum" export --routine home_back_massage --out "$out/clip.mp4" --from 45 --to 46 --fps 6 --size 160x120 > "$out/log.txt" 2>&1 ||
  { cat "$out/log.txt"; echo "FAIL: export failed"; exit 1; }
[ -s "$out/clip.mp4" ] || { echo "FAIL: no video written"; exit 1; }
info=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=width,height,nb_read_frames -of csv=p=0 "$out/clip.mp4")
[ "$info" = "160,120,6" ] || { echo "FAIL: the video is '$info', expected 160x120 with 6 frames"; exit 1; }
echo "ok: a 1 s span at 6 fps encodes to 6 frames of 160x120 ($info)"

# Interrupted partway: nothing under the final name, no temporary left.
"$dorsum" export --routine home_back_massage --out "$out/stopped.mp4" --fps 10 --size 160x120 > "$out/stop.txt" 2>&1 &
pid=$!
sleep 5
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 130 ] || { cat "$out/stop.txt"; echo "FAIL: an interrupted export should exit 130, got $rc"; exit 1; }
[ ! -e "$out/stopped.mp4" ] || { echo "FAIL: an interrupted export left a video under the final name"; exit 1; }
left=$(ls -A "$out" | grep -c 'dorsum-' || true)
[ "$left" -eq 0 ] || { ls -la "$out"; echo "FAIL: an interrupted export left a temporary file"; exit 1; }
grep -q "Stopped: no video written" "$out/stop.txt" || { cat "$out/stop.txt"; echo "FAIL: no message on interruption"; exit 1; }
echo "ok: Ctrl+C leaves no video and no temporary file"
