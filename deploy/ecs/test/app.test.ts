import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { ACCOUNT, BASE_CONTEXT, REGION } from "./synth.js";

/**
 * cdk.json's "app" command, run the way the CDK CLI runs it for `cdk synth`: with the context (cdk.json's
 * feature flags and `-c` values) in CDK_CONTEXT_JSON, the account and region of the credentials in
 * CDK_DEFAULT_*, and the output folder in CDK_OUTDIR. No AWS call: the CLI (which would look for
 * credentials) is not involved.
 */

const execFileP = promisify(execFile);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const cdkJson = JSON.parse(await readFile(path.join(root, "cdk.json"), "utf8")) as {
  app: string;
  context: Record<string, unknown>;
};
const outdirs: string[] = [];

afterAll(async () => {
  await Promise.all(outdirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function runApp(context: Record<string, unknown>) {
  const outdir = await mkdtemp(path.join(tmpdir(), "ecs-vs-eks-cdk-out-"));
  outdirs.push(outdir);
  const env = {
    ...process.env,
    CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJson.context, ...context }),
    CDK_DEFAULT_ACCOUNT: ACCOUNT,
    CDK_DEFAULT_REGION: REGION,
    CDK_OUTDIR: outdir,
  };
  const result = await execFileP("sh", ["-c", cdkJson.app], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => err,
  );
  return { ...result, outdir };
}

it("synthesizes the stack from cdk.json's app command, the AWS Solutions checks passing", async () => {
  const { code, stderr, outdir } = await runApp(BASE_CONTEXT);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const files = await readdir(outdir);
  expect(files).toContain("EcsVsEks.template.json");
  const template = JSON.parse(
    await readFile(path.join(outdir, "EcsVsEks.template.json"), "utf8"),
  ) as {
    Resources: Record<string, { Type: string }>;
  };
  expect(Object.values(template.Resources).map((r) => r.Type)).toContain("AWS::ECS::Service");
});

it("stops before synthesizing when a setting is missing, naming each", async () => {
  const { code, stderr } = await runApp({ mode: "http" });
  expect(code).toBe(1);
  expect(stderr).toContain("ecs-vs-eks: the image: give ecrRepository and imageTag, or imageUri");
  expect(stderr).toContain("ecs-vs-eks: slackSecretArn is required");
  expect(stderr).toContain("ecs-vs-eks: certificateArn is required in HTTP mode");
});
