// The project's conventions, checked (STYLE.md habit 8): extend this when a new kind of thing is added.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";

const read = (path: string) => readFileSync(path, "utf8");
const dirs = (path: string) =>
  existsSync(path) ? readdirSync(path).filter((name) => statSync(join(path, name)).isDirectory()) : [];

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const sourceFiles = ["shared", "worker/src", "extension"].flatMap((dir) => walk(dir));
const testFiles = walk("test");

describe("the data model", () => {
  const tables = (Object.values(schema) as unknown[]).filter(
    (value): value is SQLiteTable =>
      typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
  );

  it("scopes every table but workspaces and auth_throttles to a workspace", () => {
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const config = getTableConfig(table);
      if (config.name === "workspaces" || config.name === "auth_throttles") continue;
      expect(
        config.columns.map((c) => c.name),
        config.name,
      ).toContain("workspace_id");
    }
  });

  it("keeps money in integer columns", () => {
    for (const table of tables) {
      for (const column of getTableConfig(table).columns) {
        if (/amount|limit|wallet|cost/.test(column.name))
          expect(column.columnType, `${getTableConfig(table).name}.${column.name}`).toBe("SQLiteInteger");
      }
    }
  });
});

describe("the worker", () => {
  it("mounts every route module", () => {
    const index = read("worker/src/routes/index.ts");
    for (const file of readdirSync("worker/src/routes")) {
      if (file === "index.ts" || !file.endsWith(".ts")) continue;
      const name = basename(file, ".ts");
      expect(index, `worker/src/routes/${file} is not mounted in routes/index.ts`).toMatch(
        new RegExp(`from "\\./${name}"`),
      );
    }
  });
});

describe("the scoring module", () => {
  const models = [
    "scorecard",
    "abc",
    "pyramid",
    "rfm",
    "value",
    "kaism",
    "man",
    "credit",
    "relationship",
    "churn",
    "funnel",
    "suggest",
  ];

  it.each(models)("%s has its own folder, is exported and has a property test", (model) => {
    expect(existsSync(`shared/${model}/index.ts`), `shared/${model}/index.ts`).toBe(true);
    const tests = testFiles.filter((f) => f.startsWith(join("test", "shared")) && basename(f).startsWith(model));
    expect(tests.length, `a test/shared/${model}*.test.ts`).toBeGreaterThan(0);
    expect(
      tests.some((f) => read(f).includes("fast-check")),
      `${model} has a fast-check property`,
    ).toBe(true);
  });
});

describe("the extension", () => {
  const hosts = dirs("extension/hosts").filter((name) => existsSync(join("extension/hosts", name, "adapter.ts")));

  it("has an adapter for every host family the issue names", () => {
    expect(hosts).toEqual(expect.arrayContaining(["gmail", "outlook", "qq", "netease", "generic"]));
  });

  it.each(hosts)("host %s has dated selectors, an adapter test and a fixture", (host) => {
    const selectors = join("extension/hosts", host, "selectors.ts");
    expect(existsSync(selectors), selectors).toBe(true);
    expect(read(selectors), `${selectors} dates its selectors`).toMatch(/20\d\d-\d\d/);
    expect(
      testFiles.some((f) => f.startsWith(join("test", "extension")) && f.includes(host)),
      `a test/extension test for ${host}`,
    ).toBe(true);
    if (host !== "generic") {
      const fixtures = join("test/fixtures", host);
      expect(existsSync(fixtures) && readdirSync(fixtures).some((f) => f.endsWith(".html")), `${fixtures}/*.html`).toBe(
        true,
      );
    }
  });
});

describe("every source file", () => {
  it("opens with a comment saying what it is for", () => {
    const missing = sourceFiles.filter((f) => !/^\s*(\/\/|\/\*)/.test(read(f)));
    expect(missing).toEqual([]);
  });

  it("never writes HTML strings into the DOM", () => {
    const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/;
    expect(sourceFiles.filter((f) => sinks.test(read(f)))).toEqual([]);
  });

  it("stays small enough to read (under 400 lines; message catalogues are data)", () => {
    const code = sourceFiles.filter((f) => !f.includes(join("shared", "i18n")));
    expect(code.filter((f) => read(f).split("\n").length > 400)).toEqual([]);
  });
});
