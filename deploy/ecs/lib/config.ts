/**
 * The deployment's settings, from CDK context (`cdk deploy -c key=value`, or cdk.json's "context"),
 * checked before anything is built: every problem is named at once, so a deploy never starts with a
 * half-right configuration.
 */

export type SlackMode = "socket" | "http";
export type Database = "sqlite" | "postgres";

export interface ImageSource {
  /** An ECR repository of this account and region, by name (the task may pull it). */
  ecrRepository?: string;
  /** The tag or `sha256:` digest in that repository. */
  imageTag?: string;
  /** Or any image URI (a public registry, another account's ECR). */
  imageUri?: string;
}

export interface BotConfig {
  mode: SlackMode;
  image: ImageSource;
  /** Complete ARN of the Secrets Manager secret with the Slack tokens as JSON keys. */
  slackSecretArn: string;
  database: Database;
  /** Complete ARN of a secret with a DATABASE_URL key (PostgreSQL run elsewhere), or undefined. */
  databaseUrlSecretArn?: string;
  desiredCount: number;
  /** An existing VPC (looked up at synth time), or undefined for a new one. */
  vpcId?: string;
  natGateways: number;
  /** HTTP mode: the ACM certificate of the load balancer's HTTPS listener. */
  certificateArn?: string;
  /** HTTP mode: the host name Slack will call (a DNS record you point at the load balancer). */
  domainName?: string;
  cpu: number;
  memoryMiB: number;
  cpuArchitecture: "X86_64" | "ARM64";
  logRetentionDays: number;
  alarmEmail?: string;
  dbInstanceType: string;
  dbMultiAz: boolean;
  /** Path inside the image of the RDS CA bundle: TLS to RDS is then verified (sslmode=verify-full). */
  dbCaBundlePath?: string;
  /** Plain settings for the bot's environment. */
  logLevel: string;
  defaultLang: string;
  decisionsChannel?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`ecs-vs-eks deploy settings: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** CloudWatch Logs' allowed retention periods, in days. */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/** Fargate's CPU units and the memory sizes each allows (MiB). */
const FARGATE_SIZES: Record<number, [number, number, number]> = {
  256: [512, 2048, 1024],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
};

const COMPLETE_SECRET_ARN = /^arn:aws[\w-]*:secretsmanager:[\w-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/;

type Context = (key: string) => unknown;

export function readConfig(context: Context): BotConfig {
  const problems: string[] = [];
  const str = (key: string): string | undefined => {
    const value = context(key);
    if (value === undefined || value === null || value === "") return undefined;
    return String(value);
  };
  const int = (key: string, fallback: number): number => {
    const raw = str(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n)) {
      problems.push(`${key} must be a whole number (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const raw = str(key);
    if (raw === undefined) return fallback;
    if (raw === "true" || raw === "false") return raw === "true";
    problems.push(`${key} must be true or false (got "${raw}")`);
    return fallback;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = str(key) ?? fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${key} must be one of ${allowed.join(", ")} (got "${raw}")`);
    return fallback;
  };

  const mode = oneOf<SlackMode>("mode", ["socket", "http"], "socket");
  const database = oneOf<Database>("database", ["sqlite", "postgres"], "sqlite");

  const image: ImageSource = {};
  const ecrRepository = str("ecrRepository");
  const imageUri = str("imageUri");
  if (ecrRepository && imageUri)
    problems.push("give ecrRepository (with imageTag) or imageUri, not both");
  if (ecrRepository) {
    image.ecrRepository = ecrRepository;
    const tag = str("imageTag");
    if (!tag) problems.push("imageTag is required with ecrRepository (a tag or a sha256: digest)");
    else image.imageTag = tag;
  } else if (imageUri) {
    image.imageUri = imageUri;
  } else {
    problems.push("the image: give ecrRepository and imageTag, or imageUri");
  }

  const slackSecretArn = str("slackSecretArn") ?? "";
  if (!slackSecretArn) {
    problems.push(
      `slackSecretArn is required: the complete ARN of a secret with SLACK_BOT_TOKEN and ${mode === "socket" ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET"}`,
    );
  } else if (!COMPLETE_SECRET_ARN.test(slackSecretArn)) {
    problems.push("slackSecretArn must be a complete secret ARN (ending in -XXXXXX)");
  }
  const databaseUrlSecretArn = str("databaseUrlSecretArn");
  if (databaseUrlSecretArn && !COMPLETE_SECRET_ARN.test(databaseUrlSecretArn)) {
    problems.push("databaseUrlSecretArn must be a complete secret ARN (ending in -XXXXXX)");
  }
  if (databaseUrlSecretArn && database === "postgres") {
    problems.push(
      "database=postgres creates an RDS instance and its DATABASE_URL; databaseUrlSecretArn is for a PostgreSQL of your own: give one or the other",
    );
  }
  const shared = database === "postgres" || databaseUrlSecretArn !== undefined;

