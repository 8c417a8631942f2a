import type { EvalRow } from "../core/evaluate.js";
import { topQuoteRight } from "../core/evaluate.js";

/**
 * `eval --plot FILE.svg|.html`: a risk-coverage curve (answer only the most confident x% of questions:
 * what share of those answers is wrong?) and a reliability diagram (confidence vs how often right),
 * so a curator can see where to put the threshold. Hand-written SVG, no dependency.
 */

/** Follow-ups are left out, as in the summary. */
interface Point {
  confidence: number;
  right: boolean;
}

export function pointsOf(rows: readonly EvalRow[]): Point[] {
  return rows
    .filter((r) => r.q.expect !== undefined && !r.q.follows)
    .map((r) => ({ confidence: r.answer.confidence, right: topQuoteRight(r.answer, r.q.expect ?? []) }));
}

export function riskCoverage(
  points: readonly Point[],
): { coverage: number; risk: number; threshold: number }[] {
  const sorted = [...points].sort((a, b) => b.confidence - a.confidence);
  let wrong = 0;
  return sorted.map((p, i) => {
    if (!p.right) wrong++;
    return { coverage: (i + 1) / sorted.length, risk: wrong / (i + 1), threshold: p.confidence };
  });
}

export function reliability(
  points: readonly Point[],
  bins = 10,
): { mean: number; accuracy: number; n: number }[] {
  const out = Array.from({ length: bins }, () => ({ sum: 0, right: 0, n: 0 }));
  for (const p of points) {
    const b = out[Math.min(bins - 1, Math.floor(p.confidence * bins))];
    if (!b) continue;
    b.sum += p.confidence;
    b.n++;
    if (p.right) b.right++;
  }
  return out.filter((b) => b.n > 0).map((b) => ({ mean: b.sum / b.n, accuracy: b.right / b.n, n: b.n }));
}

const W = 360;
const H = 300;
const PAD = 40;
const x = (v: number, ox: number) => (ox + PAD + v * (W - 2 * PAD)).toFixed(1);
const y = (v: number) => (H - PAD - v * (H - 2 * PAD)).toFixed(1);

function axes(ox: number, title: string, xLabel: string, yLabel: string): string {
  return [
    `<text x="${ox + W / 2}" y="20" text-anchor="middle" font-weight="bold">${title}</text>`,
    `<line x1="${x(0, ox)}" y1="${y(0)}" x2="${x(1, ox)}" y2="${y(0)}" stroke="black"/>`,
    `<line x1="${x(0, ox)}" y1="${y(0)}" x2="${x(0, ox)}" y2="${y(1)}" stroke="black"/>`,
    `<text x="${ox + W / 2}" y="${H - 8}" text-anchor="middle">${xLabel}</text>`,
    `<text x="${ox + 12}" y="${H / 2}" text-anchor="middle" transform="rotate(-90 ${ox + 12} ${H / 2})">${yLabel}</text>`,
    ...[0, 0.5, 1].map(
      (t) => `<text x="${x(t, ox)}" y="${Number(y(0)) + 14}" text-anchor="middle" font-size="10">${t}</text>`,
    ),
    ...[0, 0.5, 1].map(
      (t) => `<text x="${Number(x(0, ox)) - 4}" y="${y(t)}" text-anchor="end" font-size="10">${t}</text>`,
    ),
  ].join("\n");
}

export function plotSvg(rows: readonly EvalRow[], title: string): string {
  const points = pointsOf(rows);
  const rc = riskCoverage(points);
  const curve = rc.map((p) => `${x(p.coverage, 0)},${y(p.risk)}`).join(" ");
  const rel = reliability(points);
  const maxN = Math.max(1, ...rel.map((b) => b.n));
  const ox = W;
  const dots = rel
    .map(
      (b) =>
        `<circle cx="${x(b.mean, ox)}" cy="${y(b.accuracy)}" r="${(3 + 7 * Math.sqrt(b.n / maxN)).toFixed(1)}" fill="steelblue" fill-opacity="0.6"><title>${b.n} questions, confidence ${b.mean.toFixed(2)}, right ${b.accuracy.toFixed(2)}</title></circle>`,
    )
    .join("\n");
  const esc = title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 20}" font-family="sans-serif" font-size="12">`,
    `<text x="${W}" y="${H + 14}" text-anchor="middle" font-size="10">${esc} (${points.length} labelled questions)</text>`,
    axes(0, "Risk-coverage", "coverage (share answered, most confident first)", "risk (share wrong)"),
    `<polyline fill="none" stroke="crimson" stroke-width="1.5" points="${curve}"/>`,
    axes(ox, "Reliability", "confidence", "share right"),
    `<line x1="${x(0, ox)}" y1="${y(0)}" x2="${x(1, ox)}" y2="${y(1)}" stroke="gray" stroke-dasharray="4"/>`,
    dots,
    "</svg>",
  ].join("\n");
}

export function plotFile(rows: readonly EvalRow[], title: string, path: string): string {
  const svg = plotSvg(rows, title);
  return path.endsWith(".html")
    ? `<!doctype html><meta charset="utf-8"><title>${title.replace(/</g, "&lt;")}</title>\n${svg}\n`
    : `${svg}\n`;
}
