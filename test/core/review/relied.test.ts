import { describe, expect, it } from "vitest";
import { loadChanges } from "../../../src/core/changes/index.js";
import { decide } from "../../../src/core/decision/index.js";
import { type Capability, loadMatrix, type Matrix } from "../../../src/core/matrix/index.js";
import {
  changesKey,
  compareFacts,
  compareRecordFacts,
  defaultRevisitAt,
  describeFactChange,
  factOf,
  loggedSince,
  parseRelied,
  pickRevisitDate,
  recordFacts,
  recordFactsSchema,
  redecide,
  redecisionSentence,
  reliedCapabilities,
  reliedOn,
} from "../../../src/core/review/index.js";
import { loadWalkthrough, type WalkthroughDef } from "../../../src/core/walkthrough/index.js";
import { AWS_AS_PLATFORM, OWN_PLATFORM } from "../../support/essay-cases.js";

const matrix = loadMatrix();
const def = loadWalkthrough(undefined, matrix);
const log = loadChanges(undefined, matrix);
const DECIDED = new Date("2026-11-28T09:00:00Z");

/** The matrix with one capability edited (a new version, as an organisation's copy would be). */
function edited(id: string, edit: (c: Capability) => Capability, version = "2027-01"): Matrix {
  const capabilities = matrix.capabilities.map((c) => (c.id === id ? edit(c) : c));
  return { version, capabilities, byId: new Map(capabilities.map((c) => [c.id, c])) };
}

const withEcsSupport = (support: Capability["ecs"]["support"]) => (c: Capability) => ({
  ...c,
  ecs: { ...c.ecs, support },
});

