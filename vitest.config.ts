// One `vitest run` for every part: shared/ in Node, extension/ in happy-dom, worker/ in workerd, and the conventions.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      "test/shared/vitest.config.ts",
      "test/extension/vitest.config.ts",
      "test/worker/vitest.config.ts",
      "test/meta/vitest.config.ts",
    ],
  },
});
