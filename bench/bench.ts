import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BOT_USER_ID, FakeSlack, GOOD_TOKEN } from "../test/support/fake-slack.js";
import {
  appMentionBody,
  blockActionsBody,
  slashCommandBody,
} from "../test/support/slack-requests.js";
import { postSigned } from "../test/support/slack-signing.js";
import { type LoadKind, type Phase, runPhase, Watch } from "./load.js";
import { type Proc, rssMb, spawnProc } from "./procs.js";

export const KINDS = ["help", "question", "mention", "click", "decide"] as const;
export type Kind = (typeof KINDS)[number];
export type Measurements = Awaited<ReturnType<typeof runBench>>;
/** Requests per kind, side and level at scale 1; a tenth of it (at least 2) warms each side up. */
const BASE: Record<Kind, number> = { help: 100, question: 100, mention: 50, click: 20, decide: 10 };
/**
 * rounds: alternating bot/bare rounds per kind and level (medians); long: requests of each
 * 40,000-character (and short) message; startups: spawns per side timed to ready (median).
 */
export type Sizes = Record<"scale" | "rounds" | "long" | "startups", number> & {
  concurrency: number[];
};
export const FULL: Sizes = { concurrency: [10, 50], scale: 10, rounds: 3, long: 20, startups: 3 };
export const QUICK: Sizes = { concurrency: [10, 50], scale: 5, rounds: 1, long: 5, startups: 1 };
export const TINY: Sizes = { concurrency: [2, 4], scale: 0.4, rounds: 1, long: 2, startups: 1 };

const SECRET = "bench-signing-secret-0123456789abcdef";
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const [CHANNEL, USER] = ["C0BENCH001", "U0BENCH001"];
const QUESTION = "How do I run a cron job on ECS?";
const TEXT = { help: "help", question: QUESTION, mention: QUESTION, click: "", decide: "" };
/** Slack's longest message (a mention's also holds `<@bot> `). */
const MAX_CHARS = 40_000;
const LONG_TEXTS = {
  "one unbroken token": "k8sEcsFargate0123456789".repeat(2_000),
  "long normal text": "How do we run batch jobs on ECS, with retries and alerts? ".repeat(800),
};

type Calls = { method: string; args: Record<string, unknown> }[];
const has = (calls: Calls, method: string) => calls.some((c) => c.method === method);
const hasOption = (x: unknown) => JSON.stringify(x).includes('"decide_answer_');
/** When each kind's answer is complete: with its ack, or with its last Web API call. */
const UNTIL: Record<Kind, (calls: Calls) => boolean> = {
  help: () => true,
  question: () => true,
  mention: (calls) => has(calls, "chat.postMessage"),
  click: (calls) => has(calls, "chat.update"),
  // An answer that leaves questions open redraws them; the last one also posts the summary.
  decide: (c) => has(c, "chat.update") && (hasOption(c) || has(c, "chat.postMessage")),
};
/** The Web API call that delivers each answer not sent in the ack, and where it names the request. */
const REPLY: Partial<Record<Kind, LoadKind["reply"]>> = {
  mention: { method: "chat.postMessage", field: "thread_ts" },
  click: { method: "chat.update", field: "ts" },
  decide: { method: "chat.postMessage", field: "thread_ts" },
};

/** A walkthrough's question message as last drawn. */
type Spot = { channel: string; rootTs: string; questionTs: string; blocks: unknown };

/** A click on the first option (decide_answer_N) of a walkthrough question. */
function clickBody(spot: Spot, responseUrl: string): string {
  const { channel, questionTs: messageTs, rootTs: threadTs } = spot;
  for (const block of spot.blocks as { elements?: { action_id?: string; value: string }[] }[]) {
    const button = block.elements?.find((e) => e.action_id?.startsWith("decide_answer_"));
    if (!button?.action_id) continue;
    const ids = { actionId: button.action_id, value: button.value, channel, messageTs, threadTs };
    return blockActionsBody({ ...ids, user: USER, responseUrl });
  }
  throw new Error(`the question in ${channel} has no option buttons`);
}

