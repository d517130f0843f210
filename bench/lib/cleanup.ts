// Everything the bench starts registers its stop function here; it all stops at the end, on error and on Ctrl-C.
type Stop = () => Promise<void>;

const stops = new Set<Stop>();
let installed = false;

/** Registers `stop` and returns a function that runs it once and unregisters it. */
export function track(stop: Stop): Stop {
  let done = false;
  const once: Stop = async () => {
    if (done) return;
    done = true;
    stops.delete(once);
    await stop();
  };
  stops.add(once);
  return once;
}

/** Stops everything still registered, newest first; never throws. */
export async function stopAll(): Promise<void> {
  for (const stop of [...stops].reverse()) {
    try {
      await stop();
    } catch (err) {
      console.error("bench: cleanup failed:", err);
    }
  }
}

/** On SIGINT / SIGTERM / SIGHUP: stop everything, then exit 130 / 143 / 129. */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping what the bench started…`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}
