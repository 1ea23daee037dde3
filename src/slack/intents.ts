/** How the bot reads a slash command's text or a mention's text. */
export type Intent =
  | { kind: "help" }
  | { kind: "matrix" }
  | { kind: "decide"; title: string }
  | { kind: "history"; all: boolean }
  | { kind: "lang"; value: string }
  | { kind: "summary" }
  | { kind: "changes"; since?: string; capability?: string }
  | { kind: "question"; text: string };

const DECIDE =
  /^(?:decide|walkthrough|walk\s+(?:us\s+)?through(?:\s+it)?|help\s+us\s+(?:decide|choose)|決めたい|決めよう|意思決定(?:を始める)?)(?:[\s:：、,]+(.*))?$/is;

const CHANGES = /^(?:changes|changelog|change-log|変更履歴|更新履歴)$/i;
const CHANGES_SINCE = /^(?:since|以降)(?:\s+(\S+))?$|^(\d{4}-\d{1,2}-\d{1,2})(?:\s*以降)?$/i;
const CAPABILITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;

/**
 * "changes", "changes since 2025-01-01", "changes 2025-01-01" or "changes service-mesh"; anything
 * longer after "changes" is a question ("changes in fargate pricing?"). The date and the id are
 * checked against the data by the listener, which answers a bad one politely.
 */
function parseChanges(rest: string): Intent | undefined {
  if (rest === "") return { kind: "changes" };
  const since = CHANGES_SINCE.exec(rest);
  if (since) return { kind: "changes", since: since[1] ?? since[2] ?? "" };
  if (CAPABILITY_ID.test(rest)) return { kind: "changes", capability: rest.toLowerCase() };
  return undefined;
}

export function parseIntent(raw: string): Intent {
  const text = raw.trim();
  if (text === "") return { kind: "help" };
  const [first = "", ...restWords] = text.split(/\s+/);
  const word = first.toLowerCase();
  const rest = restWords.join(" ").trim();
  if ((word === "help" || word === "ヘルプ" || word === "使い方") && rest === "")
    return { kind: "help" };
  if ((word === "matrix" || word === "比較表") && rest === "") return { kind: "matrix" };
  if (
    (word === "history" || word === "履歴") &&
    (rest === "" || /^(all|全体|すべて)$/i.test(rest))
  ) {
    return { kind: "history", all: rest !== "" };
  }
  if (word === "lang" && !rest.includes(" ")) return { kind: "lang", value: rest.toLowerCase() };
  const changes = CHANGES.test(word) ? parseChanges(rest) : undefined;
  if (changes) return changes;
  if (/^(summary|status|まとめ|途中経過)$/i.test(text)) return { kind: "summary" };
  const decide = DECIDE.exec(text);
  if (decide) return { kind: "decide", title: (decide[1] ?? "").trim() };
  return { kind: "question", text };
}

/** A mention's text without the leading (and any) mention of the bot itself. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  let out = text;
  if (botUserId) out = out.split(`<@${botUserId}>`).join(" ");
  else out = out.replace(/^\s*<@[UW][A-Z0-9]+>/, " ");
  return out.replace(/\s+/g, " ").trim();
}
