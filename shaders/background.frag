#version 330 core
// The background: its colour comes from background.vert's grid.
in vec3 vColor;
out vec4 fragColor;
void main() { fragColor = vec4(vColor, 1.0); }
