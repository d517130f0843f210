// A record of the wrangler process groups the bench started (bench/data/pids.json), so a run that was killed
// outright (SIGKILL, a parent that did not pass Ctrl-C on) has its leftovers stopped by the next run — only
// groups this file names, and only when their command line is still a bench worker's.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const FILE = "bench/data/pids.json";
const MARK = "bench/data/build/";

function read(): number[] {
  try {
    return existsSync(FILE) ? (JSON.parse(readFileSync(FILE, "utf8")) as number[]) : [];
  } catch {
    return [];
  }
}

export function remember(pid: number): void {
  writeFileSync(FILE, JSON.stringify([...new Set([...read(), pid])]));
}

export function forget(pid: number): void {
  writeFileSync(FILE, JSON.stringify(read().filter((p) => p !== pid)));
}

/** Stops the process groups a previous run recorded and did not stop; returns how many. */
export function reapStale(): number {
  let reaped = 0;
  for (const pid of read()) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {}
    if (cmdline.includes(MARK)) {
      try {
        process.kill(-pid, "SIGKILL");
        reaped++;
      } catch {}
    }
  }
  writeFileSync(FILE, "[]");
  return reaped;
}
