#version 330 core
// Marks drawn over the body (a massage stroke's hand, trail, arrows, fibre bar): the vertex
// colour lit softly from the camera's key light, its alpha the opacity.
in vec3 vWorld;
in vec3 vNormal;
in vec4 vColor;
uniform vec3 uEye;
uniform vec3 uKeyDir;
layout(location = 0) out vec4 fragColor;

void main() {
  vec3 n = normalize(vNormal);
  if (!gl_FrontFacing) n = -n;
  vec3 v = normalize(uEye - vWorld);
  float key = max(dot(n, uKeyDir) * 0.6 + 0.4, 0.0);
  vec3 h = normalize(uKeyDir + v);
  float spec = pow(max(dot(n, h), 0.0), 24.0) * 0.25;
  vec3 c = vColor.rgb * (0.35 + 0.75 * key) + vec3(spec);
  fragColor = vec4(pow(clamp(c, 0.0, 1.0), vec3(1.0 / 2.2)), vColor.a);
}
