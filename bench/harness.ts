import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type AnswerBench, benchAnswer, loadDevQuestions } from "./answer-bench.js";
import { type BenchFakeSlack, FAKE_BOT_TOKEN, startBenchFakeSlack } from "./fake-slack.js";
import {
  ChannelTracker,
  type ClickTimes,
  type FlowTimes,
  runClickFlow,
  runMentionFlow,
} from "./flows.js";
import { type BenchClient, createClient } from "./http-client.js";
import { type LoadResult, runLoad } from "./load.js";
import { slashCommandRequest } from "./payloads.js";
import {
  clockTicksPerSecond,
  cpuTicks,
  freePort,
  mainThreadTicks,
  rssMb,
  spawnTarget,
  type Target,
} from "./proc.js";
import { median, ratio } from "./stats.js";
import { evaluateTargets, type TargetResult } from "./targets.js";

export const BENCH_SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
export const DEFAULT_COMMAND = "/ecs-vs-eks";

export interface BenchOptions {
  /** The repository root (data/, test/fixtures/). */
  root: string;
  /** The bot's entry point (dist/src/main.js); null measures the bare app only. */
  botEntry: string | null;
  /** The bare Bolt app's compiled entry point (dist-bench/bench/bare-app.js). */
  bareEntry: string;
  /** Alternating bot/bare rounds of the slash-command load. */
  rounds: number;
  /** Slash commands per concurrency level per round and side. */
  requests: number;
  concurrencyLevels: number[];
  /** Slash commands per side and concurrency level before measuring. */
  warmupRequests: number;
  /** app_mention events in all, at mentionConcurrency. */
  mentions: number;
  mentionConcurrency: number;
  /** Button clicks in all, at clickConcurrency. */
  clicks: number;
  clickConcurrency: number;
  /** Per kind of command (help, matrix, questions, decide), commands per side at concurrency 10; 0 skips. */
  byKindRequests: number;
  /** How often to spawn each side to time start-up (the last spawn is kept for the load). */
  startupRuns: number;
  /** How long to run answer() in-process. */
  answerMs: number;
  command: string;
  /** Write V8 CPU profiles of both processes into this folder. */
  cpuProfDir?: string;
  /** Write a heap snapshot of both processes into this folder after the load (after RSS is read). */
  heapSnapshotDir?: string;
  /** Extra node flags for both processes (--trace-gc, --max-semi-space-size=…). */
  nodeArgs?: string[];
  /** Extra environment for the bot (LOG_LEVEL…). */
  botEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryMb: number;
  clockTicksPerSecond: number;
  date: string;
}

export interface SideFigures {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The worst round's p99 (medians hide a slow first round; this shows it). */
  worstP99: number;
  errors: number;
  firstError?: string;
  rounds: LoadResult[];
}

export interface LevelFigures {
  concurrency: number;
  requestsPerRound: number;
  bot: SideFigures | null;
  bare: SideFigures;
  /** bot / bare, the median of the per-round ratios (each round pairs both sides). */
  ratio: { rps: number; p50: number; p90: number; p99: number; max: number } | null;
}

export interface KindSide {
  cpuMsPerCommand: number;
  /** The part of cpuMsPerCommand spent on the main (JavaScript) thread. */
  mainThreadMsPerCommand: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface KindFigures {
  kind: string;
  bot: KindSide | null;
  bare: KindSide | null;
  cpuRatio: number | null;
}

export interface CpuFigures {
  ticksPerCommand: number;
  msPerCommand: number;
  /** Per round: CPU ms per command. */
  rounds: number[];
  /** The bench driver's CPU ms per command while loading this side (it shares the machine). */
  driverMsPerCommand: number;
  /**
   * The part of msPerCommand spent on the main thread (JavaScript); the rest is V8's helper threads
   * (GC, background compilation) and libuv. Median of rounds.
   */
  mainThreadMsPerCommand: number;
  mainThreadRounds: number[];
  /** CPU ms per command at each concurrency level (median of rounds; includes post-ack work). */
  byLevel: { concurrency: number; msPerCommand: number; rounds: number[] }[];
}

export interface MemoryFigures {
  afterStartMb: number;
  afterLoadMb: number;
}

export interface StartupFigures {
  /** Median of the runs, spawn → first 200 from /healthz. */
  ms: number;
  runs: number[];
}

export interface BenchReport {
  machine: MachineInfo;
  options: Omit<BenchOptions, "log" | "root" | "botEntry" | "bareEntry"> & {
    bot: boolean;
  };
  slash: {
    mix: string[];
    levels: LevelFigures[];
    /** Each kind of command alone (empty when byKindRequests is 0). */
    byKind: KindFigures[];
  };
  cpu: {
    requestsPerRound: number;
    bot: CpuFigures | null;
    bare: CpuFigures;
    /** bot / bare, the median of per-round ratios. */
    ratio: number | null;
  };
  mention: FlowTimes | null;
  click: ClickTimes | null;
  startup: { bot: StartupFigures | null; bare: StartupFigures };
  memory: {
    bot: MemoryFigures | null;
    bare: MemoryFigures;
    /** bot − bare, MB. */
    diffAfterStartMb: number | null;
    diffAfterLoadMb: number | null;
  };
  answer: AnswerBench | null;
  targets: TargetResult[];
  notes: string[];
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    clockTicksPerSecond: clockTicksPerSecond(),
    date: new Date().toISOString(),
  };
}

