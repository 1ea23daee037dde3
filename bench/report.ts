import type { BenchReport } from "./harness.js";
import type { LatencySummary } from "./stats.js";

const dash = "–";

function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function times(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? dash
    : `${num(value, 2)}×`;
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function flowRow(name: string, f: (LatencySummary & { errors: number }) | null): string {
  if (!f) return row([name, dash, dash, dash, dash, dash]);
  return row([name, String(f.count), num(f.p50), num(f.p99), num(f.max), String(f.errors)]);
}

/** The report as Markdown: machine, every section as a table, then the targets with PASS/MISS. */
export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push("# ecs-vs-eks bench");
  lines.push("");
  lines.push(
    `Machine: ${m.cores} cores, ${m.cpuModel}, ${m.platform}, ${num(m.totalMemoryMb / 1024, 1)} GB RAM, Node ${m.node}, CLK_TCK ${m.clockTicksPerSecond}. Date: ${m.date}.`,
  );
  lines.push(
    `Run: ${r.options.rounds} alternating round(s) × ${r.options.requests} slash commands per level and side (warm-up ${r.options.warmupRequests} per level); medians of rounds; ratios are medians of per-round bot/bare ratios. Store: SQLite (DATA_DIR in a temp folder). Bot: ${r.options.bot ? "yes" : "not measured"}.`,
  );
  lines.push(
    `Slash mix (first 10 of the rotation): ${r.slash.mix.map((t) => `\`${t.slice(0, 40)}\``).join(", ")}.`,
  );
  lines.push("");
  lines.push("## Slash command → HTTP response (ack)");
  lines.push("");
  lines.push(
    row([
      "Concurrency",
      "Side",
      "req/s",
      "p50 ms",
      "p90 ms",
      "p99 ms",
      "max ms",
      "worst round p99 ms",
      "errors",
    ]),
  );
  lines.push(row(["---:", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
  for (const level of r.slash.levels) {
    const sides = [
      ["bot", level.bot],
      ["bare", level.bare],
    ] as const;
    for (const [name, s] of sides) {
      if (!s) continue;
      lines.push(
        row([
          String(level.concurrency),
          name,
          num(s.rps, 0),
          num(s.p50, 2),
          num(s.p90, 2),
          num(s.p99, 2),
          num(s.max, 1),
          num(s.worstP99, 1),
          String(s.errors),
        ]),
      );
    }
    if (level.ratio) {
      const q = level.ratio;
      lines.push(
        row([
          String(level.concurrency),
          "**bot/bare**",
          times(q.rps),
          times(q.p50),
          times(q.p90),
          times(q.p99),
          times(q.max),
          "",
          "",
        ]),
      );
    }
  }
  lines.push("");
  lines.push("## CPU per slash command (utime+stime from /proc/<pid>/stat)");
  lines.push("");
  lines.push(
    row([
      "Side",
      "CPU ms / command",
      "ticks / command",
      "per round (ms)",
      "main thread ms / command (per round)",
      "ms / command at c1 / c10 / …",
      "driver CPU ms / command",
    ]),
  );
  lines.push(row(["---", "---:", "---:", "---", "---", "---", "---:"]));
  for (const [name, c] of [
    ["bot", r.cpu.bot],
    ["bare", r.cpu.bare],
  ] as const) {
    if (!c) continue;
    lines.push(
      row([
        name,
        num(c.msPerCommand, 3),
        num(c.ticksPerCommand, 4),
        c.rounds.map((v) => num(v, 3)).join(", "),
        c.mainThreadRounds
          ? `${num(c.mainThreadMsPerCommand, 3)} (${c.mainThreadRounds.map((v) => num(v, 3)).join(", ")})`
          : dash,
        c.byLevel ? c.byLevel.map((l) => num(l.msPerCommand, 3)).join(" / ") : dash,
        num(c.driverMsPerCommand, 3),
      ]),
    );
  }
  if (r.cpu.ratio !== null)
    lines.push(row(["**bot/bare**", times(r.cpu.ratio), "", "", "", "", ""]));
  if (r.slash.byKind.length > 0) {
    lines.push("");
    lines.push(
      `Each kind alone (${r.options.byKindRequests} commands per side at concurrency 10, one pass, for finding where the cost is):`,
    );
    lines.push("");
    lines.push(
      row([
        "Kind",
        "bot CPU ms (main thread)",
        "bare CPU ms (main thread)",
        "bot/bare CPU",
        "bot p50 / p99 ms",
        "bare p50 / p99 ms",
      ]),
    );
    lines.push(row(["---", "---:", "---:", "---:", "---:", "---:"]));
    for (const k of r.slash.byKind) {
      lines.push(
        row([
          k.kind,
          k.bot
            ? `${num(k.bot.cpuMsPerCommand, 3)} (${num(k.bot.mainThreadMsPerCommand, 3)})`
            : dash,
          k.bare
            ? `${num(k.bare.cpuMsPerCommand, 3)} (${num(k.bare.mainThreadMsPerCommand, 3)})`
            : dash,
          times(k.cpuRatio),
          k.bot ? `${num(k.bot.p50, 2)} / ${num(k.bot.p99, 2)}` : dash,
          k.bare ? `${num(k.bare.p50, 2)} / ${num(k.bare.p99, 2)}` : dash,
        ]),
      );
    }
  }
  lines.push("");
  lines.push(
    `## Bot flows (${r.options.mentionConcurrency} / ${r.options.clickConcurrency} concurrent threads)`,
  );
  lines.push("");
  lines.push(row(["Flow", "samples", "p50 ms", "p99 ms", "max ms", "errors"]));
  lines.push(row(["---", "---:", "---:", "---:", "---:", "---:"]));
  lines.push(flowRow("app_mention → chat.postMessage", r.mention));
  lines.push(flowRow("button click → updated message", r.click));
  if (r.click) {
    lines.push("");
    lines.push(
      `Walkthroughs: ${r.click.walkthroughs} started, ${r.click.completed} run to the end, ${num(r.click.clicksPerWalkthrough, 1)} clicks each on average.`,
    );
  }
  lines.push("");
  lines.push("## Start-up and memory");
  lines.push("");
  lines.push(
    row([
      "Side",
      "start → /healthz ms (median)",
      "runs",
      "RSS after start MB",
      "RSS after load MB",
    ]),
  );
  lines.push(row(["---", "---:", "---", "---:", "---:"]));
  for (const name of ["bot", "bare"] as const) {
    const s = r.startup[name];
    const mem = r.memory[name];
    if (!s || !mem) continue;
    lines.push(
      row([
        name,
        num(s.ms, 0),
        s.runs.map((v) => num(v, 0)).join(", "),
        num(mem.afterStartMb, 1),
        num(mem.afterLoadMb, 1),
      ]),
    );
  }
  if (r.memory.diffAfterStartMb !== null) {
    lines.push(
      row([
        "**bot − bare**",
        "",
        "",
        num(r.memory.diffAfterStartMb, 1),
        num(r.memory.diffAfterLoadMb, 1),
      ]),
    );
  }
  lines.push("");
  lines.push("## answer() in-process");
  lines.push("");
  if (r.answer) {
    lines.push(
      `${num(r.answer.questionsPerSecond, 0)} questions/s (${r.answer.questions.toLocaleString("en-US")} answers, ${r.answer.passes} passes over test/fixtures/questions.dev.yml in ${num(r.answer.ms, 0)} ms).`,
    );
  } else {
    lines.push("Not measured.");
  }
  lines.push("");
  lines.push("## Targets");
  lines.push("");
  lines.push(row(["Target", "Bound", "Measured", "Result"]));
  lines.push(row(["---", "---", "---:", "---"]));
  for (const t of r.targets) {
    const value =
      t.unit === "×" ? times(t.value) : `${num(t.value, t.unit === "q/s" ? 0 : 1)} ${t.unit}`;
    lines.push(
      row([t.label, t.target, value, t.missing ? "MISS (not measured)" : t.pass ? "PASS" : "MISS"]),
    );
  }
  if (r.notes.length > 0) {
    lines.push("");
    lines.push("## Notes");
    lines.push("");
    for (const note of r.notes) lines.push(`- ${note}`);
  }
  lines.push("");
  return lines.join("\n");
}
