import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { registerViews } from "./views/index.js";

/**
 * Every listener of the app, by kind (Slack's starter-app layout). Bolt runs the matchers of every
 * registered listener for every request, so each kind registers as few listeners as it can (actions:
 * one, dispatching through a table) and there is no global middleware.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
}