/** The bot's slash-command mix; the bare app gets the very same requests. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The slash-command texts by kind, for the per-kind CPU breakdown. */
export function slashKinds(questions: readonly string[]): Record<string, string[]> {
  const en = questions.filter((q) => !JAPANESE.test(q));
  const ja = questions.filter((q) => JAPANESE.test(q));
  return {
    help: ["help"],
    matrix: ["matrix"],
    "question (en)": en.length > 0 ? en : ["How do I run a cron job on ECS?"],
    "question (ja)": ja.length > 0 ? ja : ["ECSにシークレットを渡すには？"],
    decide: ["decide"],
  };
}

export function slashMix(questions: readonly string[]): string[] {
  const en = questions.filter((q) => !JAPANESE.test(q));
  const ja = questions.filter((q) => JAPANESE.test(q));
  const pick = (list: readonly string[], i: number, fallback: string): string =>
    list.length > 0 ? (list[i % list.length] ?? fallback) : fallback;
  // 10 % help, 10 % matrix, 10 % decide, 40 % English questions, 30 % Japanese questions
  const mix: string[] = [];
  for (let i = 0; i < 10; i++) {
    mix.push(
      "help",
      pick(en, 4 * i, "How do I run a cron job on ECS?"),
      pick(ja, 3 * i, "ECSにシークレットを渡すには？"),
      "matrix",
      pick(en, 4 * i + 1, "blue/green deployments on ECS"),
      pick(ja, 3 * i + 1, "GPUを使いたい"),
      "decide",
      pick(en, 4 * i + 2, "do we need Istio"),
      pick(ja, 3 * i + 2, "オンプレでも動かしたい"),
      pick(en, 4 * i + 3, "spot instances to save money"),
    );
  }
  return mix;
}

/** Waits until the fake Slack has seen no call for `quietMs` (bounded by maxMs). */
async function quiesce(fake: BenchFakeSlack, quietMs = 150, maxMs = 15_000): Promise<void> {
  const started = Date.now();
  let last = fake.callCount();
  let lastChange = Date.now();
  while (Date.now() - started < maxMs) {
    await sleep(25);
    const now = fake.callCount();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange >= quietMs) {
      fake.reset();
      return;
    }
  }
}

interface Side {
  name: "bot" | "bare";
  target: Target;
  client: BenchClient;
  startupRuns: number[];
  afterStartMb: number;
  levels: Map<number, LoadResult[]>;
  cpuRounds: number[];
  mainRounds: number[];
  levelCpu: Map<number, number[]>;
  /** The driver's own CPU (load generator, signing, fake Slack) per command while loading this side. */
  driverCpuRounds: number[];
}

function sideFigures(rounds: LoadResult[]): SideFigures {
  const out: SideFigures = {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p90: median(rounds.map((r) => r.p90)),
    p99: median(rounds.map((r) => r.p99)),
    max: median(rounds.map((r) => r.max)),
    worstP99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    rounds,
  };
  const firstError = rounds.find((r) => r.firstError !== undefined)?.firstError;
  if (firstError !== undefined) out.firstError = firstError;
  return out;
}

function pairedRatio(bot: LoadResult[], bare: LoadResult[], key: keyof LoadResult): number {
  const values: number[] = [];
  for (let i = 0; i < Math.min(bot.length, bare.length); i++) {
    const a = bot[i]?.[key];
    const b = bare[i]?.[key];
    if (typeof a === "number" && typeof b === "number") values.push(ratio(a, b));
  }
  return median(values);
}

