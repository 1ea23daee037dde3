import { performance } from "node:perf_hooks";
import { BOT_USER_ID, FakeSlack, GOOD_TOKEN, TEAM_ID } from "../test/support/fake-slack.js";

/**
 * The bench runs the tests' fake Slack Web API (test/support/fake-slack.ts) in the driver process and
 * watches it: each call is reported with its arrival time on this process's performance clock, so the
 * driver times "event sent → reply arrived" on one clock, and with the ts the fake gave a posted
 * message, so a later click can name the message like Slack does.
 */

export const FAKE_TEAM_ID = TEAM_ID;
export const FAKE_BOT_USER_ID = BOT_USER_ID;
/** The token the fake accepts. */
export const FAKE_BOT_TOKEN = GOOD_TOKEN;

export interface FakeCall {
  /** Web API method (chat.postMessage), or `response_url` for a post to a response URL. */
  method: string;
  /** For response_url posts: the path after /response/. */
  responsePath?: string;
  body: Record<string, unknown>;
  /** The ts the fake gave a posted message (chat.postMessage). */
  ts?: string;
  /** performance.now() when the fake handled the call (its body had fully arrived). */
  at: number;
}

export type FakeCallListener = (call: FakeCall) => void;

export interface BenchFakeSlack {
  /** Base URL for SLACK_API_URL, ending in /api/. */
  apiUrl: string;
  /** Base for response URLs, ending in /response/. */
  responseUrlBase: string;
  /** Number of calls seen so far (Web API and response_url). */
  callCount(): number;
  onCall(listener: FakeCallListener): () => void;
  /** Drops what the fake recorded so far (it keeps every call; long runs reset between phases). */
  reset(): void;
  close(): Promise<void>;
}

type AnswerFn = (method: string, args: Record<string, unknown>) => Record<string, unknown>;

/**
 * Starts the tests' FakeSlack and hooks into it. FakeSlack has no public "on call" hook yet, so this
 * wraps its answer() (the step that makes each reply, ts included) and its responsePosts.push; the
 * harness test fails loudly if that shape changes.
 */
export async function startBenchFakeSlack(): Promise<BenchFakeSlack> {
  const fake = await new FakeSlack().start();
  const listeners = new Set<FakeCallListener>();
  let total = 0;
  const notify = (call: FakeCall): void => {
    total += 1;
    for (const listener of listeners) listener(call);
  };

  const hooked = fake as unknown as { answer?: unknown };
  if (typeof hooked.answer !== "function") {
    await fake.stop();
    throw new Error("test/support/fake-slack.ts changed: FakeSlack.answer() is gone");
  }
  const original = (hooked.answer as AnswerFn).bind(fake);
  const answer: AnswerFn = (method, args) => {
    const at = performance.now();
    const result = original(method, args);
    const call: FakeCall = { method, body: args, at };
    if (method === "chat.postMessage" && typeof result.ts === "string") call.ts = result.ts;
    notify(call);
    return result;
  };
  hooked.answer = answer;

  const posts = fake.responsePosts;
  posts.push = (...items) => {
    const at = performance.now();
    for (const item of items) {
      notify({ method: "response_url", responsePath: item.id, body: item.body, at });
    }
    return Array.prototype.push.apply(posts, items);
  };

  return {
    apiUrl: fake.apiUrl,
    responseUrlBase: `${fake.base}/response/`,
    callCount: () => total,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset: () => fake.reset(),
    close: () => fake.stop(),
  };
}
