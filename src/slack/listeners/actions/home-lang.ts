import type { Lang } from "../../../core/i18n/lang.js";
import { homeValue } from "../../blocks/home.js";
import type { SlackDeps } from "../../deps.js";
import { decode } from "../../payloads.js";
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
