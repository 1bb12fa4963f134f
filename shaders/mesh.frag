#version 330 core
// Soft studio lighting: a key light from above-left of the camera, a cool fill, a hemisphere
// ambient and a faint rim, in linear space with a gamma-encoded output. Muscle shows striations
// that run along its fibres: uv.x runs along the fibres, uv.y across them in centimetres.
in vec3 vWorld;
in vec3 vNormal;
in vec2 vUv;
in vec4 vColor;
in vec2 vReferral;  // essential, spillover: solid red and stippled red, the literature's convention
uniform vec3 uColor;      // linear base colour
uniform vec3 uEye;        // camera position
uniform vec3 uKeyDir;     // direction toward the key light
uniform vec3 uFillDir;    // direction toward the fill light
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
  vec3 n = normalize(vNormal);
  vec3 v = normalize(uEye - vWorld);
  if (!gl_FrontFacing) n = -n;  // open meshes from user files still light their inside
  vec3 base = uColor * vColor.rgb;
  // Fascicles: bands across the fibres about 2.5 mm wide, each a little lighter or darker,
  // softened where the bands get finer than a pixel.
  float striation = vColor.a;
  if (striation > 0.0) {
    float across = vUv.y * 4.0;
    float band = floor(across);
    float w = fwidth(across);
    float groove = 1.0 - smoothstep(0.0, 0.5 + w, abs(fract(across) - 0.5) * 2.0 - 0.5 + w);
    float fade = 1.0 - smoothstep(0.3, 0.8, w);
    float shade = (hash(band) - 0.5) * 0.22 - groove * 0.18;
    base *= 1.0 + shade * striation * fade;
  }
  // Referred pain: the essential zone solid red, the spillover zone red dots on a fixed screen grid.
  vec2 cell = fract(gl_FragCoord.xy / 7.0) - 0.5;
  float dots = 1.0 - smoothstep(0.22, 0.32, length(cell));
  float paint = max(vReferral.x, vReferral.y * dots);
  base = mix(base, vec3(0.72, 0.04, 0.03), paint);
  float key = max(dot(n, uKeyDir) * 0.8 + 0.2, 0.0);   // wrapped diffuse keeps shadows soft
  float fill = max(dot(n, uFillDir), 0.0);
  float hemi = 0.5 + 0.5 * n.y;
  vec3 h = normalize(uKeyDir + v);
  // Gloss 16 (bone) to 48 (wet muscle) by squaring, not pow: mixed at the few fragments in between.
  float s2 = max(dot(n, h), 0.0);
  s2 *= s2;
  s2 *= s2;
  s2 *= s2;
  float s16 = s2 * s2;
  float s48 = s16 * s16 * s16;
  float spec = mix(s16, s48, striation) * mix(0.08, 0.16, striation);
  float facing = 1.0 - max(dot(n, v), 0.0);
  float rim = facing * facing * facing * 0.15;  // pow(facing, 3) without pow (cheaper on software GL)
  vec3 ambient = mix(vec3(0.20, 0.19, 0.21), vec3(0.34, 0.35, 0.38), hemi);
  vec3 c = base * (ambient + key * vec3(1.0, 0.97, 0.92) * 0.9 + fill * vec3(0.55, 0.62, 0.75) * 0.25)
           + vec3(spec) + vec3(rim) * base;
  // Selection and hover: a coloured rim plus a little glow over the whole structure.
  float edge = facing * facing;
  c += uHighlight.rgb * uHighlight.a * (0.25 + 1.4 * edge);
  // Filmic tone curve (Narkowicz's ACES fit): highlights roll off instead of clipping to white,
  // so pale tendon and ivory bone keep their shading.
  c *= 0.8;  // exposure
  c = clamp((c * (2.51 * c + 0.03)) / (c * (2.43 * c + 0.59) + 0.14), 0.0, 1.0);
  vec3 display = gammaEncode(c);
  // Painted skin stays readable through a ghosted skin: the paint is more opaque than the ghost.
  float alpha = uAlpha < 0.999 ? mix(uAlpha, 0.75, max(vReferral.x, vReferral.y * 0.6)) : uAlpha;
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
