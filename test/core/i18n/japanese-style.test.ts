import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { decisionText } from "../../../src/cli/decide.js";
import { CHANGE_KINDS, changeKindLabel } from "../../../src/core/changes/index.js";
import { decide, describeDecision } from "../../../src/core/decision/index.js";
import {
  CATEGORIES,
  categoryLabel,
  loadMatrix,
  SUPPORT_LEVELS,
  supportLabel,
  supportLegend,
} from "../../../src/core/matrix/index.js";
import { renderRecord } from "../../../src/core/record/index.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import {
  AWS_AS_PLATFORM,
  DATA_DIR,
  OWN_PLATFORM,
  PULLED_BOTH_WAYS,
} from "../../support/essay-cases.js";

/**
 * The house style of the Japanese text (issue 11): one register (です/ます), no mrkdwn italics on
 * Japanese, 、 and 「」 instead of ASCII commas and quotes, natural labels, and the Japanese mention
 * words (まとめ, 決めたい) taught in Japanese copy. It walks every Japanese catalog string, the
 * Japanese text of the data files and the Japanese text a decision is composed into.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const LETTER = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー";
/** A Japanese letter: kanji, kana. */
const JA = `[${LETTER}]`;
/** A Japanese letter or Japanese (full-width) punctuation. */
const JA_OR_MARK = `[${LETTER}\\u3000-\\u303f\\uff01-\\uff60]`;

interface Rule {
  name: string;
  pattern: RegExp;
  /** Defects the rule must catch. */
  bad: string[];
  /** Correct text the rule must leave alone. */
  good: string[];
}

