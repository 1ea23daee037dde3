import {
  DUE_BLOCK,
  DUE_INPUT,
  INVITEES_BLOCK,
  INVITEES_INPUT,
  OWNER_BLOCK,
  OWNER_INPUT,
  TITLE_BLOCK,
  TITLE_INPUT,
  WHERE_BLOCK,
  WHERE_INPUT,
} from "../../src/slack/blocks/start-modal.js";
import type { Harness } from "./slack-harness.js";
import { viewSubmissionBody } from "./slack-requests.js";
import type { SlackHttpResponse } from "./slack-signing.js";

type Json = Record<string, unknown>;

/** What a user filled in on the start modal; undefined leaves a field as the modal drew it. */
export interface StartForm {
  title?: string;
  owner?: string;
  invitees?: string[];
  /** YYYY-MM-DD */
  due?: string;
  where?: string;
}

function blockById(view: Json, id: string): Json | undefined {
  return ((view.blocks as Json[] | undefined) ?? []).find((b) => b.block_id === id);
}

/** The element of one of the modal's inputs. */
export function startField(view: Json, blockId: string): Json | undefined {
  return blockById(view, blockId)?.element as Json | undefined;
}

/**
 * view.state.values as Slack sends them on submit: the modal's initial title and owner unless the
 * form changes them, empty optional fields as Slack sends them (null).
 */
export function startValues(view: Json, form: StartForm = {}): Json {
  const title = form.title ?? (startField(view, TITLE_BLOCK)?.initial_value as string | undefined);
  const owner = form.owner ?? (startField(view, OWNER_BLOCK)?.initial_user as string | undefined);
  const values: Json = {
    [TITLE_BLOCK]: { [TITLE_INPUT]: { type: "plain_text_input", value: title ?? null } },
    [OWNER_BLOCK]: { [OWNER_INPUT]: { type: "users_select", selected_user: owner ?? null } },
    [INVITEES_BLOCK]: {
      [INVITEES_INPUT]: { type: "multi_users_select", selected_users: form.invitees ?? [] },
    },
    [DUE_BLOCK]: { [DUE_INPUT]: { type: "datepicker", selected_date: form.due ?? null } },
  };
  if (blockById(view, WHERE_BLOCK)) {
    values[WHERE_BLOCK] = {
      [WHERE_INPUT]: { type: "conversations_select", selected_conversation: form.where ?? null },
    };
  }
  return values;
}

/** Submits the start modal (as views.open drew it) with a form, signed, through the HTTP receiver. */
export function submitStart(
  h: Harness,
  view: Json,
  form: StartForm = {},
  user?: string,
): Promise<SlackHttpResponse> {
  return h.raw(
    viewSubmissionBody({
      view,
      values: startValues(view, form) as never,
      user: user ?? (startField(view, OWNER_BLOCK)?.initial_user as string),
    }),
    "application/x-www-form-urlencoded",
  );
}

/** The view of the last views.open call. */
export function lastOpenedView(h: Harness): Json {
  const view = h.fake.callsTo("views.open").at(-1)?.args.view as Json | undefined;
  if (!view) throw new Error("no views.open call");
  return view;
}
