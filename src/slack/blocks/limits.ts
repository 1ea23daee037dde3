import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  PlainTextElement,
  SectionBlock,
} from "@slack/types";

/** Block Kit limits the renderers keep to (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionElements: 25,
  contextElements: 10,
  /** The top-level `text` of a message; Slack truncates beyond 40,000, keep the fallback short. */
  fallbackText: 3000,
  modalTitle: 24,
  /** An input block's label and hint. */
  inputLabel: 2000,
  /** An input element's placeholder. */
  placeholder: 150,
  privateMetadata: 3000,
  tableRows: 100,
  tableCells: 20,
} as const;

/** Cuts text to max characters (by code point), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  // A string of at most max UTF-16 units has at most max code points: nothing to count.
  if (text.length <= max) return text;
  // Only a bounded head is split into code points: 2 × max units hold more than max of them, so a
  // 40,000-character paste costs what a short one does.
  const head = Array.from(text.slice(0, 2 * max + 2));
  if (head.length <= max && text.length <= 2 * max) return text;
  return `${head.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Splits long mrkdwn into pieces of at most max characters, at line breaks where possible. */
export function splitText(text: string, max: number = LIMITS.sectionText): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max && Array.from(rest).length > max) {
    const head = Array.from(rest).slice(0, max).join("");
    let cut = head.lastIndexOf("\n");
    if (cut < max / 2) cut = head.lastIndexOf(" ");
    if (cut < max / 2) cut = head.length;
    pieces.push(head.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/**
 * A plain_text object (a modal's title and buttons, an input's label), cut to max characters: a
 * modal title's by default. `emoji: true` is written unless emoji is false (the object then has none).
 */
export function plain(
  text: string,
  max: number = LIMITS.modalTitle,
  emoji = true,
): PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), ...(emoji ? { emoji: true } : {}) };
}

export function header(text: string): HeaderBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: truncate(text, LIMITS.headerText), emoji: true },
  };
}

/** One or more section blocks holding mrkdwn text, split to respect the 3000-character limit. */
export function sections(text: string): SectionBlock[] {
  return splitText(text).map((piece) => ({
    type: "section",
    text: { type: "mrkdwn", text: piece.length > 0 ? piece : " " },
  }));
}

export function section(text: string, accessory?: Button): SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncate(text.length > 0 ? text : " ", LIMITS.sectionText) },
    ...(accessory ? { accessory } : {}),
  };
}

export function fieldsSection(fields: string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields) {
    out.push({
      type: "section",
      fields: fields.slice(i, i + LIMITS.fields).map((text) => ({
        type: "mrkdwn",
        text: truncate(text, LIMITS.fieldText),
      })),
    });
  }
  return out;
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: "context",
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: "mrkdwn", text: truncate(text || " ", LIMITS.fieldText) })),
  };
}

export interface ButtonSpec {
  actionId: string;
  text: string;
  value?: string;
  style?: "primary" | "danger";
  url?: string;
  confirm?: Button["confirm"];
}

export function button(spec: ButtonSpec): Button {
  if (spec.value !== undefined && spec.value.length > LIMITS.buttonValue) {
    throw new Error(`button value of ${spec.actionId} exceeds ${LIMITS.buttonValue} characters`);
  }
  return {
    type: "button",
    action_id: spec.actionId,
    text: { type: "plain_text", text: truncate(spec.text, LIMITS.buttonText), emoji: true },
    ...(spec.value !== undefined ? { value: spec.value } : {}),
    ...(spec.style ? { style: spec.style } : {}),
    ...(spec.url ? { url: spec.url } : {}),
    ...(spec.confirm ? { confirm: spec.confirm } : {}),
  };
}

/**
 * Actions blocks holding the elements, 25 per block. Action ids must be unique within a block, so
 * repeated ids get a numeric suffix (listeners match them with a RegExp).
 */
export function actions(elements: ActionsBlockElement[], blockId?: string): ActionsBlock[] {
  const out: ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actionElements) {
    const chunk = elements.slice(i, i + LIMITS.actionElements);
    out.push({
      type: "actions",
      ...(blockId ? { block_id: out.length === 0 ? blockId : `${blockId}_${out.length}` } : {}),
      elements: chunk,
    });
  }
  return out;
}

/**
 * Keeps a list of blocks within a surface's limit: when too long, the tail is replaced by a context
 * block carrying `overflowNote`. `reserve` blocks are kept free for what the caller appends.
 */
export function capBlocks(
  blocks: KnownBlock[],
  max: number,
  overflowNote: string,
  reserve = 0,
): KnownBlock[] {
  const room = max - reserve;
  if (blocks.length <= room) return blocks;
  return [...blocks.slice(0, room - 1), context(overflowNote)];
}
