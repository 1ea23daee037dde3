import { describe, expect, it } from "vitest";
import {
  classify,
  completeDecision,
  type Decision,
  decide,
  isSettled,
  judge,
  MAX_FLIPS,
  outcomeOf,
  SETTLED,
} from "../../../src/core/decision/index.js";
import { loadMatrix } from "../../../src/core/matrix/load.js";
import { loadWalkthrough, WalkthroughError } from "../../../src/core/walkthrough/index.js";
import {
  AWS_AS_PLATFORM,
  DATA_DIR,
  OWN_PLATFORM,
  PULLED_BOTH_WAYS,
} from "../../support/essay-cases.js";

const matrix = loadMatrix(DATA_DIR);
const def = loadWalkthrough(DATA_DIR, matrix);

function leansOf(d: Decision): Set<string> {
  return new Set(d.reasons.flatMap((g) => g.items.map((r) => r.lean)));
}

describe("decide: the essay's cases", () => {
  it("recommends ECS to a team that wants AWS as its platform", () => {
    for (const ops of ["small", "none"]) {
      const d = decide(def, matrix, { ...AWS_AS_PLATFORM, "ops-team": ops });
      expect(d.recommendation).toBe("ecs");
      expect(d.lean).toBe("ecs");
      expect(d.strength).toBe("strong");
      expect(d.scores.eks).toBe(0);
      expect(leansOf(d)).toEqual(new Set(["ecs"]));
      expect(d.verdict).toEqual({ kind: "platform", platform: "ecs", musts: [] });
    }
  });

  it("recommends EKS to a team building its own platform on Kubernetes", () => {
    for (const portability of ["multi-cloud", "hybrid"]) {
      const d = decide(def, matrix, { ...OWN_PLATFORM, portability });
      expect(d.recommendation).toBe("eks");
      expect(d.lean).toBe("eks");
      expect(d.strength).toBe("strong");
      expect(d.scores.ecs).toBe(0);
    }
  });

  it("answers either, with a lean, for a team pulled both ways, and shows both sides", () => {
    const d = decide(def, matrix, PULLED_BOTH_WAYS);
    expect(d.recommendation).toBe("either");
    expect(d.strength).toBe("slight");
    expect(d.lean).not.toBeNull();
    expect(d.lean).toBe(d.scores.ecs > d.scores.eks ? "ecs" : "eks");
    expect(d.scores.ecs).toBeGreaterThan(0);
    expect(d.scores.eks).toBeGreaterThan(0);
    expect(leansOf(d)).toEqual(new Set(["ecs", "eks"]));
    const items = d.reasons.flatMap((g) => g.items);
    expect(items.find((r) => r.question === "k8s-experience")).toMatchObject({
      lean: "eks",
      weight: 3,
    });
    expect(items.find((r) => r.question === "upgrade-tolerance")).toMatchObject({ lean: "ecs" });
  });

  it("decides nothing with no answers at all", () => {
    const d = decide(def, matrix, {});
    expect(d).toMatchObject({
      recommendation: "either",
      lean: null,
      strength: "even",
      scores: { ecs: 0, eks: 0 },
      reasons: [],
      needs: { ecs: [], eks: [] },
      answers: {},
      matrixVersion: matrix.version,
      walkthroughVersion: def.version,
      verdict: { kind: "undecided", platform: null, musts: [] },
      capacity: null,
      bill: [],
    });
    expect(d.unanswered).toEqual(def.questions.map((q) => q.id));
  });
});

