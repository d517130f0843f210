// Seeds generated workspaces through the baseline worker: Node generates and encodes slice n+1 while the worker
// writes slice n (two cores busy), one transaction per slice of 5,000 customers.
import { request } from "node:http";
import { encodeRows } from "../generate/encode";
import { BENCH, benchWorkspace, generateSlice, SIZES, type SizeLabel } from "../generate/workspace";

const SLICE = 5_000;

export interface SeedResult {
  label: SizeLabel;
  seconds: number;
  counts: Record<string, number>;
}

/** POSTs `body`; `sent` settles once the body is handed to the OS (so Node can go back to generating). */
function post(url: string, body: string): { sent: Promise<void>; done: Promise<string> } {
  const u = new URL(url);
  if (u.hostname !== "127.0.0.1") throw new Error("the bench only seeds 127.0.0.1");
  let onSent: () => void = () => {};
  const sent = new Promise<void>((r) => {
    onSent = r;
  });
  const done = new Promise<string>((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: "POST",
        headers: { "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () =>
          res.statusCode === 200
            ? resolve(text)
            : reject(new Error(`${url} → ${res.statusCode}: ${text.slice(0, 300)}`)),
        );
      },
    );
    req.setTimeout(300_000, () => req.destroy(new Error(`${url}: no answer in 300 s`)));
    req.on("error", (err) => {
      onSent();
      reject(err);
    });
    req.on("finish", onSent);
    req.end(body);
  });
  return { sent, done };
}

/** Creates the workspace of `label` and loads all its customers; returns the row counts and the load time. */
export async function seedWorkspace(baselineUrl: string, label: SizeLabel): Promise<SeedResult> {
  const started = performance.now();
  const ws = benchWorkspace(label);
  await post(`${baselineUrl}/seed/setup?size=${label}`, "").done;
  let inFlight: Promise<string> | null = null;
  for (let from = 0; from < SIZES[label]; from += SLICE) {
    const body = encodeRows(generateSlice(ws, BENCH.seed, from, Math.min(SIZES[label], from + SLICE)));
    if (inFlight) await inFlight; // one slice in the worker at a time; the next is ready when it finishes
    const { sent, done } = post(`${baselineUrl}/seed/rows?size=${label}`, body);
    done.catch(() => {}); // awaited below; avoids an unhandled rejection while generating
    await sent;
    inFlight = done;
  }
  if (inFlight) await inFlight;
  const counts = (await (await fetch(`${baselineUrl}/counts?size=${label}`)).json()) as Record<string, number>;
  return { label, seconds: (performance.now() - started) / 1000, counts };
}
