import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { ACCOUNT, CERTIFICATE_ARN, REGION, SLACK_SECRET_ARN, type Synth, synth } from "./synth.js";

type Json = Record<string, unknown>;

/** The bot's container definition. */
function container(s: Synth): Json {
  const tasks = s.template.findResources("AWS::ECS::TaskDefinition");
  expect(Object.keys(tasks)).toHaveLength(1);
  const task = Object.values(tasks)[0] as { Properties: { ContainerDefinitions: Json[] } };
  expect(task.Properties.ContainerDefinitions).toHaveLength(1);
  return task.Properties.ContainerDefinitions[0] as Json;
}

function secretNames(s: Synth): string[] {
  return ((container(s).Secrets as { Name: string }[]) ?? []).map((x) => x.Name).sort();
}

function secretFrom(s: Synth, name: string): unknown {
  return (container(s).Secrets as { Name: string; ValueFrom: unknown }[]).find(
    (x) => x.Name === name,
  )?.ValueFrom;
}

function envOf(s: Synth): Record<string, string> {
  return Object.fromEntries(
    (container(s).Environment as { Name: string; Value: string }[]).map((e) => [e.Name, e.Value]),
  );
}

function alarmMetrics(s: Synth): string[] {
  return Object.values(s.template.findResources("AWS::CloudWatch::Alarm"))
    .map((a) => {
      const p = (a as { Properties: { Namespace: string; MetricName: string } }).Properties;
      return `${p.Namespace}/${p.MetricName}`;
    })
    .sort();
}

