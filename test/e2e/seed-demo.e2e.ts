// `npm start`'s demo seed against a real worker and D1: a fresh demo is graded a month back and today, so the
// dashboard opens with a grade migration and some customers carry "grade dropped"; seeding again changes nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../scripts/seed/apply";
import type { CustomerDetailResponse } from "../../shared/contract/customer-detail";
import type { CustomerListResponse } from "../../shared/contract/customers";
import { apiCall, launchBrowser, startTestWorker, type TestBrowser, type TestWorker } from "./harness";

const ANCHOR = "2026-03-01";

let worker: TestWorker;
let browser: TestBrowser | undefined;
let dir: string;

beforeAll(async () => {
  worker = await startTestWorker();
  dir = await mkdtemp(join(tmpdir(), "tierlens-seed-"));
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await rm(dir, { recursive: true, force: true });
});

const seed = async (lines: string[]) =>
  seedDemo(worker.url, worker.operatorToken, {
    anchorDate: ANCHOR,
    statePath: join(dir, "demo.json"),
    log: (l) => lines.push(l),
  });

it("grades a fresh demo a month back and today: the migration has moves, some customers dropped a tier", async () => {
  const lines: string[] = [];
  const demo = await seed(lines);
  expect(lines.filter((l) => l.startsWith("regrade as of"))).toEqual([
    expect.stringMatching(/^regrade as of 2026-01-30: 200 graded, 200 changed/),
    expect.stringMatching(/^regrade as of 2026-03-01: 200 graded, \d+ changed/),
  ]);
  expect(demo.rep).not.toBeNull();
  expect(demo.pairingCode).toMatch(/\S/);

  // Every customer's full grade: some fell a tier since the earlier grading and are told so.
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: CustomerListResponse = await apiCall(
      worker,
      demo.admin.token,
      "GET",
      `/api/v1/customers?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(ids).toHaveLength(200);
  let dropped = 0;
  for (const id of ids) {
    const detail = await apiCall<CustomerDetailResponse>(worker, demo.admin.token, "GET", `/api/v1/customers/${id}`);
    if (detail.suggestions.some((s) => s.code === "grade-drop")) dropped++;
  }
  expect(dropped).toBeGreaterThan(0);

  // The dashboard's matrix: nobody is "newly graded", and some customers changed tier.
  browser = await launchBrowser({ locale: "en-US" });
  const page = await browser.context.newPage();
  await page.goto(`${worker.url}/admin/sign-in`);
  await page.fill("input[name=email]", demo.admin.email);
  await page.fill("input[name=password]", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin$/);
  const matrix = await page.$$eval("table.matrix tbody tr", (rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].map((td) => Number(td.textContent))),
  );
  expect(matrix).toHaveLength(4);
  const [a = [], b = [], c = [], fresh] = matrix;
  expect(fresh).toEqual([0, 0, 0]);
  expect([...a, ...b, ...c].reduce((sum, n) => sum + n, 0)).toBe(200);
  const stayed = (a[0] ?? 0) + (b[1] ?? 0) + (c[2] ?? 0);
  expect(stayed).toBeLessThan(200);
  expect(stayed).toBeGreaterThan(0);
}, 180_000);

it("seeds again without creating, changing or grading the month back anew", async () => {
  const lines: string[] = [];
  const demo = await seed(lines);
  for (const result of Object.values(demo.imported)) expect(result).toMatchObject({ created: 0, updated: 0 });
  expect(lines.filter((l) => l.startsWith("regrade as of"))).toEqual([
    expect.stringMatching(/^regrade as of 2026-03-01: 200 graded, 0 changed/),
  ]);
}, 120_000);
