// Node project: the pure scoring module and contract schemas in shared/.
import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "shared",
    environment: "node",
    include: ["test/shared/**/*.test.ts"],
    root: ".",
  },
});
