import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/process/**"],
        },
      },
      {
        // The real bot as separate node processes; needs dist/, built once by the global setup.
        extends: true,
        test: {
          name: "process",
          include: ["test/process/**/*.test.ts"],
          globalSetup: ["test/process/global-setup.ts"],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
