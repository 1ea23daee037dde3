import { createHash } from "node:crypto";
import { z } from "zod";
import type { ChangeLog } from "../changes/load.js";
import type { Change } from "../changes/schema.js";
import { changesFor, changesSince, selectChanges } from "../changes/select.js";
import { isoDate } from "../clock.js";
import {
  type CompleteDecision,
  completeDecision,
  type Decision,
  decide,
  keptAnswers,
  type Platform,
  plannedPlatform,
  type Recommendation,
  type VerdictKind,
} from "../decision/decide.js";
import { localizedSchema } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import { type Capability, SUPPORT_LEVELS, supportSchema } from "../matrix/schema.js";
import { requireOption } from "../walkthrough/session.js";
import type { WalkthroughDef } from "../walkthrough/types.js";

/**
 * What a decision rests on, kept with it so it can be told when those facts change: the matrix
 * version, and each capability it relied on (its reasons, hard constraints, capacity option and
 * bill of materials) with both sides' support level and summary as they were, and a fingerprint of
 * them. The levels and summaries are kept, not only the fingerprint, so a later alert can say
 * "old → new".
 */
const sideFactSchema = z.object({ support: supportSchema, summary: localizedSchema });
export type SideFact = z.infer<typeof sideFactSchema>;

const factSchema = z.object({
  /** sha256 of the canonical JSON of both sides, first 16 hex characters. */
  fp: z.string().regex(/^[0-9a-f]{16}$/),
  kubernetes: sideFactSchema,
  ecs: sideFactSchema,
});
export type Fact = z.infer<typeof factSchema>;

export const reliedSchema = z.object({
  v: z.literal(1),
  matrixVersion: z.string().min(1),
  facts: z.record(z.string().min(1), factSchema),
});
export type Relied = z.infer<typeof reliedSchema>;

