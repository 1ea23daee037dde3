import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { Lang } from "../core/i18n/lang.js";
import type { Matrix } from "../core/matrix/index.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads one line from the terminal; only when stdin and stdout are both a terminal. */
  prompt?: (question: string) => Promise<string | undefined>;
  /** Reads all of stdin; only when stdin is not a terminal (piped or redirected). */
  readStdin?: () => Promise<string>;
  env?: Record<string, string | undefined>;
  now?: Date;
}

/** What a command runs with: the IO, the loaded matrix and the language of the environment. */
export interface CliContext {
  io: CliIO;
  matrix: Matrix;
  lang: Lang;
}

/** The parts of a Node process the CLI uses (the real `process`, or streams in tests). */
export interface ProcessLike {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Record<string, string | undefined>;
  exit: (code: number) => void;
}

export function processIO(proc: ProcessLike): CliIO {
  // The reader has gone (`ecs-vs-eks matrix | head -1`): nobody is left to read the rest or an
  // error, so stop quietly, as Unix tools do on SIGPIPE, rather than die with a stack trace.
  proc.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    proc.exit(0);
  });
  const ask = async (question: string) => {
    const rl = createInterface({ input: proc.stdin, output: proc.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
  const readAll = async () => {
    let text = "";
    for await (const chunk of proc.stdin.setEncoding("utf8")) text += chunk;
    return text;
  };
  return {
    stdout: (text) => proc.stdout.write(`${text}\n`),
    stderr: (text) => proc.stderr.write(`${text}\n`),
    env: proc.env,
    prompt: proc.stdin.isTTY && proc.stdout.isTTY ? ask : undefined,
    readStdin: proc.stdin.isTTY ? undefined : readAll,
  };
}
