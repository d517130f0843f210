// Name → address learned from opened messages, for hosts whose lists show display names only (QQ new, 163, Outlook colleagues).
import { browser } from "wxt/browser";

const MAX = 500;

export class LearnedNames {
  private map = new Map<string, string>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly key: string) {}

  async load(): Promise<void> {
    const stored = (await browser.storage.local.get(this.key).catch(() => ({}) as Record<string, unknown>))[this.key];
    for (const [name, email] of Object.entries((stored as Record<string, string> | undefined) ?? {})) {
      if (!this.map.has(name)) this.map.set(name, email);
    }
  }

  get(name: string | undefined): string | undefined {
    return name ? this.map.get(name.trim().toLowerCase()) : undefined;
  }

  /** Remembers a pairing; the newest wins, the oldest is forgotten past 500. Stays in this browser. */
  learn(name: string | undefined, email: string): void {
    const key = name?.trim().toLowerCase();
    if (!key || key.includes("@") || this.map.get(key) === email) return;
    this.map.delete(key);
    this.map.set(key, email);
    while (this.map.size > MAX) this.map.delete(this.map.keys().next().value as string);
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = null;
      void browser.storage.local.set({ [this.key]: Object.fromEntries(this.map) }).catch(() => undefined);
    }, 1000);
  }
}
