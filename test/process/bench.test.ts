import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, it } from "vitest";
import { KINDS, runBench, TINY } from "../../bench/bench.js";
import { evaluate } from "../../bench/report.js";
import { MAIN, ROOT } from "../support/bot-process.js";

/**
 * Keeps `npm run bench` from rotting: its whole machinery on a tiny load (a few requests per kind)
 * against the bot (dist/, built by the global setup) and the bare app (compiled here, as the bench
 * script does). Every figure must be there and make sense; no time is asserted.
 */
it("measures every kind on the bot and on the bare app, with the same bytes and no errors", async () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.bench.json"], { cwd: ROOT, stdio: "pipe" });
  const bareEntry = path.join(ROOT, "dist-bench", "bench", "bare-app.js");
  const report = evaluate(await runBench({ botEntry: MAIN, bareEntry, sizes: TINY }));

  const levels = KINDS.flatMap((kind) => TINY.concurrency.map((c) => `${kind} c${c}`));
  expect(report.rows.map((r) => `${r.kind} c${r.concurrency}`)).toEqual(levels);
  expect(report.sameBytes).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, true])));
  const phases = report.rows.flatMap((r) => [r.bot, r.bare]);
  phases.push(...report.long.flatMap((l) => [l.long, l.short]));
  expect(report.long).toHaveLength(4);
  for (const phase of phases) {
    expect(phase.requests).toBeGreaterThan(0);
    expect(phase.errors).toBe(0);
    expect(phase.cpuMsPerRequest).toBeGreaterThan(0);
    expect(phase.p99).toBeGreaterThanOrEqual(phase.p50);
  }
  // No NaN or Infinity anywhere (JSON would quietly turn them into null).
  JSON.stringify(report, (key, value) => {
    if (typeof value === "number") expect(Number.isFinite(value), key).toBe(true);
    return value;
  });
  expect(report.targets.length).toBe(report.rows.length * 2 + KINDS.length + 2 + 4);
}, 60_000);
