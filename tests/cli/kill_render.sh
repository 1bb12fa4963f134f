#!/usr/bin/env bash
# Kill -9 at random moments of `dorsum render` over an existing picture: afterwards the picture is
# the complete old one or the complete new one (a PNG that decodes to its full size), and no
# temporary file is left beside it.
set -u
dorsum=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
target=$out/picture.png
"$dorsum" render --out "$target" --size 320x240 > /dev/null || { echo "FAIL: the first render failed"; exit 1; }
for i in $(seq 1 10); do
  "$dorsum" render --out "$target" --size 1400x1000 --view three-quarter > /dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v s=$RANDOM 'BEGIN { printf "%.2f", 0.2 + (s % 160) / 100.0 }')"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  size=$(python3 - "$target" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
w, h = struct.unpack('>II', data[16:24])
at, raw = 8, b''
while at < len(data):
    n, kind = struct.unpack('>I4s', data[at:at + 8])
    if kind == b'IDAT': raw += data[at + 8:at + 8 + n]
    at += 12 + n
assert len(zlib.decompress(raw)) > 0 and kind == b'IEND'
print('%dx%d' % (w, h))
PY
  ) || { echo "FAIL: after kill $i the picture is not a complete PNG"; exit 1; }
  case $size in 320x240|1400x1000) ;; *) echo "FAIL: after kill $i the picture is $size"; exit 1 ;; esac
  left=$(ls -A "$out" | grep -c '^\.dorsum-' || true)
  [ "$left" -eq 0 ] || { ls -la "$out"; echo "FAIL: kill $i left a temporary file"; exit 1; }
  echo "ok: kill $i left a complete $size picture and no temporary file"
done
