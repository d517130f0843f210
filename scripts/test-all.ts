// `npm test`: typecheck, lint, the unit/Workers vitest projects and the end-to-end suite, with one closing tally.
// Every step runs even when an earlier one fails, so one run shows everything that is broken.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const tallies: Tally[] = [];
const bin = (name: string) => join("node_modules", ".bin", name);

function run(cmd: string, args: string[]): number {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  return result.status ?? 1;
}

/** A check that is one pass or one fail (a typecheck of one part, the linter). */
function check(name: string, cmd: string, args: string[]) {
  const ok = run(cmd, args) === 0;
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

/** A vitest run, counted test by test from its JSON report. */
function vitest(name: string, args: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), "tierlens-test-")), "report.json");
  const status = run(bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
  try {
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    // A file that fails to load has no failed test but a failed suite: count it as a failure.
    const failed =
      report.numFailedTests +
      (status !== 0 && report.numFailedTests === 0 ? Math.max(1, report.numFailedTestSuites) : 0);
    tallies.push({
      name,
      passed: report.numPassedTests,
      failed,
      skipped: report.numPendingTests + report.numTodoTests,
    });
  } catch {
    tallies.push({ name, passed: 0, failed: 1, skipped: 0 });
  }
}

check("typecheck: wxt prepare", bin("wxt"), ["prepare", "extension"]);
for (const project of ["tsconfig.json", "shared", "worker", "test/worker", "extension", "bench/baseline-worker"]) {
  check(`typecheck: ${project}`, bin("tsc"), ["-p", project]);
}
check("lint: biome", bin("biome"), ["check", "."]);
// Both builds come before the tests: unit tests check the built manifests and content-script sizes,
// and the end-to-end files load them (so they need not build again).
check("build: extension", bin("wxt"), ["build", "extension"]);
check("build: extension (e2e mode)", bin("wxt"), ["build", "extension", "--mode", "e2e"]);
process.env.TIERLENS_SKIP_BUILD = "1";
vitest("unit + workers", []);
if (process.env.TIERLENS_SKIP_E2E !== "1") vitest("end-to-end", ["--config", "test/e2e/vitest.config.ts"]);

console.log("\nSummary");
for (const t of tallies) {
  console.log(
    `  ${t.name.padEnd(28)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`,
  );
}
const passed = tallies.reduce((s, t) => s + t.passed, 0);
const failed = tallies.reduce((s, t) => s + t.failed, 0);
const skipped = tallies.reduce((s, t) => s + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