const RULES: Rule[] = [
  {
    name: "plain form (だ/である) ends a sentence; write です/ます",
    pattern: /(?:だ|である)(?=[。！？]|$)/mu,
    bad: [
      "ECS は AWS のサービスだ。",
      "これは意図的である。",
      "どちらでも可能だ",
      "強みである\n次へ",
    ],
    good: ["まだ回答はありません。", "ただし ASCP は使えません。", "「まだ」", "ください。"],
  },
  {
    name: "plain-form verb or ない ends a sentence; write ます/ません",
    pattern: /(?:ない|(?<![まで])す|(?<!しょ)う|[くつぬむるぐぶ]|(?<!まし|でし)た)。/u,
    bad: ["どちらも適さない。", "ECS で動かす。", "AWS が担う。", "回答が変わる。", "移行した。"],
    good: [
      "動かせます。",
      "ありません。",
      "必要です。",
      "しましょう。",
      "終わりました。",
      "なしでした。",
    ],
  },
  {
    name: "mrkdwn italics (_…_) around Japanese",
    pattern: new RegExp(`${JA_OR_MARK}_|_${JA_OR_MARK}`, "u"),
    bad: ["_スキップ_", "– 質問: _スキップ_", "_「決済基盤」_", "_Amazon ECS を推奨_"],
    good: ["`decide_answer` を使います", "ecs_vs_eks_ の指標", "*太字* です"],
  },
  {
    name: "ASCII comma between Japanese words; write 、",
    pattern: new RegExp(`${JA}\\s?,|,\\s?${JA}`, "u"),
    bad: ["設定, シークレット", "ECS のタスク,Pod", "サービス,タスク"],
    good: ["matrix, ask, decide", "設定、シークレット", "（few, huge）", "Allow, Forbid"],
  },
  {
    name: "ASCII or curly double quotes around Japanese; write 「」",
    pattern: new RegExp(`${JA}\\s?["“”]|["“”]\\s?${JA}`, "u"),
    bad: ['"決めたい" とメンション', "回答 “AWS のみ”", "“まとめ”"],
    good: ['ecs-vs-eks ask "ECSにCronJobはありますか？"', '--title "..."', "「まとめ」"],
  },
  {
    name: "ASCII parentheses around Japanese; write （）",
    pattern: new RegExp(`\\([^()\\n]*${JA}[^()\\n]*\\)`, "u"),
    bad: ["Amazon EKS (必須)", "可搬性: AWS のみ (Amazon ECS 寄り)"],
    good: [
      "Amazon EKS（必須）",
      "Amazon EKS (Kubernetes) の",
      "ASCP (AWS Secrets and Configuration Provider)",
    ],
  },
  {
    name: "`summary` taught in Japanese copy; teach まとめ",
    pattern: /\bsummary\b/i,
    bad: ["<@U0BOT> `summary` とメンションしてください", "`summary` で途中経過"],
    good: ["「<@U0BOT> まとめ」とメンションしてください", "サマリーを表示します"],
  },
  {
    name: "mention `decide` taught in Japanese copy; teach 決めたい (slash subcommands stay ASCII)",
    pattern: /(?:<@\w+>|@[\w-]+)\s+`?decide\b|`decide`\s*と/u,
    bad: ["`<@U0BOT> decide`", "`decide` とメンションすると始められます"],
    good: ["`/ecs-vs-eks decide [タイトル]`", "`<@U0BOT> 決めたい`", "decide には回答が必要です"],
  },
  {
    name: "label reads 「推奨: X」; write 「X を推奨」",
    pattern: /推奨\s?[:：]/u,
    bad: ["推奨: Amazon ECS（強い）", "推奨：どちらでも可"],
    good: ["Amazon ECS を推奨（明確）", "推奨を出すには"],
  },
];

function violations(where: string, text: string): string[] {
  const found: string[] = [];
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const at = m.index;
    const excerpt = text.slice(Math.max(0, at - 20), at + m[0].length + 20).replaceAll("\n", "⏎");
    found.push(`${where}: ${rule.name}: …${excerpt}…`);
  }
  return found;
}

// --- Catalogs --------------------------------------------------------------------------------

type AnyCatalog = Record<string, string | ((p: unknown) => string)>;
interface FoundCatalog {
  file: string;
  name: string;
  ja: AnyCatalog;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every catalog of src/: the modules that call defineCatalog, and the `t` each exports. */
async function catalogs(): Promise<FoundCatalog[]> {
  const found: FoundCatalog[] = [];
  for (const path of sourceFiles(join(ROOT, "src"))) {
    if (!/\bdefineCatalog\s*(?:<[^>]*>)?\(/.test(readFileSync(path, "utf8"))) continue;
    if (path.endsWith(join("i18n", "catalog.ts"))) continue;
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const cats = (value as { catalogs?: { ja: AnyCatalog } } | undefined)?.catalogs;
      if (typeof value === "function" && cats) {
        found.push({ file: relative(ROOT, path), name, ja: cats.ja });
      }
    }
  }
  return found;
}

const NUMBERS =
  /^(count|n|total|known|position|answered|days|min|shown|ecs|eks|weight|questions|stages|percent|line)$/;
const STATUSES = ["proposed", "accepted", "rejected", "superseded"];
const STRINGS: Record<string, string> = {
  cmd: "/ecs-vs-eks",
  bot: "<@U0BOT>",
  user: "<@U0ALICE>",
  prevUser: "<@U0BOB>",
  by: "<@U0BOB>",
  users: "<@U0ALICE>、<@U0BOB>",
  channel: "<#C0TEAM>",
  link: "<https://example.slack.com/archives/C0TEAM/p1|スレッド>",
  url: "https://example.com/",
  date: "2026-11-29",
  version: "2026-11-29",
  platform: "Amazon ECS",
  other: "Amazon EKS",
  from: "Amazon ECS",
  to: "Amazon EKS",
  lang: "日本語",
};

/**
 * Plausible parameters: numbers for counts (0, 1 and 3, to reach every branch), each status in turn,
 * Slack-shaped values for mentions and links, and Japanese text for everything else, so that what
 * surrounds an interpolated value is checked as Japanese.
 */
function sampleParams(variant: number): unknown {
  return new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key !== "string") return undefined;
        if (NUMBERS.test(key)) return [0, 1, 3, 2][variant];
        if (key === "status") return STATUSES[variant];
        return STRINGS[key] ?? "決済基盤";
      },
    },
  );
}

function catalogStrings(catalog: FoundCatalog): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, msg] of Object.entries(catalog.ja)) {
    const where = `${catalog.file} ${catalog.name} ja.${key}`;
    if (typeof msg === "string") out.push([where, msg]);
    else for (const v of [0, 1, 2, 3]) out.push([`${where}#${v}`, msg(sampleParams(v))]);
  }
  return out;
}

