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

/** Starts the tests' FakeSlack and listens to its calls through its public onCall() hook. */
export async function startBenchFakeSlack(): Promise<BenchFakeSlack> {
  const fake = await new FakeSlack().start();
  const listeners = new Set<FakeCallListener>();
  let total = 0;
  fake.onCall((event) => {
    const at = performance.now();
    total += 1;
    const call: FakeCall = { method: event.method, body: event.args, at };
    if (event.responsePath !== undefined) call.responsePath = event.responsePath;
    if (event.method === "chat.postMessage" && typeof event.result?.ts === "string") {
      call.ts = event.result.ts;
    }
    for (const listener of listeners) listener(call);
  });

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