let counter = 0;
function mention(text: string): { body: string; key: string } {
  counter += 1;
  const ts = `1764400000.${String(counter).padStart(6, "0")}`;
  const event = { text, user: USER, channel: CHANNEL, ts, eventId: `Ev0BENCH${counter}` };
  return { body: appMentionBody({ ...event, eventTime: Math.floor(Date.now() / 1000) }), key: ts };
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const f3 = (n: number) => n.toFixed(3);
/** Rounds of one side: requests and errors summed, the rest their medians. */
function merge(rounds: Phase[] = []): Phase {
  const m = (key: keyof Phase) => median(rounds.map((r) => r[key]));
  const sum = (key: keyof Phase) => rounds.reduce((n, r) => n + r[key], 0);
  const [p50, p99, rps, cpuMsPerRequest] = [m("p50"), m("p99"), m("rps"), m("cpuMsPerRequest")];
  return { requests: sum("requests"), errors: sum("errors"), p50, p99, rps, cpuMsPerRequest };
}

/**
 * The benchmark: the fake Slack Web API in this process, the bot and the bare app as processes.
 * The bot answers each kind once while recorded; the bare app starts with those recordings and
 * answers with the same bytes; then both take the same signed requests, kind by kind, per level.
 */
export async function runBench(o: {
  botEntry: string;
  bareEntry: string;
  sizes: Sizes;
  /** Node flags for the bot's loaded process (e.g. --cpu-prof). */
  botNodeArgs?: string[];
  log?: (line: string) => void;
}) {
  const log = o.log ?? (() => {});
  const s = o.sizes;
  const fake = await new FakeSlack().start();
  const watch = new Watch(fake);
  const dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-bench-"));
  const responseUrl = `${fake.base}/response/bench`;
  const script = path.join(dataDir, "bare-script.json");
  const env = {
    ...{ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production" },
    ...{ SLACK_BOT_TOKEN: GOOD_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
    ...{ DATA_DIR: dataDir, LOG_LEVEL: "info", BENCH_SCRIPT: script },
  };
  const procs: Proc[] = [];
  const start = async (name: string, entry: string, flags: string[] = []) => {
    const times: number[] = [];
    for (let i = 1; i <= Math.max(1, s.startups); i++) {
      const last = i >= s.startups;
      const proc = await spawnProc(name, [...(last ? flags : []), entry], env);
      procs.push(proc);
      times.push(proc.readyMs);
      if (last) return { proc, readyMs: median(times) };
      await proc.stop();
    }
    throw new Error("unreachable");
  };
  /** One request, and the Web API calls it makes until `until` holds of them. */
  const record = async (url: string, kind: Kind, body: string, until: (c: Calls) => boolean) => {
    const calls: Calls = [];
    const untap = watch.tap((e) => calls.push({ method: e.method, args: e.args }));
    const type = body[0] === "{" ? JSON_TYPE : FORM;
    const res = await postSigned(`${url}/slack/events`, SECRET, body, type, {
      "x-bench-kind": kind,
    });
    await watch.settle(() => until(calls), 30, 10_000);
    untap();
    if (res.status !== 200) throw new Error(`${kind}: HTTP ${res.status} ${res.text.slice(0, 99)}`);
    return { ack: res.text, calls };
  };
  const slash = (text: string) =>
    slashCommandBody({ text, user: USER, channel: CHANNEL, responseUrl });
  try {
    const bot = await start("bot", o.botEntry, o.botNodeArgs);
    log(`bot ready in ${bot.readyMs.toFixed(0)} ms`);
    // The bot's answer to each kind, recorded (click and decide below).
    const answers = {} as Record<Kind, { body: string; ack: string; calls: Calls }>;
    for (const kind of ["help", "question", "mention"] as const) {
      const body = kind === "mention" ? mention(QUESTION).body : slash(TEXT[kind]);
      answers[kind] = { body, ...(await record(bot.proc.url, kind, body, UNTIL[kind])) };
    }
    /** The requests of one phase (both sides get the same ones). */
    const phaseKind = (kind: Kind, text = TEXT[kind], spots: Spot[] = []): LoadKind => {
      const body = slash(text);
      let i = 0;
      const next = () => {
        const at = spots[i++ % spots.length];
        if (kind === "mention") return mention(text);
        if (!at) return { body };
        const key = kind === "decide" ? at.rootTs : at.questionTs;
        return { body: clickBody(at, responseUrl), key };
      };
      const [type, calls] = [kind === "mention" ? JSON_TYPE : FORM, answers[kind].calls.length];
      return { name: kind, contentType: type, calls, next, reply: REPLY[kind] };
    };
    const take = (kind: Kind, n: number) =>
      kind === "click" || kind === "decide" ? pools[kind].splice(0, n) : [];
    const forKind = (kind: Kind, n: number) => phaseKind(kind, TEXT[kind], take(kind, n));
    const run = async (proc: Proc, kind: LoadKind, concurrency: number, n: number) => {
      const target = { url: proc.url, secret: SECRET, pid: proc.pid, watch };
      const phase = await runPhase({ ...target, kind, concurrency, amount: n });
      fake.reset(); // the fake keeps every call
      fake.history.length = 0;
      return phase;
    };

    // Walkthroughs for every click to come, each at the question its click answers: a pool at the
    // first question and one at the last. A scout walks ahead of the latter and its clicks are
    // recorded: the first is click's answer, the last (the decision engine runs) decide's.
    const amount = (kind: Kind, c: number) => Math.max(c, Math.ceil(BASE[kind] * s.scale));
    const warmup = (kind: Kind) => Math.max(2, Math.ceil((BASE[kind] * s.scale) / 10));
    const need = (k: Kind) =>
      warmup(k) + s.rounds * s.concurrency.reduce((n, c) => n + amount(k, c), 0);
    const drawn = new Map<string, Spot>();
    const untap = watch.tap(({ method, args, result }) => {
      const channel = String(args.channel);
      const spot = drawn.get(channel);
      if (spot && method === "chat.update" && args.ts === spot.questionTs)
        spot.blocks = args.blocks;
      if (method !== "chat.postMessage" || !args.thread_ts || !hasOption(args)) return;
      const [rootTs, questionTs] = [String(args.thread_ts), String(result?.ts)];
      drawn.set(channel, { channel, rootTs, questionTs, blocks: args.blocks });
    });
    let channels = 0;
    const next = () => {
      const channel = `C0WALK${++channels}`;
      return { body: slashCommandBody({ text: "decide", user: USER, channel, responseUrl }) };
    };
    const walkthroughs = need("click") + need("decide") + 1;
    await run(bot.proc, { name: "start", contentType: FORM, calls: 2, next }, 16, walkthroughs);
    if (drawn.size !== walkthroughs)
      throw new Error(`${drawn.size} of ${walkthroughs} walkthroughs`);
    const [scout, ...spots] = drawn.values();
    const pools = { click: spots.slice(0, need("click")), decide: spots.slice(need("click")) };
    for (let step = 0; scout && !answers.decide && step < 60; step++) {
      const body = clickBody(scout, responseUrl);
      const rec = await record(bot.proc.url, "decide", body, UNTIL.decide);
      if (!has(rec.calls, "chat.update")) throw new Error(`click ${step + 1}: no chat.update`);
      answers.click ??= { body, ...rec };
      if (!hasOption(rec.calls)) answers.decide = { body, ...rec };
      const n = pools.decide.length;
      if (!answers.decide)
        await run(bot.proc, phaseKind("click", "", pools.decide), Math.min(16, n), n);
    }
    untap();
    if (!answers.decide) throw new Error("the recorded walkthrough did not finish");
    log(`prepared ${walkthroughs} walkthroughs`);
    writeFileSync(script, JSON.stringify(answers));

    const bare = await start("bare", o.bareEntry);
    log(`bare app ready in ${bare.readyMs.toFixed(0)} ms`);
    const sameBytes = {} as Record<Kind, boolean>;
    for (const kind of KINDS) {
      const { body, ...bot } = answers[kind];
      const got = await record(bare.proc.url, kind, body, UNTIL[kind]);
      // The same ack and the same Web API calls; calls made concurrently may arrive in any order.
      const bytes = (r: { ack: string; calls: Calls }) =>
        JSON.stringify([r.ack, r.calls.map((c) => JSON.stringify(c)).sort()]);
      sameBytes[kind] = bytes(got) === bytes(bot);
      if (!sameBytes[kind]) log(`${kind}: the bare app's answer differs from the bot's`);
    }

    for (const kind of KINDS) {
      const k = forKind(kind, warmup(kind));
      for (const proc of [bot.proc, bare.proc])
        await run(proc, k, s.concurrency[0] ?? 1, warmup(kind));
    }
    const rows: { kind: Kind; concurrency: number; bot: Phase; bare: Phase }[] = [];
    for (const kind of KINDS) {
      for (const concurrency of s.concurrency) {
        const n = amount(kind, concurrency);
        const runs = new Map([bot.proc, bare.proc].map((p) => [p, [] as Phase[]]));
        for (let round = 0; round < s.rounds; round++) {
          const k = forKind(kind, n);
          // Which side goes first alternates, so that a drift of the machine favours neither.
          const sides = (rows.length + round) % 2 ? [bare.proc, bot.proc] : [bot.proc, bare.proc];
          for (const p of sides) runs.get(p)?.push(await run(p, k, concurrency, n));
        }
        const [b, f] = [merge(runs.get(bot.proc)), merge(runs.get(bare.proc))];
        rows.push({ kind, concurrency, bot: b, bare: f });
        log(
          `${kind} c${concurrency}: CPU ms/request ${f3(b.cpuMsPerRequest)} bot, ${f3(f.cpuMsPerRequest)} bare`,
        );
      }
    }

    // 40,000-character messages against a short question, one at a time, to the bot.
    const long: { where: string; what: string; long: Phase; short: Phase }[] = [];
    for (const [kind, where] of [
      ["mention", "mention"],
      ["question", "slash command"],
    ] as const) {
      const room = MAX_CHARS - (kind === "mention" ? `<@${BOT_USER_ID}> `.length : 0);
      const short = await run(bot.proc, phaseKind(kind), 1, s.long);
      for (const [what, text] of Object.entries(LONG_TEXTS)) {
        const phase = await run(bot.proc, phaseKind(kind, text.slice(0, room)), 1, s.long);
        long.push({ where, what, long: phase, short });
      }
    }

    await sleep(500);
    const [cores, node, date] = [cpus().length, process.version, new Date().toISOString()];
    return {
      machine: { cores, cpu: cpus()[0]?.model.trim(), node, date },
      sizes: s,
      /** Per kind: the bare app's ack and Web API calls were byte-identical to the bot's. */
      sameBytes,
      rows,
      long,
      /** Spawn → the HTTP port answers, median, ms. */
      readyMs: { bot: bot.readyMs, bare: bare.readyMs },
      /** Resident memory after the load, MB. */
      rssMb: { bot: rssMb(bot.proc.pid), bare: rssMb(bare.proc.pid) },
    };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
