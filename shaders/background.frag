#version 330 core
// A quiet vertical gradient with a soft vignette: reads well on a projector and keeps the body
// the brightest thing on screen.
in vec2 vUv;
uniform vec3 uTop;
uniform vec3 uBottom;
out vec4 fragColor;
// pow(c, 1/2.2) within 0.25/255 (as mesh.frag): no pow per pixel of the screen.
vec3 gammaEncode(vec3 c) {
  vec3 q = sqrt(sqrt(c));
  return q * (0.0439254 + q * (1.1858997 + q * (-0.3283804 + q * 0.0988116)));
}
void main() {
  vec3 c = mix(uBottom, uTop, smoothstep(0.0, 1.0, vUv.y));
  float r = length(vUv - vec2(0.5, 0.55));
  c *= 1.0 - 0.25 * smoothstep(0.35, 0.95, r);
  fragColor = vec4(gammaEncode(c), 1.0);
}
