import { PLAIN_BOT_NAME } from "./plain-text.js";

/**
 * The one escaping function for text shown back in Slack (mrkdwn or plain_text): &, < and > become
 * entities, so nobody can make the bot ping @channel or forge a link with <!channel> or <https://…|…>.
 */
const SPECIAL = /[&<>]/;

export function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** A user mention, only for well-formed ids (anything else is shown escaped). */
export function mentionUser(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : escapeText(userId);
}

/** The bot as users can mention it: its mention when Slack told us its id, else its name. */
export function botMention(botUserId: string | undefined): string {
  return botUserId ? `<@${botUserId}>` : PLAIN_BOT_NAME;
}

/** A channel mention, only for well-formed ids. */
export function mentionChannel(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : escapeText(channelId);
}

/** A link in mrkdwn: the URL must be http(s); the label is escaped and may not contain "|". */
export function link(url: string, label: string): string {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return escapeText(label);
  return `<${url}|${escapeText(label).replace(/\|/g, "¦")}>`;
}
