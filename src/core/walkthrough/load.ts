import path from "node:path";
import {
  DataFileError,
  defaultDataDir,
  describeIssues,
  type Matrix,
  readData,
} from "../matrix/load.js";
import { optionSchema, questionSchema, STAGE_IDS, walkthroughFileSchema } from "./schema.js";
import type { Option, Question, Stage, WalkthroughDef } from "./types.js";

export const WALKTHROUGH_FILE = "walkthrough.yml";

function idOf(entry: unknown, fallback: string): string {
  return typeof entry === "object" && entry !== null && "id" in entry
    ? String((entry as { id: unknown }).id)
    : fallback;
}

/**
 * Validates a parsed walkthrough file. Problems name the file, the question (and option) and the
 * field. When a matrix is given, every capability id must exist in it.
 */
export function parseWalkthrough(
  raw: unknown,
  file = WALKTHROUGH_FILE,
  matrix?: Matrix,
): WalkthroughDef {
  const top = walkthroughFileSchema.safeParse(raw);
  if (!top.success) throw new DataFileError(file, describeIssues(top.error.issues, "file"));

  const problems: string[] = [];
  const stages: Stage[] = [];
  const byId = new Map<string, Question>();

  top.data.stages.forEach((rawStage, stageIndex) => {
    const expected = STAGE_IDS[stageIndex];
    if (rawStage.id !== expected) {
      problems.push(
        `stage #${stageIndex + 1} field id: must be ${expected} (stages come in order)`,
      );
    }
    const stage: Stage = { id: rawStage.id, title: rawStage.title, questions: [] };
    rawStage.questions.forEach((entry, qIndex) => {
      const qid = idOf(entry, `#${qIndex + 1} of stage ${rawStage.id}`);
      const parsed = questionSchema.safeParse(entry);
      if (!parsed.success) {
        // Option-level problems are reported per option below when the question shape is fine.
        problems.push(...describeIssues(parsed.error.issues, `question ${qid}`));
        return;
      }
      if (byId.has(parsed.data.id)) {
        problems.push(`question ${qid}: duplicate id`);
        return;
      }
      const options: Option[] = [];
      parsed.data.options.forEach((rawOption, oIndex) => {
        const oid = idOf(rawOption, `#${oIndex + 1}`);
        const option = optionSchema.safeParse(rawOption);
        if (!option.success) {
          problems.push(...describeIssues(option.error.issues, `question ${qid} option ${oid}`));
          return;
        }
        if (options.some((o) => o.id === option.data.id)) {
          problems.push(`question ${qid} option ${oid}: duplicate id`);
          return;
        }
        if (matrix) {
          option.data.capabilities.forEach((cap, i) => {
            if (!matrix.byId.has(cap)) {
              problems.push(
                `question ${qid} option ${oid} field capabilities.${i}: unknown capability id ${cap}`,
              );
            }
          });
        }
        options.push(option.data);
      });
      const question: Question = {
        id: parsed.data.id,
        stage: rawStage.id,
        topic: parsed.data.topic,
        prompt: parsed.data.prompt,
        ...(parsed.data.help ? { help: parsed.data.help } : {}),
        options,
      };
      byId.set(question.id, question);
      stage.questions.push(question);
    });
    stages.push(stage);
  });

  if (problems.length > 0) throw new DataFileError(file, problems);
  return {
    version: top.data.version,
    stages,
    questions: stages.flatMap((s) => s.questions),
    byId,
  };
}

/** Reads and validates data/walkthrough.yml; with a matrix, unknown capability ids are an error. */
export function loadWalkthrough(dataDir = defaultDataDir(), matrix?: Matrix): WalkthroughDef {
  const file = path.join(dataDir, WALKTHROUGH_FILE);
  return parseWalkthrough(readData(file), file, matrix);
}
