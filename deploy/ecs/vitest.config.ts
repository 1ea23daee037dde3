import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test synthesizes a whole stack (and runs cdk-nag over it): seconds, not milliseconds.
    testTimeout: 60_000,
  },
});