describe("decide: scoring model", () => {
  it("sums the weights of the chosen options per side", () => {
    const d = decide(def, matrix, PULLED_BOTH_WAYS);
    let ecs = 0;
    let eks = 0;
    for (const [q, o] of Object.entries(PULLED_BOTH_WAYS)) {
      const option = def.byId.get(q)?.options.find((x) => x.id === o);
      if (option?.lean === "ecs") ecs += option.weight;
      if (option?.lean === "eks") eks += option.weight;
    }
    expect(d.scores).toEqual({ ecs, eks });
  });

  it("classifies margins: even, slight, clear, strong", () => {
    expect(classify({ ecs: 0, eks: 0 })).toEqual({
      recommendation: "either",
      lean: null,
      strength: "even",
    });
    expect(classify({ ecs: 4, eks: 4 })).toMatchObject({ recommendation: "either", lean: null });
    expect(classify({ ecs: 2, eks: 0 })).toEqual({
      recommendation: "either",
      lean: "ecs",
      strength: "slight",
    });
    expect(classify({ ecs: 10, eks: 14 })).toMatchObject({ recommendation: "either", lean: "eks" });
    expect(classify({ ecs: 3, eks: 0 })).toMatchObject({
      recommendation: "ecs",
      strength: "clear",
    });
    expect(classify({ ecs: 5, eks: 9 })).toMatchObject({
      recommendation: "eks",
      strength: "clear",
    });
    expect(classify({ ecs: 10, eks: 2 })).toMatchObject({
      recommendation: "ecs",
      strength: "strong",
    });
  });

  it("counts an overlapping concern once: avoiding lock-in adds nothing next to several clouds", () => {
    const alone = decide(def, matrix, { "aws-integration": "avoid-lock-in" });
    expect(alone.scores.eks).toBe(2);
    const both = decide(def, matrix, {
      "aws-integration": "avoid-lock-in",
      portability: "multi-cloud",
    });
    expect(both.scores.eks).toBe(3);
    const reason = both.reasons.flatMap((g) => g.items).find((r) => r.option === "avoid-lock-in");
    expect(reason).toMatchObject({ lean: "eks", weight: 0 });
  });

  it("groups reasons by stage in walkthrough order and lists answers in question order", () => {
    const d = decide(def, matrix, {
      "cost-model": "balanced",
      workload: "mixed",
      "k8s-experience": "some",
    });
    expect(d.reasons.map((g) => g.stage)).toEqual(["what-system", "how-to-build", "how-to-run"]);
    expect(Object.keys(d.answers)).toEqual(["workload", "k8s-experience", "cost-model"]);
    expect(d.unanswered).toHaveLength(def.questions.length - 3);
  });

  it("takes an option's old id (`was`) as its current one", () => {
    const d = decide(def, matrix, { ...AWS_AS_PLATFORM, workload: "ml-gpu" });
    expect(d.answers.workload).toBe("ml-training");
    expect(d.reasons.flatMap((g) => g.items).find((r) => r.question === "workload")?.option).toBe(
      "ml-training",
    );
  });

  it("throws WalkthroughError on unknown questions and options", () => {
    expect(() => decide(def, matrix, { nope: "x" })).toThrow(WalkthroughError);
    expect(() => decide(def, matrix, { scale: "galactic" })).toThrow(
      expect.objectContaining({ code: "unknown-option" }),
    );
  });
});

describe("decide: too few answers", () => {
  it(`needs an answer in each stage and at least ${SETTLED.MIN_ANSWERED} in all`, () => {
    // Two answers and a 5–0 score: no decision yet, with the lean so far.
    const two = decide(def, matrix, { "k8s-experience": "none", scale: "few" });
    expect(two.verdict).toEqual({ kind: "undecided", platform: "ecs", musts: [] });
    expect(two.recommendation).toBe("either");
    expect(two.capacity).toBeNull();
    expect(two.bill).toEqual([]);
    // Four answers in two stages are not enough either.
    const twoStages = {
      workload: "web-services",
      scale: "few",
      portability: "aws-only",
      "k8s-experience": "none",
    };
    expect(isSettled(def, twoStages)).toBe(false);
    expect(isSettled(def, { ...twoStages, "ops-team": "none" })).toBe(true);
    expect(isSettled(def, AWS_AS_PLATFORM)).toBe(true);
  });

  it("lets a hard constraint decide however few the answers", () => {
    const d = decide(def, matrix, { "required-software": "k8s-only" });
    expect(d.verdict.kind).toBe("required");
    expect(d.recommendation).toBe("eks");
  });
});

describe("decide: hard constraints", () => {
  it("requires EKS for software that exists only for Kubernetes, whatever the scores say", () => {
    const d = decide(def, matrix, { ...AWS_AS_PLATFORM, "required-software": "k8s-only" });
    expect(d.scores.ecs).toBeGreaterThan(d.scores.eks);
    expect(d.verdict).toEqual({
      kind: "required",
      platform: "eks",
      musts: [{ question: "required-software", option: "k8s-only" }],
    });
    expect(d).toMatchObject({ recommendation: "eks", lean: "eks", strength: "strong" });
    expect(d.capacity?.platform).toBe("eks");
  });

  it("requires EKS for a Helm chart shipped to customers", () => {
    const d = decide(def, matrix, { ...AWS_AS_PLATFORM, "required-software": "ship-helm-chart" });
    expect(d.verdict).toMatchObject({ kind: "required", platform: "eks" });
  });

  it.each([
    ["portability", "disconnected"],
    ["workload", "event-handler"],
    ["current-platform", "openshift"],
  ])("finds that neither fits as asked for %s=%s", (question, option) => {
    const d = decide(def, matrix, { ...OWN_PLATFORM, [question]: option });
    expect(d.verdict).toMatchObject({ kind: "neither", musts: [{ question, option }] });
    // The lean the other answers would give is kept; nothing is planned for ECS or EKS.
    expect(d.verdict.platform).toBe(d.scores.eks > d.scores.ecs ? "eks" : "ecs");
    expect(d).toMatchObject({ recommendation: "either", lean: null, capacity: null, bill: [] });
  });

  it("lets neither-fits win over a requirement", () => {
    const d = decide(def, matrix, { "required-software": "k8s-only", portability: "disconnected" });
    expect(d.verdict.kind).toBe("neither");
  });
});

