// A proxy between the extension and the worker that lets the first interactions batch be written upstream but never
// answered, to cut a flush off mid-request (test/e2e/extension-outbox.e2e.ts).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Forwards to the worker; the first interactions batch is written upstream but its answer is held back. */
export async function holdingProxy(upstream: string) {
  let hold = true;
  const batches: string[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (d) => (body += d)).on("end", () => resolve(body));
    });
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers: {
        Authorization: String(req.headers.authorization ?? ""),
        "Content-Type": String(req.headers["content-type"] ?? "application/json"),
      },
      body: req.method === "GET" ? undefined : body,
    });
    const text = await answer.text();
    if (req.url === "/api/v1/interactions/batch") {
      batches.push(body);
      if (hold) return; // never answered
    }
    res
      .writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") ?? "application/json" })
      .end(text);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    batches,
    release: () => {
      hold = false;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
