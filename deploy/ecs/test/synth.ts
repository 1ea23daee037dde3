import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { App, type PolicyValidationPluginReport, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { readConfig } from "../lib/config.js";
import { EcsVsEksStack } from "../lib/ecs-vs-eks-stack.js";

/**
 * Synthesizes the stack offline, as `cdk synth` would with cdk.json's context (its feature flags)
 * plus `context`: no AWS call (the account and region are given, the image is a reference, nothing
 * is bundled), and runs cdk-nag's AWS Solutions pack over it.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const cdkJson = JSON.parse(readFileSync(path.join(here, "..", "cdk.json"), "utf8")) as {
  context: Record<string, unknown>;
};

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const SLACK_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:ecs-vs-eks/slack-AbCdEf`;
export const CERTIFICATE_ARN = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/11111111-2222-3333-4444-555555555555`;

export const BASE_CONTEXT = {
  ecrRepository: "ecs-vs-eks",
  imageTag: "1.0.0",
  slackSecretArn: SLACK_SECRET_ARN,
};

export interface Synth {
  stack: EcsVsEksStack;
  template: Template;
  nag: PolicyValidationPluginReport;
}

export function synth(context: Record<string, unknown> = {}): Synth {
  // Synthesized into a folder of its own, removed once the template is read.
  const outdir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-synth-"));
  const app = new App({ outdir, context: { ...cdkJson.context, ...BASE_CONTEXT, ...context } });
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stack = new EcsVsEksStack(app, "EcsVsEks", {
    config,
    env: { account: ACCOUNT, region: REGION },
  });
  try {
    const template = Template.fromStack(stack);
    const nag = new AwsSolutionsChecks(app).validateScope(app);
    return { stack, template, nag };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Resource types of a template and how many of each, sorted by type. */
export function resourceCounts(template: Template): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of Object.values(
    template.toJSON().Resources as Record<string, { Type: string }>,
  )) {
    counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export interface Acknowledgment {
  path: string;
  id: string;
  reason: string;
}

/** Every finding acknowledged in the stack (Validations.of(...).acknowledge), with its reason. */
export function acknowledgments(stack: EcsVsEksStack): Acknowledgment[] {
  const found: Acknowledgment[] = [];
  for (const construct of stack.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id, reason });
      }
    }
  }
  return found;
}
