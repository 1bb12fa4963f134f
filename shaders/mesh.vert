#version 330 core
// Positions to the screen, and the light that varies slowly over a surface, evaluated here per
// vertex: soft studio lighting (a key light from above-left of the camera, a cool fill, a
// hemisphere ambient and a faint rim) and the selection's glow. The body's triangles are a few
// pixels wide, so this matches lighting per pixel at a fraction of the cost on software GL;
// mesh.frag adds what varies within a triangle (striations, painted referral, the key light's
// highlight) and the tone curve.
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
out vec3 vHalf;       // toward the key light's highlight
out vec3 vStriation;  // across the fibres (4 bands a centimetre), striation strength, selection glow
#ifndef NO_REFERRAL
out vec2 vReferral;
out vec3 vBase;       // linear base colour: uColor times the vertex tint
out vec3 vLight;      // what multiplies it: ambient, key, fill and rim
#else
out vec3 vLit;        // vBase * vLight, when no paint comes between them
#endif
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
  // Selection and hover: a coloured rim plus a little glow over the whole structure.
  vStriation = vec3(aUv.y * 4.0, aColor.a, uHighlight.a * (0.25 + 1.4 * facing * facing));
#ifndef NO_REFERRAL
  vReferral = aReferral;
  vBase = uColor * aColor.rgb;
  vLight = light;
#else
  vLit = uColor * aColor.rgb * light;
#endif
}
