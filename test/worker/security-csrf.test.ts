// CSRF (issue #8 §4): every state-changing admin route, read from the mounted app, refuses (403) a request without the
// session's token, with a wrong or foreign token, or from another origin — and nothing in the workspace changes.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { issueApiToken } from "../../worker/src/services/tokens";
import { csrfIn, Jar, ORIGIN, page, sessionFor, setCookies } from "./admin-helpers";
import { db } from "./helpers";
import { buildTenant, mountedRoutes, type Tenant, workspaceDigest } from "./security-world";

let t: Tenant;
let admin: { jar: Jar; csrf: string };
let other: { jar: Jar; csrf: string };

beforeAll(async () => {
  t = await buildTenant("csrf");
  admin = await sessionFor(t.admin);
  other = await sessionFor(t.manager);
});

/** Every unsafe admin route (and /setup), with real ids so that a request that got through would change something. */
function unsafeRoutes(): string[] {
  const routes = [...mountedRoutes("/admin"), ...mountedRoutes("/setup")].filter((r) => !r.startsWith("GET "));
  return routes;
}

async function concrete(path: string): Promise<string> {
  const token = await issueApiToken(db, { workspaceId: t.workspaceId, userId: t.rep2.userId, name: "victim" });
  return path
    .replace(/\/people\/:id/, `/people/${t.rep.userId}`)
    .replace(/\/tokens\/:id/, `/tokens/${token.id}`)
    .replace(/\/customers\/:id/, `/customers/${t.others}`)
    .replace(/:[A-Za-z]+/g, "x");
}

/** A plausible body for the form, so only the missing or wrong token can be the reason for a refusal. */
const FORM: Record<string, string> = {
  role: "admin",
  name: "Mallory",
  email: "mallory@evil.example",
  password: "a long enough password",
  current: "x",
  confirm: "a long enough password",
  ownerId: "",
  legalVerified: "1",
  kind: "call",
  occurredAt: "2026-02-01T10:00",
  summary: "forged",
  type: "customers",
  csv: "external_id,name\nF1,Forged",
  intent: "import",
  operatorToken: "test-operator-token",
};

interface Attack {
  name: string;
  jar: () => Jar;
  token: () => string | undefined;
  headers: Record<string, string>;
}

const ATTACKS: Attack[] = [
  { name: "no token", jar: () => admin.jar, token: () => undefined, headers: {} },
  { name: "a wrong token", jar: () => admin.jar, token: () => "A".repeat(43), headers: {} },
  { name: "another session's token", jar: () => admin.jar, token: () => other.csrf, headers: {} },
  {
    name: "the valid token from a foreign Origin",
    jar: () => admin.jar,
    token: () => admin.csrf,
    headers: { Origin: "https://evil.example" },
  },
  {
    name: "the valid token from Origin null",
    jar: () => admin.jar,
    token: () => admin.csrf,
    headers: { Origin: "null" },
  },
  {
    name: "the valid token from a sibling http/https origin",
    jar: () => admin.jar,
    token: () => admin.csrf,
    headers: { Origin: "https://tierlens.test" },
  },
  {
    name: "the valid token, no Origin, Sec-Fetch-Site cross-site",
    jar: () => admin.jar,
    token: () => admin.csrf,
    headers: { Origin: "", "Sec-Fetch-Site": "cross-site" },
  },
];

async function send(method: string, path: string, attack: Attack): Promise<Response> {
  const token = attack.token();
  const form = { ...FORM, ...(token === undefined ? {} : { _csrf: token }) };
  const headers = { ...attack.headers };
  if (headers.Origin === "") {
    // A browser that sends no Origin: the request carries none at all.
    delete headers.Origin;
    const res = await exports.default.fetch(
      new Request(`${ORIGIN}${path}`, {
        method,
        redirect: "manual",
        headers: { Cookie: attack.jar().header(), "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(form),
      }),
    );
    return res;
  }
  return page(attack.jar(), method, path, form, headers);
}

describe("CSRF on every state-changing admin route", () => {
  it("finds the unsafe routes to attack", () => {
    const routes = unsafeRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes).toContain("POST /admin/people");
    expect(routes).toContain("POST /admin/sign-in");
  });

  for (const route of unsafeRoutes()) {
    const [method, pattern] = route.split(" ") as [string, string];
    it(`${route}: refused for ${ATTACKS.length} forged variants, nothing changed`, async () => {
      const before = await workspaceDigest(t.workspaceId);
      const path = await concrete(pattern);
      const afterToken = await workspaceDigest(t.workspaceId); // concrete() issued a token: that is the baseline
      expect(Object.keys(afterToken)).toEqual(Object.keys(before));
      for (const attack of ATTACKS) {
        const res = await send(method, path, attack);
        expect(res.status, `${attack.name}: ${(await res.text()).slice(0, 120)}`).toBe(403);
      }
      const multipart = new FormData();
      for (const [k, v] of Object.entries(FORM)) multipart.set(k, v);
      const res = await exports.default.fetch(
        new Request(`${ORIGIN}${path}`, {
          method,
          body: multipart,
          headers: { Cookie: admin.jar.header(), Origin: ORIGIN },
        }),
      );
      expect(res.status, "multipart without a token").toBe(403);
      expect(await workspaceDigest(t.workspaceId)).toEqual(afterToken);
    });
  }

  it("the session token is accepted from the same origin (the control: the refusals above are about the token)", async () => {
    const res = await page(admin.jar, "POST", "/admin/connect", { _csrf: admin.csrf });
    expect(res.status).toBe(200);
  });

  it("other unsafe methods on admin paths are refused too", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await page(admin.jar, method, `/admin/people/${t.rep.userId}`, {}, {});
      expect(res.status, method).toBe(403);
    }
  });
});

describe("the pre-session doors (sign-in, setup)", () => {
  async function preSession(path: string) {
    const jar = new Jar();
    const res = await page(jar, "GET", path);
    return { jar, token: csrfIn(await res.text()), cookie: setCookies(res) };
  }

  it("sign-in refuses a missing token, a token not matching its cookie, and a foreign origin", async () => {
    const { jar, token } = await preSession("/admin/sign-in");
    const form = { email: t.admin.email, password: "whatever password" };
    expect((await page(jar, "POST", "/admin/sign-in", form)).status).toBe(403);
    expect((await page(jar, "POST", "/admin/sign-in", { ...form, _csrf: `${token}x` })).status).toBe(403);
    expect((await page(new Jar(), "POST", "/admin/sign-in", { ...form, _csrf: token })).status).toBe(403);
    const foreign = await page(
      jar,
      "POST",
      "/admin/sign-in",
      { ...form, _csrf: token },
      { Origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
  });

  it("the double-submit token of the sign-in page opens no door behind a session", async () => {
    const { jar, token } = await preSession("/admin/sign-in");
    jar.cookies.set("tl_session", admin.jar.cookies.get("tl_session") as string);
    const res = await page(jar, "POST", "/admin/people", { _csrf: token, ...FORM });
    expect(res.status).toBe(403);
  });
});
