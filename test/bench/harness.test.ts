import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type BenchReport, runBench } from "../../bench/harness.js";
import { quickDefaults } from "../../bench/options.js";
import { renderMarkdown } from "../../bench/report.js";

/**
 * Keeps the bench from rotting: runs the whole harness with a tiny load (one round, a few requests
 * per level) against the bare app and the bot, and checks every section has numbers. No timing is
 * asserted: only that each figure was measured.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function compile(): void {
  // The processes under test run compiled JavaScript: bench/ and src/ into dist-bench/ (incremental).
  try {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.bench.json"],
      { cwd: root, stdio: "pipe" },
    );
  } catch (err) {
    // Type errors still emit; the run below fails if the output does not work.
    const out = String((err as { stdout?: unknown }).stdout ?? "");
    if (!existsSync(path.join(root, "dist-bench", "bench", "bare-app.js"))) throw new Error(out);
  }
}

function expectNumber(value: unknown, what: string): void {
  expect(typeof value, what).toBe("number");
  expect(Number.isFinite(value), `${what} is finite`).toBe(true);
}

describe("bench harness", () => {
  it("runs a tiny load against the bare app and the bot and fills every section", async () => {
    compile();
    // tsconfig.bench.json compiles src/ too: the bot runs from dist-bench/src/main.js here, the same
    // code `npm run bench` runs from dist/src/main.js.
    const botEntry = path.join(root, "dist-bench", "src", "main.js");
    const report: BenchReport = await runBench({
      ...quickDefaults(),
      root,
      bareEntry: path.join(root, "dist-bench", "bench", "bare-app.js"),
      botEntry,
      rounds: 1,
      // Enough that each side spends several clock ticks (10 ms each) of CPU, so the CPU ratio
      // is never 0/0, yet the whole run stays a few seconds.
      requests: 300,
      warmupRequests: 8,
      concurrencyLevels: [1, 4],
      mentions: 4,
      mentionConcurrency: 2,
      clicks: 4,
      clickConcurrency: 2,
      byKindRequests: 2,
      answerMs: 50,
    });

    expectNumber(report.machine.cores, "machine.cores");
    expect(report.machine.cpuModel.length).toBeGreaterThan(0);
    expect(report.machine.node).toMatch(/^v\d+/);

    expect(report.slash.levels.map((l) => l.concurrency)).toEqual([1, 4]);
    for (const level of report.slash.levels) {
      for (const key of ["rps", "p50", "p90", "p99", "max"] as const) {
        expectNumber(level.bare[key], `bare ${key} at c${level.concurrency}`);
      }
      expect(level.bare.errors, level.bare.firstError).toBe(0);
    }
    expectNumber(report.cpu.bare.msPerCommand, "bare CPU per command");
    expectNumber(report.startup.bare.ms, "bare start-up");
    expectNumber(report.memory.bare.afterStartMb, "bare RSS after start");
    expectNumber(report.memory.bare.afterLoadMb, "bare RSS after load");
    expectNumber(report.answer?.questionsPerSecond, "answer() questions/s");
    for (const level of report.slash.levels) {
      for (const key of ["rps", "p50", "p90", "p99", "max"] as const) {
        expectNumber(level.bot?.[key], `bot ${key} at c${level.concurrency}`);
        expectNumber(level.ratio?.[key], `ratio ${key} at c${level.concurrency}`);
      }
      expect(level.bot?.errors, level.bot?.firstError).toBe(0);
    }
    expectNumber(report.cpu.bot?.msPerCommand, "bot CPU per command");
    expect(report.mention?.errors, report.mention?.firstError).toBe(0);
    expectNumber(report.mention?.p50, "mention p50");
    expectNumber(report.mention?.p99, "mention p99");
    expect(report.click?.errors, report.click?.firstError).toBe(0);
    expectNumber(report.click?.p50, "click p50");
    expectNumber(report.click?.p99, "click p99");
    expectNumber(report.startup.bot?.ms, "bot start-up");
    expectNumber(report.memory.diffAfterStartMb, "RSS difference after start");
    expectNumber(report.memory.diffAfterLoadMb, "RSS difference after load");
    for (const t of report.targets) expect(t.missing, `${t.id} measured`).toBe(false);
    expect(report.slash.byKind.map((k) => k.kind)).toContain("decide");
    for (const k of report.slash.byKind) {
      expectNumber(k.bot?.cpuMsPerCommand, `bot CPU for ${k.kind}`);
      expectNumber(k.bare?.cpuMsPerCommand, `bare CPU for ${k.kind}`);
      expect(k.bot?.errors, `${k.kind} errors`).toBe(0);
    }

    const ids = report.targets.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "cpu-per-command",
        "p99-ack-c1",
        "p99-ack-c4",
        "mention-reply-p99",
        "click-update-p99",
        "rss-after-start",
        "rss-after-load",
        "startup",
        "answer-qps",
      ]),
    );
    const markdown = renderMarkdown(report);
    for (const heading of [
      "Slash command",
      "CPU per slash command",
      "Bot flows",
      "Start-up and memory",
      "answer()",
      "Targets",
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toMatch(/PASS|MISS/);
  }, 90_000);
});
