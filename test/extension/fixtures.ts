// Loads a saved host fixture (test/fixtures/<host>/*.html) into its own happy-dom document, parsed, never via innerHTML.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export function loadFixture(path: string): Document {
  const html = readFileSync(resolve("test/fixtures", path), "utf8");
  return new DOMParser().parseFromString(html, "text/html");
}

/** Local wall-clock time in epoch ms, like the adapters read the host's displayed dates. */
export const local = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi).getTime();
