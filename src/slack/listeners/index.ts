import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { dedupeEvents } from "./dedupe.js";
import { registerEvents } from "./events/index.js";
import { registerViews } from "./views/index.js";

/** Every listener of the app, by kind (Slack's starter-app layout). */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(dedupeEvents(deps.store));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
