// happy-dom project: host adapters, chip rendering and the outbox of extension/ (WXT's fake browser stands in for chrome.*).
import { defineProject } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

export default defineProject({
  plugins: [WxtVitest({ root: "extension" })],
  test: { name: "extension", environment: "happy-dom", include: ["test/extension/**/*.test.{ts,tsx}"], root: "." },
});
