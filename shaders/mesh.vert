#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in vec4 aColor;  // tint; alpha = striation strength (muscle belly 1, tendon 0)
layout(location = 4) in vec2 aReferral;  // referred pain painted on the skin: essential, spillover (0 when unpainted)
uniform mat4 uViewProj;
uniform mat4 uModel;  // identity for the body (stored in world space); placement for markers
out vec3 vWorld;
out vec3 vNormal;
out vec2 vUv;
out vec4 vColor;
out vec2 vReferral;
void main() {
  vec4 world = uModel * vec4(aPosition, 1.0);
  vWorld = world.xyz;
  vNormal = mat3(uModel) * aNormal;
  vUv = aUv;
  vColor = aColor;
  vReferral = aReferral;
  gl_Position = uViewProj * world;
}
