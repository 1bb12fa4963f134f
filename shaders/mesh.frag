#version 330 core
// The surface per pixel: fascicle striations across the fibres (uv.y runs across them in
// centimetres), referred pain painted on the skin, the key light's highlight, then a filmic tone
// curve and gamma. The slowly varying light (ambient, key, fill, rim, selection glow) comes per
// vertex from mesh.vert, in linear space.
// Variants leave out what a mesh cannot show: NO_STRIATION (no striated muscle on it), NO_REFERRAL
// (nothing painted on it); the renderer picks one per mesh, so no fragment pays for them in vain.
in vec3 vNormal;
in vec3 vHalf;
in vec3 vStriation;  // across the fibres, striation strength (muscle belly 1, tendon and bone 0), glow
#ifndef NO_REFERRAL
in vec2 vReferral;  // essential, spillover: solid red and stippled red, the literature's convention
in vec3 vBase;
in vec3 vLight;
#else
in vec3 vLit;
#endif
uniform float uAlpha;
uniform vec4 uHighlight;  // rgb colour, a strength: the selection's and the hover's rim light
uniform int uOit;         // 1: write weighted-blended order-independent transparency targets
layout(location = 0) out vec4 fragColor;
layout(location = 1) out vec4 fragWeight;

float hash(float x) { return fract(sin(x * 127.1) * 43758.5453); }

// pow(c, 1/2.2) on [0, 1] within 0.25/255 of it: a polynomial in c^(1/4) (two square roots), far
// cheaper than pow's log and exp on software GL.
vec3 gammaEncode(vec3 c) {
  vec3 q = sqrt(sqrt(c));
  return q * (0.0439254 + q * (1.1858997 + q * (-0.3283804 + q * 0.0988116)));
}

void main() {
  float lighter = 1.0;  // the striations' shade; 1 where there are none
  // Fascicles: bands across the fibres about 2.5 mm wide, each a little lighter or darker,
  // softened where the bands get finer than a pixel.
#ifndef NO_STRIATION
  float striation = vStriation.y;
  if (striation > 0.0) {
    float across = vStriation.x;
    float band = floor(across);
    float w = fwidth(across);
    float groove = 1.0 - smoothstep(0.0, 0.5 + w, abs(fract(across) - 0.5) * 2.0 - 0.5 + w);
    float fade = 1.0 - smoothstep(0.3, 0.8, w);
    float shade = (hash(band) - 0.5) * 0.22 - groove * 0.18;
    lighter = 1.0 + shade * striation * fade;
  }
#else
  const float striation = 0.0;  // a mesh without striated muscle (bone, skin): none of the above
#endif
#ifndef NO_REFERRAL
  // Referred pain: the essential zone solid red, the spillover zone red dots on a fixed screen grid.
  vec2 cell = fract(gl_FragCoord.xy / 7.0) - 0.5;
  float dots = 1.0 - smoothstep(0.22, 0.32, length(cell));
  float paint = max(vReferral.x, vReferral.y * dots);
  vec3 c = mix(vBase * lighter, vec3(0.72, 0.04, 0.03), paint) * vLight;
  float paintAlpha = max(vReferral.x, vReferral.y * 0.6);
#else
  vec3 c = vLit * lighter;
  const float paintAlpha = 0.0;  // nothing painted on this mesh
#endif
  vec3 n = normalize(vNormal);
  if (!gl_FrontFacing) n = -n;  // open meshes from user files still light their inside
  vec3 h = normalize(vHalf);
  // Gloss 16 (bone) to 48 (wet muscle) by squaring, not pow: mixed at the few fragments in between.
  float s2 = max(dot(n, h), 0.0);
  s2 *= s2;
  s2 *= s2;
  s2 *= s2;
  float s16 = s2 * s2;
  float s48 = s16 * s16 * s16;
  float spec = mix(s16, s48, striation) * mix(0.08, 0.16, striation);
  c += vec3(spec) + uHighlight.rgb * vStriation.z;
  // Filmic tone curve (Narkowicz's ACES fit): highlights roll off instead of clipping to white,
  // so pale tendon and ivory bone keep their shading.
  c *= 0.8;  // exposure
  c = clamp((c * (2.51 * c + 0.03)) / (c * (2.43 * c + 0.59) + 0.14), 0.0, 1.0);
  vec3 display = gammaEncode(c);
  // Painted skin stays readable through a ghosted skin: the paint is more opaque than the ghost.
  float alpha = uAlpha < 0.999 ? mix(uAlpha, 0.75, paintAlpha) : uAlpha;
  if (uOit == 1) {
    // Weighted blended OIT (McGuire & Bavoil 2013): nearer and more opaque surfaces weigh more.
    float z = gl_FragCoord.z;
    float z2 = z * z, z4 = z2 * z2, z200 = z2 * 2.5e-5;  // (z / 200)^4 and z^12 by multiplying
    float w = clamp(alpha * 10.0 / (1e-5 + z200 * z200 + z4 * z4 * z4 * 0.5), 1e-2, 3e3);
    fragColor = vec4(display * alpha * w, alpha);  // rgb summed, alpha -> product of (1 - a)
    fragWeight = vec4(alpha * w, 0.0, 0.0, 0.0);   // summed
  } else {
    fragColor = vec4(display, alpha);
    fragWeight = vec4(0.0);
  }
}
