import { describe, expect, it } from "vitest";
import {
  type CompleteDecision,
  decide,
  holds,
  MAX_NEEDS,
  plannedPlatform,
} from "../../../src/core/decision/index.js";
import { loadMatrix } from "../../../src/core/matrix/load.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import { AWS_AS_PLATFORM, DATA_DIR, OWN_PLATFORM } from "../../support/essay-cases.js";

const matrix = loadMatrix(DATA_DIR);
const def = loadWalkthrough(DATA_DIR, matrix);
const needs = new Map((def.needs ?? []).map((n) => [n.id, n]));

/** Deterministic answer sets over every question: the many teams the data must serve. */
function teams(count: number): Record<string, string>[] {
  let seed = 20261129;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const share = 0.4 + random() * 0.6;
    const answers: Record<string, string> = {};
    for (const q of def.questions) {
      if (random() < share)
        answers[q.id] = q.options[Math.floor(random() * q.options.length)]?.id ?? "";
    }
    return answers;
  });
}

function names(d: CompleteDecision): string[] {
  return d.bill.map((b) => b.name);
}

describe("capacity option", () => {
  it("is one option of the recommended platform, and none without one", () => {
    for (const answers of teams(300)) {
      const d = decide(def, matrix, answers);
      const platform = plannedPlatform(d.verdict);
      if (!platform) {
        expect(d.capacity).toBeNull();
        continue;
      }
      expect(d.capacity?.platform).toBe(platform);
      const option = def.capacity?.options.find((o) => o.id === d.capacity?.option);
      expect(option?.platform).toBe(platform);
    }
  });

  it("follows the answers", () => {
    const capacity = (answers: Record<string, string>) =>
      decide(def, matrix, answers).capacity?.option;
    expect(capacity(AWS_AS_PLATFORM)).toBe("fargate");
    expect(capacity({ ...AWS_AS_PLATFORM, workload: "gpu-inference" })).toBe("managed-instances");
    expect(
      capacity({
        ...AWS_AS_PLATFORM,
        workload: "web-services",
        scale: "few",
        "time-to-production": "weeks",
      }),
    ).toBe("express-mode");
    expect(capacity({ ...AWS_AS_PLATFORM, windows: "mostly-windows" })).toBe("fargate");
    expect(capacity(OWN_PLATFORM)).toBe("auto-mode");
    expect(capacity({ ...OWN_PLATFORM, "cost-model": "optimize-at-scale" })).toBe("karpenter");
    // Windows nodes cannot run on Auto Mode; domain-name egress is built in only on Auto Mode.
    expect(capacity({ ...OWN_PLATFORM, windows: "some-windows" })).toBe("karpenter");
    expect(
      capacity({
        ...OWN_PLATFORM,
        "cost-model": "optimize-at-scale",
        isolation: "egress-allowlist",
      }),
    ).toBe("auto-mode");
  });
});

describe("bill of materials", () => {
  const decided = teams(400)
    .map((answers) => decide(def, matrix, answers))
    .filter((d) => plannedPlatform(d.verdict) !== null);

  it(`has 1 to ${MAX_NEEDS} items for every recommendation, of that platform only`, () => {
    expect(decided.length).toBeGreaterThan(100);
    for (const d of decided) {
      expect(d.bill.length, JSON.stringify(d.answers)).toBeGreaterThanOrEqual(1);
      expect(d.bill.length).toBeLessThanOrEqual(MAX_NEEDS);
      for (const item of d.bill) expect(needs.get(item.id)?.platform).toBe(d.capacity?.platform);
    }
  });

  it("lists nothing the answers ruled out, one choice among alternatives, never the product", () => {
    for (const d of decided) {
      const ctx = { answers: d.answers, capacity: d.capacity?.option ?? null };
      const groups = new Set<string>();
      for (const item of d.bill) {
        const need = needs.get(item.id);
        if (!need) throw new Error(item.id);
        expect(holds(need.when, ctx), item.id).toBe(true);
        if (need.unless) expect(holds(need.unless, ctx), item.id).toBe(false);
        if (need.group) {
          expect(groups.has(need.group), need.group).toBe(false);
          groups.add(need.group);
        }
        expect(["Amazon ECS", "Amazon EKS"]).not.toContain(item.name);
      }
      const all = names(d).join(" | ");
      const iac = ["AWS CDK", "Terraform", "CloudFormation"].filter((n) => all.includes(n));
      expect(iac.length, all).toBe(1);
      expect(all.includes("AWS Batch") && all.includes("Step Functions"), all).toBe(false);
      if (d.answers.portability !== "hybrid") expect(all).not.toMatch(/Anywhere|Hybrid Nodes/);
      if (d.capacity?.option === "auto-mode")
        expect(all).not.toMatch(
          /Karpenter|Cluster Autoscaler|NVIDIA device plugin|Load Balancer Controller/,
        );
      if (d.capacity?.option !== "auto-mode") expect(all).not.toMatch(/Auto Mode/);
      if (d.capacity?.option !== "ec2-capacity-providers") expect(all).not.toMatch(/AMI/);
      expect(all).not.toMatch(/Cluster Autoscaler/);
    }
  });

  it("lists the items by stage, in walkthrough order", () => {
    const order = def.stages.map((s) => s.id);
    for (const d of decided) {
      const stages = d.bill.map((b) => order.indexOf(b.stage));
      expect([...stages].sort((a, b) => a - b)).toEqual(stages);
    }
  });

  it("pairs each Kubernetes job with the AWS service that does it on ECS, when the answers touch it", () => {
    const aws = names(decide(def, matrix, AWS_AS_PLATFORM));
    expect(aws).toEqual(
      expect.arrayContaining(["AWS Secrets Manager", "AWS Systems Manager Parameter Store"]),
    );
    const batch = names(decide(def, matrix, { ...AWS_AS_PLATFORM, workload: "batch-jobs" }));
    expect(batch).toEqual(expect.arrayContaining(["Amazon EventBridge Scheduler", "AWS Batch"]));
    const events = names(decide(def, matrix, { ...AWS_AS_PLATFORM, workload: "event-driven" }));
    expect(events).toEqual(expect.arrayContaining(["Amazon SQS queues", "AWS Step Functions"]));
    // A web team on Express Mode gets no separate load balancer: Express Mode creates it.
    const web = decide(def, matrix, {
      ...AWS_AS_PLATFORM,
      workload: "web-services",
      scale: "few",
      "time-to-production": "weeks",
    });
    expect(web.capacity?.option).toBe("express-mode");
    expect(names(web)).not.toContain("Application Load Balancer");
  });

  it("names the infrastructure as code the team chose", () => {
    const iac = (delivery: string) =>
      names(decide(def, matrix, { ...AWS_AS_PLATFORM, delivery })).filter((n) =>
        /CDK|Terraform|CloudFormation/.test(n),
      );
    expect(iac("aws-iac")).toEqual(["AWS CDK"]);
    expect(iac("terraform")).toEqual(["Terraform"]);
    expect(iac("gitops")).toEqual(["AWS CloudFormation with Git sync"]);
  });

  it("gives EKS its add-ons, the managed Argo CD capability and an upgrade plan", () => {
    const d = decide(def, matrix, OWN_PLATFORM);
    expect(names(d)).toEqual(
      expect.arrayContaining([
        "Argo CD as an EKS Capability",
        "An upgrade plan with the STANDARD upgrade policy",
        "ACK and kro as EKS Capabilities",
      ]),
    );
    const argo = needs.get("eks-argocd");
    expect(argo?.why.en).toMatch(/hourly charge/);
  });
});
