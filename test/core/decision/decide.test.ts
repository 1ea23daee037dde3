import { describe, expect, it } from "vitest";
import { classify, type Decision, decide } from "../../../src/core/decision/index.js";
import { loadWalkthrough, WalkthroughError } from "../../../src/core/walkthrough/index.js";
import {
  AWS_AS_PLATFORM,
  DATA_DIR,
  OWN_PLATFORM,
  PULLED_BOTH_WAYS,
} from "../../support/essay-cases.js";
import { fixtureMatrix } from "../../support/fixture-matrix.js";

const matrix = fixtureMatrix();
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

  it("answers either, evenly, with no answers at all", () => {
    const d = decide(def, matrix, {});
    expect(d).toMatchObject({
      recommendation: "either",
      lean: null,
      strength: "even",
      scores: { ecs: 0, eks: 0 },
      reasons: [],
      needs: { ecs: [], eks: [] },
      answers: {},
      matrixVersion: "fixture-1",
      walkthroughVersion: def.version,
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
    expect(classify({ ecs: 4, eks: 4 })).toEqual({
      recommendation: "either",
      lean: null,
      strength: "even",
    });
    // A margin under 3 points is never enough.
    expect(classify({ ecs: 2, eks: 0 })).toEqual({
      recommendation: "either",
      lean: "ecs",
      strength: "slight",
    });
    // A margin under a fifth of the points cast is not either.
    expect(classify({ ecs: 10, eks: 14 })).toEqual({
      recommendation: "either",
      lean: "eks",
      strength: "slight",
    });
    expect(classify({ ecs: 3, eks: 0 })).toEqual({
      recommendation: "ecs",
      lean: "ecs",
      strength: "clear",
    });
    expect(classify({ ecs: 5, eks: 9 })).toEqual({
      recommendation: "eks",
      lean: "eks",
      strength: "clear",
    });
    expect(classify({ ecs: 10, eks: 2 })).toEqual({
      recommendation: "ecs",
      lean: "ecs",
      strength: "strong",
    });
  });

  it("groups reasons by stage in walkthrough order and lists answers in question order", () => {
    const d = decide(def, matrix, {
      "cost-model": "balanced",
      workload: "mixed",
      "k8s-experience": "some",
    });
    expect(d.reasons.map((g) => g.stage)).toEqual(["what-system", "how-to-build", "how-to-run"]);
    expect(d.reasons.map((g) => g.items.map((r) => r.question))).toEqual([
      ["workload"],
      ["k8s-experience"],
      ["cost-model"],
    ]);
    expect(Object.keys(d.answers)).toEqual(["workload", "k8s-experience", "cost-model"]);
    expect(d.unanswered).not.toContain("workload");
    expect(d.unanswered).toHaveLength(def.questions.length - 3);
  });

  it("throws WalkthroughError on unknown questions and options", () => {
    expect(() => decide(def, matrix, { nope: "x" })).toThrow(WalkthroughError);
    expect(() => decide(def, matrix, { scale: "galactic" })).toThrow(
      expect.objectContaining({ code: "unknown-option" }),
    );
  });
});

describe("decide: flips", () => {
  const cases: Record<string, Record<string, string>> = {
    AWS_AS_PLATFORM,
    OWN_PLATFORM,
    PULLED_BOTH_WAYS,
    empty: {},
    full: Object.fromEntries(def.questions.map((q) => [q.id, q.options[0]?.id ?? ""])),
  };

  for (const [name, answers] of Object.entries(cases)) {
    it(`lists exactly the single changes that change the recommendation (${name})`, () => {
      const base = decide(def, matrix, answers);
      const expected: string[] = [];
      for (const q of def.questions) {
        for (const o of q.options) {
          if (answers[q.id] === o.id) continue;
          const changed = decide(def, matrix, { ...answers, [q.id]: o.id });
          if (changed.recommendation !== base.recommendation) expected.push(`${q.id}=${o.id}`);
        }
      }
      expect(base.flips.map((f) => `${f.question}=${f.to}`).sort()).toEqual(expected.sort());
      for (const f of base.flips) {
        expect(f.from).toBe(answers[f.question] ?? null);
        const applied = decide(def, matrix, { ...answers, [f.question]: f.to });
        expect(applied.recommendation).toBe(f.recommendation);
        expect(applied.lean).toBe(f.lean);
        expect(f.recommendation).not.toBe(base.recommendation);
      }
    });
  }

  it("finds the obvious flips for a team pulled both ways", () => {
    const d = decide(def, matrix, PULLED_BOTH_WAYS);
    expect(d.flips).toContainEqual({
      question: "ops-team",
      from: "small",
      to: "platform-team",
      recommendation: "eks",
      lean: "eks",
    });
    // An unanswered question can flip it too.
    expect(d.flips.some((f) => f.from === null)).toBe(true);
  });

  it("has flips for an empty walkthrough only from single heavy answers", () => {
    const d = decide(def, matrix, {});
    expect(d.flips.length).toBeGreaterThan(0);
    for (const f of d.flips) {
      expect(f.from).toBeNull();
      expect(
        def.byId.get(f.question)?.options.find((o) => o.id === f.to)?.weight,
      ).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("decide: what you will need", () => {
  it("lists the uses of the touched capabilities, per side, without duplicates", () => {
    const d = decide(def, matrix, AWS_AS_PLATFORM);
    const touched = new Set(
      Object.entries(AWS_AS_PLATFORM).flatMap(
        ([q, o]) => def.byId.get(q)?.options.find((x) => x.id === o)?.capabilities ?? [],
      ),
    );
    const ecsUses = new Set([...touched].flatMap((id) => matrix.byId.get(id)?.ecs.uses ?? []));
    const k8sUses = new Set(
      [...touched].flatMap((id) => matrix.byId.get(id)?.kubernetes.uses ?? []),
    );
    expect(new Set(d.needs.ecs)).toEqual(ecsUses);
    expect(new Set(d.needs.eks)).toEqual(k8sUses);
    expect(d.needs.ecs).toHaveLength(ecsUses.size);
    // The essay's delegation: ECS needs other AWS services where Kubernetes has built-in resources.
    expect(d.needs.ecs).toEqual(
      expect.arrayContaining(["Secrets Manager", "Parameter Store", "EventBridge Scheduler"]),
    );
    expect(d.needs.eks).toEqual(expect.arrayContaining(["Secret", "ConfigMap", "CronJob"]));
  });

  it("ranks what is touched most first", () => {
    // Parameter Store serves both secrets and config-management; Secrets Manager only secrets.
    const d = decide(def, matrix, { "aws-integration": "deep" });
    expect(d.needs.ecs.indexOf("Parameter Store")).toBeLessThan(
      d.needs.ecs.indexOf("Secrets Manager"),
    );
    expect(d.needs.ecs[0]).toBe("Parameter Store");
    // Upgrade burden is touched by three answers here, more than anything else.
    const e = decide(def, matrix, {
      "k8s-experience": "none",
      "ops-team": "none",
      "upgrade-tolerance": "low",
    });
    expect(e.needs.ecs[0]).toBe("No cluster version");
    expect(e.needs.eks.slice(0, 2)).toEqual(["EKS version upgrades", "add-on upgrades"]);
  });

  it("skips capabilities the matrix does not know", () => {
    const partial = fixtureMatrix(["secrets"]);
    const d = decide(def, partial, { "aws-integration": "deep" });
    expect(d.needs).toEqual({
      ecs: ["Secrets Manager", "Parameter Store"],
      eks: ["Secret", "External Secrets Operator"],
    });
  });
});
