// Builds the extension once before the end-to-end files run (they load extension/.output/chrome-mv3).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export default function setup() {
  if (process.env.TIERLENS_SKIP_BUILD === "1" && existsSync("extension/.output/chrome-mv3/manifest.json")) return;
  if (!existsSync("extension/wxt.config.ts")) return;
  execFileSync("node_modules/.bin/wxt", ["build", "extension"], { stdio: "inherit" });
}
