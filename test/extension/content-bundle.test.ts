// Content scripts stay small (issue #6: ≤ 20 KB gzipped) and never pull in the engine's catalogue, Preact or zod:
// checked on the import graph of every content entrypoint, and on the built scripts when a build exists.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const ENTRY_DIR = "extension/entrypoints";
const entries = readdirSync(ENTRY_DIR)
  .filter((d) => d.endsWith(".content"))
  .map((d) => join(ENTRY_DIR, d, "index.ts"));

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module a file reaches through value imports (`import type` is erased and does not count). */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/^\s*(import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      const spec = m[2]!;
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
      else if (!spec.startsWith(".")) packages.add(spec);
    }
  }
  return { files, packages };
}

describe("content scripts", () => {
  it.each(entries)("%s imports no catalogue but the UI strings, no Preact, no zod", (entry) => {
    const { files, packages } = graph(entry);
    const i18n = [...files].filter((f) => f.includes("/shared/i18n/")).map((f) => f.split("/shared/i18n/")[1]);
    expect(i18n.filter((f) => !/^ui\.(en|zh-CN)\.ts$/.test(f!))).toEqual([]);
    expect(i18n, "the graph reaches the UI strings (the walk works)").toContain("ui.en.ts");
    expect(
      [...files].some((f) => f.includes("/extension/ui/card/")),
      "the card UI",
    ).toBe(false);
    expect([...packages].filter((p) => /^(preact|zod)(\/|$)/.test(p))).toEqual([]);
  });

  for (const dir of ["extension/.output/chrome-mv3", "extension/.output/chrome-mv3-e2e"]) {
    const scripts = join(dir, "content-scripts");
    it(`${scripts}: each ≤ 20 KB gzipped, without the engine's words`, () => {
      expect(
        existsSync(scripts),
        `${scripts} is missing: build the extension first (npm run build:ext, and --mode e2e)`,
      ).toBe(true);
      for (const name of readdirSync(scripts).filter((n) => n.endsWith(".js"))) {
        const code = readFileSync(join(scripts, name));
        expect(gzipSync(code, { level: 9 }).length, name).toBeLessThanOrEqual(20 * 1024);
        expect(code.includes("suggest.collect-overdue"), `${name}: engine catalogue`).toBe(false);
      }
    });
  }
});
