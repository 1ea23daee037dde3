/** The bot as plain text names it, where a mention would show as raw <@U…> markup. */
export const PLAIN_BOT_NAME = "@ecs-vs-eks";

/**
 * A mrkdwn message as plain text, for the places Slack shows text as written (an input's inline
 * error, a file's title): links keep their label, mentions become a name, and the `code`, *bold* and
 * _italic_ marks go.
 */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(?:https?:\/\/|mailto:)[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<((?:https?:\/\/|mailto:)[^>]*)>/g, "$1")
    .replace(/<@[UW][A-Z0-9]+(?:\|([^>]*))?>/g, (_, name?: string) =>
      name ? `@${name}` : "@someone",
    )
    .replace(/<#[CGD][A-Z0-9]+(?:\|([^>]*))?>/g, (_, name?: string) =>
      name ? `#${name}` : "#channel",
    )
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(^|[\s(「（])\*([^*\n]+)\*(?=$|[\s).,、。」）:])/g, "$1$2")
    .replace(/(^|[\s(「（])_([^_\n]+)_(?=$|[\s).,、。」）:])/g, "$1$2")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
