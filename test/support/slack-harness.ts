import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type BotApp, createApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { Metrics } from "../../src/ops/metrics.js";
import { opsEndpoints } from "../../src/ops/readiness.js";
import { createHttpReceiver } from "../../src/slack/receivers.js";
import { MemoryStore, type Store } from "../../src/store/index.js";
import { assertBlockKitLimits } from "./block-kit-limits.js";
import { BOT_USER_ID, FakeSlack, GOOD_TOKEN, TEAM_ID } from "./fake-slack.js";
import { lateBound } from "./late-bound.js";
import {
  appMentionBody,
  blockActionsBody,
  type MentionOptions,
  messageShortcutBody,
  retryHeaders,
  type ShortcutOptions,
  slashCommandBody,
} from "./slack-requests.js";
import { formBody, postSigned, type SlackHttpResponse } from "./slack-signing.js";

export const SIGNING_SECRET = "test-signing-secret-0123456789";
export const NOW = new Date("2026-11-28T09:00:00Z");
export const CHANNEL = "C0GENERAL1";
export const USER = "U0ALICE001";
export const USER2 = "U0BOB00002";

/** A logger that says nothing: Bolt's Logger interface, for receivers and apps under test. */
export const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => "error" as never,
  setName: () => {},
};

export interface Harness {
  fake: FakeSlack;
  bot: BotApp;
  store: Store;
  config: Config;
  url: string;
  /** Bodies of HTTP responses to Slack (ack bodies), for the Block Kit check. */
  acks: Record<string, unknown>[];
  /** Every line the bot logged (warn and error), to check no token leaks. */
  logs: string[];
  slash(text: string, opts?: { user?: string; channel?: string }): Promise<SlackHttpResponse>;
  mention(text: string, opts?: MentionOptions): Promise<SlackHttpResponse>;
  click(
    actionId: string,
    value: string,
    opts?: {
      user?: string;
      channel?: string;
      messageTs?: string;
      threadTs?: string;
      ephemeral?: boolean;
      type?: "button" | "static_select" | "overflow";
    },
  ): Promise<SlackHttpResponse>;
  submitView(
    view: Record<string, unknown>,
    selectedChannel: string,
    user?: string,
  ): Promise<SlackHttpResponse>;
  homeOpened(user?: string): Promise<SlackHttpResponse>;
  /**
   * A message shortcut used on a message (signed, as Slack sends it). Defaults: USER in CHANNEL, a
   * fresh response_url pointing at the fake (pass null to leave it out).
   */
  shortcut(
    callbackId: string,
    message: ShortcutOptions["message"],
    opts?: { user?: string; channel?: string; triggerId?: string; responseUrl?: string | null },
  ): Promise<SlackHttpResponse>;
  raw(
    body: string,
    contentType: "application/json" | "application/x-www-form-urlencoded",
    secret?: string,
  ): Promise<SlackHttpResponse>;
  stop(): Promise<void>;
}

let eventCounter = 0;
let tsCounter = 500;
export function nextTs(): string {
  tsCounter += 1;
  return `1764200000.${String(tsCounter).padStart(6, "0")}`;
}

