#version 330 core
// The background's colour, worked out per vertex of a 32 x 18 grid over the screen (from
// gl_VertexID, no buffers): a quiet vertical gradient with a soft vignette, gamma-encoded. It is
// smooth, so the interpolated grid matches it per pixel to within a level of 8-bit colour, and no
// pixel of the screen runs more than the interpolation. Reads well on a projector and keeps the
// body the brightest thing on screen.
uniform vec3 uTop;
uniform vec3 uBottom;
out vec3 vColor;
const int kColumns = 32, kRows = 18;
// pow(c, 1/2.2) on [0, 1] within 0.25/255 (as in mesh.frag).
vec3 gammaEncode(vec3 c) {
  vec3 q = sqrt(sqrt(c));
  return q * (0.0439254 + q * (1.1858997 + q * (-0.3283804 + q * 0.0988116)));
}
void main() {
  const int corner[6] = int[6](0, 1, 2, 2, 1, 3);  // two triangles per cell
  int cell = gl_VertexID / 6, k = corner[gl_VertexID % 6];
  vec2 uv = vec2(float(cell % kColumns + (k & 1)) / float(kColumns), float(cell / kColumns + (k >> 1)) / float(kRows));
  vec3 c = mix(uBottom, uTop, smoothstep(0.0, 1.0, uv.y));
  float r = length(uv - vec2(0.5, 0.55));
  c *= 1.0 - 0.25 * smoothstep(0.35, 0.95, r);
  vColor = gammaEncode(c);
  gl_Position = vec4(uv * 2.0 - 1.0, 1.0, 1.0);
}
