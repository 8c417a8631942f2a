/**
 * A small, deterministic logistic regression for `npm run calibrate`: full-batch gradient descent
 * from zero weights, fixed step and iteration count, L2 penalty, per-sample weights. No randomness,
 * so the same data always gives the same weights.
 */

export interface Sample {
  x: number[];
  y: 0 | 1;
  /** Sample weight (so a small set counts as much as a big one). */
  w: number;
}

export interface Fit {
  bias: number;
  weights: number[];
  loss: number;
}

export function fitLogistic(
  samples: readonly Sample[],
  dims: number,
  opts = { iterations: 4000, step: 0.5, l2: 0.003 },
): Fit {
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const total = samples.reduce((a, s) => a + s.w, 0) || 1;
  let loss = 0;
  for (let it = 0; it < opts.iterations; it++) {
    const grad = new Array<number>(dims).fill(0);
    let gb = 0;
    loss = 0;
    for (const s of samples) {
      let z = bias;
      for (let j = 0; j < dims; j++) z += (weights[j] as number) * (s.x[j] as number);
      const p = 1 / (1 + Math.exp(-z));
      const e = (p - s.y) * s.w;
      gb += e;
      for (let j = 0; j < dims; j++) grad[j] = (grad[j] as number) + e * (s.x[j] as number);
      loss -= s.w * (s.y === 1 ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
    }
    bias -= (opts.step * gb) / total;
    for (let j = 0; j < dims; j++) {
      weights[j] =
        (weights[j] as number) - opts.step * ((grad[j] as number) / total + opts.l2 * (weights[j] as number));
    }
  }
  return { bias, weights, loss: loss / total };
}

/**
 * The lowest threshold t such that, among the rows with p >= t that are allowed to be answered, the
 * share that is right is at least `target` (scanning from the most confident down).
 */
export function thresholdFor(
  rows: { p: number; right: boolean; allowed: boolean }[],
  target: number,
): number {
  const sorted = rows.filter((r) => r.allowed).sort((a, b) => b.p - a.p);
  let right = 0;
  let best = 1;
  sorted.forEach((r, i) => {
    if (r.right) right++;
    const next = sorted[i + 1];
    // Only cut between distinct values, and only where precision so far meets the target.
    if (right / (i + 1) >= target && (!next || next.p < r.p)) best = r.p;
  });
  return best;
}

/** The threshold that best separates "worth showing" (top quote right) from not, balanced by class. */
export function balancedThreshold(rows: { p: number; right: boolean }[], max: number): number {
  const pos = rows.filter((r) => r.right).length || 1;
  const neg = rows.length - pos || 1;
  let best = max;
  let bestScore = -1;
  for (const t of [...new Set(rows.map((r) => r.p))].filter((p) => p <= max)) {
    const tp = rows.filter((r) => r.right && r.p >= t).length;
    const tn = rows.filter((r) => !r.right && r.p < t).length;
    const score = tp / pos + tn / neg;
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}
