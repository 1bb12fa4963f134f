#version 330 core
// Screen-space overlay (labels): positions in pixels, y down.
layout(location = 0) in vec2 aPosition;
layout(location = 1) in vec2 aUv;     // font atlas coordinates; x < 0: no texture
layout(location = 2) in vec4 aColor;
uniform vec2 uViewport;
out vec2 vUv;
out vec4 vColor;
void main() {
  vUv = aUv;
  vColor = aColor;
  gl_Position = vec4(aPosition.x / uViewport.x * 2.0 - 1.0, 1.0 - aPosition.y / uViewport.y * 2.0, 0.0, 1.0);
}
