// `npm start`: local D1 migrated and seeded with the demo workspace, the worker on :8787, the extension built.
// Offline and idempotent: a second run reuses the same database and demo logins.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { applyLocalMigrations, startWorker } from "./lib/worker-process";
import { seedDemo } from "./seed/apply";

const PORT = 8787;
const URL = `http://127.0.0.1:${PORT}`;
const step = (text: string) => console.log(`\n▸ ${text}`);

/** Reads OPERATOR_TOKEN from .dev.vars, writing a random one when absent. */
function ensureOperatorToken(): string {
  const file = ".dev.vars";
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const found = /^OPERATOR_TOKEN\s*=\s*"?([^"\n]+)"?\s*$/m.exec(text);
  if (found?.[1]) return found[1];
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, `${text}${text && !text.endsWith("\n") ? "\n" : ""}OPERATOR_TOKEN="${token}"\n`);
  return token;
}

async function portIsFree(): Promise<boolean> {
  try {
    await fetch(`${URL}/health`, { signal: AbortSignal.timeout(500) });
    return false;
  } catch {
    return true;
  }
}

async function main() {
  if (!(await portIsFree())) {
    console.error(
      `Port ${PORT} is already answering. Stop the other \`npm start\` (or whatever holds it) and try again.`,
    );
    process.exit(1);
  }
  const operatorToken = ensureOperatorToken();

  step("Applying migrations to the local D1 (.wrangler/state)…");
  await applyLocalMigrations();

  step("Building the extension…");
  try {
    execFileSync("node_modules/.bin/wxt", ["build", "extension"], { stdio: "pipe" });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the extension did not build:\n${stdout}${stderr}`);
  }
  const extensionDir = resolve("extension/.output/chrome-mv3");

  step(`Starting the worker on ${URL}…`);
  const worker = await startWorker({ port: PORT });
  const shutdown = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  step("Seeding the demo workspace “Demo Trading Co.” (idempotent)…");
  const demo = await seedDemo(URL, operatorToken, {
    anchorDate: new Date().toISOString().slice(0, 10),
    log: (line) => console.log(`  ${line}`),
  });

  console.log(`
────────────────────────────────────────────────────────────────────
 Tierlens is running at ${URL}

 Admin UI     ${URL}/admin
   admin      ${demo.admin.email}  /  ${demo.admin.password}
   rep        ${demo.rep ? `${demo.rep.email}  /  ${demo.rep.password}` : "(not created)"}

 Extension    ${extensionDir}
   1. Open chrome://extensions, turn on Developer mode, click “Load unpacked”, pick the folder above.
   2. Open the extension’s options, enter the server URL ${URL}
      and the pairing code ${demo.pairingCode ?? "from Admin → Connect extension"} (valid 10 minutes, single use).

 API          ${URL}/api/v1/docs   (operator token in .dev.vars)
 Stop with Ctrl-C.
────────────────────────────────────────────────────────────────────`);
  await new Promise(() => {});
}

main().catch((error) => {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
