import { renderMatrixModal } from "../../blocks/home-modals.js";
import type { SlackDeps } from "../../deps.js";
import { homeModalClick } from "./home-lang.js";

/** App Home's "Open the matrix": the capability matrix in a modal, in the user's language. */
export function homeMatrix(deps: SlackDeps) {
  return homeModalClick(deps, "home_matrix", ({ client, body }, lang) =>
    client.views.open({
      trigger_id: body.trigger_id,
      view: renderMatrixModal(deps.matrix, lang, { command: deps.command }),
    }),
  );
}
