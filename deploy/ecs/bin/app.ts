#!/usr/bin/env node
// `cdk synth` / `cdk deploy` run this (cdk.json's "app"). Settings come from context:
// `cdk deploy -c ecrRepository=ecs-vs-eks -c imageTag=1.0.0 -c slackSecretArn=arn:…` (README "Deploy").
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { ConfigError, readConfig } from "../lib/config.js";
import { EcsVsEksStack } from "../lib/ecs-vs-eks-stack.js";

const app = new App();
try {
  const config = readConfig((key) => app.node.tryGetContext(key));
  new EcsVsEksStack(app, String(app.node.tryGetContext("stackName") ?? "EcsVsEks"), {
    config,
    // The account and region of the deploying credentials (the CDK CLI sets these).
    env: {
      account: process.env.CDK_DEFAULT_ACCOUNT,
      region: process.env.CDK_DEFAULT_REGION,
    },
  });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.problems.map((p) => `ecs-vs-eks: ${p}`).join("\n"));
    process.exit(1);
  }
  throw err;
}
// The AWS Solutions checks at every synth: an unacknowledged finding stops `cdk synth` and
// `cdk deploy` (each accepted one is acknowledged in lib/, with its reason).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
