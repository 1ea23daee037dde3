import { z } from "zod";
import { type Lang, langSchema } from "./core/i18n/lang.js";

/**
 * The bot's configuration, read from the environment (and `.env`, loaded by main.ts).
 * Every variable is validated here; bad ones stop start-up with one line naming them all, so a new
 * user fixes .env once rather than once per variable.
 */
const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** A choice from a list: trimmed and lowercased; blank counts as unset (so its default applies). */
const trimLower = (value: unknown) =>
  typeof value === "string" ? value.trim().toLowerCase() || undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());

const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const port = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a port number" })
      .int("must be a port number")
      .min(0, "must be a port number")
      .max(65_535, "must be a port number")
      .default(fallback),
  );

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-\S+$/, "must be a bot token starting with xoxb-"),
  SLACK_APP_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^xapp-\S+$/, "must be an app-level token starting with xapp-")
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .optional()
      .transform((url) => (url === undefined || url.endsWith("/") ? url : `${url}/`)),
  ),
  PORT: port(3000),
  HEALTH_PORT: port(8080),
  LOG_FORMAT: z.preprocess(trimLower, z.enum(["json", "pretty"]).default("json")),
  DECISIONS_CHANNEL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id such as C0123456789 (not a #name)")
      .optional(),
  ),
  DEFAULT_LANG: z.preprocess(trimLower, langSchema.default("en")),
  LOG_LEVEL: z.preprocess(trimLower, z.enum(LOG_LEVELS).default("info")),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./var")),
  MATRIX_DIR: optionalString,
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  SESSION_IDLE_DAYS: positiveInt(30),
  MATRIX_MAX_AGE_DAYS: positiveInt(180),
});

export interface Config {
  botToken: string;
  /** Socket Mode when set; otherwise HTTP mode with signingSecret on port. */
  appToken: string | undefined;
  signingSecret: string | undefined;
  port: number;
  /** Socket Mode: the port of /healthz, /readyz and /metrics (HTTP mode serves them on `port`). */
  healthPort: number;
  slackApiUrl: string | undefined;
  decisionsChannel: string | undefined;
  defaultLang: Lang;
  logLevel: LogLevelName;
  /** json (default: one JSON object a line) or pretty (for a terminal). */
  logFormat: "json" | "pretty";
  dataDir: string;
  /**
   * The folder holding capabilities.yml, walkthrough.yml and changes.yml: an organisation's own copy
   * of the matrix. Undefined → the package's data/.
   */
  matrixDir: string | undefined;
  databaseUrl: string | undefined;
  sessionIdleDays: number;
  matrixMaxAgeDays: number;
}

/** A configuration problem, explained in one line that names every variable at fault. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const isBlank = (value: string | undefined) => value === undefined || value.trim() === "";

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const issue of parsed.error?.issues ?? []) {
    const name = issue.path.map(String).join(".") || "environment";
    if (isBlank(env[name])) missing.push(name);
    else invalid.push(`${name} ${issue.message}`);
  }
  // HTTP mode verifies Slack's requests with the signing secret; Socket Mode needs the app token.
  if (isBlank(env.SLACK_APP_TOKEN) && isBlank(env.SLACK_SIGNING_SECRET)) {
    missing.push("SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)");
  }
  if (!parsed.success || missing.length > 0) {
    const problems = [...(missing.length > 0 ? [`missing ${missing.join(", ")}`] : []), ...invalid];
    const hint = missing.length > 0 ? "; copy .env.example to .env and fill them in" : "";
    throw new ConfigError(`${problems.join("; ")}${hint}`);
  }
  const e = parsed.data;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT,
    healthPort: e.HEALTH_PORT,
    slackApiUrl: e.SLACK_API_URL,
    decisionsChannel: e.DECISIONS_CHANNEL,
    defaultLang: e.DEFAULT_LANG,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    dataDir: e.DATA_DIR,
    matrixDir: e.MATRIX_DIR,
    databaseUrl: e.DATABASE_URL,
    sessionIdleDays: e.SESSION_IDLE_DAYS,
    matrixMaxAgeDays: e.MATRIX_MAX_AGE_DAYS,
  };
}
