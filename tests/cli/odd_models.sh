#!/usr/bin/env bash
# odd_models.sh DORSUM OUTDIR: models with NaN and infinite vertices, and file and node names that
# are not UTF-8. Picking hits the good triangle at a finite point (the broken faces are dropped);
# pick, bench and the viewer's report print valid JSON (bad bytes become U+FFFD).
set -u
dorsum=$1
out=$2
mkdir -p "$out"
fail=0
valid_json() {  # valid_json FILE WHAT: strict UTF-8 JSON, every number finite
  if python3 -c "import json,sys; json.loads(open(sys.argv[1],'rb').read().decode('utf-8'), parse_constant=lambda c: sys.exit('non-finite ' + c))" "$1"; then
    echo "ok: $2 is valid JSON"
  else
    echo "FAIL: $2 is not valid UTF-8 JSON:"; head -c 400 "$1"; echo; fail=1
  fi
}

printf 'o broken\nv -1 -1 0\nv 1 -1 0\nv 0 1 0\nv nan nan nan\nv inf 0 0\nf 1 2 3\nf 1 2 4\nf 2 3 5\n' > "$out/nan.obj"
"$dorsum" pick --model "$out/nan.obj" --at 640,360 > "$out/nan.json" || { echo "FAIL: pick on a model with NaN vertices failed"; fail=1; }
valid_json "$out/nan.json" "pick on a model with NaN and infinite vertices"
grep -q '"face": 0' "$out/nan.json" && echo "ok: the good triangle is hit" || { echo "FAIL: the good triangle was not hit"; cat "$out/nan.json"; fail=1; }

bad="$out/odd$(printf '\377')name.obj"
printf 'o caf\351\377\nv -1 -1 0\nv 1 -1 0\nv 0 1 0\nf 1 2 3\n' > "$bad"
"$dorsum" pick --model "$bad" --at 640,360 > "$out/name.json" || { echo "FAIL: pick on a model with a Latin-1 node name failed"; fail=1; }
valid_json "$out/name.json" "pick on a model named in Latin-1"
grep -q 'caf\xef\xbf\xbd' "$out/name.json" 2>/dev/null || grep -q "caf$(printf '\357\277\275')" "$out/name.json" && echo "ok: the bad bytes are U+FFFD" || { echo "FAIL: the name was not repaired"; fail=1; }
"$dorsum" bench --model "$bad" --frames 2 --size 64x48 --json > "$out/bench.json" || { echo "FAIL: bench on a Latin-1 file name failed"; fail=1; }
valid_json "$out/bench.json" "bench --json on a file named in Latin-1"
exit $fail
