#!/usr/bin/env python3
"""Fits the curve mesh.frag's toneMapEncode() uses, and says how close it is.

The picture's last step per pixel is a filmic tone curve (Narkowicz's fit of ACES, at exposure 0.8)
followed by gamma 2.2. Both together are fitted here as one rational function of s = sqrt(c):

    g(s) = s (p0 + p1 s + p2 s^2) / (1 + q1 s + q2 s^2 + q3 s^3),  clamped to 1

by linearised least squares (Sanathanan-Koerner iteration), over s in (0, 3] (c up to 9). On
software GL this is one square root and one division a channel instead of a division, two square
roots and a polynomial. Python's standard library only: run it with python3, no arguments.
"""
import math


def aces(y):
    return min(max(y * (2.51 * y + 0.03) / (y * (2.43 * y + 0.59) + 0.14), 0.0), 1.0)


def target(c):
    return aces(0.8 * c) ** (1 / 2.2)


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for k in range(col, n + 1):
                    m[r][k] -= f * m[col][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(samples, values, n_num=3, n_den=3, iterations=30):
    p, q = [0.0] * n_num, [0.0] * n_den
    weights = [1.0] * len(samples)
    for _ in range(iterations):
        rows, rhs = [], []
        for s, t, w in zip(samples, values, weights):
            row = [s * s**k for k in range(n_num)] + [-t * s ** (k + 1) for k in range(n_den)]
            rows.append([v * w for v in row])
            rhs.append(t * w)
        n = n_num + n_den
        a = [[sum(r[i] * r[j] for r in rows) for j in range(n)] for i in range(n)]
        b = [sum(r[i] * y for r, y in zip(rows, rhs)) for i in range(n)]
        solution = solve(a, b)
        p, q = solution[:n_num], solution[n_num:]
        weights = [1.0 / (1.0 + sum(q[k] * s ** (k + 1) for k in range(n_den))) for s in samples]
    return p, q


def curve(p, q, s):
    num = s * sum(p[k] * s**k for k in range(len(p)))
    den = 1.0 + sum(q[k] * s ** (k + 1) for k in range(len(q)))
    return min(max(num / den, 0.0), 1.0)


def main():
    samples = [i / 2000 * 3.0 for i in range(1, 2001)]
    p, q = fit(samples, [target(s * s) for s in samples])
    print("numerator   p0..p2:", ", ".join(f"{v:.7f}" for v in p))
    print("denominator q1..q3:", ", ".join(f"{v:.7f}" for v in q))
    # Checked on a finer grid than the fit, and beyond it (where the clamp takes over).
    fine = [i / 100000 * 3.0 for i in range(0, 100001)]
    err = max(abs(curve(p, q, s) - target(s * s)) for s in fine) * 255
    beyond = max(abs(curve(p, q, math.sqrt(c)) - target(c)) for c in [9 + i * 0.1 for i in range(9911)]) * 255
    rising = all(curve(p, q, a) <= curve(p, q, b) + 1e-9 for a, b in zip(fine, fine[1:]))
    print(f"largest error for c in [0, 9]: {err:.3f}/255; for c in [9, 1000]: {beyond:.3f}/255; never falls: {rising}")


if __name__ == "__main__":
    main()
