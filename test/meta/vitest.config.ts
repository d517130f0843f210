// Node project: the project's own conventions (layout, data model, sinks), STYLE.md habit 8.
import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "meta", environment: "node", include: ["test/meta/**/*.test.ts"], root: "." },
});
