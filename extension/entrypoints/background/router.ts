// Answers validated messages; privileged ones only from extension pages, web-page content scripts may only look up.
import { type Browser, browser } from "wxt/browser";
import { customerDetailResponseSchema, pairResponseSchema } from "../../../shared/contract";
import { apiJson } from "../../lib/api";
import { getConnection, getProfile, getSettings, normaliseServerUrl, setConnection } from "../../lib/connection";
import { normaliseEmail } from "../../lib/email";
import { browserLanguage, resolveLocale, type UiLocale } from "../../lib/i18n";
import { parseMessage } from "../../lib/message-schemas";
import { CONTENT_SCRIPT_MESSAGES, type LogDraft, type Message, type Replies } from "../../lib/messages";
import { customerPage, dueFollowUps } from "./follow-ups";
import { refreshProfile } from "./profile";
import { lookups, outbox } from "./services";
import { syncGenericScripts } from "./sites";

async function locale(): Promise<UiLocale> {
  return resolveLocale((await getSettings()).locale, browserLanguage());
}

function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? "").startsWith(browser.runtime.getURL("/"));
}

export async function queueLog(item: LogDraft): Promise<string> {
  const id = crypto.randomUUID();
  const { occurredAt, ...rest } = item;
  await outbox.enqueue({ id, ...rest, occurredAt: occurredAt ?? new Date().toISOString() });
  void outbox.flush(true);
  return id;
}

/** Null for a message that is invalid or not allowed from this sender (it gets no answer). */
export async function handle(input: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const message = parseMessage(input);
  if (!message || sender.id !== browser.runtime.id) return null;
  if (!CONTENT_SCRIPT_MESSAGES.has(message.type) && !fromExtensionPage(sender)) return null;
  return answer(message);
}

async function answer(m: Message): Promise<Replies[Message["type"]]> {
  const connection = await getConnection();
  switch (m.type) {
    case "lookup": {
      const emails = [...new Set(m.emails.map((e) => normaliseEmail(e)).filter((e): e is string => e !== null))];
      const results = connection && emails.length > 0 ? await lookups.lookup(emails) : [];
      return { connected: connection !== null, locale: await locale(), results };
    }
    case "card": {
      const result = lookups.cached(m.email) ?? (connection ? ((await lookups.lookup([m.email]))[0] ?? null) : null);
      const profile = await getProfile();
      return {
        connected: connection !== null,
        locale: await locale(),
        currency: profile?.currency ?? "CNY",
        serverUrl: connection?.serverUrl ?? null,
        result,
      };
    }
    case "customer": {
      if (!connection) return { detail: null };
      const body = await apiJson<unknown>(connection, `/customers/${encodeURIComponent(m.id)}`).catch(() => null);
      const parsed = customerDetailResponseSchema.safeParse(body);
      return { detail: parsed.success ? parsed.data : null };
    }
    case "log":
      return { id: await queueLog(m.item) };
    case "undo":
      await outbox.undo(m.id);
      void outbox.flush(true);
      return { ok: true };
    case "search": {
      if (!connection) return { items: [], error: "not connected" };
      try {
        return { items: (await customerPage(connection, `limit=10&q=${encodeURIComponent(m.q)}`)).items };
      } catch (e) {
        return { items: [], error: (e as Error).message };
      }
    }
    case "due":
      return dueFollowUps(connection);
    case "status": {
      const [summary, failed, profile, undos] = [
        await outbox.summary(),
        await outbox.failed(),
        await getProfile(),
        await outbox.pendingUndos(),
      ];
      return {
        connected: connection !== null,
        serverUrl: connection?.serverUrl ?? null,
        userName: profile?.userName ?? null,
        workspaceName: profile?.workspaceName ?? null,
        pending: summary.pending,
        undos: undos.length,
        failed: failed.map(({ id, summary, email, status, reason, failedAt }) => ({
          id,
          summary,
          email,
          status,
          reason,
          failedAt,
        })),
        locale: await locale(),
      };
    }
    case "connect":
      return connect(m.serverUrl, m.code, m.token);
    case "disconnect":
      lookups.clear();
      await browser.storage.local.remove(["connection", "profile"]);
      await browser.storage.session.clear().catch(() => undefined);
      return { ok: true };
    case "retryFailed":
      await outbox.retryFailed(m.id);
      void outbox.flush(true);
      return { ok: true };
    case "dismissFailed":
      await outbox.dismissFailed(m.id);
      return { ok: true };
    case "sitesChanged":
      await syncGenericScripts();
      return { ok: true };
  }
}

async function connect(url: string, code?: string, token?: string): Promise<Replies["connect"]> {
  const serverUrl = normaliseServerUrl(url);
  if (!serverUrl) return { ok: false, error: "invalid URL" };
  try {
    let apiToken = token;
    if (code) {
      const res = await fetch(`${serverUrl}/api/v1/pair`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code }),
      });
      if (!res.ok)
        return { ok: false, error: res.status === 429 ? "too many attempts" : `pairing failed (${res.status})` };
      apiToken = pairResponseSchema.parse(await res.json()).token;
    }
    if (!apiToken) return { ok: false, error: "no token" };
    lookups.clear();
    await setConnection({ serverUrl, token: apiToken });
    await refreshProfile();
    void outbox.flush(true);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