describe("what a decision relied on", () => {
  const decision = decide(def, matrix, { ...AWS_AS_PLATFORM });
  const relied = reliedOn(def, matrix, decision);

  it("covers its reasons, capacity option and bill of materials, each with both sides' facts", () => {
    const ids = Object.keys(relied.facts);
    // The reasons' capabilities…
    for (const group of decision.reasons)
      for (const r of group.items) for (const c of r.capabilities) expect(ids).toContain(c);
    // …the capacity option's fact…
    const capacity = def.capacity?.options.find((o) => o.id === decision.capacity?.option);
    expect(capacity).toBeDefined();
    expect(ids).toContain(capacity?.fact.capability);
    // …and the facts behind the bill of materials.
    for (const item of decision.bill) {
      const fact = def.needs?.find((n) => n.id === item.id)?.fact;
      if (fact) expect(ids).toContain(fact.capability);
    }
    expect(relied.matrixVersion).toBe(matrix.version);
    const secrets = matrix.byId.get("secrets");
    if (!secrets || !relied.facts.secrets) throw new Error("secrets not relied on");
    expect(relied.facts.secrets.ecs).toEqual({
      support: secrets.ecs.support,
      summary: secrets.ecs.summary,
    });
    expect(relied.facts.secrets.fp).toMatch(/^[0-9a-f]{16}$/);
    expect(parseRelied(JSON.parse(JSON.stringify(relied)))).toEqual(relied);
    expect(parseRelied({ v: 1, facts: {} })).toBeNull();
    expect(parseRelied(undefined)).toBeNull();
  });

  it("includes the fact behind a hard constraint", () => {
    const q = def.questions.find((x) => x.options.some((o) => o.must?.fact));
    const o = q?.options.find((x) => x.must?.fact);
    if (!q || !o?.must?.fact) throw new Error("no hard constraint with a fact in the data");
    const d = decide(def, matrix, { ...AWS_AS_PLATFORM, [q.id]: o.id });
    expect(reliedCapabilities(def, d)).toContain(o.must.fact.capability);
  });

  it("the fingerprint depends on the support levels and summaries only", () => {
    const cap = matrix.byId.get("secrets");
    if (!cap) throw new Error("no secrets");
    expect(factOf(cap).fp).toBe(factOf({ ...cap, verified: "2020-01-01", sources: [] }).fp);
    expect(factOf(cap).fp).not.toBe(
      factOf({ ...cap, kubernetes: { ...cap.kubernetes, support: "none" } }).fp,
    );
    expect(factOf(cap).fp).not.toBe(
      factOf({ ...cap, ecs: { ...cap.ecs, summary: { ...cap.ecs.summary, ja: "変更" } } }).fp,
    );
  });

  it("nothing changed on the same matrix, nor when an unrelied capability changed", () => {
    expect(compareFacts(relied, matrix, log, DECIDED)).toEqual([]);
    const other = matrix.capabilities.find((c) => !(c.id in relied.facts));
    if (!other) throw new Error("every capability relied on");
    const changed = edited(
      other.id,
      withEcsSupport(other.ecs.support === "none" ? "native" : "none"),
    );
    expect(compareFacts(relied, changed, log, DECIDED)).toEqual([]);
  });

  it("a changed relied-on fact is named old → new, with its change-log entries", () => {
    const before = matrix.byId.get("secrets")?.ecs.support;
    const after = before === "partial" ? "native" : "partial";
    const changes = compareFacts(relied, edited("secrets", withEcsSupport(after)), log, DECIDED);
    expect(changes.map((c) => c.capabilityId)).toEqual(["secrets"]);
    expect(changes[0]?.ecs).toMatchObject({ before, after, summaryChanged: false });
    expect(changes[0]?.kubernetes.after).toBe(changes[0]?.kubernetes.before);
    const entries = log.byCapability.get("secrets") ?? [];
    expect(changes[0]?.entries.length).toBe(Math.min(1, entries.length));
    const en = describeFactChange(changes[0] as (typeof changes)[number], "en");
    expect(en.title).toBe(matrix.byId.get("secrets")?.title.en);
    expect(en.lines).toEqual([expect.stringMatching(/^Amazon ECS: .+ → .+$/)]);
    const ja = describeFactChange(changes[0] as (typeof changes)[number], "ja");
    expect(ja.lines[0]).toMatch(/^Amazon ECS: .+ → .+$/);
    expect(ja.lines[0]).not.toBe(en.lines[0]);
  });

  it("a summary change says what the summary is now; a removed capability says so", () => {
    const m = edited("secrets", (c) => ({
      ...c,
      kubernetes: { ...c.kubernetes, summary: { en: "New words.", ja: "新しい説明です。" } },
    }));
    const [change] = compareFacts(relied, m, log, DECIDED);
    if (!change) throw new Error("no change");
    expect(describeFactChange(change, "en").lines).toEqual(["Kubernetes / EKS, now: New words."]);
    expect(describeFactChange(change, "ja").lines).toEqual([
      "Kubernetes / EKS（変更後）: 新しい説明です。",
    ]);
    const without: Matrix = {
      version: "x",
      capabilities: matrix.capabilities.filter((c) => c.id !== "secrets"),
      byId: new Map([...matrix.byId].filter(([id]) => id !== "secrets")),
    };
    const [gone] = compareFacts(relied, without, log, DECIDED);
    expect(gone?.gone).toBe(true);
    expect(gone?.fp).toBeNull();
    expect(describeFactChange(gone as NonNullable<typeof gone>, "en").lines).toEqual([
      "no longer in the matrix",
    ]);
  });

  it("entries since the decision are preferred; the key names the changes as they are now", () => {
    // The relied-on capability with the most change-log entries.
    const [id] = Object.keys(relied.facts).sort(
      (a, b) => (log.byCapability.get(b)?.length ?? 0) - (log.byCapability.get(a)?.length ?? 0),
    );
    const entries = (id && log.byCapability.get(id)) || [];
    const oldest = entries.at(-1);
    if (!id || !oldest || entries.length < 2) throw new Error("no relied-on capability with a log");
    const m = edited(id, withEcsSupport("none"));
    const m2 = edited(id, withEcsSupport("partial"));
    const since = new Date(`${entries[1]?.date}T00:00:00Z`);
    const changes = compareFacts(relied, m, log, since);
    expect(changes[0]?.entries.map((e) => e.id)).toEqual(
      entries
        .filter((e) => e.date >= (entries[1]?.date ?? ""))
        .slice(0, 3)
        .map((e) => e.id),
    );
    // Decided after every entry: the newest one is still named.
    expect(compareFacts(relied, m2, log, new Date("2999-01-01"))[0]?.entries).toEqual([entries[0]]);
    const key = changesKey(changes);
    expect(changesKey(compareFacts(relied, m, log, DECIDED))).toBe(key);
    expect(changesKey(compareFacts(relied, m2, log, DECIDED))).not.toBe(key);
    const logged = loggedSince(relied, log, new Date(`${oldest.date}T00:00:00Z`));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.every((c) => c.date >= oldest.date)).toBe(true);
    expect(loggedSince(relied, log, new Date("2999-01-01"))).toEqual([]);
  });
});

