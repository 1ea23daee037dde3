/**
 * The floor: a bare Bolt app (the bot's Bolt, HTTP receiver, same environment) answering each kind
 * of request with exactly the bytes the bot answered it with. BENCH_SCRIPT holds the bot's
 * recorded answers (bench.ts): per kind, the ack body and the Web API calls, replayed with the
 * request's channel and ts. The kind comes from the bench's x-bench-kind header.
 */
import { readFileSync } from "node:fs";
import bolt from "@slack/bolt";
import type { WebClient } from "@slack/web-api";

const { App, HTTPReceiver, LogLevel } = bolt;
type Answer = { ack: string; calls: { method: string; args: Record<string, unknown> }[] };
const script: Record<string, Answer> = JSON.parse(
  readFileSync(process.env.BENCH_SCRIPT ?? "", "utf8"),
);
// Parsed once: Bolt serialises the object each ack, as it does the bot's.
const acks = new Map(Object.entries(script).map(([kind, a]) => [kind, a.ack && JSON.parse(a.ack)]));

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver: new HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
    customPropertiesExtractor: (req) => ({ kind: String(req.headers["x-bench-kind"]) }),
    customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.end("ok") }],
  }),
  logLevel: LogLevel.INFO,
  convoStore: false, // as the bot: no conversation store lookup per request
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});

type Place = { channel: string; ts: string; thread: string };
async function replay(kind: unknown, place: Place, client: WebClient): Promise<void> {
  const calls = script[String(kind)]?.calls ?? [];
  // The first message edited is the one the request came from; another (a walkthrough's root,
  // turned into its result card) is the thread's.
  const own = calls.find((c) => "ts" in c.args)?.args.ts;
  for (const call of calls) {
    const args = { ...call.args };
    if ("channel" in args) args.channel = place.channel;
    if ("ts" in args) args.ts = args.ts === own ? place.ts : place.thread;
    if ("thread_ts" in args) args.thread_ts = place.thread;
    if ("message_ts" in args) args.message_ts = place.thread;
    // A call Slack refuses (the bot's users.info for an unknown user) is sent all the same.
    await client.apiCall(call.method, args).catch(() => undefined);
  }
}

app.command(/.*/, async ({ ack, context }) => {
  const body = acks.get(String(context.kind));
  await (body ? ack(body) : ack());
});
app.event("app_mention", async ({ event: e, context, client }) => {
  await replay(context.kind, { channel: e.channel, ts: e.ts, thread: e.thread_ts ?? e.ts }, client);
});
app.action({ type: "block_actions" }, async ({ ack, body, context, client }) => {
  await ack();
  const c = body.container as { channel_id: string; message_ts: string; thread_ts?: string };
  const place = { channel: c.channel_id, ts: c.message_ts, thread: c.thread_ts ?? c.message_ts };
  await replay(context.kind, place, client);
});

await app.start({ port: Number(process.env.PORT), host: "127.0.0.1" });
const stop = () => void app.stop().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
