/**
 * The floor: a bare Bolt app (same Bolt version, HTTP receiver, same fake Slack) that only acks a
 * slash command with a fixed text. Run as its own process with the same environment as the bot:
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT, SLACK_API_URL.
 */
import bolt from "@slack/bolt";

const { App, HTTPReceiver, LogLevel } = bolt;

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is required`);
  return value;
}

const port = Number(process.env.PORT ?? "3000");
const levels: Record<string, bolt.LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};
// The same LOG_LEVEL as the bot, so both log alike.
const logLevel = levels[(process.env.LOG_LEVEL ?? "info").toLowerCase()] ?? LogLevel.INFO;
const slackApiUrl = process.env.SLACK_API_URL;

const receiver = new HTTPReceiver({
  signingSecret: env("SLACK_SIGNING_SECRET"),
  logLevel,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      },
    },
  ],
});

const app = new App({
  token: env("SLACK_BOT_TOKEN"),
  receiver,
  logLevel,
  ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}),
});

app.command(/.*/, async ({ ack }) => {
  await ack("ok");
});

await app.start(port);

const stop = (): void => {
  void app.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
