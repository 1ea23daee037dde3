import { performance } from "node:perf_hooks";
import type { BenchFakeSlack, FakeCall } from "./fake-slack.js";
import type { BenchClient } from "./http-client.js";
import {
  type ButtonClick,
  clickRequest,
  findButtons,
  mentionRequest,
  nextId,
  slashCommandRequest,
} from "./payloads.js";
import { type LatencySummary, summarize } from "./stats.js";

/** A message the bot showed in a channel, as the fake Slack saw it. */
interface TrackedMessage {
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown;
  /** Arrival of the call that last set it. */
  at: number;
}

/** One call that put something in front of a user in a channel. */
interface ChannelEvent {
  method: string;
  at: number;
  message?: TrackedMessage;
}

const SHOWING = new Set(["chat.postMessage", "chat.update", "chat.postEphemeral", "response_url"]);

/**
 * Follows what the bot shows per channel (posts, updates, response_url replies) so flows can wait for
 * "the next thing the user sees in this channel after time t" and read its buttons.
 */
export class ChannelTracker {
  private readonly events = new Map<string, ChannelEvent[]>();
  private readonly messages = new Map<string, Map<string, TrackedMessage>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly detach: () => void;
  private synthetic = 0;

  constructor(fake: BenchFakeSlack) {
    this.detach = fake.onCall((call) => this.record(call));
  }

  close(): void {
    this.detach();
    this.events.clear();
    this.messages.clear();
  }

  /** Forget a channel once a flow is done with it, so long runs stay small. */
  forget(channel: string): void {
    this.events.delete(channel);
    this.messages.delete(channel);
  }

  private record(call: FakeCall): void {
    if (!SHOWING.has(call.method)) return;
    let channel: string | undefined;
    let ts: string | undefined;
    const body = call.body;
    if (call.method === "response_url") {
      // response paths are <kind>/<channel>/<id>[/<message ts>] (see payloads.ts)
      const parts = (call.responsePath ?? "").split("/");
      channel = parts[1];
      const replacing = body.replace_original === true || body.replace_original === "true";
      ts = replacing ? parts[3] : undefined;
      if (body.delete_original === true || body.delete_original === "true") ts = parts[3];
    } else {
      channel = typeof body.channel === "string" ? body.channel : undefined;
      ts = call.method === "chat.update" && typeof body.ts === "string" ? body.ts : call.ts;
    }
    if (channel === undefined) return;
    if (ts === undefined) {
      this.synthetic += 1;
      ts = `synthetic.${this.synthetic}`;
    }
    const message: TrackedMessage = {
      ts,
      text: typeof body.text === "string" ? body.text : "",
      blocks: body.blocks,
      at: call.at,
    };
    if (typeof body.thread_ts === "string") message.threadTs = body.thread_ts;
    let byTs = this.messages.get(channel);
    if (!byTs) {
      byTs = new Map();
      this.messages.set(channel, byTs);
    }
    const deleting = body.delete_original === true || body.delete_original === "true";
    if (deleting) byTs.delete(ts);
    else byTs.set(ts, message);
    let list = this.events.get(channel);
    if (!list) {
      list = [];
      this.events.set(channel, list);
    }
    list.push({ method: call.method, at: call.at, message });
    const waiting = this.waiters.get(channel);
    if (waiting) for (const wake of [...waiting]) wake();
  }

  /** The first event in the channel that arrived at or after `since`, or null on timeout. */
  async next(
    channel: string,
    since: number,
    timeoutMs: number,
    accept: (e: ChannelEvent) => boolean = () => true,
  ): Promise<ChannelEvent | null> {
    const find = (): ChannelEvent | undefined =>
      this.events.get(channel)?.find((e) => e.at >= since && accept(e));
    const found = find();
    if (found) return found;
    return new Promise((resolve) => {
      let set = this.waiters.get(channel);
      if (!set) {
        set = new Set();
        this.waiters.set(channel, set);
      }
      const waiters = set;
      const done = (value: ChannelEvent | null): void => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0) this.waiters.delete(channel);
        resolve(value);
      };
      const wake = (): void => {
        const hit = find();
        if (hit) done(hit);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      waiters.add(wake);
    });
  }

  /** Waits until nothing new arrived in the channel for `quietMs` (bounded by maxMs). */
  async settle(channel: string, quietMs: number, maxMs: number): Promise<void> {
    const started = performance.now();
    for (;;) {
      const list = this.events.get(channel);
      const last = list?.[list.length - 1]?.at ?? 0;
      const now = performance.now();
      if (now - last >= quietMs || now - started >= maxMs) return;
      await new Promise((r) => setTimeout(r, Math.max(1, quietMs - (now - last))));
    }
  }

  /** Arrival time of the channel's newest event (0 when none). */
  lastAt(channel: string): number {
    const list = this.events.get(channel);
    return list?.[list.length - 1]?.at ?? 0;
  }

  /** The channel's messages, most recently set first. */
  latest(channel: string): TrackedMessage[] {
    const byTs = this.messages.get(channel);
    if (!byTs) return [];
    return [...byTs.values()].sort((a, b) => b.at - a.at);
  }
}

