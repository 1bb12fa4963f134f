#!/usr/bin/env bash
# crashing_model.sh DORSUM OUTDIR: a glTF nested 100000 nodes deep crashes Assimp's reader (stack
# overflow in its recursion). Read in the child process, it is one line and exit 1 for render, pick
# and bench, the output file untouched; a hang past DORSUM_IMPORT_TIMEOUT_S is stopped the same way.
set -u
dorsum=$1
out=$2
mkdir -p "$out"
model=$out/deep.gltf
"$(dirname "$0")/../data"/make_deep_gltf.sh "$model"
fail=0
check() {  # check WHAT EXIT-CODE EXPECTED-REGEX COMMAND...
  local what=$1 expected=$2 regex=$3
  shift 3
  "$@" > "$out/msg" 2>&1
  local code=$?
  local lines
  lines=$(wc -l < "$out/msg")
  if [ $code -ne "$expected" ] || [ "$lines" -ne 1 ] || ! grep -Eq "$regex" "$out/msg"; then
    echo "FAIL: $what: exit $code, $lines lines:"; head -c 600 "$out/msg"; echo; fail=1
  else
    echo "ok: $what: $(cat "$out/msg")"
  fi
}
echo old > "$out/picture.png"
check "render" 1 "deep.gltf' crashed the model reader" "$dorsum" render --model "$model" --out "$out/picture.png" --size 64x48
[ "$(cat "$out/picture.png")" = old ] || { echo "FAIL: the old picture was replaced"; fail=1; }
check "pick" 1 "deep.gltf' crashed the model reader" "$dorsum" pick --model "$model" --at 10,10 --size 64x48
check "bench" 1 "deep.gltf' crashed the model reader" "$dorsum" bench --model "$model" --frames 1 --size 64x48
check "a slow read is stopped" 1 "took longer than 0.001 s" env DORSUM_IMPORT_TIMEOUT_S=0.001 "$dorsum" render --model "$model" --out "$out/picture.png"
check "a bad limit is named" 2 "DORSUM_IMPORT_TIMEOUT_S='soon' is not a number" env DORSUM_IMPORT_TIMEOUT_S=soon "$dorsum" render --model "$model" --out "$out/picture.png"
ls -A "$out" | grep -q '^core' && { echo "FAIL: a core file was left"; fail=1; }
exit $fail