/** Starts the fake Slack and the bot in HTTP mode on a free port, wired together. */
export async function startHarness(
  env: Record<string, string> = {},
  opts: { store?: Store } = {},
): Promise<Harness> {
  const fake = await new FakeSlack().start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: GOOD_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    LOG_LEVEL: "error",
    ...env,
  });
  // One clock for the app and the store, as in main.ts: nothing depends on today's date.
  const store = opts.store ?? new MemoryStore({ clock: () => NOW });
  const logs: string[] = [];
  const logger = {
    ...quietLogger,
    warn: (...m: unknown[]) => logs.push(m.map(String).join(" ")),
    error: (...m: unknown[]) => logs.push(m.map(String).join(" ")),
  };
  let bot: BotApp | undefined;
  const metrics = new Metrics();
  const receiver = createHttpReceiver({
    signingSecret: SIGNING_SECRET,
    logLevel: "error",
    logger,
    ops: opsEndpoints({ check: () => bot?.health(), metrics, mode: "http" }),
  });
  bot = createApp({
    config,
    store,
    receiver,
    logger,
    metrics,
    now: () => NOW,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await bot.init();
  const server = (await bot.app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const events = `${url}/slack/events`;
  const acks: Record<string, unknown>[] = [];
  const app = bot;

  const send = async (
    body: string,
    contentType: "application/json" | "application/x-www-form-urlencoded",
    headers: Record<string, string> = {},
    secret = SIGNING_SECRET,
  ) => {
    const res = await postSigned(events, secret, body, contentType, headers);
    if (res.json) acks.push(res.json);
    await app.idle();
    return res;
  };

  return {
    fake,
    bot,
    store,
    config,
    url,
    acks,
    logs,
    slash: (text, o = {}) =>
      send(
        slashCommandBody({
          text,
          user: o.user ?? USER,
          channel: o.channel ?? CHANNEL,
          responseUrl: fake.responseUrl(),
        }),
        "application/x-www-form-urlencoded",
      ),
    mention: (text, o = {}) => {
      eventCounter += 1;
      const body = appMentionBody({
        text,
        user: o.user ?? USER,
        channel: o.channel ?? CHANNEL,
        ts: o.ts ?? nextTs(),
        threadTs: o.threadTs,
        eventId: o.eventId ?? `Ev0TEST${eventCounter}`,
        eventTime: Math.floor(NOW.getTime() / 1000),
      });
      return send(body, "application/json", retryHeaders(o.retry));
    },
    click: (actionId, value, o = {}) =>
      send(
        blockActionsBody({
          actionId,
          value,
          user: o.user ?? USER,
          channel: o.channel ?? CHANNEL,
          messageTs: o.messageTs ?? nextTs(),
          threadTs: o.threadTs,
          ephemeral: o.ephemeral,
          type: o.type,
          responseUrl: fake.responseUrl(),
        }),
        "application/x-www-form-urlencoded",
      ),
    submitView: (view, selectedChannel, user = USER) =>
      send(
        formBody({
          payload: JSON.stringify({
            type: "view_submission",
            team: { id: TEAM_ID, domain: "fake" },
            user: { id: user, username: "someone", team_id: TEAM_ID },
            api_app_id: "A0APP0001",
            token: "legacy",
            trigger_id: "1337.42.abcdef",
            view: {
              id: "V0VIEW001",
              team_id: TEAM_ID,
              type: "modal",
              callback_id: view.callback_id,
              private_metadata: view.private_metadata,
              blocks: view.blocks,
              title: view.title,
              hash: "1",
              state: {
                values: {
                  channel: {
                    channel_select: {
                      type: "conversations_select",
                      selected_conversation: selectedChannel,
                    },
                  },
                },
              },
            },
            response_urls: [],
          }),
        }),
        "application/x-www-form-urlencoded",
      ),
    homeOpened: (user = USER) => {
      eventCounter += 1;
      return send(
        JSON.stringify({
          token: "legacy",
          team_id: TEAM_ID,
          api_app_id: "A0APP0001",
          type: "event_callback",
          event_id: `Ev0HOME${eventCounter}`,
          event_time: Math.floor(NOW.getTime() / 1000),
          authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
          event: {
            type: "app_home_opened",
            user,
            channel: "D0DM00001",
            tab: "home",
            event_ts: nextTs(),
          },
        }),
        "application/json",
      );
    },
    shortcut: (callbackId, message, o = {}) =>
      send(
        messageShortcutBody({
          callbackId,
          message,
          user: o.user ?? USER,
          channel: o.channel ?? CHANNEL,
          ...(o.triggerId ? { triggerId: o.triggerId } : {}),
          responseUrl: o.responseUrl === undefined ? fake.responseUrl() : o.responseUrl,
        }),
        "application/x-www-form-urlencoded",
      ),
    raw: (body, contentType, secret = SIGNING_SECRET) => send(body, contentType, {}, secret),
    async stop() {
      await app.app.stop().catch(() => undefined);
      await fake.stop();
    },
  };
}

/**
 * One harness for the test file that calls it: started before its first test, stopped after its
 * last. After every test, everything the bot sent (Web API calls, response_url posts, ack bodies) is
 * checked against Block Kit's limits, then the fake Slack and the acks are cleared for the next test.
 */
export function useHarness(env: Record<string, string> = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(env);
  });
  afterAll(async () => {
    await started?.stop();
  });
  afterEach(() => {
    if (!started) return;
    try {
      assertBlockKitLimits(started.fake, started.acks);
    } finally {
      started.fake.reset();
      started.acks.length = 0;
    }
  });
  return lateBound("the harness", () => started);
}

/** The blocks of a payload as JSON text, for "does it show X" assertions. */
export function shown(payload: Record<string, unknown> | null | undefined): string {
  return JSON.stringify(payload ?? {});
}

/** What a user can see of a payload: everything but button values and private metadata. */
export function visible(payload: Record<string, unknown> | null | undefined): string {
  return JSON.stringify(payload ?? {}, (key, value) =>
    key === "value" || key === "private_metadata" ? undefined : value,
  );
}

type Json = Record<string, unknown>;

/** The elements of a payload's actions blocks (its buttons, menus, date pickers), in order. */
export function actionElements(payload: Json | null | undefined): Json[] {
  return ((payload?.blocks as Json[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[]);
}

/** The action element of a payload with this action_id; throws, showing the payload, if none. */
export function actionButton(payload: Json | null | undefined, actionId: string): Json {
  const found = actionElements(payload).find((e) => e.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} in ${shown(payload)}`);
  return found;
}
