#version 330 core
// The surface per pixel: fascicle striations across the fibres (uv.y runs across them in
// centimetres), referred pain painted on the skin, then a filmic tone curve and gamma. The slowly
// varying light (ambient, key, fill, rim, the key light's highlight, the selection's glow) comes
// per vertex from mesh.vert, in linear space.
// Variants leave out what a mesh cannot show: NO_STRIATION (no striated muscle on it), NO_REFERRAL
// (nothing painted on it); PIXEL_SPECULAR puts the highlight here for a coarse mesh. The renderer
// picks one per mesh, so no fragment pays for them in vain.
in vec2 vStriation;  // across the fibres, striation strength (muscle belly 1, tendon and bone 0)
in vec3 vAdd;        // the selection's glow and (per vertex) the highlight, added after the striations
#ifdef PIXEL_SPECULAR
in vec3 vNormal;
in vec3 vHalf;
#endif
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

// A pseudo-random value in [0, 1) per fascicle band (Hoskins' hash without sine: a few
// multiply-adds, where sin costs a long polynomial on software GL).
float hash(float x) {
  x = fract(x * 0.1031);
  x *= x + 33.33;
  x *= x + x;
  return fract(x);
}

// The filmic tone curve (Narkowicz's ACES fit, exposure 0.8) followed by pow(c, 1/2.2), as one
// rational function of sqrt(c), fitted by least squares within 0.34/255 of the two for every c >= 0
// (tools/fit_tone_curve.py): one square root and one division a channel instead of a division, two
// square roots and a polynomial. Highlights roll off instead of clipping to white, so pale tendon and
// ivory bone keep their shading.
vec3 toneMapEncode(vec3 c) {
  vec3 s = sqrt(max(c, 0.0));
  vec3 num = s * (0.5635102 + s * (1.1432487 + s * 8.0790152));
  vec3 den = 1.0 + s * (0.7221800 + s * (1.5152649 + s * 7.8995662));
  return min(num / den, 1.0);
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
#ifdef PIXEL_SPECULAR
  // As mesh.vert's highlight(): gloss 16 (bone) to 48 (wet muscle) by squaring, not pow.
  float nh = dot(vNormal, vHalf) * inversesqrt(dot(vNormal, vNormal) * dot(vHalf, vHalf));
  if (!gl_FrontFacing) nh = -nh;  // open meshes from user files still light their inside
  float s2 = max(nh, 0.0);
  s2 *= s2;
  s2 *= s2;
  s2 *= s2;
  float s16 = s2 * s2;
  float s48 = s16 * s16 * s16;
  c += vec3(mix(s16, s48, striation) * mix(0.08, 0.16, striation));
#endif
  vec3 display = toneMapEncode(c + vAdd);
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
