import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, LogLevel } from "@slack/bolt";
import { type DestinationStream, pino } from "pino";
import pretty from "pino-pretty";
import type { LogLevelName } from "../config.js";

/** The id of the request or event being handled: every log line written while handling it has it. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Credentials never reach a log line, at any level: Slack tokens, the Socket Mode connection URL
 * (its ticket lets anyone open the app's connection), passwords in database URLs, and the exact
 * values of the configured secrets. Bolt, the Web API client and the Socket Mode client all log
 * through this logger, so their debug lines are redacted too.
 */
const PATTERNS: [RegExp, string][] = [
  [/\bx(?:ox[abpsore]|app)-[A-Za-z0-9-]+/g, "[redacted token]"],
  [/\b(wss?:\/\/[^\s"'?]+)\?[^\s"']*/g, "$1?[redacted]"],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s@/"']+@/gi, "$1[redacted]@"],
];

export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const exact = secrets.filter((s): s is string => typeof s === "string" && s.length >= 6);
  return (text) => {
    let out = text;
    for (const secret of exact) out = out.split(secret).join("[redacted]");
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

function text(parts: unknown[]): string {
  return parts
    .map((p) => {
      if (typeof p === "string") return p;
      if (p instanceof Error) return p.stack ?? `${p.name}: ${p.message}`;
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    })
    .join(" ");
}

export interface LogOptions {
  level: LogLevelName;
  format: "json" | "pretty";
  /** Values that must never be printed (tokens, the signing secret, the database URL). */
  secrets: readonly (string | undefined)[];
  /** Where lines go (tests); default standard output. */
  destination?: DestinationStream;
}

/**
 * A Bolt Logger on pino: one JSON object a line by default (`LOG_FORMAT=pretty` for a terminal),
 * with the request id of the event being handled, and every line redacted.
 */
export function createLogger(options: LogOptions): Logger {
  const redact = redactor(options.secrets);
  const destination =
    options.destination ??
    (options.format === "pretty"
      ? pretty({ colorize: true, sync: true })
      : pino.destination({ dest: 1, sync: true }));
  const base = pino(
    {
      level: options.level,
      base: { app: "ecs-vs-eks" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => requestContext.getStore() ?? {},
    },
    destination,
  );
  let name: string | undefined;
  const write =
    (level: LogLevelName) =>
    (...parts: unknown[]) => {
      // Below the level nothing is built: the Web API client logs whole request bodies at debug.
      if (!base.isLevelEnabled(level)) return;
      base[level](name ? { logger: name } : {}, redact(text(parts)));
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (level: LogLevel) => {
      base.level = level;
    },
    getLevel: () => base.level as LogLevel,
    setName: (value: string) => {
      name = value;
    },
  };
}
