#!/usr/bin/env bash
# An installed dorsum whose assets/atlas.glb is truncated, or is some other GLB, still shows the
# back: it says so in one line and builds the body in memory.
set -u
dorsum=$1
glb=$2
out=$3
rm -rf "$out"
mkdir -p "$out/bin" "$out/assets"
cp "$dorsum" "$out/bin/dorsum"
for case in truncated foreign; do
  if [ $case = truncated ]; then head -c 100000 "$glb" > "$out/assets/atlas.glb"; else cp "$(dirname "$0")/../data/garbage.glb" "$out/assets/atlas.glb"; fi
  "$out/bin/dorsum" routine upper_back --samples 2 --json > "$out/$case.json" 2> "$out/$case.err" ||
    { cat "$out/$case.err"; echo "FAIL: a $case baked body stopped the command"; exit 1; }
  grep -q "is incomplete or was not baked from this atlas; building the body in memory" "$out/$case.err" ||
    { cat "$out/$case.err"; echo "FAIL: no word of the $case baked body"; exit 1; }
  grep -q '"layer_reached"' "$out/$case.json" || { echo "FAIL: no samples with a $case baked body"; exit 1; }
  echo "ok: a $case baked body is replaced by one built in memory"
done
