import { parseArgs } from "node:util";
import { type BenchOptions, DEFAULT_COMMAND } from "./harness.js";

export const USAGE = `Usage: npm run bench -- [options]
  --quick              a CI-sized run (1 round, few requests)
  --rounds N           alternating bot/bare rounds (default 5)
  --requests N         slash commands per concurrency level, per round and side (default 1500)
  --mentions N         app_mention events for mention → reply (default 500)
  --clicks N           button clicks for the walkthrough flow (default 400)
  --bot PATH           the bot's entry (default dist/src/main.js)
  --bare-only          measure the bare app only
  --by-kind N          commands per kind of command in the per-kind section (default 500)
  --profile            write V8 CPU profiles of both processes to bench/results/
  --heap-snapshot      write heap snapshots of both processes after the load to bench/results/
  --node-arg FLAG      an extra node flag for both processes (repeatable), e.g. --node-arg=--trace-gc
  --out DIR            where latest.json and latest.md go (default bench/results)
  --help`;

export type EntryOptions = Omit<BenchOptions, "root" | "botEntry" | "bareEntry" | "log">;

export interface CliOptions {
  bench: EntryOptions;
  botEntry: string | undefined;
  bareOnly: boolean;
  profile: boolean;
  heapSnapshot: boolean;
  nodeArgs: string[];
  outDir: string | undefined;
  help: boolean;
}

export function fullDefaults(): EntryOptions {
  return {
    rounds: 5,
    requests: 1500,
    concurrencyLevels: [1, 10, 50],
    warmupRequests: 500,
    mentions: 500,
    mentionConcurrency: 10,
    clicks: 400,
    clickConcurrency: 10,
    startupRuns: 3,
    byKindRequests: 500,
    answerMs: 1500,
    command: DEFAULT_COMMAND,
  };
}

export function quickDefaults(): EntryOptions {
  return {
    ...fullDefaults(),
    rounds: 1,
    requests: 50,
    warmupRequests: 20,
    mentions: 20,
    clicks: 20,
    startupRuns: 1,
    byKindRequests: 20,
    answerMs: 200,
  };
}

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      requests: { type: "string" },
      mentions: { type: "string" },
      clicks: { type: "string" },
      "by-kind": { type: "string" },
      bot: { type: "string" },
      "bare-only": { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      "heap-snapshot": { type: "boolean", default: false },
      "node-arg": { type: "string", multiple: true },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  const bench = values.quick ? quickDefaults() : fullDefaults();
  bench.rounds = positive("rounds", values.rounds) ?? bench.rounds;
  bench.requests = positive("requests", values.requests) ?? bench.requests;
  bench.mentions = positive("mentions", values.mentions) ?? bench.mentions;
  bench.clicks = positive("clicks", values.clicks) ?? bench.clicks;
  bench.byKindRequests = positive("by-kind", values["by-kind"]) ?? bench.byKindRequests;
  bench.warmupRequests = Math.min(bench.warmupRequests, Math.max(20, bench.requests));
  return {
    bench,
    botEntry: values.bot,
    bareOnly: values["bare-only"] ?? false,
    profile: values.profile ?? false,
    heapSnapshot: values["heap-snapshot"] ?? false,
    nodeArgs: values["node-arg"] ?? [],
    outDir: values.out,
    help: values.help ?? false,
  };
}
