import { describe, expect, it } from "vitest";
import { acknowledgments, CERTIFICATE_ARN, synth } from "./synth.js";

/**
 * cdk-nag's AWS Solutions pack over every variant: no finding left unacknowledged, and each
 * acknowledged one says why (lib/ecs-vs-eks-stack.ts, next to what it is about). bin/app.ts runs the
 * same pack at every `cdk synth` and `cdk deploy`, where a finding stops the synthesis.
 */

const VARIANTS: Record<string, Record<string, unknown>> = {
  "Socket Mode, SQLite": {},
  "Socket Mode, RDS PostgreSQL": { database: "postgres" },
  "HTTP mode, SQLite": { mode: "http", certificateArn: CERTIFICATE_ARN },
  "HTTP mode, RDS PostgreSQL": {
    mode: "http",
    certificateArn: CERTIFICATE_ARN,
    database: "postgres",
  },
};

describe.each(Object.entries(VARIANTS))("cdk-nag AwsSolutions: %s", (_name, context) => {
  const { nag, stack } = synth(context);

  it("has no unacknowledged finding", () => {
    const findings = nag.violations.map(
      (v) =>
        `${v.ruleName} (${v.severity}): ${v.violatingResources
          .map((r) => r.constructPath ?? r.resourceLogicalId)
          .join(", ")}`,
    );
    expect(findings).toEqual([]);
    expect(nag.success).toBe(true);
  });

  it("gives a reason for every acknowledged finding", () => {
    const ours = acknowledgments(stack).filter((a) => a.id.includes("AwsSolutions-"));
    expect(ours.length).toBeGreaterThan(0);
    for (const ack of ours) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
    }
  });
});

it("acknowledges only what each variant needs", () => {
  const ids = (context: Record<string, unknown>) =>
    [
      ...new Set(
        acknowledgments(synth(context).stack)
          .filter((a) => a.id.startsWith("Annotation::AwsSolutions-"))
          .map((a) => a.id.slice("Annotation::".length)),
      ),
    ].sort();
  expect(ids({})).toEqual(["AwsSolutions-ECS2", "AwsSolutions-IAM5[Resource::*]"]);
  expect(ids(VARIANTS["HTTP mode, RDS PostgreSQL"] ?? {})).toEqual([
    "AwsSolutions-EC23",
    "AwsSolutions-ECS2",
    "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    "AwsSolutions-IAM5[Resource::*]",
    "AwsSolutions-RDS11",
    "AwsSolutions-S1",
    "AwsSolutions-SMG4",
  ]);
});
