import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

/**
 * Draws the Teams app icons committed in manifests/teams/ (run again only to change them):
 *   npx tsx scripts/draw-teams-icons.ts
 * Teams wants color.png 192×192 (full colour) and outline.png 32×32: white on a transparent
 * background, nothing else. The picture is a speech bubble holding lines of quoted text.
 */

type Shape = (x: number, y: number) => boolean;

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

/** Triangle by its three corners (same-side test). */
const triangle =
  (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape =>
  (x, y) => {
    const s = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
    const d1 = s(ax, ay, bx, by);
    const d2 = s(bx, by, cx, cy);
    const d3 = s(cx, cy, ax, ay);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** Fraction of a pixel a shape covers, from 4×4 samples, for smooth edges. */
function coverage(shape: Shape, px: number, py: number): number {
  let hit = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (shape(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hit++;
  return hit / 16;
}

/** A bubble in a unit box scaled to `size`, with a tail at the bottom left. */
function bubble(size: number, inset: number): Shape {
  const k = size / 32;
  return union(
    roundedRect((3 + inset) * k, (5 + inset) * k, (29 - inset) * k, (23 - inset) * k, (5 - inset) * k),
    triangle(
      (8 + inset) * k,
      (20 - inset) * k,
      (16 - inset) * k,
      (20 - inset) * k,
      (7 + inset) * k,
      (28 - inset * 1.5) * k,
    ),
  );
}

function textLines(size: number): Shape {
  const k = size / 32;
  return union(
    roundedRect(8 * k, 10 * k, 24 * k, 12 * k, k),
    roundedRect(8 * k, 15.5 * k, 19 * k, 17.5 * k, k),
  );
}

export function drawColor(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  const bg = [0x46, 0x4e, 0xb8]; // Teams-like indigo, also the manifest's accentColor
  const white = bubble(size, 0);
  const lines = textLines(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const w = coverage(white, x, y) - coverage(lines, x, y);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round((bg[c] as number) * (1 - w) + 255 * w);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

export function drawOutline(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  const shape = union(minus(bubble(size, 0), bubble(size, 2)), textLines(size));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * coverage(shape, x, y));
    }
  }
  return png;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL("../manifests/teams/", import.meta.url);
  writeFileSync(new URL("color.png", dir), PNG.sync.write(drawColor()));
  writeFileSync(new URL("outline.png", dir), PNG.sync.write(drawOutline()));
  console.log("wrote manifests/teams/color.png and manifests/teams/outline.png");
}
