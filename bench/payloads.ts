import { appMentionBody, slashCommandBody } from "../test/support/slack-requests.js";
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from "./fake-slack.js";
import type { BenchRequest } from "./load.js";
import { slackSignatureHeaders } from "./signing.js";

export const EVENTS_PATH = "/slack/events";
export const BENCH_USER_ID = "U0BENCHUSER";
export const BENCH_APP_ID = "A0BENCH";

let sequence = 0;
/** A process-wide counter for unique ids (event ids, trigger ids, channels). */
export function nextId(): number {
  sequence += 1;
  return sequence;
}

export interface SlashCommandInput {
  command: string;
  text: string;
  channelId: string;
  userId?: string;
  responseUrlBase: string;
}

/** A slash command as Slack sends it (the tests' body): form-encoded, signed. */
export function slashCommandRequest(secret: string, input: SlashCommandInput): BenchRequest {
  const id = nextId();
  const body = slashCommandBody({
    command: input.command,
    text: input.text,
    user: input.userId ?? BENCH_USER_ID,
    channel: input.channelId,
    responseUrl: `${input.responseUrlBase}cmd/${input.channelId}/${id}`,
  });
  return {
    path: EVENTS_PATH,
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignatureHeaders(secret, body),
    },
  };
}

export interface MentionInput {
  text: string;
  channelId: string;
  userId?: string;
  /** The message's ts; also the thread the bot should reply in. */
  ts: string;
}

/** An app_mention Events API callback (the tests' body): JSON, signed, unique event_id. */
export function mentionRequest(secret: string, input: MentionInput): BenchRequest {
  const body = appMentionBody({
    text: input.text,
    user: input.userId ?? BENCH_USER_ID,
    channel: input.channelId,
    ts: input.ts,
    eventId: `Ev0BENCH${nextId()}`,
    eventTime: Math.floor(Date.now() / 1000),
  });
  return {
    path: EVENTS_PATH,
    body,
    headers: { "content-type": "application/json", ...slackSignatureHeaders(secret, body) },
  };
}

export interface ButtonClick {
  actionId: string;
  blockId: string;
  value?: string;
  text: string;
}

export interface ClickInput {
  channelId: string;
  messageTs: string;
  threadTs?: string;
  /** The message as the bot posted it (text and blocks), echoed back like Slack does. */
  message: Record<string, unknown>;
  button: ButtonClick;
  responseUrlBase: string;
  userId?: string;
}

/** A block_actions interaction (a button click): form-encoded `payload=<json>`, signed. */
export function clickRequest(secret: string, input: ClickInput): BenchRequest {
  const id = nextId();
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(id).padStart(6, "0")}`;
  const payload = {
    type: "block_actions",
    user: {
      id: input.userId ?? BENCH_USER_ID,
      username: "bench-user",
      name: "bench-user",
      team_id: FAKE_TEAM_ID,
    },
    api_app_id: BENCH_APP_ID,
    token: "bench-verification-token",
    container: {
      type: "message",
      message_ts: input.messageTs,
      channel_id: input.channelId,
      is_ephemeral: false,
      ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
    },
    trigger_id: `${id}.${Date.now()}.bench`,
    team: { id: FAKE_TEAM_ID, domain: "bench" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channelId, name: "bench" },
    message: {
      type: "message",
      user: FAKE_BOT_USER_ID,
      ...input.message,
      ts: input.messageTs,
      ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
    },
    state: { values: {} },
    response_url: `${input.responseUrlBase}click/${input.channelId}/${id}/${input.messageTs}`,
    actions: [
      {
        action_id: input.button.actionId,
        block_id: input.button.blockId,
        text: { type: "plain_text", text: input.button.text, emoji: true },
        ...(input.button.value !== undefined ? { value: input.button.value } : {}),
        type: "button",
        action_ts: actionTs,
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return {
    path: EVENTS_PATH,
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignatureHeaders(secret, body),
    },
  };
}

/** Buttons found in a message's blocks (actions blocks and section accessories), in order. */
export function findButtons(blocks: unknown): ButtonClick[] {
  const out: ButtonClick[] = [];
  if (!Array.isArray(blocks)) return out;
  const asButton = (el: unknown, blockId: string): void => {
    if (typeof el !== "object" || el === null) return;
    const e = el as Record<string, unknown>;
    if (e.type !== "button" || typeof e.action_id !== "string") return;
    if (typeof e.url === "string") return; // a link button: Slack opens the link, nothing to time
    const text = e.text as { text?: unknown } | undefined;
    const button: ButtonClick = {
      actionId: e.action_id,
      blockId,
      text: typeof text?.text === "string" ? text.text : "",
    };
    if (typeof e.value === "string") button.value = e.value;
    out.push(button);
  };
  for (const block of blocks) {
    if (typeof block !== "object" || block === null) continue;
    const b = block as Record<string, unknown>;
    const blockId = typeof b.block_id === "string" ? b.block_id : "";
    if (Array.isArray(b.elements)) for (const el of b.elements) asButton(el, blockId);
    if (b.accessory !== undefined) asButton(b.accessory, blockId);
  }
  return out;
}
