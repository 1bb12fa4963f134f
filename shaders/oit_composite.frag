#version 330 core
// Resolves the weighted blended transparency over the opaque image.
in vec2 vUv;
uniform sampler2D uAccum;   // rgb: sum of colour * alpha * weight; a: product of (1 - alpha)
uniform sampler2D uWeight;  // r: sum of alpha * weight
out vec4 fragColor;
void main() {
  vec4 accum = texture(uAccum, vUv);
  float revealage = accum.a;
  if (revealage >= 0.999) discard;  // nothing translucent here
  float weight = max(texture(uWeight, vUv).r, 1e-5);
  fragColor = vec4(accum.rgb / weight, 1.0 - revealage);
}
