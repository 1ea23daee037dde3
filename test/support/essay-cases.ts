import { fileURLToPath } from "node:url";

/**
 * The essay's three teams, as walkthrough answers (question id → option id): the cases the decision,
 * its view, the decision record and the CLI are all checked against.
 */

/** A team that wants AWS to be its platform, with a small ops team and no Kubernetes experience. */
export const AWS_AS_PLATFORM: Readonly<Record<string, string>> = {
  "aws-integration": "deep",
  portability: "aws-only",
  "ops-team": "small",
  "k8s-experience": "none",
};

/** A team building its own platform, with deep Kubernetes skills and portability needs. */
export const OWN_PLATFORM: Readonly<Record<string, string>> = {
  extensibility: "platform",
  "k8s-experience": "deep",
  portability: "multi-cloud",
  "ops-team": "platform-team",
};

/** Deep skills and platform ambitions, but AWS only, a small ops team and little appetite for upgrades. */
export const PULLED_BOTH_WAYS: Readonly<Record<string, string>> = {
  "k8s-experience": "deep",
  extensibility: "platform",
  portability: "aws-only",
  "ops-team": "small",
  "upgrade-tolerance": "low",
};

/** The same answers as CLI arguments: `--answer question=option`, in order. */
export function answerArgs(answers: Readonly<Record<string, string>>): string[] {
  return Object.entries(answers).flatMap(([question, option]) => [
    "--answer",
    `${question}=${option}`,
  ]);
}

/** The project's data/ folder (capabilities.yml, walkthrough.yml). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