describe("Socket Mode with SQLite (the default)", () => {
  const s = synth();

  it("reads both Slack tokens from Secrets Manager through the task definition, not the environment", () => {
    expect(secretNames(s)).toEqual(["SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"]);
    expect(secretFrom(s, "SLACK_BOT_TOKEN")).toBe(`${SLACK_SECRET_ARN}:SLACK_BOT_TOKEN::`);
    expect(secretFrom(s, "SLACK_APP_TOKEN")).toBe(`${SLACK_SECRET_ARN}:SLACK_APP_TOKEN::`);
    const env = envOf(s);
    expect(Object.keys(env).filter((k) => /TOKEN|SECRET|DATABASE_URL|PASSWORD/.test(k))).toEqual(
      [],
    );
    expect(env).toMatchObject({ DATA_DIR: "/app/var", HEALTH_PORT: "8080" });
    // Only the task's execution role may read the secret, and only that secret.
    s.template.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
            Effect: "Allow",
            Resource: SLACK_SECRET_ARN,
          },
        ]),
      },
    });
  });

  it("runs one task in private subnets, with no public IP, no load balancer and no inbound rule", () => {
    s.template.hasResourceProperties("AWS::ECS::Service", {
      LaunchType: "FARGATE",
      DesiredCount: 1,
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: "DISABLED" } },
      LoadBalancers: [],
      DeploymentConfiguration: {
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      },
    });
    s.template.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 0);
    s.template.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    const groups = Object.values(s.template.findResources("AWS::EC2::SecurityGroup"));
    expect(groups).toHaveLength(1);
    expect((groups[0] as { Properties: Json }).Properties.SecurityGroupIngress).toBeUndefined();
    expect(container(s).PortMappings ?? []).toEqual([]);
  });

  it("runs the image's non-root user on a read-only root file system, DATA_DIR and /tmp on task volumes", () => {
    const c = container(s);
    expect(c.User).toBe("1000:1000");
    expect(c.ReadonlyRootFilesystem).toBe(true);
    expect(c.MountPoints).toEqual([
      { ContainerPath: "/app/var", ReadOnly: false, SourceVolume: "data" },
      { ContainerPath: "/tmp", ReadOnly: false, SourceVolume: "tmp" },
    ]);
    expect(c.LinuxParameters).toEqual({
      Capabilities: { Drop: ["ALL"] },
      InitProcessEnabled: true,
    });
    // Longer than the bot's own 10 s stop deadline.
    expect(c.StopTimeout).toBeGreaterThan(10);
    s.template.hasResourceProperties("AWS::ECS::TaskDefinition", {
      Volumes: [{ Name: "data" }, { Name: "tmp" }],
    });
  });

  it("checks health on HEALTH_PORT's /healthz", () => {
    const check = container(s).HealthCheck as { Command: string[] };
    expect(check.Command.slice(0, 3)).toEqual(["CMD", "node", "-e"]);
    expect(check.Command[3]).toContain("http://127.0.0.1:8080/healthz");
  });

  it("pulls the image from the ECR repository by tag, and may pull from that repository only", () => {
    expect(container(s).Image).toEqual({
      "Fn::Join": [
        "",
        [`${ACCOUNT}.dkr.ecr.${REGION}.`, { Ref: "AWS::URLSuffix" }, "/ecs-vs-eks:1.0.0"],
      ],
    });
    s.template.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: [
              "ecr:BatchCheckLayerAvailability",
              "ecr:BatchGetImage",
              "ecr:GetDownloadUrlForLayer",
            ],
            Resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/ecs-vs-eks`,
          }),
        ]),
      },
    });
  });

  it("logs to CloudWatch Logs with a retention period", () => {
    const logGroups = s.template.findResources("AWS::Logs::LogGroup");
    for (const group of Object.values(logGroups)) {
      expect((group as { Properties: Json }).Properties.RetentionInDays).toBe(30);
    }
    const logging = container(s).LogConfiguration as { LogDriver: string; Options: Json };
    expect(logging.LogDriver).toBe("awslogs");
    expect(logging.Options.mode).toBe("non-blocking");
  });

  it("alarms on tasks not running, on tasks that stopped unexpectedly, and on error log lines", () => {
    expect(alarmMetrics(s)).toEqual([
      "AWS/Events/MatchedEvents",
      "ECS/ContainerInsights/RunningTaskCount",
      "ecs-vs-eks/ErrorLogLines",
    ]);
    s.template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.ecs"],
        "detail-type": ["ECS Task State Change"],
        detail: Match.objectLike({
          lastStatus: ["STOPPED"],
          $or: [
            { stopCode: ["EssentialContainerExited", "TaskFailedToStart"] },
            { stoppedReason: [{ prefix: "Task failed" }] },
          ],
        }),
      },
    });
    s.template.hasResourceProperties("AWS::Logs::MetricFilter", {
      FilterPattern: Match.stringLikeRegexp('\\$\\.level = "error"'),
      MetricTransformations: [Match.objectLike({ MetricName: "ErrorLogLines" })],
    });
    // Every alarm notifies the (encrypted) topic.
    for (const alarm of Object.values(s.template.findResources("AWS::CloudWatch::Alarm"))) {
      const actions = (alarm as { Properties: { AlarmActions: unknown[] } }).Properties
        .AlarmActions;
      expect(actions).toEqual([{ Ref: expect.stringMatching(/^AlarmTopic/) }]);
    }
    s.template.hasResourceProperties("AWS::SNS::Topic", {
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it("creates no database and no secret (SQLite lives on the task's storage)", () => {
    s.template.resourceCountIs("AWS::RDS::DBInstance", 0);
    s.template.resourceCountIs("AWS::SecretsManager::Secret", 0);
  });

  it("enables Container Insights and VPC flow logs", () => {
    s.template.hasResourceProperties("AWS::ECS::Cluster", {
      ClusterSettings: [{ Name: "containerInsights", Value: "enabled" }],
    });
    s.template.resourceCountIs("AWS::EC2::FlowLog", 1);
  });
});

describe("HTTP mode behind an ALB, with RDS PostgreSQL", () => {
  const s = synth({ mode: "http", certificateArn: CERTIFICATE_ARN, database: "postgres" });

  it("reads the signing secret instead of the app token, and DATABASE_URL from the secret built for it", () => {
    expect(secretNames(s)).toEqual(["DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]);
    expect(secretFrom(s, "DATABASE_URL")).toEqual({
      "Fn::Join": ["", [{ Ref: expect.stringMatching(/^DatabaseUrl/) }, ":DATABASE_URL::"]],
    });
    expect(envOf(s)).toMatchObject({ PORT: "3000" });
  });

  it("builds DATABASE_URL from the generated secret by dynamic reference: no password in the template", () => {
    const urls = Object.entries(s.template.findResources("AWS::SecretsManager::Secret"))
      .filter(([id]) => id.startsWith("DatabaseUrl"))
      .map(([, resource]) => (resource as { Properties: Json }).Properties.SecretString);
    expect(urls).toHaveLength(1);
    const secretString = JSON.stringify(urls[0]);
    expect(secretString).toContain("postgres://ecs_vs_eks:{{resolve:secretsmanager:");
    expect(secretString).toContain(":SecretString:password::}}@");
    expect(secretString).toContain("sslmode=");
    s.template.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: '{"username":"ecs_vs_eks"}',
        GenerateStringKey: "password",
      }),
    });
  });

  it("runs two tasks, reachable only from the load balancer on PORT", () => {
    s.template.hasResourceProperties("AWS::ECS::Service", {
      DesiredCount: 2,
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: "DISABLED" } },
      LoadBalancers: [Match.objectLike({ ContainerName: "bot", ContainerPort: 3000 })],
    });
    s.template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      FromPort: 3000,
      ToPort: 3000,
      SourceSecurityGroupId: {
        "Fn::GetAtt": [Match.stringLikeRegexp("^LoadBalancerSecurityGroup"), "GroupId"],
      },
    });
  });

  it("checks the targets' health on /healthz, and forwards only POST /slack/events over HTTPS", () => {
    s.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
      HealthCheckPath: "/healthz",
      Port: 3000,
      TargetType: "ip",
      Matcher: { HttpCode: "200" },
    });
    s.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 443,
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: CERTIFICATE_ARN }],
      DefaultActions: [Match.objectLike({ Type: "fixed-response" })],
    });
    s.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: "redirect" })],
    });
    s.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", {
      Conditions: Match.arrayWith([
        { Field: "path-pattern", PathPatternConfig: { Values: ["/slack/events"] } },
        { Field: "http-request-method", HttpRequestMethodConfig: { Values: ["POST"] } },
      ]),
    });
    s.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", {
      Scheme: "internet-facing",
      LoadBalancerAttributes: Match.arrayWith([
        { Key: "routing.http.drop_invalid_header_fields.enabled", Value: "true" },
        { Key: "access_logs.s3.enabled", Value: "true" },
      ]),
    });
  });

  it("creates an encrypted, Multi-AZ, private PostgreSQL that only the tasks may reach, TLS forced", () => {
    s.template.hasResourceProperties("AWS::RDS::DBInstance", {
      Engine: "postgres",
      StorageEncrypted: true,
      MultiAZ: true,
      DeletionProtection: true,
      PubliclyAccessible: false,
      StorageType: "gp3",
    });
    s.template.hasResourceProperties("AWS::RDS::DBParameterGroup", {
      Parameters: { "rds.force_ssl": "1" },
    });
    s.template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      FromPort: 5432,
      ToPort: 5432,
      SourceSecurityGroupId: {
        "Fn::GetAtt": [Match.stringLikeRegexp("^ServiceSecurityGroup"), "GroupId"],
      },
    });
  });

  it("adds an alarm on unhealthy targets", () => {
    expect(alarmMetrics(s)).toEqual([
      "AWS/ApplicationELB/UnHealthyHostCount",
      "AWS/Events/MatchedEvents",
      "ECS/ContainerInsights/RunningTaskCount",
      "ecs-vs-eks/ErrorLogLines",
    ]);
    const check = container(s).HealthCheck as { Command: string[] };
    expect(check.Command[3]).toContain("http://127.0.0.1:3000/healthz");
  });
});

describe("other settings", () => {
  it("a PostgreSQL of your own: DATABASE_URL from your secret, replicas, no RDS", () => {
    const own = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:ecs-vs-eks/database-ZyXwVu`;
    const s = synth({ databaseUrlSecretArn: own, desiredCount: "3" });
    expect(secretFrom(s, "DATABASE_URL")).toBe(`${own}:DATABASE_URL::`);
    s.template.resourceCountIs("AWS::RDS::DBInstance", 0);
    s.template.hasResourceProperties("AWS::ECS::Service", { DesiredCount: 3 });
  });

  it("an image by URI, ARM64, a longer retention, a notified address", () => {
    const s = synth({
      ecrRepository: undefined,
      imageTag: undefined,
      imageUri: "public.ecr.aws/example/ecs-vs-eks:1.0.0",
      cpuArchitecture: "ARM64",
      logRetentionDays: "90",
      alarmEmail: "platform@example.com",
    });
    expect(container(s).Image).toBe("public.ecr.aws/example/ecs-vs-eks:1.0.0");
    s.template.hasResourceProperties("AWS::ECS::TaskDefinition", {
      RuntimePlatform: { CpuArchitecture: "ARM64" },
    });
    s.template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 90 });
    s.template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "platform@example.com",
    });
  });

  it("an existing VPC, looked up by id (as cdk.context.json records it), instead of a new one", () => {
    const vpcId = "vpc-0123456789abcdef0";
    const subnet = (id: string, az: string, cidr: string) => ({
      subnetId: id,
      cidr,
      availabilityZone: az,
      routeTableId: `rtb-${id.slice(7)}`,
    });
    const s = synth({
      vpcId,
      [`vpc-provider:account=${ACCOUNT}:filter.vpc-id=${vpcId}:region=${REGION}:returnAsymmetricSubnets=true`]:
        {
          vpcId,
          vpcCidrBlock: "10.1.0.0/16",
          ownerAccountId: ACCOUNT,
          availabilityZones: [],
          subnetGroups: [
            {
              name: "Public",
              type: "Public",
              subnets: [
                subnet("subnet-0000000000000000a", `${REGION}a`, "10.1.0.0/24"),
                subnet("subnet-0000000000000000b", `${REGION}b`, "10.1.1.0/24"),
              ],
            },
            {
              name: "Private",
              type: "Private",
              subnets: [
                subnet("subnet-0000000000000001a", `${REGION}a`, "10.1.8.0/22"),
                subnet("subnet-0000000000000001b", `${REGION}b`, "10.1.12.0/22"),
              ],
            },
          ],
        },
    });
    s.template.resourceCountIs("AWS::EC2::VPC", 0);
    s.template.hasResourceProperties("AWS::ECS::Service", {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: "DISABLED",
          Subnets: ["subnet-0000000000000001a", "subnet-0000000000000001b"],
        },
      },
    });
  });
});
