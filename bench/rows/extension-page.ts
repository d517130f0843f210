// Runs inside the Gmail fixture page (via page.evaluate): inserts 50 list rows at once and times, per sender,
// insertion → the first animation frame after its chip is in place (tier set), and the same for a no-op baseline:
// insertion → the first animation frame (the earliest anything can be painted). Bounded by `timeoutMs`.
export interface PageTiming {
  chipMs: (number | null)[];
  frameMs: number;
}

export function measureInPage(args: {
  senders: { email: string; name: string }[];
  timeoutMs: number;
}): Promise<PageTiming> {
  const { senders, timeoutMs } = args;
  const template = document.querySelector("tr.zA");
  const tbody = template?.parentElement;
  if (!template || !tbody) throw new Error("no Gmail list row (tr.zA) in the fixture");
  const rows = senders.map(({ email, name }) => {
    const row = template.cloneNode(true) as HTMLElement;
    row.removeAttribute("id");
    for (const chip of row.querySelectorAll("[data-tierlens-chip]")) chip.remove();
    const span = row.querySelector("span[email]");
    if (!span) throw new Error("no span[email] in the template row");
    span.setAttribute("email", email);
    span.setAttribute("name", name);
    span.setAttribute("data-hovercard-id", email);
    span.textContent = name;
    return row;
  });
  return new Promise((resolve) => {
    const chipMs: (number | null)[] = senders.map(() => null);
    let frameMs = Number.NaN;
    let pending = senders.length;
    const t0 = performance.now();
    for (const row of rows) tbody.appendChild(row);
    const ready = (email: string) => {
      const host = document.querySelector(`[data-tierlens-chip="${CSS.escape(email)}"]`);
      const button = host?.shadowRoot?.querySelector("[role=button]") ?? host?.querySelector("[role=button]");
      return !!button?.getAttribute("data-tier");
    };
    const frame = () => {
      const now = performance.now() - t0;
      if (Number.isNaN(frameMs)) frameMs = now;
      senders.forEach(({ email }, k) => {
        if (chipMs[k] === null && ready(email)) {
          chipMs[k] = now;
          pending--;
        }
      });
      if (pending === 0 || now > timeoutMs) resolve({ chipMs, frameMs });
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