export interface FlowTimes extends LatencySummary {
  errors: number;
  concurrency: number;
  firstError?: string;
}

function flowSummary(
  samples: number[],
  errors: number,
  concurrency: number,
  firstError: string | undefined,
): FlowTimes {
  const out: FlowTimes = { ...summarize(samples), errors, concurrency };
  if (firstError !== undefined) out.firstError = firstError;
  return out;
}

export interface MentionFlowOptions {
  client: BenchClient;
  tracker: ChannelTracker;
  secret: string;
  questions: readonly string[];
  concurrency: number;
  total: number;
  timeoutMs?: number;
}

/**
 * Mention → reply: each of `concurrency` workers posts an app_mention in a thread of its own and waits
 * for the bot's chat.postMessage in that channel; time from sending the event to the post's arrival.
 */
export async function runMentionFlow(o: MentionFlowOptions): Promise<FlowTimes> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const worker = async (w: number): Promise<void> => {
    while (next < o.total) {
      const i = next;
      next += 1;
      const channel = `C0MENTION${w}X${nextId()}`;
      const ts = `${Math.floor(Date.now() / 1000)}.${String(nextId()).padStart(6, "0")}`;
      const text = o.questions[i % o.questions.length] ?? "help";
      const req = mentionRequest(o.secret, { text, channelId: channel, ts });
      const sentAt = performance.now();
      const ack = await o.client.post(req.path, req.body, req.headers);
      if (ack.status !== 200) {
        errors += 1;
        firstError ??= ack.error ?? `event ack HTTP ${ack.status}: ${ack.body.slice(0, 200)}`;
        continue;
      }
      const reply = await o.tracker.next(
        channel,
        sentAt,
        o.timeoutMs ?? 10_000,
        (e) => e.method === "chat.postMessage",
      );
      if (reply) samples.push(reply.at - sentAt);
      else {
        errors += 1;
        firstError ??= `no chat.postMessage in ${channel} for "${text}"`;
      }
      await o.tracker.settle(channel, 20, 2_000);
      o.tracker.forget(channel);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  return flowSummary(samples, errors, o.concurrency, firstError);
}

/** Picks the next button to click in a walkthrough, or null when the walkthrough is over. */
export type ButtonChooser = (
  buttons: ButtonClick[],
  step: number,
  worker: number,
) => ButtonClick | null;

/** Walkthrough answers: buttons whose value is `{"k":"opt",…}`; rotates so paths differ. */
export const chooseWalkthroughOption: ButtonChooser = (buttons, step, worker) => {
  const options = buttons.filter((b) => {
    if (b.value === undefined) return false;
    try {
      const v: unknown = JSON.parse(b.value);
      return typeof v === "object" && v !== null && (v as { k?: unknown }).k === "opt";
    } catch {
      return false;
    }
  });
  if (options.length === 0) return null;
  return options[(step + worker) % options.length] ?? null;
};

export interface ClickFlowOptions {
  client: BenchClient;
  tracker: ChannelTracker;
  secret: string;
  responseUrlBase: string;
  command: string;
  /** The slash command text that starts a walkthrough. */
  startText: string;
  concurrency: number;
  /** Clicks to time in all (walkthroughs are started as needed). */
  totalClicks: number;
  choose?: ButtonChooser;
  maxClicksPerWalkthrough?: number;
  timeoutMs?: number;
}

export interface ClickTimes extends FlowTimes {
  walkthroughs: number;
  /** Walkthroughs that ran to a message with no more options. */
  completed: number;
  clicksPerWalkthrough: number;
}

/**
 * A full walkthrough driven by button clicks: start it with the slash command, then click an option on
 * the newest message with options, and time each click to the first chat.update / chat.postMessage /
 * response_url reply in that channel; repeat until no options remain.
 */
export async function runClickFlow(o: ClickFlowOptions): Promise<ClickTimes> {
  const choose = o.choose ?? chooseWalkthroughOption;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let clicksLeft = o.totalClicks;
  let walkthroughs = 0;
  let completed = 0;
  const fail = (message: string): void => {
    errors += 1;
    firstError ??= message;
  };
  type Target = { message: TrackedMessage; button: ButtonClick };
  /** Options on the newest message shown since `since` (so an old question is never clicked twice). */
  const findOptions = (channel: string, step: number, w: number, since: number): Target | null => {
    for (const message of o.tracker.latest(channel)) {
      if (message.at < since) break;
      const button = choose(findButtons(message.blocks), step, w);
      if (button) return { message, button };
    }
    return null;
  };
  /** Waits for options to show up: the bot may post a question a moment after its first reply. */
  const awaitOptions = async (
    channel: string,
    step: number,
    w: number,
    since: number,
  ): Promise<Target | null> => {
    for (;;) {
      await o.tracker.settle(channel, 20, 2_000);
      const found = findOptions(channel, step, w, since);
      if (found) return found;
      const more = await o.tracker.next(channel, o.tracker.lastAt(channel) + 1e-6, 500);
      if (!more) return null;
    }
  };
  const worker = async (w: number): Promise<void> => {
    while (clicksLeft > 0) {
      walkthroughs += 1;
      const channel = `C0WALK${w}X${nextId()}`;
      const start = slashCommandRequest(o.secret, {
        command: o.command,
        text: o.startText,
        channelId: channel,
        responseUrlBase: o.responseUrlBase,
      });
      const startedAt = performance.now();
      const ack = await o.client.post(start.path, start.body, start.headers);
      if (ack.status !== 200) {
        fail(`start ack HTTP ${ack.status}: ${ack.error ?? ack.body.slice(0, 200)}`);
        clicksLeft -= 1;
        continue;
      }
      const first = await o.tracker.next(channel, startedAt, timeoutMs);
      if (!first) {
        fail(`"${o.command} ${o.startText}" showed nothing in ${channel}`);
        clicksLeft -= 1;
        continue;
      }
      let step = 0;
      let since = startedAt;
      for (;;) {
        const target = await awaitOptions(channel, step, w, since);
        if (!target) {
          if (step > 0) completed += 1;
          else fail(`no walkthrough option buttons in ${channel} after "${o.startText}"`);
          break;
        }
        if (clicksLeft <= 0 || step >= (o.maxClicksPerWalkthrough ?? 40)) break;
        clicksLeft -= 1;
        const message: Record<string, unknown> = { text: target.message.text };
        if (target.message.blocks !== undefined) message.blocks = target.message.blocks;
        const click = clickRequest(o.secret, {
          channelId: channel,
          messageTs: target.message.ts,
          ...(target.message.threadTs !== undefined ? { threadTs: target.message.threadTs } : {}),
          message,
          button: target.button,
          responseUrlBase: o.responseUrlBase,
        });
        const sentAt = performance.now();
        const res = await o.client.post(click.path, click.body, click.headers);
        if (res.status !== 200) {
          fail(`click ack HTTP ${res.status}: ${res.error ?? res.body.slice(0, 200)}`);
          break;
        }
        const shown = await o.tracker.next(
          channel,
          sentAt,
          timeoutMs,
          (e) => e.method !== "chat.postEphemeral",
        );
        if (!shown) {
          fail(`no update in ${channel} after clicking ${target.button.actionId}`);
          break;
        }
        samples.push(shown.at - sentAt);
        step += 1;
        since = sentAt;
      }
      o.tracker.forget(channel);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  const out: ClickTimes = {
    ...flowSummary(samples, errors, o.concurrency, firstError),
    walkthroughs,
    completed,
    clicksPerWalkthrough: walkthroughs > 0 ? samples.length / walkthroughs : 0,
  };
  return out;
}