/** A stored `relied` read back; null when absent or of an unknown shape (decided before issue 12). */
export function parseRelied(raw: unknown): Relied | null {
  const parsed = reliedSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The fact of a capability as the matrix has it now. */
export function factOf(cap: Capability): Fact {
  const side = (s: Capability["kubernetes"]): SideFact => ({
    support: s.support,
    summary: { en: s.summary.en, ja: s.summary.ja },
  });
  const kubernetes = side(cap.kubernetes);
  const ecs = side(cap.ecs);
  return { fp: fingerprint(kubernetes, ecs), kubernetes, ecs };
}

/** Keys sorted at every level: the same facts always give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function fingerprint(kubernetes: SideFact, ecs: SideFact): string {
  return createHash("sha256").update(canonicalJson({ kubernetes, ecs })).digest("hex").slice(0, 16);
}

/**
 * The capability ids a decision relied on, in a stable order: its reasons' capabilities, the facts
 * behind its hard constraints, its capacity option's fact and its bill of materials' facts.
 */
export function reliedCapabilities(def: WalkthroughDef, decision: CompleteDecision): string[] {
  const ids = new Set<string>();
  for (const group of decision.reasons)
    for (const r of group.items) for (const c of r.capabilities) ids.add(c);
  for (const m of decision.verdict.musts) {
    const fact = optionMust(def, m.question, m.option);
    if (fact) ids.add(fact);
  }
  const capacity = decision.capacity;
  if (capacity) {
    const option = def.capacity?.options.find((o) => o.id === capacity.option);
    if (option) ids.add(option.fact.capability);
  }
  for (const item of decision.bill) {
    const need = def.needs?.find((n) => n.id === item.id);
    if (need?.fact) ids.add(need.fact.capability);
  }
  return [...ids];
}

function optionMust(def: WalkthroughDef, question: string, option: string): string | undefined {
  try {
    return requireOption(def, question, option).must?.fact?.capability;
  } catch {
    return undefined;
  }
}

/** What `decision` relies on in `matrix` (ids the matrix does not have are left out). */
export function reliedOn(def: WalkthroughDef, matrix: Matrix, decision: Decision): Relied {
  const complete = completeDecision(def, matrix, decision);
  const facts: Record<string, Fact> = {};
  for (const id of reliedCapabilities(def, complete)) {
    const cap = matrix.byId.get(id);
    if (cap) facts[id] = factOf(cap);
  }
  return { v: 1, matrixVersion: decision.matrixVersion, facts };
}

/** One side of a changed fact: its support level before and now, and whether its summary moved. */
export interface SideDelta {
  before: Fact["ecs"]["support"];
  /** Null when the capability is gone. */
  after: Fact["ecs"]["support"] | null;
  summaryChanged: boolean;
  /** The summary now (null when the capability is gone). */
  summary: { en: string; ja: string } | null;
}

/** A relied-on fact that is not what it was. */
export interface FactChange {
  capabilityId: string;
  /** The capability's title now (or the id, when it is gone). */
  title: { en: string; ja: string };
  gone: boolean;
  kubernetes: SideDelta;
  ecs: SideDelta;
  /** The fact's fingerprint now (null when gone): what the alert's claim key is made of. */
  fp: string | null;
  /** The change log's entries for this capability since the decision (else its newest), newest first. */
  entries: Change[];
}

/** How many change-log entries an alert names per capability. */
export const MAX_ENTRIES = 3;

/** What a decision remembers of one side: its level and a hash of its summary (records keep only these). */
interface SideMemory {
  support: Fact["ecs"]["support"];
  summaryHash: string;
}

export function summaryHash(summary: { en: string; ja: string }): string {
  return createHash("sha256")
    .update(canonicalJson({ en: summary.en, ja: summary.ja }))
    .digest("hex")
    .slice(0, 8);
}

function delta(
  before: SideMemory,
  cap: Capability | undefined,
  side: "kubernetes" | "ecs",
): SideDelta {
  const now = cap?.[side];
  return {
    before: before.support,
    after: now ? now.support : null,
    summaryChanged: now ? summaryHash(now.summary) !== before.summaryHash : false,
    summary: now ? { en: now.summary.en, ja: now.summary.ja } : null,
  };
}

/** The shared comparison: `remembered` holds each relied-on capability's two sides. */
function compareMemory(
  remembered: Iterable<[string, { kubernetes: SideMemory; ecs: SideMemory }]>,
  unchanged: (id: string, cap: Capability) => boolean,
  matrix: Matrix,
  changes: ChangeLog,
  since?: Date,
): FactChange[] {
  const out: FactChange[] = [];
  for (const [id, before] of remembered) {
    const cap = matrix.byId.get(id);
    if (cap && unchanged(id, cap)) continue;
    const all = changesFor(changes, id);
    const recent = since ? selectChanges(changes, { capability: id, since: isoDate(since) }) : [];
    out.push({
      capabilityId: id,
      title: cap ? { en: cap.title.en, ja: cap.title.ja } : { en: id, ja: id },
      gone: !cap,
      kubernetes: delta(before.kubernetes, cap, "kubernetes"),
      ecs: delta(before.ecs, cap, "ecs"),
      fp: cap ? factOf(cap).fp : null,
      entries: (recent.length > 0 ? recent : all.slice(0, 1)).slice(0, MAX_ENTRIES),
    });
  }
  return out;
}

const memoryOf = (side: SideFact): SideMemory => ({
  support: side.support,
  summaryHash: summaryHash(side.summary),
});

/**
 * The relied-on facts that differ in `matrix`, in the order they were relied on. `since` (the
 * decision's date) picks the change-log entries: those dated on or after it, else the newest one.
 */
export function compareFacts(
  relied: Relied,
  matrix: Matrix,
  changes: ChangeLog,
  since?: Date,
): FactChange[] {
  const facts = relied.facts;
  return compareMemory(
    Object.entries(facts).map(([id, f]) => [
      id,
      { kubernetes: memoryOf(f.kubernetes), ecs: memoryOf(f.ecs) },
    ]),
    (id, cap) => factOf(cap).fp === facts[id]?.fp,
    matrix,
    changes,
    since,
  );
}

/**
 * What a decision record keeps of the facts: per capability, "<k8s level> <summary hash> / <ecs
 * level> <summary hash>" — enough to say old → new for a level and "changed" for a summary.
 */
export function recordFacts(relied: Relied): Record<string, string> {
  const side = (f: SideFact) => `${f.support} ${summaryHash(f.summary)}`;
  return Object.fromEntries(
    Object.entries(relied.facts).map(([id, f]) => [id, `${side(f.kubernetes)} / ${side(f.ecs)}`]),
  );
}

const LEVEL = `(${SUPPORT_LEVELS.join("|")})`;
const RECORD_FACT = new RegExp(`^${LEVEL} ([0-9a-f]{8}) / ${LEVEL} ([0-9a-f]{8})$`);

export const recordFactsSchema = z.record(
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  z.string().regex(RECORD_FACT, "must read <level> <hash> / <level> <hash>"),
);

/** compareFacts for the facts a decision record kept (recordFacts). */
export function compareRecordFacts(
  facts: Record<string, string>,
  matrix: Matrix,
  changes: ChangeLog,
  since?: Date,
): FactChange[] {
  const remembered: [string, { kubernetes: SideMemory; ecs: SideMemory }][] = [];
  for (const [id, text] of Object.entries(facts)) {
    const m = RECORD_FACT.exec(text);
    if (!m) continue;
    remembered.push([
      id,
      {
        kubernetes: { support: m[1] as SideMemory["support"], summaryHash: m[2] as string },
        ecs: { support: m[3] as SideMemory["support"], summaryHash: m[4] as string },
      },
    ]);
  }
  const same = (a: SideMemory, now: SideFact) =>
    a.support === now.support && a.summaryHash === summaryHash(now.summary);
  return compareMemory(
    remembered,
    (id, cap) => {
      const r = remembered.find(([x]) => x === id)?.[1];
      return !!r && same(r.kubernetes, cap.kubernetes) && same(r.ecs, cap.ecs);
    },
    matrix,
    changes,
    since,
  );
}

/**
 * The change log's entries since `since` about any capability the decision relied on, newest first,
 * each once: what a revisit reminder lists when no relied-on fact itself changed.
 */
export function loggedSince(relied: Relied, changes: ChangeLog, since: Date, limit = 5): Change[] {
  const ids = new Set(Object.keys(relied.facts));
  return changesSince(changes, since)
    .filter((c) => c.capabilities.some((id) => ids.has(id)))
    .slice(0, limit);
}

/** A short, stable name of a set of changes: the same changes always give the same key. */
export function changesKey(list: readonly FactChange[]): string {
  const parts = list.map((c) => `${c.capabilityId}=${c.fp ?? "gone"}`).sort();
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

/** What changed, as stored with the decision (StoredDecision.factsChanged) once it was alerted. */
export const factsChangedSchema = z.object({
  v: z.literal(1),
  key: z.string(),
  /** When the change was noticed (ISO). */
  at: z.string(),
  matrixVersion: z.string(),
  capabilities: z.array(z.string()),
  differs: z.boolean(),
});
export type FactsChanged = z.infer<typeof factsChangedSchema>;

export function parseFactsChanged(raw: unknown): FactsChanged | null {
  const parsed = factsChangedSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The gist of a decision: what says whether a new one differs, and how to name it. */
export interface Gist {
  verdict: VerdictKind;
  recommendation: Recommendation;
  lean: Platform | null;
  /** The platform its plan is for (none while nothing is decided). */
  platform: Platform | null;
}

export const gistSchema = z.object({
  verdict: z.enum(["platform", "either", "required", "neither", "undecided"]),
  recommendation: z.enum(["ecs", "eks", "either"]),
  lean: z.enum(["ecs", "eks"]).nullable(),
  platform: z.enum(["ecs", "eks"]).nullable(),
});

export function gistOf(d: CompleteDecision): Gist {
  return {
    verdict: d.verdict.kind,
    recommendation: d.recommendation,
    lean: d.lean,
    platform: plannedPlatform(d.verdict),
  };
}

export interface Redecision {
  before: Gist;
  after: Gist;
  /** The verdict, recommendation or planned platform would not be the same. */
  differs: boolean;
}

/**
 * The same answers decided again on the data loaded now, compared with `before` (what was decided
 * then). Answers the walkthrough no longer has are dropped, as completeDecision does.
 */
export function redecideAnswers(
  def: WalkthroughDef,
  matrix: Matrix,
  answers: Record<string, string>,
  before: Gist,
): Redecision {
  const after = gistOf(decide(def, matrix, keptAnswers(def, answers)));
  const differs =
    before.verdict !== after.verdict ||
    before.recommendation !== after.recommendation ||
    before.platform !== after.platform;
  return { before, after, differs };
}

/**
 * A stored decision decided again on the data loaded now. A decision stored before verdicts existed
 * is completed with the data now, so it compares on the same terms.
 */
export function redecide(def: WalkthroughDef, matrix: Matrix, decision: Decision): Redecision {
  const then = completeDecision(def, matrix, decision);
  return redecideAnswers(def, matrix, decision.answers, gistOf(then));
}
