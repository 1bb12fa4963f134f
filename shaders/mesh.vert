#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in vec4 aColor;  // tint; alpha = striation strength (muscle belly 1, tendon 0)
uniform mat4 uViewProj;
out vec3 vWorld;
out vec3 vNormal;
out vec2 vUv;
out vec4 vColor;
void main() {
  vWorld = aPosition;  // meshes are stored in world space
  vNormal = aNormal;
  vUv = aUv;
  vColor = aColor;
  gl_Position = uViewProj * vec4(aPosition, 1.0);
}
