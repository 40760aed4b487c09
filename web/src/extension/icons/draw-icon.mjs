// Draws PostCheck's toolbar icon as a PNG at any size (used by the build):
// a white tick on a blue rounded square, over an orange wavy underline,
// like a highlighted word. Shapes are signed distances, 4x4 supersampled.
import { encodePng } from '../../../build/png.mjs';

const BLUE = [26, 95, 180];
const WHITE = [255, 255, 255];
const ORANGE = [255, 176, 32];

function segDist(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function roundRectDist(px, py, r) {
  const qx = Math.abs(px - 0.5) - (0.5 - r);
  const qy = Math.abs(py - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Colour of one sample at unit coordinates, or null outside the icon. */
function sample(x, y, size) {
  if (roundRectDist(x, y, 0.2) > 0) return null;
  const w = size <= 16 ? 0.11 : 0.085;
  const tick = Math.min(segDist(x, y, 0.27, 0.47, 0.43, 0.63), segDist(x, y, 0.43, 0.63, 0.74, 0.29));
  if (tick < w / 2 + 0.01) return WHITE;
  if (x > 0.2 && x < 0.8) {
    const amp = size <= 16 ? 0.025 : 0.03;
    const wy = 0.8 + amp * Math.sin(((x - 0.2) / 0.6) * Math.PI * 4);
    if (Math.abs(y - wy) < (size <= 16 ? 0.05 : 0.032)) return ORANGE;
  }
  return BLUE;
}

export function drawIcon(size) {
  const S = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = sample((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (y * size + x) * 4;
      if (a) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return encodePng(size, px);
}
