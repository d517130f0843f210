// The stored connection (`connection` = {serverUrl, token}: the documented contract for roll-out scripts), profile and settings.
import { browser } from "wxt/browser";
import type { LocaleSetting } from "./i18n";

export interface Connection {
  serverUrl: string;
  token: string;
}

export interface Profile {
  userName: string;
  workspaceName: string;
  currency: string;
}

export interface Settings {
  locale: LocaleSetting;
  /** Origins (`https://crm.example.com`) where the generic content script runs. */
  sites: string[];
}

export const DEFAULT_SETTINGS: Settings = { locale: "auto", sites: [] };

/** `https://x.example/` → `https://x.example`; null for anything that is not an http(s) URL. */
export function normaliseServerUrl(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** The connection as written by the options page or directly by a roll-out script; null when absent or malformed. */
export async function getConnection(): Promise<Connection | null> {
  const { connection } = await browser.storage.local.get("connection");
  const c = connection as Partial<Connection> | undefined;
  if (!c || typeof c.serverUrl !== "string" || typeof c.token !== "string" || !c.token) return null;
  const serverUrl = normaliseServerUrl(c.serverUrl);
  return serverUrl ? { serverUrl, token: c.token } : null;
}

export async function setConnection(connection: Connection): Promise<void> {
  await browser.storage.local.set({ connection });
}

export async function getProfile(): Promise<Profile | null> {
  const { profile } = await browser.storage.local.get("profile");
  return (profile as Profile | undefined) ?? null;
}

export async function getSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get("settings");
  return { ...DEFAULT_SETTINGS, ...((settings as Partial<Settings> | undefined) ?? {}) };
}

export async function setSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await browser.storage.local.set({ settings: next });
  return next;
}
