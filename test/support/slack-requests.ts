import { BOT_USER_ID, TEAM_ID } from "./fake-slack.js";
import { formBody } from "./slack-signing.js";

/**
 * The bodies Slack sends a bot, as the in-process harness (slack-harness.ts) and the spawned bot
 * (bot-process.ts) both post them: a slash command, an app_mention event, a block_actions click.
 */

/** The form body of `/ecs-vs-eks <text>` (the bench names its own command). */
export function slashCommandBody(o: {
  /** Default /ecs-vs-eks. */
  command?: string;
  text: string;
  user: string;
  channel: string;
  responseUrl: string;
}): string {
  return formBody({
    token: "legacy",
    team_id: TEAM_ID,
    team_domain: "fake",
    channel_id: o.channel,
    channel_name: "general",
    user_id: o.user,
    user_name: "someone",
    command: o.command ?? "/ecs-vs-eks",
    text: o.text,
    api_app_id: "A0APP0001",
    response_url: o.responseUrl,
    trigger_id: "1337.42.abcdef",
  });
}

/** What a test may set of an app_mention (the rest has defaults). */
export interface MentionOptions {
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  /** Sent as Slack's retry number `retry` of the event. */
  retry?: number;
}

/** The JSON body of an app_mention event_callback: `@bot <text>`. */
export function appMentionBody(o: {
  text: string;
  user: string;
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  eventId: string;
  /** Seconds since the epoch. */
  eventTime: number;
}): string {
  return JSON.stringify({
    token: "legacy",
    team_id: TEAM_ID,
    api_app_id: "A0APP0001",
    type: "event_callback",
    event_id: o.eventId,
    event_time: o.eventTime,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
    event: {
      type: "app_mention",
      user: o.user,
      text: `<@${BOT_USER_ID}> ${o.text}`,
      ts: o.ts,
      channel: o.channel,
      event_ts: o.ts,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
  });
}

/** The headers of Slack's retry of an event it thinks was not acknowledged (none for the first try). */
export function retryHeaders(retry: number | undefined): Record<string, string> {
  return retry !== undefined
    ? { "X-Slack-Retry-Num": String(retry), "X-Slack-Retry-Reason": "http_timeout" }
    : {};
}

/** The form body of a block_actions click on a button (or a static select) of a message. */
export function blockActionsBody(o: {
  actionId: string;
  value: string;
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string | undefined;
  /** The clicked message was ephemeral (Slack then sends no `message`). */
  ephemeral?: boolean | undefined;
  type?: "button" | "static_select" | "overflow" | undefined;
  responseUrl: string;
}): string {
  const action =
    o.type === "static_select" || o.type === "overflow"
      ? {
          type: o.type,
          action_id: o.actionId,
          block_id: "b",
          selected_option: { value: o.value, text: { type: "plain_text", text: "x" } },
          action_ts: "1",
        }
      : {
          type: "button",
          action_id: o.actionId,
          block_id: "b",
          value: o.value,
          text: { type: "plain_text", text: "x" },
          action_ts: "1",
        };
  const thread = o.threadTs ? { thread_ts: o.threadTs } : {};
  const payload = {
    type: "block_actions",
    team: { id: TEAM_ID, domain: "fake" },
    user: { id: o.user, username: "someone", team_id: TEAM_ID },
    api_app_id: "A0APP0001",
    token: "legacy",
    trigger_id: "1337.42.abcdef",
    response_url: o.responseUrl,
    container: {
      type: "message",
      message_ts: o.messageTs,
      channel_id: o.channel,
      is_ephemeral: o.ephemeral === true,
      ...thread,
    },
    channel: { id: o.channel, name: "general" },
    ...(o.ephemeral
      ? {}
      : {
          message: { type: "message", ts: o.messageTs, text: "x", user: BOT_USER_ID, ...thread },
        }),
    actions: [action],
  };
  return formBody({ payload: JSON.stringify(payload) });
}

/** What a test may set of a message shortcut (the rest has defaults). */
export interface ShortcutOptions {
  /** The shortcut's callback_id, e.g. "ask_about_message". */
  callbackId: string;
  /** The message the shortcut was used on. */
  message: { ts: string; thread_ts?: string; text?: string; user?: string };
  /** Who used the shortcut. */
  user: string;
  channel: string;
  /** Default "1337.42.abcdef". */
  triggerId?: string;
  /** Slack always sends one; null leaves it out (for the modal fallback). */
  responseUrl: string | null;
}

/** The form body of a message shortcut (type message_action) used on a message. */
export function messageShortcutBody(o: ShortcutOptions): string {
  const payload = {
    type: "message_action",
    callback_id: o.callbackId,
    trigger_id: o.triggerId ?? "1337.42.abcdef",
    action_ts: "1764200000.000001",
    message_ts: o.message.ts,
    team: { id: TEAM_ID, domain: "fake" },
    user: { id: o.user, name: "someone", username: "someone", team_id: TEAM_ID },
    channel: { id: o.channel, name: "general" },
    api_app_id: "A0APP0001",
    token: "legacy",
    is_enterprise_install: false,
    ...(o.responseUrl !== null ? { response_url: o.responseUrl } : {}),
    message: {
      type: "message",
      ts: o.message.ts,
      ...(o.message.text !== undefined ? { text: o.message.text } : {}),
      ...(o.message.user !== undefined ? { user: o.message.user } : {}),
      ...(o.message.thread_ts !== undefined ? { thread_ts: o.message.thread_ts } : {}),
    },
  };
  return formBody({ payload: JSON.stringify(payload) });
}

/** The form body of a click on a button of a view (App Home, a modal): no channel, no message. */
export function viewActionBody(o: {
  actionId: string;
  value?: string;
  user: string;
  viewType: "home" | "modal";
  triggerId?: string;
}): string {
  const viewId = o.viewType === "home" ? "V0HOME0001" : "V0MODAL001";
  const payload = {
    type: "block_actions",
    team: { id: TEAM_ID, domain: "fake" },
    user: { id: o.user, username: "someone", team_id: TEAM_ID },
    api_app_id: "A0APP0001",
    token: "legacy",
    trigger_id: o.triggerId ?? "1337.42.abcdef",
    container: { type: "view", view_id: viewId },
    view: { id: viewId, team_id: TEAM_ID, type: o.viewType, blocks: [], hash: "1" },
    actions: [
      {
        type: "button",
        action_id: o.actionId,
        block_id: "b",
        ...(o.value !== undefined ? { value: o.value } : {}),
        text: { type: "plain_text", text: "x" },
        action_ts: "1",
      },
    ],
  };
  return formBody({ payload: JSON.stringify(payload) });
}

/**
 * The form body of a modal's submission with any state: `values` is view.state.values, e.g.
 * { question: { question_input: { type: "plain_text_input", value: "…" } } }.
 */
export function viewSubmissionBody(o: {
  view: Record<string, unknown>;
  values: Record<string, Record<string, Record<string, unknown>>>;
  user: string;
}): string {
  return formBody({
    payload: JSON.stringify({
      type: "view_submission",
      team: { id: TEAM_ID, domain: "fake" },
      user: { id: o.user, username: "someone", team_id: TEAM_ID },
      api_app_id: "A0APP0001",
      token: "legacy",
      trigger_id: "1337.42.abcdef",
      view: {
        id: "V0VIEW001",
        team_id: TEAM_ID,
        type: "modal",
        callback_id: o.view.callback_id,
        private_metadata: o.view.private_metadata ?? "",
        blocks: o.view.blocks ?? [],
        title: o.view.title,
        hash: "1",
        state: { values: o.values },
      },
      response_urls: [],
    }),
  });
}
