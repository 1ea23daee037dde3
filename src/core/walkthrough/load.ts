import path from "node:path";
import {
  DataFileError,
  defaultDataDir,
  describeIssues,
  idOf,
  type Matrix,
  readData,
  unknownCapabilities,
  validEntries,
} from "../matrix/load.js";
import {
  ANSWERED,
  type Condition,
  type FactRef,
  needSchema,
  optionSchema,
  questionSchema,
  STAGE_IDS,
  UNANSWERED,
  walkthroughFileSchema,
} from "./schema.js";
import type { Need, Option, Question, Stage, WalkthroughDef } from "./types.js";

export const WALKTHROUGH_FILE = "walkthrough.yml";

/** The key of a condition that tests the capacity option instead of an answer. */
export const CAPACITY_KEY = "capacity";

function conditionMaps(condition: Condition): Record<string, string[]>[] {
  return Array.isArray(condition) ? condition : [condition];
}

/** Problems with a condition's question and option ids (and capacity ids where allowed). */
function conditionProblems(
  condition: Condition | undefined,
  where: string,
  optionIds: ReadonlyMap<string, ReadonlySet<string>>,
  capacityIds: ReadonlySet<string> | null,
): string[] {
  if (!condition) return [];
  const problems: string[] = [];
  for (const map of conditionMaps(condition)) {
    for (const [key, ids] of Object.entries(map)) {
      if (key === CAPACITY_KEY && capacityIds) {
        for (const id of ids) {
          if (!capacityIds.has(id)) problems.push(`${where}: unknown capacity option ${id}`);
        }
        continue;
      }
      const options = optionIds.get(key);
      if (!options) {
        problems.push(`${where}: unknown question ${key}`);
        continue;
      }
      for (const id of ids) {
        if (id === ANSWERED || id === UNANSWERED) continue;
        if (!options.has(id)) {
          problems.push(`${where}: unknown option ${id} for question ${key}`);
        }
      }
    }
  }
  return problems;
}

/** A fact must name a capability of the matrix, and its source must be a primary one of it. */
function factProblems(fact: FactRef | undefined, where: string, matrix?: Matrix): string[] {
  if (!fact || !matrix) return [];
  const cap = matrix.byId.get(fact.capability);
  if (!cap) return [`${where} field fact.capability: unknown capability id ${fact.capability}`];
  if (fact.source === undefined) return [];
  const source = cap.sources.find((s) => s.url === fact.source);
  if (!source) {
    return [`${where} field fact.source: not a source of capability ${fact.capability}`];
  }
  return source.kind === "primary"
    ? []
    : [`${where} field fact.source: a third-party source cannot back a rule`];
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
  // Every option id as written, valid or not, so that one broken option is reported once and not
  // again by each condition that names it.
  const optionIds = new Map<string, Set<string>>();
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
      optionIds.set(parsed.id, new Set(parsed.options.map((o, i) => idOf(o, `#${i + 1}`))));
      const options: Option[] = validEntries(
        parsed.options,
        optionSchema,
        (id) => `${where} option ${id}`,
        problems,
      );
      const ids = new Set(options.map((o) => o.id));
      const aliases = new Set<string>();
      for (const option of options) {
        problems.push(
          ...unknownCapabilities(option.capabilities, matrix, `${where} option ${option.id}`),
          ...factProblems(option.must?.fact, `${where} option ${option.id} field must`, matrix),
        );
        for (const old of option.was ?? []) {
          if (ids.has(old) || aliases.has(old)) {
            problems.push(`${where} option ${option.id} field was: ${old} is already an id`);
          }
          aliases.add(old);
        }
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

  for (const q of byId.values()) {
    for (const o of q.options) {
      problems.push(
        ...conditionProblems(
          o.overlaps,
          `question ${q.id} option ${o.id} field overlaps`,
          optionIds,
          null,
        ),
      );
    }
  }

  const capacity = top.data.capacity;
  const capacityIds = new Set(capacity?.options.map((o) => o.id) ?? []);
  if (capacity) {
    const seenCapacity = new Set<string>();
    for (const option of capacity.options) {
      const where = `capacity option ${option.id}`;
      if (seenCapacity.has(option.id)) problems.push(`${where}: duplicate id`);
      seenCapacity.add(option.id);
      problems.push(...factProblems(option.fact, where, matrix));
    }
    capacity.choose.forEach((rule, i) => {
      const where = `capacity rule #${i + 1}`;
      const option = capacity.options.find((o) => o.id === rule.option);
      if (!option) problems.push(`${where} field option: unknown capacity option ${rule.option}`);
      else if (option.platform !== rule.platform) {
        problems.push(`${where} field option: ${rule.option} is not a ${rule.platform} option`);
      }
      problems.push(...conditionProblems(rule.when, `${where} field when`, optionIds, null));
    });
    for (const platform of ["ecs", "eks"] as const) {
      const rules = capacity.choose.filter((r) => r.platform === platform);
      if (rules.length === 0 || rules[rules.length - 1]?.when !== undefined) {
        problems.push(`capacity field choose: the last ${platform} rule must have no when`);
      }
    }
  }

  const needs: Need[] = validEntries(
    top.data.needs ?? [],
    needSchema,
    (id) => `need ${id}`,
    problems,
  );
  const groups = new Map<string, string>();
  for (const need of needs) {
    const where = `need ${need.id}`;
    problems.push(
      ...conditionProblems(need.when, `${where} field when`, optionIds, capacityIds),
      ...conditionProblems(need.unless, `${where} field unless`, optionIds, capacityIds),
      ...factProblems(need.fact, where, matrix),
    );
    if (need.group) {
      const platform = groups.get(need.group);
      if (platform && platform !== need.platform) {
        problems.push(`${where} field group: ${need.group} belongs to ${platform}`);
      }
      groups.set(need.group, need.platform);
    }
  }

  for (const platform of ["ecs", "eks"] as const) {
    const info = top.data.platforms?.[platform];
    for (const [kind, list] of [
      ["good", info?.good ?? []],
      ["bad", info?.bad ?? []],
    ] as const) {
      list.forEach((c, i) => {
        problems.push(
          ...unknownCapabilities(
            c.capabilities ?? [],
            matrix,
            `platforms ${platform} ${kind} #${i + 1}`,
          ),
        );
      });
    }
  }

  if (problems.length > 0) throw new DataFileError(file, problems);
  return {
    version: top.data.version,
    stages,
    questions: stages.flatMap((s) => s.questions),
    byId,
    ...(capacity ? { capacity } : {}),
    needs,
    ...(top.data.platforms ? { platforms: top.data.platforms } : {}),
  };
}

/** Reads and validates data/walkthrough.yml; with a matrix, unknown capability ids are an error. */
export function loadWalkthrough(dataDir = defaultDataDir(), matrix?: Matrix): WalkthroughDef {
  const file = path.join(dataDir, WALKTHROUGH_FILE);
  return parseWalkthrough(readData(file), file, matrix);
}
