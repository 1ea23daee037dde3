import {
  CfnOutput,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cwActions,
  Duration,
  aws_ec2 as ec2,
  aws_ecr as ecr,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_events as events,
  Fn,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  RemovalPolicy,
  aws_rds as rds,
  SecretValue,
  Size,
  Stack,
  type StackProps,
  aws_s3 as s3,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
  aws_events_targets as targets,
  Validations,
} from "aws-cdk-lib";
import type { Construct, IConstruct } from "constructs";
import type { BotConfig } from "./config.js";

/** Where the image keeps the SQLite file (the Dockerfile's DATA_DIR). */
export const DATA_DIR = "/app/var";
/** HTTP mode: Slack's requests, /healthz and /readyz (the Dockerfile's PORT). */
export const HTTP_PORT = 3000;
/** Socket Mode: /healthz and /readyz (the Dockerfile's HEALTH_PORT). */
export const HEALTH_PORT = 8080;
/** The image's non-root user (node, uid 1000). */
export const USER = "1000:1000";
/** JSON log lines at level error or fatal: pino's labels, or its numbers (50 error, 60 fatal). */
export const ERROR_LOG_PATTERN = logs.FilterPattern.any(
  logs.FilterPattern.stringValue("$.level", "=", "error"),
  logs.FilterPattern.stringValue("$.level", "=", "fatal"),
  logs.FilterPattern.numberValue("$.level", ">=", 50),
);

