import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { dedupeEvents } from "../dedupe.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appMention } from "./app-mention.js";

/**
 * Events are deduplicated on event_id (dedupe.ts) as listener middleware, after Bolt has matched the
 * event type: commands and clicks, which carry no event_id, never pass through it.
 */
export function registerEvents(app: App, deps: SlackDeps): void {
  const dedupe = dedupeEvents(deps.store);
  app.event("app_mention", dedupe, appMention(deps));
  app.event("app_home_opened", dedupe, appHomeOpened(deps));
}
