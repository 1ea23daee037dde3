import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The unknown-field check runs the TypeScript compiler over the kinds' generated types.
    testTimeout: 60_000,
  },
});
