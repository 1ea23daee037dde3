import path from "node:path";
import {
  DataFileError,
  defaultDataDir,
  describeIssues,
  type Matrix,
  readData,
  unknownCapabilities,
  validEntries,
} from "../matrix/load.js";
import { optionSchema, questionSchema, STAGE_IDS, walkthroughFileSchema } from "./schema.js";
import type { Option, Question, Stage, WalkthroughDef } from "./types.js";

export const WALKTHROUGH_FILE = "walkthrough.yml";

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
  const seen = new Set<string>();

  top.data.stages.forEach((rawStage, stageIndex) => {
    const expected = STAGE_IDS[stageIndex];
    if (rawStage.id !== expected) {
      problems.push(
        `stage #${stageIndex + 1} field id: must be ${expected} (stages come in order)`,
      );
    }
    const stage: Stage = { id: rawStage.id, title: rawStage.title, questions: [] };
    const questions = validEntries(
      rawStage.questions,
      questionSchema,
      (id) => `question ${id.startsWith("#") ? `${id} of stage ${rawStage.id}` : id}`,
      problems,
      seen,
    );
    for (const parsed of questions) {
      // Option-level problems are reported per option when the question's own shape is fine.
      const where = `question ${parsed.id}`;
      const options: Option[] = validEntries(
        parsed.options,
        optionSchema,
        (id) => `${where} option ${id}`,
        problems,
      );
      for (const option of options) {
        problems.push(
          ...unknownCapabilities(option.capabilities, matrix, `${where} option ${option.id}`),
        );
      }
      const question: Question = {
        id: parsed.id,
        stage: rawStage.id,
        topic: parsed.topic,
        prompt: parsed.prompt,
        ...(parsed.help ? { help: parsed.help } : {}),
        options,
      };
      byId.set(question.id, question);
      stage.questions.push(question);
    }
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
