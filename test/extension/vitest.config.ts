// happy-dom project: host adapters, chip rendering and the outbox of extension/.
import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "extension", environment: "happy-dom", include: ["test/extension/**/*.test.{ts,tsx}"], root: "." },
});
