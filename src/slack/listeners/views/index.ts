import type { App } from "@slack/bolt";
import { POST_MODAL_CALLBACK } from "../../blocks/modal.js";
import type { SlackDeps } from "../../deps.js";
import { postToChannel } from "./post-to-channel.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(POST_MODAL_CALLBACK, postToChannel(deps));
}
