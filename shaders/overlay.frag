#version 330 core
in vec2 vUv;
in vec4 vColor;
uniform sampler2D uFont;  // coverage in the red channel
out vec4 fragColor;
void main() {
  float coverage = vUv.x < 0.0 ? 1.0 : texture(uFont, vUv).r;
  fragColor = vec4(vColor.rgb, vColor.a * coverage);
}