/** The same GET /healthz the Dockerfile's HEALTHCHECK makes, on the mode's port. */
function healthCommand(port: number): string[] {
  const script = `fetch('http://127.0.0.1:${port}/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
  return ["CMD", "node", "-e", script];
}

/** A cdk-nag finding accepted on a construct (and everything under it), with the reason written. */
export interface NagAcceptance {
  id: string;
  reason: string;
}

function nagAccept(scopes: IConstruct | IConstruct[], rules: NagAcceptance[]): void {
  for (const scope of Array.isArray(scopes) ? scopes : [scopes]) {
    Validations.of(scope).acknowledge(...rules);
  }
}

/** Characters a generated database password leaves out, so it goes into a URL as it is. */
const NOT_URL_SAFE = ` %+~\`#$&*()|[]{}:;<>?!'/@"\\,=^`;

export interface EcsVsEksStackProps extends StackProps {
  config: BotConfig;
}

/**
 * ecs-vs-eks on ECS Fargate. Socket Mode (the default): one service in private subnets, no load
 * balancer and no inbound port; the bot dials out to Slack. HTTP mode: behind an ALB that passes only
 * POST /slack/events on, its target group checking /healthz. State in SQLite on the task's storage
 * (one task), or in RDS PostgreSQL (replicas).
 */
export class EcsVsEksStack extends Stack {
  readonly service: ecs.FargateService;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: EcsVsEksStackProps) {
    super(scope, id, props);
    const { config } = props;
    const http = config.mode === "http";

    /* ---------- Network ---------- */
    const usesRds = config.database === "postgres";
    const vpc = config.vpcId
      ? ec2.Vpc.fromLookup(this, "Vpc", { vpcId: config.vpcId })
      : new ec2.Vpc(this, "Vpc", {
          maxAzs: 2,
          natGateways: config.natGateways,
          subnetConfiguration: [
            { name: "public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
            { name: "app", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
            ...(usesRds
              ? [{ name: "db", subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }]
              : []),
          ],
          flowLogs: {
            rejected: {
              destination: ec2.FlowLogDestination.toCloudWatchLogs(
                new logs.LogGroup(this, "FlowLogs", {
                  retention: config.logRetentionDays as logs.RetentionDays,
                  removalPolicy: RemovalPolicy.DESTROY,
                }),
              ),
              trafficType: ec2.FlowLogTrafficType.REJECT,
            },
          },
        });

    const cluster = new ecs.Cluster(this, "Cluster", {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    /* ---------- Logs and notifications ---------- */
    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Alarm notifications are encrypted with a key of our own: CloudWatch and EventBridge cannot
    // publish to a topic under the AWS-managed SNS key.
    const topicKey = new kms.Key(this, "AlarmTopicKey", {
      enableKeyRotation: true,
      description: "ecs-vs-eks alarm notifications",
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const service of ["cloudwatch.amazonaws.com", "events.amazonaws.com"]) {
      topicKey.grant(new iam.ServicePrincipal(service), "kms:Decrypt", "kms:GenerateDataKey*");
    }
    this.alarmTopic = new sns.Topic(this, "AlarmTopic", {
      displayName: "ecs-vs-eks alarms",
      masterKey: topicKey,
      enforceSSL: true,
    });
    if (config.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    }
    const notify = new cwActions.SnsAction(this.alarmTopic);

    /* ---------- Secrets ---------- */
    const slackSecret = secretsmanager.Secret.fromSecretCompleteArn(
      this,
      "SlackSecret",
      config.slackSecretArn,
    );
    const secrets: Record<string, ecs.Secret> = {
      SLACK_BOT_TOKEN: ecs.Secret.fromSecretsManager(slackSecret, "SLACK_BOT_TOKEN"),
    };
    if (http) {
      secrets.SLACK_SIGNING_SECRET = ecs.Secret.fromSecretsManager(
        slackSecret,
        "SLACK_SIGNING_SECRET",
      );
    } else {
      secrets.SLACK_APP_TOKEN = ecs.Secret.fromSecretsManager(slackSecret, "SLACK_APP_TOKEN");
    }

    const serviceSg = new ec2.SecurityGroup(this, "ServiceSecurityGroup", {
      vpc,
      description: "ecs-vs-eks tasks: out to Slack, ECR, Secrets Manager and the database",
      allowAllOutbound: true,
    });

    /* ---------- Database ---------- */
    let database: rds.DatabaseInstance | undefined;
    if (usesRds) {
      const dbSg = new ec2.SecurityGroup(this, "DatabaseSecurityGroup", {
        vpc,
        description: "ecs-vs-eks PostgreSQL: from the bot tasks only",
        allowAllOutbound: false,
      });
      dbSg.addIngressRule(serviceSg, ec2.Port.tcp(5432), "the bot's tasks");
      const engine = rds.DatabaseInstanceEngine.postgres({
        version: rds.PostgresEngineVersion.VER_17,
      });
      database = new rds.DatabaseInstance(this, "Database", {
        engine,
        instanceType: new ec2.InstanceType(config.dbInstanceType),
        vpc,
        vpcSubnets: {
          subnetType: config.vpcId
            ? ec2.SubnetType.PRIVATE_WITH_EGRESS
            : ec2.SubnetType.PRIVATE_ISOLATED,
        },
        securityGroups: [dbSg],
        databaseName: "ecs_vs_eks",
        credentials: rds.Credentials.fromGeneratedSecret("ecs_vs_eks", {
          excludeCharacters: NOT_URL_SAFE,
        }),
        multiAz: config.dbMultiAz,
        storageEncrypted: true,
        storageType: rds.StorageType.GP3,
        allocatedStorage: 20,
        maxAllocatedStorage: 100,
        backupRetention: Duration.days(7),
        deletionProtection: true,
        removalPolicy: RemovalPolicy.SNAPSHOT,
        autoMinorVersionUpgrade: true,
        cloudwatchLogsExports: ["postgresql"],
        cloudwatchLogsRetention: config.logRetentionDays as logs.RetentionDays,
        parameterGroup: new rds.ParameterGroup(this, "DatabaseParameters", {
          engine,
          // Connections without TLS are refused (the default from PostgreSQL 15 on, said here).
          parameters: { "rds.force_ssl": "1" },
        }),
      });
      const dbSecret = database.secret as secretsmanager.ISecret;
      // The bot takes one DATABASE_URL. It is built into a secret of its own by CloudFormation,
      // which resolves the password's dynamic reference at deploy time: the template holds only
      // `{{resolve:secretsmanager:…}}`, never the password. A password changed later (by hand or by
      // rotation) is not seen here: update the stack, then force a new deployment of the service.
      const tls = config.dbCaBundlePath
        ? `sslmode=verify-full&sslrootcert=${config.dbCaBundlePath}`
        : // Encrypted, but the server's certificate is not checked: the RDS CA is not in Node's
          // store. Add the RDS CA bundle to the image and set dbCaBundlePath to verify it.
          "sslmode=no-verify";
      const databaseUrl = new secretsmanager.Secret(this, "DatabaseUrl", {
        description: "ecs-vs-eks DATABASE_URL, built from the RDS instance's generated secret",
        secretObjectValue: {
          DATABASE_URL: SecretValue.unsafePlainText(
            Fn.join("", [
              "postgres://ecs_vs_eks:",
              dbSecret.secretValueFromJson("password").unsafeUnwrap(),
              "@",
              database.dbInstanceEndpointAddress,
              ":",
              database.dbInstanceEndpointPort,
              "/ecs_vs_eks?",
              tls,
            ]),
          ),
        },
      });
      secrets.DATABASE_URL = ecs.Secret.fromSecretsManager(databaseUrl, "DATABASE_URL");
      new CfnOutput(this, "DatabaseUrlSecretArn", { value: databaseUrl.secretArn });
      nagAccept(
        [database, databaseUrl],
        [
          {
            id: "AwsSolutions-SMG4",
            reason:
              "Not rotated automatically: ECS reads secrets only when a task starts, so a rotated password would break the running tasks' reconnects. Rotate as a planned change (rotate, update the stack, force a new deployment).",
          },
        ],
      );
      nagAccept(database, [
        {
          id: "AwsSolutions-RDS11",
          reason:
            "The default port is kept: only the bot's security group may connect, so another port would hide nothing.",
        },
      ]);
      // The Lambda function that sets the retention of RDS's own log group (a CDK singleton).
      for (const child of this.node.children) {
        if (!child.node.id.startsWith("LogRetention")) continue;
        nagAccept(child, [
          {
            id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
            reason:
              "CDK's log-retention function (it sets the retention of RDS's PostgreSQL log group) writes its own logs with the AWS-managed basic execution policy.",
          },
          {
            id: "AwsSolutions-IAM5[Resource::*]",
            reason:
              "CDK's log-retention function must set the retention of a log group that RDS creates later, under a name it does not know in advance.",
          },
        ]);
      }
    } else if (config.databaseUrlSecretArn) {
      const own = secretsmanager.Secret.fromSecretCompleteArn(
        this,
        "DatabaseUrlSecret",
        config.databaseUrlSecretArn,
      );
      secrets.DATABASE_URL = ecs.Secret.fromSecretsManager(own, "DATABASE_URL");
    }

    /* ---------- Task ---------- */
    const task = new ecs.FargateTaskDefinition(this, "Task", {
      cpu: config.cpu,
      memoryLimitMiB: config.memoryMiB,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture:
          config.cpuArchitecture === "ARM64"
            ? ecs.CpuArchitecture.ARM64
            : ecs.CpuArchitecture.X86_64,
      },
    });
    // The root file system is read-only; these two task volumes (Fargate's ephemeral storage) are
    // the only writable places: DATA_DIR for the SQLite file, /tmp for Node.js and libraries.
    task.addVolume({ name: "data" });
    task.addVolume({ name: "tmp" });

    const image = config.image.ecrRepository
      ? ecs.ContainerImage.fromEcrRepository(
          ecr.Repository.fromRepositoryName(this, "Repository", config.image.ecrRepository),
          config.image.imageTag,
        )
      : ecs.ContainerImage.fromRegistry(config.image.imageUri ?? "");

    const environment: Record<string, string> = {
      DATA_DIR,
      LOG_LEVEL: config.logLevel,
      DEFAULT_LANG: config.defaultLang,
      ...(http ? { PORT: String(HTTP_PORT) } : { HEALTH_PORT: String(HEALTH_PORT) }),
      ...(config.decisionsChannel ? { DECISIONS_CHANNEL: config.decisionsChannel } : {}),
    };

    const linuxParameters = new ecs.LinuxParameters(this, "LinuxParameters", {
      // A minimal init as PID 1 forwards SIGTERM to node and reaps any child process.
      initProcessEnabled: true,
    });
    linuxParameters.dropCapabilities(ecs.Capability.ALL);

    const container = task.addContainer("bot", {
      image,
      essential: true,
      user: USER,
      readonlyRootFilesystem: true,
      environment,
      secrets,
      logging: ecs.LogDrivers.awsLogs({
        logGroup,
        streamPrefix: "bot",
        // A slow CloudWatch Logs must not stall the bot's stdout (and so the bot).
        mode: ecs.AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: Size.mebibytes(4),
      }),
      healthCheck: {
        command: healthCommand(http ? HTTP_PORT : HEALTH_PORT),
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      // SIGTERM first, SIGKILL after this: the bot finishes what is in flight within 10 s.
      stopTimeout: Duration.seconds(30),
      linuxParameters,
      portMappings: http
        ? [{ containerPort: HTTP_PORT, name: "http", protocol: ecs.Protocol.TCP }]
        : [],
    });
    container.addMountPoints(
      { sourceVolume: "data", containerPath: DATA_DIR, readOnly: false },
      { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
    );

    /* ---------- Service ---------- */
    this.service = new ecs.FargateService(this, "Service", {
      cluster,
      taskDefinition: task,
      desiredCount: config.desiredCount,
      // Socket Mode needs no inbound path at all, HTTP mode only the ALB's: no public IP either way.
      assignPublicIp: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [serviceSg],
      circuitBreaker: { enable: true, rollback: true },
      // With SQLite there is exactly one task (desiredCount 1, checked in config.ts): the file lives
      // on that task's ephemeral storage, so a second task would be a second, separate database
      // (walkthroughs started on one unknown to the other), and SQLite's WAL mode cannot be shared
      // over a network file system such as EFS. A deployment still starts the new task before
      // stopping the old one (100/200 %): answers never stop, and walkthroughs in flight are lost
      // with the old task's storage either way. For state that survives a deployment, and for
      // replicas, use PostgreSQL (database=postgres).
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      // Health checks start once the process had time to open the store and check its token.
      ...(http ? { healthCheckGracePeriod: Duration.seconds(60) } : {}),
    });

    /* ---------- HTTP mode: the load balancer ---------- */
    let loadBalancer: elbv2.ApplicationLoadBalancer | undefined;
    let targetGroup: elbv2.ApplicationTargetGroup | undefined;
    if (http) {
      const albSg = new ec2.SecurityGroup(this, "LoadBalancerSecurityGroup", {
        vpc,
        description: "ecs-vs-eks load balancer: HTTPS from Slack",
        allowAllOutbound: false,
      });
      albSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), "Slack's requests (HTTPS)");
      albSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), "redirected to HTTPS");
      loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
        vpc,
        internetFacing: true,
        securityGroup: albSg,
        vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
        dropInvalidHeaderFields: true,
      });
      const accessLogs = new s3.Bucket(this, "LoadBalancerLogs", {
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        lifecycleRules: [{ expiration: Duration.days(90) }],
        removalPolicy: RemovalPolicy.RETAIN,
      });
      loadBalancer.logAccessLogs(accessLogs, "alb");
      nagAccept(accessLogs, [
        {
          id: "AwsSolutions-S1",
          reason:
            "This bucket holds the load balancer's access logs; logging access to the log bucket itself would log into itself or need yet another bucket.",
        },
      ]);
      nagAccept(albSg, [
        {
          id: "AwsSolutions-EC23",
          reason:
            "Slack calls the request URL from addresses it does not publish; every request is authenticated by its signature (SLACK_SIGNING_SECRET) instead. Port 80 only redirects to 443.",
        },
      ]);

      targetGroup = new elbv2.ApplicationTargetGroup(this, "TargetGroup", {
        vpc,
        port: HTTP_PORT,
        protocol: elbv2.ApplicationProtocol.HTTP,
        targetType: elbv2.TargetType.IP,
        // The bot drains in-flight requests within 10 s of SIGTERM.
        deregistrationDelay: Duration.seconds(15),
        healthCheck: {
          path: "/healthz",
          healthyHttpCodes: "200",
          interval: Duration.seconds(15),
          timeout: Duration.seconds(5),
          healthyThresholdCount: 2,
          unhealthyThresholdCount: 3,
        },
      });
      this.service.attachToApplicationTargetGroup(targetGroup);
      serviceSg.connections.allowFrom(albSg, ec2.Port.tcp(HTTP_PORT), "the load balancer");

      const https = loadBalancer.addListener("Https", {
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
        certificates: [elbv2.ListenerCertificate.fromArn(config.certificateArn ?? "")],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        open: false,
        // Only Slack's endpoint is public: /healthz, /readyz (and any /metrics) stay inside.
        defaultAction: elbv2.ListenerAction.fixedResponse(404, {
          contentType: "text/plain",
          messageBody: "Not found",
        }),
      });
      https.addAction("SlackEvents", {
        priority: 10,
        conditions: [
          elbv2.ListenerCondition.pathPatterns(["/slack/events"]),
          elbv2.ListenerCondition.httpRequestMethods(["POST"]),
        ],
        action: elbv2.ListenerAction.forward([targetGroup]),
      });
      loadBalancer.addListener("Http", {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction: elbv2.ListenerAction.redirect({
          protocol: "HTTPS",
          port: "443",
          permanent: true,
        }),
      });
      new CfnOutput(this, "LoadBalancerDnsName", { value: loadBalancer.loadBalancerDnsName });
      new CfnOutput(this, "SlackRequestUrl", {
        value: `https://${config.domainName ?? loadBalancer.loadBalancerDnsName}/slack/events`,
        description:
          "The Request URL for the slash command, Event Subscriptions and Interactivity (point domainName's DNS at the load balancer)",
      });
    }

    /* ---------- Alarms ---------- */
    const dims = { ClusterName: cluster.clusterName, ServiceName: this.service.serviceName };
    // Fewer tasks running than asked for, for three minutes: a crash loop, a failing health check,
    // an image that cannot be pulled, a secret that cannot be read.
    new cloudwatch.Alarm(this, "TasksNotRunningAlarm", {
      alarmDescription: `ecs-vs-eks: fewer than ${config.desiredCount} task(s) running`,
      metric: new cloudwatch.Metric({
        namespace: "ECS/ContainerInsights",
        metricName: "RunningTaskCount",
        dimensionsMap: dims,
        statistic: cloudwatch.Stats.MINIMUM,
        period: Duration.minutes(1),
      }),
      threshold: config.desiredCount,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    }).addAlarmAction(notify);

    // Every task that stopped on its own (the bot exited, or failed its health checks or start),
    // as opposed to one a deployment or a scale-in stopped. The notification carries ECS's reason.
    const taskFailures = new events.Rule(this, "TaskFailedRule", {
      description: "ecs-vs-eks: a task of the service stopped unexpectedly",
      eventPattern: {
        source: ["aws.ecs"],
        detailType: ["ECS Task State Change"],
        detail: {
          clusterArn: [cluster.clusterArn],
          group: [`service:${this.service.serviceName}`],
          lastStatus: ["STOPPED"],
          $or: [
            { stopCode: ["EssentialContainerExited", "TaskFailedToStart"] },
            { stoppedReason: [{ prefix: "Task failed" }] },
          ],
        },
      },
    });
    taskFailures.addTarget(
      new targets.SnsTopic(this.alarmTopic, {
        message: events.RuleTargetInput.fromText(
          `ecs-vs-eks: task ${events.EventField.fromPath("$.detail.taskArn")} stopped: ${events.EventField.fromPath("$.detail.stoppedReason")}`,
        ),
      }),
    );
    new cloudwatch.Alarm(this, "TaskFailedAlarm", {
      alarmDescription: "ecs-vs-eks: a task stopped unexpectedly (restarted by ECS)",
      metric: new cloudwatch.Metric({
        namespace: "AWS/Events",
        metricName: "MatchedEvents",
        dimensionsMap: { RuleName: taskFailures.ruleName },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(5),
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(notify);

    // Errors the bot logged (JSON lines with level error or fatal).
    const errorLines = new logs.MetricFilter(this, "ErrorLogFilter", {
      logGroup,
      filterPattern: ERROR_LOG_PATTERN,
      metricNamespace: "ecs-vs-eks",
      metricName: "ErrorLogLines",
      metricValue: "1",
      defaultValue: 0,
    });
    new cloudwatch.Alarm(this, "ErrorLogAlarm", {
      alarmDescription: "ecs-vs-eks: the bot logged errors",
      metric: errorLines.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(notify);

    if (targetGroup && loadBalancer) {
      new cloudwatch.Alarm(this, "UnhealthyTargetsAlarm", {
        alarmDescription: "ecs-vs-eks: the load balancer sees an unhealthy task (/healthz)",
        metric: targetGroup.metrics.unhealthyHostCount({
          statistic: cloudwatch.Stats.MAXIMUM,
          period: Duration.minutes(1),
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(notify);
    }

    new CfnOutput(this, "ServiceName", { value: this.service.serviceName });
    new CfnOutput(this, "ClusterName", { value: cluster.clusterName });
    new CfnOutput(this, "LogGroupName", { value: logGroup.logGroupName });
    new CfnOutput(this, "AlarmTopicArn", { value: this.alarmTopic.topicArn });

    /* ---------- cdk-nag: what is accepted, and why ---------- */
    nagAccept(task, [
      {
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          'ecr:GetAuthorizationToken has no resource-level permissions (Resource "*" is the only form); the pull itself is limited to the one repository.',
      },
      {
        id: "AwsSolutions-ECS2",
        reason:
          "The environment holds only non-secret settings (DATA_DIR, LOG_LEVEL, ports); every token and DATABASE_URL comes from Secrets Manager through the task definition's secrets.",
      },
    ]);
  }
}
