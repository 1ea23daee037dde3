import type { BenchReport } from "./harness.js";

export interface TargetResult {
  id: string;
  label: string;
  /** The bound, as text (≤ 1.3× bare). */
  target: string;
  /** The measured value the bound applies to; NaN when not measured. */
  value: number;
  unit: string;
  pass: boolean;
  /** True when the figure could not be measured (no bot, section failed). */
  missing: boolean;
}

function check(
  id: string,
  label: string,
  target: string,
  value: number | null | undefined,
  unit: string,
  ok: (v: number) => boolean,
): TargetResult {
  const v = value ?? Number.NaN;
  const missing = !Number.isFinite(v);
  return { id, label, target, value: v, unit, pass: !missing && ok(v), missing };
}

/** The targets, for a 2-core machine with the SQLite store, against the bare app. */
export function evaluateTargets(r: BenchReport): TargetResult[] {
  const out: TargetResult[] = [];
  out.push(
    check(
      "cpu-per-command",
      "CPU per slash command, bot / bare",
      "≤ 1.3×",
      r.cpu.ratio,
      "×",
      (v) => v <= 1.3,
    ),
  );
  const c50 = r.slash.levels.find((l) => l.concurrency === 50) ?? r.slash.levels.at(-1);
  if (c50) {
    out.push(
      check(
        "throughput-c50",
        `Throughput at concurrency ${c50.concurrency}, bot / bare`,
        "≥ 0.80×",
        c50.ratio?.rps,
        "×",
        (v) => v >= 0.8,
      ),
    );
  }
  for (const level of r.slash.levels) {
    out.push(
      check(
        `p99-ack-c${level.concurrency}`,
        `p99 ack time at concurrency ${level.concurrency}, bot / bare`,
        "≤ 1.5×",
        level.ratio?.p99,
        "×",
        (v) => v <= 1.5,
      ),
    );
  }
  out.push(
    check(
      "mention-reply-p99",
      `Mention → reply p99 (${r.mention?.concurrency ?? r.options.mentionConcurrency} threads)`,
      "< 100 ms",
      r.mention?.p99,
      "ms",
      (v) => v < 100 && r.mention?.errors === 0,
    ),
    check(
      "click-update-p99",
      `Click → updated message p99 (${r.click?.concurrency ?? r.options.clickConcurrency} threads)`,
      "< 100 ms",
      r.click?.p99,
      "ms",
      (v) => v < 100 && r.click?.errors === 0,
    ),
    check(
      "rss-after-start",
      "RSS after start, bot − bare",
      "≤ 30 MB",
      r.memory.diffAfterStartMb,
      "MB",
      (v) => v <= 30,
    ),
    check(
      "rss-after-load",
      "RSS after load, bot − bare",
      "≤ 30 MB",
      r.memory.diffAfterLoadMb,
      "MB",
      (v) => v <= 30,
    ),
    check(
      "startup",
      "Start to /healthz ready (bot)",
      "< 2000 ms",
      r.startup.bot?.ms,
      "ms",
      (v) => v < 2000,
    ),
    check(
      "answer-qps",
      "answer() in-process",
      "≥ 20,000 q/s",
      r.answer?.questionsPerSecond,
      "q/s",
      (v) => v >= 20_000,
    ),
  );
  return out;
}
