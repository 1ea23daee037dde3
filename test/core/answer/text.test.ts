import { describe, expect, it } from "vitest";
import { editDistance, FuzzyVocabulary } from "../../../src/core/answer/fuzzy.js";
import { analyze, features, normalize, segment, stem } from "../../../src/core/answer/text.js";

describe("normalize and stem", () => {
  it("folds full-width Latin, half-width katakana and long-vowel marks", () => {
    expect(normalize("ＥＣＳ")).toBe("ECS");
    expect(normalize("ｼｰｸﾚｯﾄ")).toBe(normalize("シークレット"));
    expect(normalize("サーバー")).toBe(normalize("サーバ"));
  });

  it("folds plurals and common inflections to one form", () => {
    expect(stem("secrets")).toBe(stem("secret"));
    expect(stem("policies")).toBe(stem("policy"));
    expect(stem("scaling")).toBe(stem("scale"));
    expect(stem("deployed")).toBe(stem("deploy"));
    expect(stem("running")).toBe("run");
    expect(stem("ipv6")).toBe("ipv6");
  });
});

describe("features", () => {
  it("splits camelCase and joins adjacent words, so spacing does not matter", () => {
    const camel = features("CronJob");
    const spaced = features("cron job");
    const joined = features("cronjob");
    for (const key of ["cronjob"]) {
      expect(camel.has(key)).toBe(true);
      expect(spaced.has(key)).toBe(true);
      expect(joined.has(key)).toBe(true);
    }
    expect(camel.has("cron")).toBe(true);
  });

  it("drops stop words, including words every question about ECS and EKS shares", () => {
    const generic = analyze("How do I use ECS or EKS on AWS with Kubernetes containers?");
    expect(generic.words.size).toBe(0);
    expect(generic.units).toEqual([]);
    expect(analyze("what's for lunch").units.map((u) => u.key)).toEqual(["lunch"]);
  });

  it("keeps phrases made only of stop words as a pair", () => {
    expect(features("how much").has("howmuch")).toBe(true);
    // Pairs of stop words are made only when the whole text is stop words (as an alias "how much").
    expect(features("how much is the control plane").has("howmuch")).toBe(false);
  });

  it("gives Japanese words, compounds with bigrams, and okurigana words", () => {
    const f = features("定期実行したいバッチがある。EKSは高い？");
    expect(f.has("定期実行")).toBe(true);
    expect(f.has("定期")).toBe(true);
    expect(f.has("実行")).toBe(true);
    expect(f.has("バッチ")).toBe(true);
    expect(f.has("高い")).toBe(true);
    expect(f.has("した")).toBe(false);
  });

  it("reads mixed text", () => {
    const a = analyze("ECSでcronしたい");
    expect([...a.words]).toEqual(["cron"]);
    expect(a.units.map((u) => u.key)).toEqual(["cron"]);
  });
});

describe("fuzzy vocabulary", () => {
  it("measures edits with transpositions, giving up beyond the limit", () => {
    expect(editDistance("secrets", "secrest", 2)).toBe(1);
    expect(editDistance("cronjob", "cronjbo", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });

  it("corrects misspelt words and near prefixes, but not short different words", () => {
    const v = new FuzzyVocabulary(["secret", "karpenter", "deployment", "launch", "configmap"]);
    expect(v.lookup("secrest").map((h) => h.term)).toEqual(["secret"]);
    expect(v.lookup("karpneter").map((h) => h.term)).toEqual(["karpenter"]);
    expect(v.lookup("deploy").map((h) => h.term)).toEqual(["deployment"]);
    expect(v.lookup("confgimap").map((h) => h.term)).toEqual(["configmap"]);
    expect(v.lookup("lunch")[0]?.quality ?? 0).toBeLessThan(0.6);
    expect(v.lookup("x".repeat(500))).toEqual([]);
  });
});

describe("general phrasing mechanisms", () => {
  it("reads a time of day and a recurrence as words of their own", () => {
    expect(features("every night at 2am").has("oclock")).toBe(true);
    expect(features("at 21:30").has("oclock")).toBe(true);
    expect(features("毎朝9時に実行").has("oclock")).toBe(true);
    expect(features("every night at 2am").has("recur")).toBe(true);
    expect(features("once a day").has("recur")).toBe(true);
    expect(features("who won the game last night").has("recur")).toBe(false);
  });

  it("tells whether a question names the subject", () => {
    expect(analyze("run a task every night").context).toBe(true);
    expect(analyze("ECSでcron使える？").context).toBe(true);
    expect(analyze("コンテナのログ").context).toBe(true);
    expect(analyze("what's the wifi password").context).toBe(false);
  });

  it("splits a katakana compound into known words", () => {
    const vocabulary = new Set(["ブルグリン", "デプロイ", "ログ"]);
    expect(segment("ブルグリンデプロイ", vocabulary)).toEqual(["ブルグリン", "デプロイ"]);
    expect(segment("ブログ", vocabulary)).toBeUndefined();
    const f = analyze("ブルーグリーンデプロイ", vocabulary).features;
    expect(f.has("デプロイ")).toBe(true);
  });

  it("does not read a particle as okurigana, and pairs a Latin word with the Japanese after it", () => {
    const f = features("Pod数に応じて");
    expect(f.has("数に")).toBe(false);
    expect(f.has("pod数")).toBe(true);
  });

  it("weighs a platform word less when the question says more", () => {
    expect(features("prometheus on fargate").get("fargat")).toBeLessThan(1);
    expect(features("fargate?").get("fargat")).toBe(1);
  });
});
