// What the bench ran on, for results.json and the README.
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

export function machine(): Record<string, string | number> {
  let commit = "";
  let uncommitted = 0;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const paths = ["worker", "shared", "extension"];
    uncommitted = execFileSync("git", ["status", "--porcelain", "--", ...paths], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean).length;
  } catch {}
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit,
    /** Files under worker/, shared/, extension/ that differed from the commit (the bench measures the tree). */
    uncommittedFiles: uncommitted,
  };
}
