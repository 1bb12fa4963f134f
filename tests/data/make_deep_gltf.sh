#!/usr/bin/env bash
# make_deep_gltf.sh FILE [DEPTH]: writes a glTF whose one triangle sits under DEPTH (100000) nested
# nodes. Assimp 5.2's glTF reader recurses once per level and overflows its stack: a real crash of
# the reader, kept out of the repository as a 2 MB file and made when a test needs it.
depth=${2:-100000}
{
  printf '{"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":['
  awk -v n="$depth" 'BEGIN { for (i = 0; i < n; i++) printf "{\"children\":[%d]},", i + 1 }'
  printf '{"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],'
  printf '"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],'
  printf '"bufferViews":[{"buffer":0,"byteLength":36}],'
  printf '"buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}]}'
} > "$1"