// --- Data ------------------------------------------------------------------------------------

/** Matching vocabulary (cues, aliases) is data for the matcher, not text anyone reads. */
const NOT_TEXT = new Set(["cues", "aliases"]);

function dataStrings(file: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        walk(n, `${path}[${i}]`);
      });
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (NOT_TEXT.has(k)) continue;
        if (k === "ja" && typeof v === "string") out.push([`data/${file} ${path}.ja`, v]);
        else walk(v, `${path}.${k}`);
      }
    }
  };
  walk(parse(readFileSync(join(DATA_DIR, file), "utf8")), "");
  return out;
}

// --- Composed text ---------------------------------------------------------------------------

const matrix = loadMatrix(DATA_DIR);
const def = loadWalkthrough(DATA_DIR, matrix);
const CASES: Record<string, Record<string, string>> = {
  "aws-as-platform": { ...AWS_AS_PLATFORM },
  "own-platform": { ...OWN_PLATFORM },
  "pulled-both-ways": { ...PULLED_BOTH_WAYS },
  kubeflow: { ...AWS_AS_PLATFORM, "required-software": "k8s-only" },
  disconnected: { ...AWS_AS_PLATFORM, portability: "disconnected" },
  "too-few": { "k8s-experience": "none" },
  none: {},
};

/** The CLI wraps Japanese between any two characters; a sentence is checked whole, so undo that. */
function unwrapped(text: string): string {
  return text.replace(new RegExp(`(${JA_OR_MARK})\\n +(?=${JA_OR_MARK})`, "gu"), "$1");
}

function composedStrings(): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, answers] of Object.entries(CASES)) {
    const decision = decide(def, matrix, answers);
    const view = describeDecision(def, matrix, decision, "ja");
    out.push([`decision ${name} (CLI text)`, unwrapped(decisionText(view))]);
    const meta = {
      title: "決済基盤のコンテナ基盤",
      date: new Date("2026-11-29T00:00:00Z"),
      decisionMakers: ["田中"],
      consulted: [],
    };
    out.push([`decision ${name} (record)`, renderRecord(def, matrix, decision, meta, "ja")]);
  }
  out.push(["matrix legend", supportLegend("ja")]);
  for (const s of SUPPORT_LEVELS) out.push([`support ${s}`, supportLabel(s, "ja")]);
  for (const c of CATEGORIES) out.push([`category ${c}`, categoryLabel(c, "ja")]);
  for (const k of CHANGE_KINDS) out.push([`change kind ${k}`, changeKindLabel(k, "ja")]);
  return out;
}

// --- Tests -----------------------------------------------------------------------------------

describe("Japanese style rules", () => {
  for (const rule of RULES) {
    it(`catch their defects and leave correct text alone: ${rule.name}`, () => {
      for (const bad of rule.bad) expect(rule.pattern.test(bad), bad).toBe(true);
      for (const good of rule.good) expect(rule.pattern.test(good), good).toBe(false);
    });
  }
});

describe("Japanese text", () => {
  it("of every catalog follows the house style", async () => {
    const found = await catalogs();
    const files = found.map((c) => c.file.replaceAll("\\", "/"));
    for (const known of [
      "src/slack/messages.ts",
      "src/cli/messages.ts",
      "src/core/decision/messages.ts",
      "src/core/record/messages.ts",
      "src/core/answer/messages.ts",
      "src/core/changes/labels.ts",
    ]) {
      expect(files).toContain(known);
    }
    const texts = found.flatMap(catalogStrings);
    for (const [where, text] of texts) expect(typeof text, where).toBe("string");
    expect(texts.flatMap(([where, text]) => violations(where, text))).toEqual([]);
  });

  it("of the data files follows the house style", () => {
    const texts = ["capabilities.yml", "walkthrough.yml", "changes.yml"].flatMap(dataStrings);
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.flatMap(([where, text]) => violations(where, text))).toEqual([]);
  });

  it("of a decision as the CLI prints it and as a record, and of the labels, follows it too", () => {
    expect(composedStrings().flatMap(([where, text]) => violations(where, text))).toEqual([]);
  });
});
