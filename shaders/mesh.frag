#version 330 core
// Soft studio lighting: a key light from above-left of the camera, a cool fill, a hemisphere
// ambient and a faint rim, in linear space with a gamma-encoded output.
in vec3 vWorld;
in vec3 vNormal;
in vec2 vUv;
uniform vec3 uColor;      // linear base colour
uniform vec3 uEye;        // camera position
uniform vec3 uKeyDir;     // direction toward the key light
uniform vec3 uFillDir;    // direction toward the fill light
uniform float uAlpha;
out vec4 fragColor;

void main() {
  vec3 n = normalize(vNormal);
  vec3 v = normalize(uEye - vWorld);
  if (!gl_FrontFacing) n = -n;  // open meshes from user files still light their inside
  float key = max(dot(n, uKeyDir) * 0.8 + 0.2, 0.0);   // wrapped diffuse keeps shadows soft
  float fill = max(dot(n, uFillDir), 0.0);
  float hemi = 0.5 + 0.5 * n.y;
  vec3 h = normalize(uKeyDir + v);
  float spec = pow(max(dot(n, h), 0.0), 32.0) * 0.12;
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * 0.18;
  vec3 ambient = mix(vec3(0.20, 0.19, 0.21), vec3(0.34, 0.35, 0.38), hemi);
  vec3 c = uColor * (ambient + key * vec3(1.0, 0.97, 0.92) * 0.85 + fill * vec3(0.55, 0.62, 0.75) * 0.25)
           + vec3(spec) + vec3(rim);
  fragColor = vec4(pow(c, vec3(1.0 / 2.2)), uAlpha);
}