/**
 * Runs the whole bench in one go: fake Slack in this process, the bot and the bare app as child
 * processes, alternating rounds of the same signed slash commands, then the bot-only flows
 * (mention → reply, walkthrough clicks), memory and the in-process answer() figure.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const notes: string[] = [];
  const machine = machineInfo();
  const fake = await startBenchFakeSlack();
  const dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-bench-"));
  const sides: Side[] = [];
  const spawned: Target[] = [];
  const questions = loadDevQuestions(options.root).filter((q) => q.length > 0);
  const mix = slashMix(questions);
  const clkTck = machine.clockTicksPerSecond;

  const baseEnv = (): Record<string, string> => ({
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    // Empty, so neither a developer's shell nor a .env switches the bot to Socket Mode or PostgreSQL.
    SLACK_APP_TOKEN: "",
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    NODE_ENV: "production",
  });

  const spawnSide = async (name: "bot" | "bare", run: number): Promise<Target> => {
    const entry = name === "bot" ? options.botEntry : options.bareEntry;
    if (entry === null) throw new Error("no bot entry");
    const args: string[] = [];
    if (options.cpuProfDir !== undefined) {
      args.push(
        "--cpu-prof",
        `--cpu-prof-dir=${options.cpuProfDir}`,
        `--cpu-prof-name=${name}-${run}.cpuprofile`,
      );
    }
    if (options.heapSnapshotDir !== undefined) {
      args.push("--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${options.heapSnapshotDir}`);
    }
    args.push(...(options.nodeArgs ?? []), entry);
    const target = await spawnTarget({
      name,
      args,
      env: { ...baseEnv(), ...(name === "bot" ? options.botEnv : {}) },
      port: await freePort(),
      cwd: options.root,
    });
    spawned.push(target);
    return target;
  };

  const order: Array<"bot" | "bare"> = options.botEntry !== null ? ["bot", "bare"] : ["bare"];
  try {
    // Start-up: spawn each side alternately; keep the last spawn of each for the load.
    const startupRuns: Record<string, number[]> = { bot: [], bare: [] };
    const kept = new Map<string, Target>();
    const runs = Math.max(1, options.startupRuns);
    for (let run = 0; run < runs; run++) {
      for (const name of run % 2 === 0 ? order : [...order].reverse()) {
        const target = await spawnSide(name, run);
        startupRuns[name]?.push(target.startupMs);
        log(`  ${name} ready in ${target.startupMs.toFixed(0)} ms (pid ${target.pid})`);
        if (run === runs - 1) kept.set(name, target);
        else {
          await quiesce(fake, 100, 3_000);
          await target.stop();
        }
      }
    }
    await quiesce(fake, 200, 5_000);
    await sleep(500);
    for (const name of order) {
      const target = kept.get(name);
      if (!target) continue;
      sides.push({
        name,
        target,
        client: createClient(target.baseUrl, Math.max(...options.concurrencyLevels, 64)),
        startupRuns: startupRuns[name] ?? [],
        afterStartMb: rssMb(target.pid),
        levels: new Map(),
        cpuRounds: [],
        mainRounds: [],
        levelCpu: new Map(),
        driverCpuRounds: [],
      });
    }

    let requestCounter = 0;
    const makeSlash = (): ReturnType<typeof slashCommandRequest> => {
      const text = mix[requestCounter % mix.length] ?? "help";
      const channelId = `C0SLASH${requestCounter % 50}`;
      requestCounter += 1;
      return slashCommandRequest(BENCH_SIGNING_SECRET, {
        command: options.command,
        text,
        channelId,
        responseUrlBase: fake.responseUrlBase,
      });
    };

    // Warm-up: same mix at every concurrency level (the first burst at a new level is slow while
    // V8 optimises and the heap grows), not measured.
    for (const side of sides) {
      let errors = 0;
      let firstError: string | undefined;
      for (const concurrency of options.concurrencyLevels) {
        const warm = await runLoad(side.client, concurrency, options.warmupRequests, makeSlash);
        errors += warm.errors;
        firstError ??= warm.firstError;
        await quiesce(fake);
      }
      log(`  warm-up ${side.name}: ${options.warmupRequests} requests per level, ${errors} errors`);
      if (errors > 0) notes.push(`warm-up ${side.name}: ${errors} errors (${firstError})`);
    }

    // Alternating rounds: bot then bare, then bare then bot, …
    for (let round = 0; round < options.rounds; round++) {
      const roundOrder = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of roundOrder) {
        const before = cpuTicks(side.target.pid);
        const mainBefore = mainThreadTicks(side.target.pid);
        const driverBefore = process.cpuUsage();
        let sent = 0;
        const parts: string[] = [];
        for (const concurrency of options.concurrencyLevels) {
          const levelBefore = cpuTicks(side.target.pid);
          const result = await runLoad(side.client, concurrency, options.requests, makeSlash);
          sent += result.requests;
          const list = side.levels.get(concurrency) ?? [];
          list.push(result);
          side.levels.set(concurrency, list);
          parts.push(
            `c${concurrency} ${result.rps.toFixed(0)} rps p99 ${result.p99.toFixed(1)} ms`,
          );
          // Let the side's work after the ack (replies to Slack) finish before the next level.
          await quiesce(fake);
          const levelTicks = cpuTicks(side.target.pid) - levelBefore;
          const levelList = side.levelCpu.get(concurrency) ?? [];
          levelList.push((levelTicks / result.requests) * (1000 / clkTck));
          side.levelCpu.set(concurrency, levelList);
        }
        const ticks = cpuTicks(side.target.pid) - before;
        const mainTicks = mainThreadTicks(side.target.pid) - mainBefore;
        side.mainRounds.push((mainTicks / sent) * (1000 / clkTck));
        const driver = process.cpuUsage(driverBefore);
        side.cpuRounds.push((ticks / sent) * (1000 / clkTck));
        side.driverCpuRounds.push((driver.user + driver.system) / 1000 / sent);
        log(`  round ${round + 1} ${side.name}: ${parts.join(", ")}, ${ticks} ticks`);
      }
    }

    // Per-kind breakdown: CPU and ack time of each kind of command alone, at concurrency 10.
    const byKind: KindFigures[] = [];
    if (options.byKindRequests > 0) {
      for (const [kind, texts] of Object.entries(slashKinds(questions))) {
        const figures: KindFigures = { kind, bot: null, bare: null, cpuRatio: null };
        let i = 0;
        const makeKind = (): ReturnType<typeof slashCommandRequest> => {
          const text = texts[i % texts.length] ?? "help";
          const channelId = `C0KIND${i % 50}`;
          i += 1;
          return slashCommandRequest(BENCH_SIGNING_SECRET, {
            command: options.command,
            text,
            channelId,
            responseUrlBase: fake.responseUrlBase,
          });
        };
        for (const side of byKind.length % 2 === 0 ? sides : [...sides].reverse()) {
          const before = cpuTicks(side.target.pid);
          const mainBefore = mainThreadTicks(side.target.pid);
          const result = await runLoad(side.client, 10, options.byKindRequests, makeKind);
          await quiesce(fake);
          const ticks = cpuTicks(side.target.pid) - before;
          const mainTicks = mainThreadTicks(side.target.pid) - mainBefore;
          figures[side.name] = {
            cpuMsPerCommand: (ticks / options.byKindRequests) * (1000 / clkTck),
            mainThreadMsPerCommand: (mainTicks / options.byKindRequests) * (1000 / clkTck),
            p50: result.p50,
            p99: result.p99,
            errors: result.errors,
          };
        }
        if (figures.bot && figures.bare) {
          figures.cpuRatio = ratio(figures.bot.cpuMsPerCommand, figures.bare.cpuMsPerCommand);
        }
        log(
          `  ${kind}: bot ${figures.bot?.cpuMsPerCommand.toFixed(3) ?? "-"} ms CPU, bare ${figures.bare?.cpuMsPerCommand.toFixed(3) ?? "-"} ms CPU per command`,
        );
        byKind.push(figures);
      }
    }

    // Bot-only flows.
    const bot = sides.find((s) => s.name === "bot");
    let mention: FlowTimes | null = null;
    let click: ClickTimes | null = null;
    if (bot) {
      const tracker = new ChannelTracker(fake);
      try {
        mention = await runMentionFlow({
          client: bot.client,
          tracker,
          secret: BENCH_SIGNING_SECRET,
          questions,
          concurrency: options.mentionConcurrency,
          total: options.mentions,
        });
        log(
          `  mention → reply: p50 ${mention.p50.toFixed(1)} ms, p99 ${mention.p99.toFixed(1)} ms`,
        );
        await quiesce(fake);
        click = await runClickFlow({
          client: bot.client,
          tracker,
          secret: BENCH_SIGNING_SECRET,
          responseUrlBase: fake.responseUrlBase,
          command: options.command,
          startText: "decide",
          concurrency: options.clickConcurrency,
          totalClicks: options.clicks,
        });
        log(`  click → update: p50 ${click.p50.toFixed(1)} ms, p99 ${click.p99.toFixed(1)} ms`);
        await quiesce(fake);
      } finally {
        tracker.close();
      }
    }

    await sleep(1_000);
    const afterLoad = new Map(sides.map((s) => [s.name, rssMb(s.target.pid)]));
    if (options.heapSnapshotDir !== undefined) {
      for (const side of sides) {
        // Node writes Heap.<date>.<pid>…heapsnapshot into the diagnostic dir; give it time to finish.
        side.target.child.kill("SIGUSR2");
        await sleep(4_000);
        log(
          `  heap snapshot of ${side.name} (pid ${side.target.pid}) in ${options.heapSnapshotDir}`,
        );
      }
    }

    let answer: AnswerBench | null = null;
    try {
      answer = benchAnswer(options.root, options.answerMs);
      log(`  answer(): ${answer.questionsPerSecond.toFixed(0)} questions/s`);
    } catch (err) {
      notes.push(`answer() bench skipped: ${(err as Error).message}`);
    }

    const bare = sides.find((s) => s.name === "bare");
    if (!bare) throw new Error("the bare app did not start");
    const levels: LevelFigures[] = options.concurrencyLevels.map((concurrency) => {
      const bareRounds = bare.levels.get(concurrency) ?? [];
      const botRounds = bot?.levels.get(concurrency) ?? null;
      return {
        concurrency,
        requestsPerRound: options.requests,
        bot: botRounds ? sideFigures(botRounds) : null,
        bare: sideFigures(bareRounds),
        ratio: botRounds
          ? {
              rps: pairedRatio(botRounds, bareRounds, "rps"),
              p50: pairedRatio(botRounds, bareRounds, "p50"),
              p90: pairedRatio(botRounds, bareRounds, "p90"),
              p99: pairedRatio(botRounds, bareRounds, "p99"),
              max: pairedRatio(botRounds, bareRounds, "max"),
            }
          : null,
      };
    });
    const cpuOf = (side: Side): CpuFigures => {
      const ms = median(side.cpuRounds);
      return {
        msPerCommand: ms,
        ticksPerCommand: (ms * clkTck) / 1000,
        rounds: side.cpuRounds,
        driverMsPerCommand: median(side.driverCpuRounds),
        mainThreadMsPerCommand: median(side.mainRounds),
        mainThreadRounds: side.mainRounds,
        byLevel: options.concurrencyLevels.map((concurrency) => {
          const rounds = side.levelCpu.get(concurrency) ?? [];
          return { concurrency, msPerCommand: median(rounds), rounds };
        }),
      };
    };
    const memOf = (side: Side): MemoryFigures => ({
      afterStartMb: side.afterStartMb,
      afterLoadMb: afterLoad.get(side.name) ?? Number.NaN,
    });
    const cpuRatios = bot
      ? bot.cpuRounds.map((b, i) => ratio(b, bare.cpuRounds[i] ?? Number.NaN))
      : [];
    const botMem = bot ? memOf(bot) : null;
    const bareMem = memOf(bare);
    const { log: _log, root: _root, botEntry, bareEntry: _bare, ...rest } = options;
    const report: BenchReport = {
      machine,
      options: { ...rest, bot: botEntry !== null },
      slash: { mix: mix.slice(0, 10), levels, byKind },
      cpu: {
        requestsPerRound: options.requests * options.concurrencyLevels.length,
        bot: bot ? cpuOf(bot) : null,
        bare: cpuOf(bare),
        ratio: bot ? median(cpuRatios) : null,
      },
      mention,
      click,
      startup: {
        bot: bot ? { ms: median(bot.startupRuns), runs: bot.startupRuns } : null,
        bare: { ms: median(bare.startupRuns), runs: bare.startupRuns },
      },
      memory: {
        bot: botMem,
        bare: bareMem,
        diffAfterStartMb: botMem ? botMem.afterStartMb - bareMem.afterStartMb : null,
        diffAfterLoadMb: botMem ? botMem.afterLoadMb - bareMem.afterLoadMb : null,
      },
      answer,
      targets: [],
      notes,
    };
    report.targets = evaluateTargets(report);
    return report;
  } finally {
    for (const side of sides) side.client.close();
    await Promise.all(spawned.map((t) => t.stop()));
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
