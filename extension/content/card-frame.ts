// Opens the card lazily: an extension page (card.html, Preact) in an iframe inside a shadow root, placed by the chip.
import { browser } from "wxt/browser";
import { CHIP_ATTR } from "../hosts/generic/adapter";

const WIDTH = 320;
let current: { host: HTMLElement; frame: HTMLIFrameElement; chip: HTMLElement; key: string } | null = null;
let closeTimer: ReturnType<typeof setTimeout> | null = null;

export interface CardRequest {
  email: string;
  name?: string;
  receivedAt?: number;
  context: string;
}

function place(host: HTMLElement, chip: HTMLElement, height: number) {
  const r = chip.getBoundingClientRect();
  const view = chip.ownerDocument.defaultView ?? window;
  const below = r.bottom + 4 + height <= view.innerHeight || r.top < height;
  const left = Math.max(4, Math.min(r.left, view.innerWidth - WIDTH - 4));
  host.style.setProperty("left", `${left}px`);
  host.style.setProperty("top", `${below ? r.bottom + 4 : Math.max(4, r.top - height - 4)}px`);
}

export function closeCard(): void {
  current?.host.remove();
  current = null;
}

/** Keeps the card open while the pointer is over the chip or the card; closes 400 ms after it left both. */
export function hoverCard(inside: boolean): void {
  if (closeTimer) clearTimeout(closeTimer);
  closeTimer = inside ? null : setTimeout(closeCard, 400);
}

export function openCard(chip: HTMLElement, request: CardRequest, focus: boolean): void {
  const key = `${request.email}|${request.receivedAt ?? ""}`;
  if (current?.chip === chip && current.key === key) {
    if (focus) current.frame.focus();
    return;
  }
  closeCard();
  const doc = chip.ownerDocument;
  const host = doc.createElement("span");
  host.setAttribute(CHIP_ATTR, "card");
  host.style.cssText = `all:initial;position:fixed;z-index:2147483647;width:${WIDTH}px;height:120px;display:block`;
  const root = host.attachShadow({ mode: "open" });
  const frame = doc.createElement("iframe");
  const params = new URLSearchParams({ email: request.email, context: request.context });
  if (request.receivedAt) params.set("at", String(request.receivedAt));
  if (request.name) params.set("name", request.name.slice(0, 200));
  params.set("host", location.hostname);
  frame.src = `${browser.runtime.getURL("/card.html")}#${params}`;
  frame.title = "Tierlens";
  frame.style.cssText =
    "border:0;width:100%;height:100%;color-scheme:normal;background:transparent;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.25)";
  frame.setAttribute("allowtransparency", "true");
  root.append(frame);
  (doc.body ?? doc.documentElement).append(host);
  place(host, chip, 120);
  host.addEventListener("mouseenter", () => hoverCard(true));
  host.addEventListener("mouseleave", () => hoverCard(false));
  current = { host, frame, chip, key };
  if (focus) frame.addEventListener("load", () => frame.focus(), { once: true });
}

// The card reports its height and asks to close; only messages from our own iframe count.
window.addEventListener("message", (event) => {
  if (!current || event.source !== current.frame.contentWindow) return;
  const data = event.data as { tierlens?: string; height?: number } | null;
  if (data?.tierlens === "size" && typeof data.height === "number") {
    const height = Math.min(Math.max(60, Math.round(data.height)), 520);
    current.host.style.setProperty("height", `${height}px`);
    place(current.host, current.chip, height);
  } else if (data?.tierlens === "close") {
    const chip = current.chip;
    closeCard();
    chip.shadowRoot?.querySelector<HTMLElement>("[role=button]")?.focus();
  }
});

document.addEventListener(
  "pointerdown",
  (e) => {
    if (current && !e.composedPath().some((n) => n === current?.host || n === current?.chip)) closeCard();
  },
  true,
);
