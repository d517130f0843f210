// Workers-runtime project: the real worker in workerd with the real D1 migrations applied.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";

const migrations = await readD1Migrations("./worker/migrations");

export default defineProject({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { TEST_MIGRATIONS: migrations, OPERATOR_TOKEN: "test-operator-token" } },
    }),
  ],
  test: {
    name: "worker",
    root: ".",
    include: ["test/worker/**/*.test.ts"],
    setupFiles: ["test/worker/setup.ts"],
  },
});