describe("decide: flips", () => {
  const cases: Record<string, Record<string, string>> = {
    AWS_AS_PLATFORM,
    OWN_PLATFORM,
    PULLED_BOTH_WAYS,
    empty: {},
    required: { ...AWS_AS_PLATFORM, "required-software": "k8s-only" },
    neither: { ...AWS_AS_PLATFORM, portability: "disconnected" },
    full: Object.fromEntries(def.questions.map((q) => [q.id, q.options[0]?.id ?? ""])),
  };

  for (const [name, answers] of Object.entries(cases)) {
    it(`lists only single changes that move the lean, at most ${MAX_FLIPS}, one per question (${name})`, () => {
      const base = decide(def, matrix, answers);
      const from = outcomeOf(judge(def, base.answers));
      expect(base.flips.length).toBeLessThanOrEqual(MAX_FLIPS);
      expect(new Set(base.flips.map((f) => f.question)).size).toBe(base.flips.length);
      for (const f of base.flips) {
        expect(f.from).toBe(base.answers[f.question] ?? null);
        const alt = judge(def, { ...base.answers, [f.question]: f.to });
        expect(outcomeOf(alt), `${f.question}=${f.to}`).not.toBe(from);
        expect(outcomeOf(alt)).toBe(f.outcome);
        expect(alt.recommendation).toBe(f.recommendation);
      }
      // Nothing is missed: a question with a change that moves the lean (other than one that would
      // make neither fit) has a flip, unless the list is full.
      if (base.flips.length < MAX_FLIPS) {
        for (const q of def.questions) {
          const moves = q.options.some((o) => {
            if (o.id === base.answers[q.id] || (o.must && !o.must.requires)) return false;
            return outcomeOf(judge(def, { ...base.answers, [q.id]: o.id })) !== from;
          });
          expect(
            base.flips.some((f) => f.question === q.id),
            q.id,
          ).toBe(moves);
        }
      }
    });
  }

  it("never lists a change that only weakens or strengthens the same lean", () => {
    // ECS, strongly: answers that leave it at "either, leaning ECS" are not flips.
    const d = decide(def, matrix, AWS_AS_PLATFORM);
    for (const f of d.flips) expect(f.outcome).not.toBe("ecs");
  });

  it("puts lifting the constraint that decided first", () => {
    const d = decide(def, matrix, { ...AWS_AS_PLATFORM, "required-software": "k8s-only" });
    expect(d.flips[0]).toMatchObject({
      question: "required-software",
      from: "k8s-only",
      to: "none",
      kind: "lifted",
      outcome: "ecs",
    });
  });

  it("offers the hard constraint that would decide alone, most decisive first", () => {
    const d = decide(def, matrix, AWS_AS_PLATFORM);
    expect(d.flips[0]).toMatchObject({
      question: "required-software",
      kind: "constraint",
      outcome: "eks",
      recommendation: "eks",
    });
  });

  it("finds the obvious flips for a team pulled both ways", () => {
    const d = decide(def, matrix, PULLED_BOTH_WAYS);
    expect(d.lean).toBe("eks");
    expect(d.flips.map((f) => f.outcome)).not.toContain("eks");
    expect(d.flips.some((f) => f.question === "k8s-experience" && f.from === "deep")).toBe(true);
    // An unanswered question can flip it too.
    expect(d.flips.some((f) => f.from === null)).toBe(true);
  });
});

describe("decide: capacity and the bill of materials", () => {
  it("completes a decision stored before the verdict existed, from its answers", () => {
    const fresh = decide(def, matrix, AWS_AS_PLATFORM);
    const { verdict: _v, capacity: _c, bill: _b, ...stored } = fresh;
    const completed = completeDecision(def, matrix, {
      ...stored,
      answers: { ...stored.answers, gone: "x" },
    });
    expect(completed.verdict).toEqual(fresh.verdict);
    expect(completed.capacity).toEqual(fresh.capacity);
    expect(completed.bill).toEqual(fresh.bill);
  });

  it("keeps `needs` as names for the recommended platform only", () => {
    const d = decide(def, matrix, AWS_AS_PLATFORM);
    expect(d.needs.eks).toEqual([]);
    expect(d.needs.ecs).toEqual(d.bill.map((b) => b.name));
    expect(d.needs.ecs).toContain("AWS Secrets Manager");
  });
});