describe("the facts a decision record keeps", () => {
  const relied = reliedOn(def, matrix, decide(def, matrix, { ...AWS_AS_PLATFORM }));
  const kept = recordFacts(relied);

  it("are one short line per capability, read back as the same changes", () => {
    expect(recordFactsSchema.parse(kept)).toEqual(kept);
    expect(Object.values(kept)[0]).toMatch(/^[a-z]+ [0-9a-f]{8} \/ [a-z]+ [0-9a-f]{8}$/);
    expect(compareRecordFacts(kept, matrix, log)).toEqual([]);
    const m = edited("secrets", (c) => ({
      ...withEcsSupport(c.ecs.support === "none" ? "native" : "none")(c),
      kubernetes: { ...c.kubernetes, summary: { en: "New.", ja: "新しい説明です。" } },
    }));
    const fromRecord = compareRecordFacts(kept, m, log, DECIDED);
    expect(fromRecord).toEqual(compareFacts(relied, m, log, DECIDED));
    expect(describeFactChange(fromRecord[0] as (typeof fromRecord)[number], "en").lines).toEqual([
      "Kubernetes / EKS, now: New.",
      expect.stringMatching(/^Amazon ECS: .+ → .+$/),
    ]);
  });
});

describe("deciding again with the same answers", () => {
  it("says the recommendation stays when only the matrix changed", () => {
    const decision = decide(def, matrix, { ...AWS_AS_PLATFORM });
    const again = redecide(def, edited("secrets", withEcsSupport("none")), decision);
    expect(again.differs).toBe(false);
    expect(redecisionSentence(again, "en")).toBe(
      "Decided again with the same answers on the data loaded now, the recommendation stays the same: Amazon ECS.",
    );
    expect(redecisionSentence(again, "ja")).toBe(
      "同じ回答でいまのデータをもとに判定し直しても、推奨は変わりません（Amazon ECS）。",
    );
  });

  it("says plainly when the new data would recommend otherwise", () => {
    const decision = decide(def, matrix, { ...OWN_PLATFORM });
    expect(decision.recommendation).toBe("eks");
    // New walkthrough data: every answer that leaned EKS now leans ECS.
    const flipped: WalkthroughDef = {
      ...def,
      stages: def.stages.map((s) => ({
        ...s,
        questions: s.questions.map((q) => ({
          ...q,
          options: q.options.map((o) => ({
            ...o,
            lean: o.lean === "eks" ? "ecs" : o.lean === "ecs" ? "eks" : o.lean,
          })),
        })),
      })),
    };
    flipped.questions = flipped.stages.flatMap((s) => s.questions);
    flipped.byId = new Map(flipped.questions.map((q) => [q.id, q]));
    const again = redecide(flipped, matrix, decision);
    expect(again.differs).toBe(true);
    expect(redecisionSentence(again, "en")).toMatch(
      /the recommendation would differ: Amazon ECS instead of Amazon EKS\.$/,
    );
    expect(redecisionSentence(again, "ja")).toContain(
      "推奨が変わります（Amazon EKS → Amazon ECS）",
    );
  });

  it("drops answers the walkthrough no longer has instead of failing", () => {
    const decision = decide(def, matrix, { ...AWS_AS_PLATFORM });
    const stored = { ...decision, answers: { ...decision.answers, "gone-question": "x" } };
    expect(() => redecide(def, matrix, stored)).not.toThrow();
    // The unknown answer is ignored: the same outcome as the decision without it.
    const again = redecide(def, matrix, stored);
    expect(again.differs).toBe(false);
    expect(again).toEqual(redecide(def, matrix, decision));
    expect(again.after.recommendation).toBe(decision.recommendation);
  });
});

describe("revisit dates", () => {
  it("default to twelve months after the decision, at the end of a shorter month", () => {
    expect(defaultRevisitAt(DECIDED).toISOString()).toBe("2027-11-28T09:00:00.000Z");
    expect(defaultRevisitAt(new Date("2028-02-29T10:00:00Z")).toISOString()).toBe(
      "2029-02-28T10:00:00.000Z",
    );
  });

  it("a picked date must be a real day after today", () => {
    expect(pickRevisitDate("2027-03-01", DECIDED)).toEqual({
      ok: true,
      at: new Date("2027-03-01T09:00:00Z"),
    });
    expect(pickRevisitDate("2026-11-28", DECIDED)).toMatchObject({ ok: false, refused: "past" });
    expect(pickRevisitDate("2025-01-01", DECIDED)).toMatchObject({ ok: false, refused: "past" });
    expect(pickRevisitDate("2027-02-30", DECIDED)).toMatchObject({
      ok: false,
      refused: "bad-date",
    });
    expect(pickRevisitDate(null, DECIDED)).toMatchObject({ ok: false, refused: "bad-date" });
  });
});
