import { renderAskModal } from "../../blocks/home-modals.js";
import type { SlackDeps } from "../../deps.js";
import { homeModalClick } from "./home-lang.js";

/** App Home's "Ask a question": a modal with one text input (submitted as home_ask_modal). */
export function homeAsk(deps: SlackDeps) {
  return homeModalClick(deps, "home_ask", ({ client, body }, lang) =>
    client.views.open({ trigger_id: body.trigger_id, view: renderAskModal(lang) }),
  );
}
