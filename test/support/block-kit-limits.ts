import { expect } from "vitest";
import type { FakeSlack } from "./fake-slack.js";

/**
 * Block Kit limits, checked on every payload the bot sent (Web API calls, response_url posts, ack
 * bodies): 50 blocks per message, 100 per modal or Home tab, 3000 characters per section text, 150 per
 * header, 75 per button label, 2000 per button value, 10 fields per section, 25 elements per actions
 * block, one table per message (100 rows × 20 cells), a text fallback on every message, and never
 * a broadcast mention.
 */
type Json = Record<string, unknown>;

const len = (v: unknown) => (typeof v === "string" ? Array.from(v).length : 0);
const textOf = (v: unknown) => (v && typeof v === "object" ? (v as Json).text : undefined);

function problemsOfElement(el: Json, where: string, out: string[]): void {
  const type = el.type;
  if (typeof el.action_id === "string" && el.action_id.length > 255)
    out.push(`${where}: action_id > 255`);
  if (type === "button") {
    if (len(textOf(el.text)) > 75) out.push(`${where}: button text > 75 (${len(textOf(el.text))})`);
    if (len(textOf(el.text)) === 0) out.push(`${where}: empty button text`);
    if (len(el.value) > 2000) out.push(`${where}: button value > 2000`);
    if (len(el.url) > 3000) out.push(`${where}: button url > 3000`);
  }
  if (type === "static_select") {
    const groups = (el.option_groups as Json[] | undefined) ?? [];
    const options = [
      ...((el.options as Json[] | undefined) ?? []),
      ...groups.flatMap((g) => (g.options as Json[]) ?? []),
    ];
    if (groups.length > 100) out.push(`${where}: > 100 option groups`);
    for (const g of groups)
      if (len(textOf(g.label)) > 75) out.push(`${where}: option group label > 75`);
    for (const g of groups)
      if (((g.options as Json[]) ?? []).length > 100)
        out.push(`${where}: > 100 options in a group`);
    if (((el.options as Json[] | undefined) ?? []).length > 100)
      out.push(`${where}: > 100 options`);
    for (const o of options) {
      if (len(textOf(o.text)) > 75) out.push(`${where}: option text > 75`);
      if (len(o.value) > 150) out.push(`${where}: option value > 150 (${len(o.value)})`);
    }
    if (len(textOf(el.placeholder)) > 150) out.push(`${where}: placeholder > 150`);
  }
}

function problemsOfBlocks(blocks: Json[], max: number, where: string, out: string[]): void {
  if (blocks.length > max) out.push(`${where}: ${blocks.length} blocks > ${max}`);
  let tables = 0;
  blocks.forEach((b, i) => {
    const at = `${where} block ${i} (${String(b.type)})`;
    if (typeof b.block_id === "string" && b.block_id.length > 255)
      out.push(`${at}: block_id > 255`);
    switch (b.type) {
      case "section": {
        const text = textOf(b.text);
        const fields = (b.fields as Json[] | undefined) ?? [];
        if (text === undefined && fields.length === 0)
          out.push(`${at}: section without text or fields`);
        if (text !== undefined && len(text) === 0) out.push(`${at}: empty section text`);
        if (len(text) > 3000) out.push(`${at}: section text ${len(text)} > 3000`);
        if (fields.length > 10) out.push(`${at}: ${fields.length} fields > 10`);
        for (const f of fields) if (len(f.text) > 2000) out.push(`${at}: field > 2000`);
        if (b.accessory) problemsOfElement(b.accessory as Json, at, out);
        break;
      }
      case "header":
        if (len(textOf(b.text)) > 150) out.push(`${at}: header ${len(textOf(b.text))} > 150`);
        if (len(textOf(b.text)) === 0) out.push(`${at}: empty header`);
        break;
      case "actions": {
        const elements = (b.elements as Json[]) ?? [];
        if (elements.length > 25) out.push(`${at}: ${elements.length} elements > 25`);
        if (elements.length === 0) out.push(`${at}: no elements`);
        const ids = elements.map((e) => e.action_id).filter((id) => typeof id === "string");
        if (new Set(ids).size !== ids.length) out.push(`${at}: duplicate action_id in one block`);
        elements.forEach((e, j) => {
          problemsOfElement(e, `${at} element ${j}`, out);
        });
        break;
      }
      case "context": {
        const elements = (b.elements as Json[]) ?? [];
        if (elements.length > 10) out.push(`${at}: ${elements.length} elements > 10`);
        for (const e of elements) if (len(e.text) > 2000) out.push(`${at}: context text > 2000`);
        break;
      }
      case "table": {
        tables += 1;
        const rows = (b.rows as Json[][]) ?? [];
        if (rows.length > 100) out.push(`${at}: ${rows.length} rows > 100`);
        for (const r of rows) if (r.length > 20) out.push(`${at}: row with ${r.length} cells > 20`);
        for (const r of rows)
          for (const c of r)
            if (c.type === "raw_text" && len(c.text) === 0) out.push(`${at}: empty cell`);
        break;
      }
      case "input":
        if (len(textOf(b.label)) > 2000) out.push(`${at}: label > 2000`);
        if (b.element) problemsOfElement(b.element as Json, at, out);
        break;
      default:
        break;
    }
  });
  if (tables > 1) out.push(`${where}: ${tables} tables > 1`);
}