  const desiredCount = int("desiredCount", shared ? 2 : 1);
  if (!shared && desiredCount !== 1) {
    problems.push(
      "desiredCount must be 1 with SQLite (each task has its own database file); use database=postgres or databaseUrlSecretArn for replicas",
    );
  }
  if (desiredCount < 1 || desiredCount > 10) {
    problems.push(
      "desiredCount must be between 1 and 10 (Slack allows 10 Socket Mode connections)",
    );
  }

  let certificateArn: string | undefined;
  if (mode === "http") {
    certificateArn = str("certificateArn");
    if (!certificateArn) {
      problems.push(
        "certificateArn is required in HTTP mode: Slack calls https:// request URLs only (an ACM certificate for domainName)",
      );
    }
  }

  const cpu = int("cpu", 256);
  const memoryMiB = int("memoryMiB", 512);
  const sizes = FARGATE_SIZES[cpu];
  if (!sizes) {
    problems.push(
      `cpu must be one of ${Object.keys(FARGATE_SIZES).join(", ")} (Fargate CPU units)`,
    );
  } else {
    const [min, max, step] = sizes;
    const fits =
      cpu === 256
        ? [512, 1024, 2048].includes(memoryMiB)
        : memoryMiB >= min && memoryMiB <= max && memoryMiB % step === 0;
    if (!fits) problems.push(`memoryMiB ${memoryMiB} is not a Fargate size for cpu ${cpu}`);
  }

  const logRetentionDays = int("logRetentionDays", 30);
  if (!RETENTION_DAYS.includes(logRetentionDays)) {
    problems.push(`logRetentionDays must be one of ${RETENTION_DAYS.join(", ")}`);
  }

  const natGateways = int("natGateways", 1);
  if (natGateways < 1) {
    problems.push(
      "natGateways must be at least 1: the tasks run without public IPs and reach Slack through NAT",
    );
  }

  const config: BotConfig = {
    mode,
    image,
    slackSecretArn,
    database,
    desiredCount,
    natGateways,
    cpu,
    memoryMiB,
    cpuArchitecture: oneOf("cpuArchitecture", ["X86_64", "ARM64"], "X86_64"),
    logRetentionDays,
    dbInstanceType: str("dbInstanceType") ?? "t4g.micro",
    dbMultiAz: bool("dbMultiAz", true),
    logLevel: oneOf("logLevel", ["debug", "info", "warn", "error"], "info"),
    defaultLang: oneOf("defaultLang", ["en", "ja"], "en"),
  };
  const optional: [keyof BotConfig, string | undefined][] = [
    ["databaseUrlSecretArn", databaseUrlSecretArn],
    ["vpcId", str("vpcId")],
    ["certificateArn", certificateArn],
    ["domainName", str("domainName")],
    ["alarmEmail", str("alarmEmail")],
    ["dbCaBundlePath", str("dbCaBundlePath")],
    ["decisionsChannel", str("decisionsChannel")],
  ];
  for (const [key, value] of optional) {
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
