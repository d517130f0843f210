// Secrets at rest (issue #8 §7): after the real flows make a password, API tokens, sessions and pairing codes, every
// cell of every D1 table is read back and none holds a raw secret (nor any 12-character piece of one).
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { normalisePairingCode } from "../../worker/src/lib/crypto";
import { page, sessionFor } from "./admin-helpers";
import { call, type TestUser } from "./helpers";
import { userTables } from "./security-world";

vi.setConfig({ testTimeout: 60_000 }); // one production-cost scrypt hash

/** Every string in every row of every table, with where it was found. */
async function everyCell(): Promise<{ where: string; value: string }[]> {
  const cells: { where: string; value: string }[] = [];
  for (const table of await userTables()) {
    const { results } = await env.DB.prepare(`SELECT * FROM "${table}"`).all<Record<string, unknown>>();
    for (const row of results) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        cells.push({ where: `${table}.${column}`, value: typeof value === "string" ? value : JSON.stringify(value) });
      }
    }
  }
  return cells;
}

/** The secret itself and every 12-character window of it (a truncated or prefixed copy is a leak too). */
function pieces(secret: string): string[] {
  if (secret.length <= 12) return [secret];
  return Array.from({ length: secret.length - 11 }, (_, i) => secret.slice(i, i + 12));
}

describe("secrets at rest", () => {
  it("no raw password, API token, session id or pairing code is stored in any column of any table", async () => {
    const secrets: Record<string, string> = {};
    const password = `Sup3r secret passphrase ${crypto.randomUUID().slice(0, 8)}`;
    secrets.password = password;
    const created = await call(
      null,
      "POST",
      "/api/v1/workspaces",
      { name: "Secrets Co.", admin: { email: `sec-${Date.now()}@x.example`, name: "Sec", password } },
      { Authorization: "Bearer test-operator-token" },
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      token: string;
      workspace: { id: string };
      admin: { id: string; email: string };
    };
    secrets.workspaceToken = body.token;
    const admin: TestUser = {
      workspaceId: body.workspace.id,
      userId: body.admin.id,
      email: body.admin.email,
      role: "admin",
      token: body.token,
    };

    const apiToken = (await (await call(admin, "POST", "/api/v1/tokens", { name: "script" })).json()) as {
      token: string;
    };
    secrets.apiToken = apiToken.token;
    const code = (await (await call(admin, "POST", "/api/v1/pairing-codes")).json()) as { code: string };
    secrets.pairingCode = code.code;
    secrets.pairingCodeTyped = normalisePairingCode(code.code);
    const unused = (await (await call(admin, "POST", "/api/v1/pairing-codes")).json()) as { code: string };
    secrets.unusedPairingCode = normalisePairingCode(unused.code);
    const paired = (await (
      await call(null, "POST", "/api/v1/pair", { code: code.code }, { "CF-Connecting-IP": "192.0.2.77" })
    ).json()) as { token: string };
    secrets.pairedToken = paired.token;

    const { jar, csrf } = await sessionFor(admin);
    secrets.sessionId = jar.cookies.get("tl_session") as string;
    secrets.csrfToken = csrf;
    const ui = await page(jar, "POST", "/admin/connect", { _csrf: csrf });
    const uiCode = /([A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5})/.exec(await ui.text())?.[1];
    expect(uiCode).toBeDefined();
    secrets.uiPairingCode = normalisePairingCode(uiCode as string);
    const uiToken = await page(jar, "POST", "/admin/tokens", { _csrf: csrf, name: "from the UI" });
    const shown = /(tl_[A-Za-z0-9_-]{40,})/.exec(await uiToken.text())?.[1];
    expect(shown).toBeDefined();
    secrets.uiApiToken = shown as string;

    const cells = await everyCell();
    expect(cells.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      for (const piece of pieces(secret)) {
        for (const cell of cells) if (cell.value.includes(piece)) leaks.push(`${name} in ${cell.where}`);
      }
    }
    expect([...new Set(leaks)]).toEqual([]);

    // The password is kept as a slow, salted hash with its parameters (scrypt, N ≥ 2^14).
    const hash = cells.find(
      (c) =>
        c.where === "users.password_hash" && c.value.startsWith("scrypt$") && Number(c.value.split("$")[1]) >= 2 ** 14,
    );
    expect(hash).toBeDefined();
  });
});
