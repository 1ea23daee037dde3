import type { Lang } from "../../../core/i18n/lang.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { decode, homeValue } from "../../payloads.js";
import { langOfLocale } from "../../users.js";
import { actionValue, type BlockActionArgs } from "./common.js";

/**
 * The language of a click in App Home: the one the tab was drawn in (the button's value), else the
 * user's Slack locale (users.info, cached), as App Home itself chooses it. No channel setting applies.
 */
export async function homeClickLang(args: BlockActionArgs, deps: SlackDeps): Promise<Lang> {
  const value = decode(homeValue, actionValue(args.action));
  if (value) return value.lang;
  const user = await deps.users.lookup(args.client, args.logger, args.body.user.id);
  return langOfLocale(user.locale, deps.defaultLang);
}

/**
 * An App Home button that opens a modal: ack, the click's language (homeClickLang), then `open`.
 * App Home has no channel to tell the user in: a failure is logged and the click does nothing visible.
 */
export function homeModalClick(
  deps: SlackDeps,
  name: string,
  open: (args: BlockActionArgs, lang: Lang) => Promise<unknown>,
) {
  return async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    try {
      await open(args, await homeClickLang(args, deps));
    } catch (err) {
      args.logger.warn(`${name} for ${args.body.user.id} failed: ${describeError(err)}`);
    }
  };
}
