import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../lib/config.js";
import { BASE_CONTEXT, CERTIFICATE_ARN } from "./synth.js";

function read(context: Record<string, unknown>) {
  return readConfig((key) => context[key]);
}

function problems(context: Record<string, unknown>): string[] {
  try {
    read(context);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("deploy settings (CDK context)", () => {
  it("defaults to Socket Mode, SQLite and one task", () => {
    const config = read(BASE_CONTEXT);
    expect(config).toMatchObject({
      mode: "socket",
      database: "sqlite",
      desiredCount: 1,
      logRetentionDays: 30,
      cpu: 256,
      memoryMiB: 512,
    });
  });

  it("with PostgreSQL, two tasks by default", () => {
    expect(read({ ...BASE_CONTEXT, database: "postgres" }).desiredCount).toBe(2);
  });

  it("names every problem at once, before anything is built", () => {
    expect(problems({ mode: "http" })).toEqual([
      "the image: give ecrRepository and imageTag, or imageUri",
      "slackSecretArn is required: the complete ARN of a secret with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET",
      "certificateArn is required in HTTP mode: Slack calls https:// request URLs only (an ACM certificate for domainName)",
    ]);
  });

  it("refuses replicas on SQLite: each task would have a database of its own", () => {
    expect(problems({ ...BASE_CONTEXT, desiredCount: "2" })).toEqual([
      expect.stringMatching(/^desiredCount must be 1 with SQLite/),
    ]);
    expect(problems({ ...BASE_CONTEXT, database: "postgres", desiredCount: "3" })).toEqual([]);
  });

  it("refuses a partial secret ARN (ECS needs the complete one to read a JSON key)", () => {
    expect(problems({ ...BASE_CONTEXT, slackSecretArn: "ecs-vs-eks/slack" })).toEqual([
      "slackSecretArn must be a complete secret ARN (ending in -XXXXXX)",
    ]);
  });

  it("refuses two images, a tagless repository, two databases, and sizes Fargate has not", () => {
    expect(problems({ ...BASE_CONTEXT, imageUri: "public.ecr.aws/x/y:1" })).toEqual([
      "give ecrRepository (with imageTag) or imageUri, not both",
    ]);
    expect(problems({ ...BASE_CONTEXT, imageTag: undefined })).toEqual([
      "imageTag is required with ecrRepository (a tag or a sha256: digest)",
    ]);
    expect(
      problems({
        ...BASE_CONTEXT,
        database: "postgres",
        databaseUrlSecretArn: BASE_CONTEXT.slackSecretArn,
      }),
    ).toEqual([expect.stringMatching(/give one or the other$/)]);
    expect(problems({ ...BASE_CONTEXT, cpu: "300", logRetentionDays: "10" })).toEqual([
      "cpu must be one of 256, 512, 1024, 2048, 4096 (Fargate CPU units)",
      expect.stringMatching(/^logRetentionDays must be one of 1, 3, 5/),
    ]);
    expect(problems({ ...BASE_CONTEXT, cpu: "512", memoryMiB: "512" })).toEqual([
      "memoryMiB 512 is not a Fargate size for cpu 512",
    ]);
  });

  it("HTTP mode takes the certificate", () => {
    const config = read({ ...BASE_CONTEXT, mode: "http", certificateArn: CERTIFICATE_ARN });
    expect(config.certificateArn).toBe(CERTIFICATE_ARN);
  });
});
