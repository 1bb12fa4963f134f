#version 330 core
// A quiet vertical gradient with a soft vignette: reads well on a projector and keeps the body
// the brightest thing on screen.
in vec2 vUv;
uniform vec3 uTop;
uniform vec3 uBottom;
out vec4 fragColor;
void main() {
  vec3 c = mix(uBottom, uTop, smoothstep(0.0, 1.0, vUv.y));
  float r = length(vUv - vec2(0.5, 0.55));
  c *= 1.0 - 0.25 * smoothstep(0.35, 0.95, r);
  fragColor = vec4(pow(c, vec3(1.0 / 2.2)), 1.0);
}
