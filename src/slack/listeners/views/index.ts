import type { App } from "@slack/bolt";
import { ASK_MODAL_CALLBACK } from "../../blocks/home-modals.js";
import { POST_MODAL_CALLBACK } from "../../blocks/modal.js";
import { REVISIT_DATE_CALLBACK } from "../../blocks/review.js";
import { START_MODAL_CALLBACK } from "../../blocks/start-modal.js";
import type { SlackDeps } from "../../deps.js";
import { homeAskSubmit } from "./home-ask.js";
import { postToChannel } from "./post-to-channel.js";
import { revisitDateSubmit } from "./revisit-date.js";
import { startModalSubmit } from "./start-modal.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(POST_MODAL_CALLBACK, postToChannel(deps));
  app.view(REVISIT_DATE_CALLBACK, revisitDateSubmit(deps));
  app.view(ASK_MODAL_CALLBACK, homeAskSubmit(deps));
  app.view(START_MODAL_CALLBACK, startModalSubmit(deps));
}
