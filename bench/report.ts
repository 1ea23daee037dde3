import type { Measurements } from "./bench.js";

/** The targets of issue 8, as ratios (or differences) measured within one run. */
export const BOUNDS = { cpu: 1.5, p99: 1.5, rps: 0.7, rssMb: 30, readyMs: 1500, long: 3 };

export type Report = ReturnType<typeof evaluate>;
type Target = { target: string; bound: string; measured: number; pass: boolean };

export function evaluate(m: Measurements) {
  const targets: Target[] = [];
  const add = (target: string, measured: number, max: number, unit = "×", atLeast = false) => {
    const pass = Number.isFinite(measured) && (atLeast ? measured >= max : measured <= max);
    targets.push({ target, bound: `${atLeast ? "≥" : "≤"} ${max}${unit}`, measured, pass });
  };
  const top = Math.max(...m.sizes.concurrency);
  for (const { kind, concurrency: c, bot, bare } of m.rows) {
    add(`${kind} c${c} CPU/request`, bot.cpuMsPerRequest / bare.cpuMsPerRequest, BOUNDS.cpu);
    add(`${kind} c${c} p99`, bot.p99 / bare.p99, BOUNDS.p99);
    if (c === top) add(`${kind} c${c} throughput`, bot.rps / bare.rps, BOUNDS.rps, "×", true);
  }
  add("RSS after the load, bot − bare", m.rssMb.bot - m.rssMb.bare, BOUNDS.rssMb, " MB");
  add("bot ready (spawn → port answers)", m.readyMs.bot, BOUNDS.readyMs, " ms");
  for (const l of m.long)
    add(`40k ${l.where}, ${l.what}: p50 / short's`, l.long.p50 / l.short.p50, BOUNDS.long);
  return { ...m, targets };
}

const f = (n: number, digits = 2) =>
  Number.isFinite(n) ? n.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : "n/a";

export function markdown(r: Report): string {
  const verdict = (name: string): string => {
    const t = r.targets.find((x) => x.target === name);
    return t ? `${f(t.measured)}× ${t.pass ? "PASS" : "MISS"}` : "";
  };
  const same = Object.entries(r.sameBytes).map(([kind, yes]) => `${kind} ${yes ? "yes" : "NO"}`);
  const lines = [
    "# ecs-vs-eks bench",
    "",
    `${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node}, ${r.machine.date}; scale ${r.sizes.scale}.`,
    `The bare app answered with the bot's bytes (ack and Web API calls): ${same.join(", ")}.`,
    "Latency: the ack for slash commands; request → the answer's Web API call at the fake Slack for the others (closed loop). CPU: the process's, per request, work after the ack included.",
    "",
    "| Kind | c | p50 ms bot / bare | p99 ms bot / bare | p99 bot/bare | req/s bot / bare | req/s bot/bare | CPU ms/req bot / bare | CPU bot/bare | errors |",
    "| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | --- | ---: |",
  ];
  for (const { kind, concurrency: c, bot, bare } of r.rows) {
    const rps = verdict(`${kind} c${c} throughput`) || `${f(bot.rps / bare.rps)}×`;
    lines.push(
      `| ${kind} | ${c} | ${f(bot.p50)} / ${f(bare.p50)} | ${f(bot.p99)} / ${f(bare.p99)} | ${verdict(`${kind} c${c} p99`)} | ${f(bot.rps, 0)} / ${f(bare.rps, 0)} | ${rps} | ${f(bot.cpuMsPerRequest, 3)} / ${f(bare.cpuMsPerRequest, 3)} | ${verdict(`${kind} c${c} CPU/request`)} | ${bot.errors + bare.errors} |`,
    );
  }
  lines.push(
    "",
    "| 40,000-character message, bot, one at a time | p50 ms long / short | p99 ms long / short | errors |",
  );
  lines.push("| --- | ---: | ---: | ---: |");
  for (const { where, what, long, short } of r.long) {
    const errors = long.errors + short.errors;
    lines.push(
      `| ${where}, ${what} | ${f(long.p50)} / ${f(short.p50)} | ${f(long.p99)} / ${f(short.p99)} | ${errors} |`,
    );
  }
  lines.push(
    "",
    `RSS after the load: bot ${f(r.rssMb.bot, 1)} MB, bare ${f(r.rssMb.bare, 1)} MB. Ready: bot ${f(r.readyMs.bot, 0)} ms, bare ${f(r.readyMs.bare, 0)} ms.`,
  );
  lines.push("", "| Other target | Bound | Measured | Result |", "| --- | --- | ---: | --- |");
  for (const t of r.targets.filter((x) => !/ c\d+ /.test(x.target))) {
    lines.push(`| ${t.target} | ${t.bound} | ${f(t.measured)} | ${t.pass ? "PASS" : "MISS"} |`);
  }
  const misses = r.targets.filter((t) => !t.pass).map((t) => t.target);
  lines.push(
    "",
    `${r.targets.length - misses.length} of ${r.targets.length} targets PASS; MISS: ${misses.join("; ") || "none"}.`,
  );
  return `${lines.join("\n")}\n`;
}
