#version 330 core
// Positions to the screen, and the light that varies slowly over a surface, evaluated here per
// vertex: soft studio lighting (a key light from above-left of the camera, a cool fill, a
// hemisphere ambient and a faint rim), the key light's highlight and the selection's glow. The
// body's triangles are a few pixels wide, so this matches lighting per pixel at a fraction of the
// cost on software GL; mesh.frag adds what varies within a triangle (striations, painted referral)
// and the tone curve. A coarse mesh (PIXEL_SPECULAR: a user's low-poly model, the marker sphere)
// gets its highlight per pixel instead, where a vertex would miss it.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in vec4 aColor;  // tint; alpha = striation strength (muscle belly 1, tendon 0)
layout(location = 4) in vec2 aReferral;  // referred pain painted on the skin: essential, spillover (0 when unpainted)
uniform mat4 uViewProj;
uniform mat4 uModel;      // identity for the body (stored in world space); placement for markers
uniform vec3 uColor;      // linear base colour
uniform vec3 uEye;        // camera position
uniform vec3 uKeyDir;     // direction toward the key light
uniform vec3 uFillDir;    // direction toward the fill light
uniform vec4 uHighlight;  // rgb colour, a strength: the selection's and the hover's rim light
uniform int uTwoSided;    // 1: back faces are drawn too (open meshes, ghosts): light the side the eye sees
// For the decals (decal.frag):
out vec3 vWorld;
out vec4 vColor;
// For mesh.frag:
out vec3 vNormal;
out vec3 vHalf;       // toward the key light's highlight (PIXEL_SPECULAR)
out vec2 vStriation;  // across the fibres (4 bands a centimetre), striation strength
out vec3 vAdd;        // added after the striations: the selection's glow and, per vertex, the highlight
#ifndef NO_REFERRAL
out vec2 vReferral;
out vec3 vBase;       // linear base colour: uColor times the vertex tint
out vec3 vLight;      // what multiplies it: ambient, key, fill and rim
#else
out vec3 vLit;        // vBase * vLight, when no paint comes between them
#endif
// The key light's highlight for a cosine `nh` between normal and half vector: gloss 16 (bone) to 48
// (wet muscle) by squaring, not pow, mixed by striation strength. mesh.frag has the same for
// PIXEL_SPECULAR.
float highlight(float nh, float striation) {
  float s2 = max(nh, 0.0);
  s2 *= s2;
  s2 *= s2;
  s2 *= s2;
  float s16 = s2 * s2;
  float s48 = s16 * s16 * s16;
  return mix(s16, s48, striation) * mix(0.08, 0.16, striation);
}

void main() {
  vec4 world = uModel * vec4(aPosition, 1.0);
  vWorld = world.xyz;
  vNormal = mat3(uModel) * aNormal;
  vColor = aColor;
  gl_Position = uViewProj * world;

  vec3 n = normalize(vNormal);
  vec3 v = normalize(uEye - vWorld);
  if (uTwoSided == 1 && dot(n, v) < 0.0) n = -n;  // open meshes from user files still light their inside
  float key = max(dot(n, uKeyDir) * 0.8 + 0.2, 0.0);  // wrapped diffuse keeps shadows soft
  float fill = max(dot(n, uFillDir), 0.0);
  float hemi = 0.5 + 0.5 * n.y;
  float facing = 1.0 - max(dot(n, v), 0.0);
  float rim = facing * facing * facing * 0.15;
  vec3 ambient = mix(vec3(0.20, 0.19, 0.21), vec3(0.34, 0.35, 0.38), hemi);
  vec3 light = ambient + key * vec3(1.0, 0.97, 0.92) * 0.9 + fill * vec3(0.55, 0.62, 0.75) * 0.25 + vec3(rim);
  vHalf = normalize(uKeyDir + v);
  vStriation = vec2(aUv.y * 4.0, aColor.a);
  // Selection and hover: a coloured rim plus a little glow over the whole structure.
  vAdd = uHighlight.rgb * (uHighlight.a * (0.25 + 1.4 * facing * facing));
#ifndef PIXEL_SPECULAR
  vAdd += vec3(highlight(dot(n, vHalf), aColor.a));
#endif
#ifndef NO_REFERRAL
  vReferral = aReferral;
  vBase = uColor * aColor.rgb;
  vLight = light;
#else
  vLit = uColor * aColor.rgb * light;
#endif
}
