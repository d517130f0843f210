// Typed request/reply to the background from extension pages.
import { browser } from "wxt/browser";
import type { Message, Replies } from "../lib/messages";

export async function ask<M extends Message>(message: M): Promise<Replies[M["type"]] | null> {
  try {
    return ((await browser.runtime.sendMessage(message)) as Replies[M["type"]] | null) ?? null;
  } catch {
    return null;
  }
}
