// End-to-end project: real Chromium against a real local worker; files run one at a time (2-core machine).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    root: ".",
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ["test/e2e/global-setup.ts"],
  },
});
