// How every test and benchmark starts Debian's Chromium headless: one list of flags, kept in one place.
// Without the network flags Chromium dials Google's hosts at start-up, which this machine refuses (TOOLCHAIN.md).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launch options for `chromium.launchPersistentContext`, with the unpacked extension in `extensionDir` loaded. */
export function chromiumLaunchOptions(extensionDir?: string) {
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    ignoreDefaultArgs: extensionDir ? ["--disable-extensions"] : [],
  };
}

/**
 * Polls `read` until `ok` holds, every 250 ms, failing after `timeoutMs` with the last value seen.
 * @example await waitUntil("the outbox to drain", outbox, (o) => o.items.length === 0)
 */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
