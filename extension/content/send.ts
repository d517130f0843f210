// Sends a message to the background; after the extension was reloaded or updated the old script just goes quiet.
import { browser } from "wxt/browser";
import type { Message } from "../lib/messages";

export async function sendToBackground<T>(message: Message): Promise<T | null> {
  try {
    return ((await browser.runtime.sendMessage(message)) as T | undefined) ?? null;
  } catch {
    return null;
  }
}