/** Problems of one message payload (chat.postMessage, chat.update, ephemeral, response bodies). */
export function messageProblems(payload: Json, where: string): string[] {
  const out: string[] = [];
  if (payload.delete_original === true) return out;
  if (typeof payload.text !== "string" || payload.text.trim() === "")
    out.push(`${where}: no text fallback`);
  if (len(payload.text) > 40_000) out.push(`${where}: text > 40000`);
  if (payload.blocks !== undefined) problemsOfBlocks(payload.blocks as Json[], 50, where, out);
  return out;
}

export function viewProblems(view: Json, where: string): string[] {
  const out: string[] = [];
  problemsOfBlocks((view.blocks as Json[]) ?? [], 100, where, out);
  if (view.type === "modal") {
    if (len(textOf(view.title)) > 24) out.push(`${where}: modal title > 24`);
    if (len(textOf(view.submit)) > 24) out.push(`${where}: modal submit > 24`);
    if (len(textOf(view.close)) > 24) out.push(`${where}: modal close > 24`);
  }
  if (len(view.private_metadata) > 3000) out.push(`${where}: private_metadata > 3000`);
  if (len(view.callback_id) > 255) out.push(`${where}: callback_id > 255`);
  return out;
}

const BROADCAST = /<!(channel|here|everyone)(\|[^>]*)?>/;

/** The payload as users see it: button values and private metadata are not shown. */
const seen = (payload: unknown) =>
  JSON.stringify(payload, (key, value) =>
    key === "value" || key === "private_metadata" ? undefined : value,
  );

/**
 * What of a call Slack reads as markup: a file's title is plain text (shown as written, never a
 * mention), so only the rest of files.completeUploadExternal (its initial_comment) is checked.
 */
function shownAsMarkup(method: string, args: Json): Json {
  if (method !== "files.completeUploadExternal") return args;
  const files = Array.isArray(args.files) ? (args.files as Json[]) : [];
  return { ...args, files: files.map(({ title: _title, ...rest }) => rest) };
}

/** Every payload the fake recorded, plus ack bodies the test collected, within Block Kit's limits. */
export function assertBlockKitLimits(fake: FakeSlack, ackBodies: Json[] = []): void {
  const problems: string[] = [];
  for (const [i, call] of fake.calls.entries()) {
    const where = `${call.method} #${i}`;
    if (["chat.postMessage", "chat.update", "chat.postEphemeral"].includes(call.method)) {
      problems.push(...messageProblems(call.args, where));
    }
    if (["views.publish", "views.open", "views.update", "views.push"].includes(call.method)) {
      problems.push(...viewProblems(call.args.view as Json, where));
    }
    if (BROADCAST.test(seen(shownAsMarkup(call.method, call.args))))
      problems.push(`${where}: broadcast mention`);
  }
  for (const [i, post] of fake.responsePosts.entries()) {
    problems.push(...messageProblems(post.body, `response_url #${i}`));
    if (BROADCAST.test(seen(post.body))) problems.push(`response_url #${i}: broadcast mention`);
  }
  for (const [i, body] of ackBodies.entries()) {
    if (body.response_action === "errors" || Object.keys(body).length === 0) continue;
    // A view submission's ack that replaces or stacks the modal carries a view, not a message.
    if (body.response_action === "update" || body.response_action === "push") {
      problems.push(...viewProblems(body.view as Json, `ack body #${i}`));
      if (BROADCAST.test(seen(body))) problems.push(`ack body #${i}: broadcast mention`);
      continue;
    }
    problems.push(...messageProblems(body, `ack body #${i}`));
    if (BROADCAST.test(seen(body))) problems.push(`ack body #${i}: broadcast mention`);
  }
  expect(problems).toEqual([]);
}
