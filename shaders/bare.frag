#version 330 core
// The bench's bare draw: one constant colour.
layout(location = 0) out vec4 fragColor;
void main() { fragColor = vec4(0.8, 0.5, 0.45, 1.0); }
