import type { App, MessageShortcut } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { ASK_ABOUT_MESSAGE_CALLBACK, askAboutMessage } from "./ask-about-message.js";
import { DECIDE_FROM_THREAD_CALLBACK, decideFromThread } from "./decide-from-thread.js";

/**
 * Message shortcuts (the "…" menu of a message), one registration per callback_id, each callback
 * in its own file. The manifest declares the same callback_ids (test/manifest.test.ts checks both).
 */
export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(ASK_ABOUT_MESSAGE_CALLBACK, askAboutMessage(deps));
  app.shortcut<MessageShortcut>(DECIDE_FROM_THREAD_CALLBACK, decideFromThread(deps));
}
