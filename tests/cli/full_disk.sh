#!/usr/bin/env bash
# full_disk.sh DORSUM OUTDIR: every save (render PNG and JPG, bake, export MP4 and PNG frames) onto
# a full filesystem and onto a read-only one: exit 1 with a clear line, the old file intact, no
# temporary or partial file left. Needs to mount small tmpfs filesystems (root); skipped (77) where
# it cannot.
set -u
dorsum=$1
out=$2
mkdir -p "$out"
full=$out/full
ro=$out/ro
mkdir -p "$full" "$ro"
cleanup() { umount "$full" 2>/dev/null; umount "$ro" 2>/dev/null; }
trap cleanup EXIT
cleanup
if ! mount -t tmpfs -o size=160k tmpfs "$full" 2>/dev/null || ! mount -t tmpfs -o size=160k tmpfs "$ro" 2>/dev/null; then
  echo "skipped: cannot mount a small filesystem here (needs root with mount rights)"
  exit 77
fi
for f in old.png old.jpg old.glb old.mp4; do echo old > "$full/$f"; echo old > "$ro/$f"; done
head -c 140000 /dev/zero > "$full/filler"  # what is left holds no picture, body or video
mount -o remount,ro "$ro"
fail=0
try() {  # try PLACE FILE REGEX COMMAND...: fails with REGEX as its last line, FILE still "old", nothing new
  local place=$1 file=$2 regex=$3
  shift 3
  local before
  before=$(ls -A "$place" | tr '\n' ' ')
  "$@" > "$out/stdout" 2> "$out/msg"
  local code=$?
  if [ $code -ne 1 ] || ! tail -n 1 "$out/msg" | grep -Eq "$regex"; then
    echo "FAIL: $* -> exit $code:"; cat "$out/msg"; fail=1; return
  fi
  if [ "$(cat "$place/$file")" != old ]; then echo "FAIL: $* replaced $file"; fail=1; return; fi
  local after
  after=$(ls -A "$place" | tr '\n' ' ')
  if [ "$before" != "$after" ]; then echo "FAIL: $* left files behind: $after (before: $before)"; fail=1; return; fi
  echo "ok: $(tail -n 1 "$out/msg")"
}
for place in "$full" "$ro"; do
  why="No space left on device|Read-only file system|could not be written whole"
  try "$place" old.png "$why" "$dorsum" render --out "$place/old.png" --size 320x240
  try "$place" old.jpg "$why" "$dorsum" render --out "$place/old.jpg" --size 320x240
  try "$place" old.glb "$why" "$dorsum" bake --out "$place/old.glb"
  try "$place" old.mp4 "$why|ffmpeg" "$dorsum" export --routine upper_back --out "$place/old.mp4" --size 320x240 --to 2
  try "$place" old.mp4 "$why|Cannot make the folder" env DORSUM_FFMPEG=none "$dorsum" export --routine upper_back --out "$place/old.mp4" --size 320x240 --to 0.5
done
exit $fail
