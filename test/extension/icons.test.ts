// Toolbar and store icons: the committed PNGs are what extension/scripts/make-icons.ts draws (so they never drift
// from the script), valid 8-bit RGBA of the declared size, and referenced by the manifest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodePng, ICON_SIZES, layout, render } from "../../extension/scripts/make-icons";
import config from "../../extension/wxt.config";

const DIR = "extension/public/icon";

/** IHDR fields and the unfiltered pixels of a PNG written with filter 0 (what the encoder writes). */
function decode(png: Buffer): { width: number; height: number; depth: number; colour: number; rgba: Uint8Array } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    at += 12 + len;
  }
  if (!header) throw new Error("no IHDR");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)], "filter byte").toBe(0);
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, depth: header[8]!, colour: header[9]!, rgba };
}

const pixel = (rgba: Uint8Array, size: number, x: number, y: number) => [
  ...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe("extension icons", () => {
  it.each(ICON_SIZES)("%i px: committed file = script output, RGBA of the right size", (size) => {
    const file = readFileSync(join(DIR, `${size}.png`));
    expect(file.equals(encodePng(size, size, render(size))), "re-run npx tsx extension/scripts/make-icons.ts").toBe(
      true,
    );
    const png = decode(file);
    expect({ width: png.width, height: png.height, depth: png.depth, colour: png.colour }).toEqual({
      width: size,
      height: size,
      depth: 8,
      colour: 6,
    });
  });

  it.each(ICON_SIZES)(
    "%i px: blue tile, white bars on whole pixels, transparent outside the rounded corners",
    (size) => {
      const { rgba } = decode(readFileSync(join(DIR, `${size}.png`)));
      const { tile, bars } = layout(size);
      expect(pixel(rgba, size, tile.x0, tile.y0)[3], "corner (anti-aliased edge at most)").toBeLessThan(16);
      expect(pixel(rgba, size, Math.floor(size / 2), tile.y0 + 1), "tile top").toEqual([0x25, 0x63, 0xeb, 255]);
      for (const bar of bars) {
        for (const v of [bar.x0, bar.x1, bar.y0, bar.y1])
          expect(Number.isInteger(v), "bar edge on the grid").toBe(true);
        expect(pixel(rgba, size, Math.floor((bar.x0 + bar.x1) / 2), bar.y0), "bar").toEqual([255, 255, 255, 255]);
        expect(pixel(rgba, size, bar.x0 - 1, bar.y0 + 1), "left of the bar").toEqual([0x25, 0x63, 0xeb, 255]);
      }
      // Pyramid: each tier wider than the one above.
      expect(bars.map((b) => b.x1 - b.x0)).toEqual([...bars.map((b) => b.x1 - b.x0)].sort((a, b) => a - b));
      if (size === 128) expect(tile.x0, "store icon: 96 px artwork, 16 px padding").toBe(16);
    },
  );

  it("the manifest lists the four icons, and the toolbar action the small ones", () => {
    const manifest = (config.manifest as unknown as (env: Record<string, unknown>) => Record<string, unknown>)({
      mode: "production",
      browser: "chrome",
      manifestVersion: 3,
      command: "build",
    }) as { icons: Record<string, string>; action: { default_icon: Record<string, string> } };
    expect(manifest.icons).toEqual(Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icon/${s}.png`])));
    expect(manifest.action.default_icon).toEqual({ 16: "icon/16.png", 32: "icon/32.png" });
  });
});
