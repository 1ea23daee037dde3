import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The process tests spawn the compiled bot (dist/src/main.js): build it first (as `npm run build` does), every run, so a stale
 * dist/ is never what gets tested. Runs once per vitest run, only when process tests are selected.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    // The same two steps as `npm run build`: compile, then the data compiled to JSON.
    for (const args of [[tsc, "-p", "tsconfig.build.json"], ["scripts/compile-data.js"]]) {
      execFileSync(process.execPath, args, { cwd: root, stdio: "pipe", encoding: "utf8" });
    }
  } catch (err) {
    const out = err as { stdout?: string; stderr?: string };
    throw new Error(
      `npm run build failed; the process tests need dist/:\n${out.stdout ?? ""}${out.stderr ?? ""}`,
    );
  }
}
