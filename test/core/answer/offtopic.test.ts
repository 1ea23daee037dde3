import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";
import { describeFigures, measureRoutes, type RouteCase } from "./route-set.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

// test/fixtures/questions.offtopic.yml: questions that name ECS, EKS, Fargate or Kubernetes but ask
// something the matrix does not answer (account, billing, console, docs, versions, naming, jokes),
// and short questions that rest on one or two words and do. Written before the acceptance rule that
// asks for an entry to be named (matcher.ts, `accepted`), measured by the same harness as the routing
// sets: an off-topic question must get no answer (neither a card nor the platform choice).
// Before the rule: tune 19/19 on-topic, 13/17 declined; final 17/18 on-topic, 13/17 declined.
// After: tune 19/19, 16/17; final 17/18, 14/17 (the final half was not tuned on).
function halves(): { tune: RouteCase[]; final: RouteCase[] } {
  const text = readFileSync(path.join(root, "test/fixtures/questions.offtopic.yml"), "utf8");
  const [tune, final] = text.split(/^# final$/m);
  const cases = (t: string | undefined): RouteCase[] =>
    (parse(t ?? "") as { q: string; id: string | null }[]).map(({ q, id }) =>
      id === null ? { q, route: "none" } : { q, route: "capability", id },
    );
  return { tune: cases(tune), final: cases(final) };
}

const floors = {
  tune: { capability: 0.95, declined: 0.9 },
  final: { capability: 0.9, declined: 0.8 },
};

describe("questions that name the platform: off-topic ones declined, short ones answered", () => {
  for (const half of ["tune", "final"] as const) {
    const floor = floors[half];
    it(`${half} half: on-topic top-1 ≥ ${floor.capability * 100}%, off-topic declined ≥ ${floor.declined * 100}%`, () => {
      const cases = halves()[half];
      const f = measureRoutes(cases);
      console.log(describeFigures(`offtopic ${half}`, f));
      if (f.misses.length > 0) console.table(f.misses);
      expect(cases.length).toBeGreaterThan(30);
      expect(f.capability.right / f.capability.of).toBeGreaterThanOrEqual(floor.capability);
      expect(f.none.declined / f.none.of).toBeGreaterThanOrEqual(floor.declined);
    });
  }
});

describe("a question that names the platform is answered only by an entry it names", () => {
  const answerer = createAnswerer(loadMatrix(path.join(root, "data")));
  const id = (q: string) => answerer.answer(q).capability?.id ?? null;

  it("declines a question resting on one word that is only part of an alias", () => {
    for (const q of [
      "what region should I put my EKS cluster in?",
      "who maintains the ECS agent on GitHub?",
      "can I change the name of an ECS service after creating it?",
      "how do I rotate the EKS cluster certificate authority?",
    ]) {
      expect(id(q), q).toBeNull();
    }
  });

  it("answers a short question whose word is a whole alias, or two adjacent words are", () => {
    expect(id("EKS upgrades?")).toBe("upgrade-burden");
    expect(id("ECSでcron")).toBe("scheduled-jobs");
    expect(id("define the cluster as code")).toBe("infrastructure-as-code");
    expect(id("EKS service accounts?")).toBe("iam-per-workload");
    expect(id("how does service A call service B by name on ECS")).toBe("service-discovery");
  });

  it("declines questions about the AWS account, console, support or docs, and their bills", () => {
    for (const q of [
      "EKSのコンソールにログインできない",
      "ECSのドキュメントのURLは？",
      "can't sign in to the AWS console to look at my ECS tasks",
      "how do I change the email address on the AWS account that pays for EKS?",
      "my ECS free tier ran out, can I get a refund?",
    ]) {
      expect(id(q), q).toBeNull();
    }
  });

  it("still answers such a question when the rest of it names an entry", () => {
    expect(id("docs for EKS network policies")).toBe("network-policy");
    expect(id("コンテナにログインしてデバッグしたい")).toBe("interactive-exec");
    expect(id("separate AWS accounts per team on ECS?")).toBe("multi-tenancy");
  });

  it("reads 'log in to' as signing in, and 'logs on Fargate' as logs", () => {
    expect(id("how do I log in to the ECS console?")).toBeNull();
    expect(id("ship logs on Fargate")).toBe("observability-logging");
  });
});
