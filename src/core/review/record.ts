import { z } from "zod";
import { isoDate } from "../clock.js";
import { RECORD_DATA_KEY, type RecordData } from "../record/render.js";
import { yaml } from "../yaml.js";
import { gistSchema, recordFactsSchema } from "./relied.js";

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The front matter a decision record carries, as far as a check reads it. */
const frontSchema = z.object({
  date: z.union([z.string(), z.date()]).optional(),
  [RECORD_DATA_KEY]: z.object({
    matrix: z.coerce.string().min(1),
    walkthrough: z.coerce.string().min(1),
    answers: z.record(kebab, kebab),
    outcome: gistSchema,
    facts: recordFactsSchema.optional(),
  }),
});

export type RecordRead =
  | { ok: true; data: RecordData & { facts: Record<string, string> }; date: string | null }
  | { ok: false; problem: "no-front-matter" | "no-data" | "bad-data"; detail: string };

/**
 * What a decision record says it was decided from (the block renderRecord writes into its front
 * matter): its answers, matrix and walkthrough versions and the facts it relied on; refused as a
 * value naming the problem.
 */
export function readRecord(markdown: string): RecordRead {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown.replace(/^\uFEFF/, ""));
  if (!m) return { ok: false, problem: "no-front-matter", detail: "no front matter" };
  let raw: unknown;
  try {
    raw = yaml().parse(m[1] ?? "");
  } catch (err) {
    return { ok: false, problem: "bad-data", detail: (err as Error).message.split("\n")[0] ?? "" };
  }
  if (!raw || typeof raw !== "object" || !(RECORD_DATA_KEY in raw)) {
    return { ok: false, problem: "no-data", detail: `no ${RECORD_DATA_KEY} block` };
  }
  const parsed = frontSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") ?? "";
    return { ok: false, problem: "bad-data", detail: `field ${field}: ${issue?.message ?? ""}` };
  }
  const data = parsed.data[RECORD_DATA_KEY];
  const date = parsed.data.date;
  return {
    ok: true,
    data: { ...data, facts: data.facts ?? {} },
    date: date instanceof Date ? isoDate(date) : (date ?? null),
  };
}
