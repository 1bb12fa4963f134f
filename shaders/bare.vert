#version 330 core
// The bench's bare draw: positions only, transformed, nothing else.
layout(location = 0) in vec3 aPosition;
uniform mat4 uViewProj;
void main() { gl_Position = uViewProj * vec4(aPosition, 1.0); }
