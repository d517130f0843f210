// Writes the toolbar / store icons (extension/public/icon/{16,32,48,128}.png): a brand-blue rounded square with a
// white three-tier pyramid. No image library: shapes are rasterised here with 8×8 supersampling for the rounded
// corners, bar edges sit on whole pixels at every size (crisp at 16 px), and a minimal PNG encoder (node:zlib) writes
// 8-bit RGBA. Run after changing the design: `npx tsx extension/scripts/make-icons.ts` (deterministic output).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 48, 128] as const;

/** --accent of ui/theme.css (light). */
const BLUE: RGB = [0x25, 0x63, 0xeb];
const WHITE: RGB = [0xff, 0xff, 0xff];

type RGB = [number, number, number];

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Corner radius, in pixels. */
  r: number;
}

/**
 * The mark at one size, in whole pixels. The tile fills the small icons; the 128 px store icon keeps 16 px of
 * transparent padding on each side (96 px of artwork, per the Chrome Web Store guidelines). Bars: ¼, ½ and ¾ of
 * the tile wide, centred, so their edges land on the pixel grid.
 */
export function layout(size: number): { tile: Rect; bars: Rect[] } {
  const pad = size >= 128 ? size / 8 : 0;
  const t = size - 2 * pad;
  // Per tile size: bar height, gap between bars, and how far below centre the stack sits (optical centre).
  const spec: Record<number, [number, number, number]> = {
    16: [3, 1, 0],
    32: [6, 2, 0],
    48: [9, 3, 0],
    96: [18, 6, 0],
  };
  const [h, gap, shift] = spec[t] ?? [Math.round(t / 8), Math.round(t / 16), 0];
  const stack = 3 * h + 2 * gap;
  const top = pad + Math.floor((t - stack) / 2) + shift;
  const bars = [0.25, 0.5, 0.75].map((share, i) => {
    const w = Math.round(t * share);
    const x0 = pad + (t - w) / 2;
    const y0 = top + i * (h + gap);
    return { x0, y0, x1: x0 + w, y1: y0 + h, r: t >= 48 ? h / 6 : 0 };
  });
  return { tile: { x0: pad, y0: pad, x1: size - pad, y1: size - pad, r: Math.round(t * 0.1875) }, bars };
}

function inside(rect: Rect, x: number, y: number): boolean {
  if (x < rect.x0 || x >= rect.x1 || y < rect.y0 || y >= rect.y1) return false;
  const r = rect.r;
  if (r <= 0) return true;
  const cx = Math.min(Math.max(x, rect.x0 + r), rect.x1 - r);
  const cy = Math.min(Math.max(y, rect.y0 + r), rect.y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Straight (non-premultiplied) RGBA, row by row. */
export function render(size: number): Uint8Array {
  const { tile, bars } = layout(size);
  const out = new Uint8Array(size * size * 4);
  const n = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tileHits = 0;
      let barHits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          if (!inside(tile, x, y)) continue;
          tileHits++;
          if (bars.some((b) => inside(b, x, y))) barHits++;
        }
      }
      const i = (py * size + px) * 4;
      if (tileHits === 0) continue;
      const white = barHits / tileHits;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round((BLUE[c] ?? 0) * (1 - white) + (WHITE[c] ?? 0) * white);
      out[i + 3] = Math.round((255 * tileHits) / (n * n));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG of 8-bit RGBA pixels: IHDR, one IDAT (filter 0 on every row, zlib level 9), IEND. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

export function iconDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icon");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = iconDir();
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = encodePng(size, size, render(size));
    writeFileSync(join(dir, `${size}.png`), png);
    console.log(`${join(dir, `${size}.png`)}  ${png.length} bytes`);
  }
}
