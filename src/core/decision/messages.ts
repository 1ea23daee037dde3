import { defineCatalog } from "../i18n/catalog.js";

const en = {
  "platform.ecs": "Amazon ECS",
  "platform.eks": "Amazon EKS",
  "strength.strong": "strong",
  "strength.clear": "clear",
  "headline.platform": (p: { platform: string; strength: string }) =>
    `Recommendation: ${p.platform} (${p.strength} lean)`,
  "headline.eitherLean": (p: { platform: string }) =>
    `Recommendation: either (slight lean to ${p.platform})`,
  "headline.eitherEven": "Recommendation: either (evenly balanced)",
  "headline.required": (p: { platform: string }) => `Recommendation: ${p.platform} (required)`,
  "headline.neither": "Recommendation: neither Amazon ECS nor Amazon EKS fits as asked",
  "headline.undecided": (p: { answered: number; total: number }) =>
    `No decision yet (${p.answered} of ${p.total} questions answered)`,
  "rec.platform": (p: { platform: string }) => p.platform,
  "rec.eitherLean": (p: { platform: string }) => `either, leaning ${p.platform}`,
  "rec.eitherEven": "either, evenly balanced",
  "rec.required": (p: { platform: string }) => `${p.platform}, required`,
  "rec.neither": "neither, as asked",
  "rec.undecidedLean": (p: { platform: string }) => `still open, leaning ${p.platform}`,
  "rec.undecidedEven": "still open and evenly balanced",
  "summary.ecs":
    "The answers point to AWS itself as your platform: run containers on ECS and let other AWS services (Secrets Manager, EventBridge Scheduler, Step Functions, Parameter Store) do the jobs Kubernetes has built in.",
  "summary.eks":
    "The answers point to building your own platform on Kubernetes: one consistent API, extended with custom resources and controllers, run on EKS.",
  "summary.eitherLean": (p: { platform: string }) =>
    `Both would work: the answers pull both ways and lean slightly to ${p.platform}. The reasons show what pulls each way.`,
  "summary.eitherEven":
    "Both would work: the answers are evenly balanced. The reasons show what pulls each way.",
  "summary.required": (p: { platform: string }) =>
    `A hard constraint decides: only ${p.platform} can run what you must run, whatever the other answers say.`,
  "summary.requiredAgainst": (p: { platform: string; other: string }) =>
    `The other answers lean to ${p.other}, so choose the ways of running ${p.platform} that leave the most of its operation to AWS.`,
  "summary.neither": (p: { instead: string }) =>
    `Neither fits as asked: a hard constraint rules out both Amazon ECS and Amazon EKS, and the better option is ${p.instead}.`,
  "summary.neitherConflict":
    "Neither fits as asked: the hard constraints in the answers require different platforms.",
  "summary.without": (p: { platform: string }) =>
    `Without that constraint, the answers would lean to ${p.platform}.`,
  "summary.undecided": (p: { min: number }) =>
    `Too few answers to decide: a recommendation needs an answer in each of the three stages and at least ${p.min} in all.`,
  "summary.soFarLean": (p: { platform: string }) => `So far the answers lean to ${p.platform}.`,
  "summary.soFarEven": "So far the answers are evenly balanced.",
  "summary.stay": (p: { platform: string }) =>
    `You already run ${p.platform}, so this means staying on it.`,
  "summary.migrate": (p: { from: string; to: string }) =>
    `You run ${p.from} today, so this means migrating to ${p.to}, one service at a time.`,
  "summary.noAnswers": "No answers yet: answer the questions to get a recommendation.",
  "scores.line": (p: { ecs: number; eks: number; answered: number; total: number }) =>
    `Score: Amazon ECS ${p.ecs} · Amazon EKS ${p.eks} (${p.answered} of ${p.total} questions answered)`,
  "must.title": "Hard constraints",
  "must.fact": (p: { title: string; date: string }) => `Source: ${p.title} (checked ${p.date}).`,
  "capacity.title": "How to run it",
  "capacity.line": (p: { name: string; why: string }) => `${p.name}: ${p.why}`,
  "reasons.title": "Why",
  "lean.platform": (p: { platform: string; weight: number }) =>
    `Leans to ${p.platform} (+${p.weight})`,
  "lean.counted": (p: { platform: string }) =>
    `Leans to ${p.platform} (already counted with another answer)`,
  "lean.neutral": "Neutral",
  "lean.requires": (p: { platform: string }) => `Requires ${p.platform}`,
  "lean.neither": "Rules out both as asked",
  "capabilities.line": (p: { titles: string }) => `Touches: ${p.titles}`,
  "list.separator": ", ",
  "flips.title": "What would change the answer",
  "flips.none":
    "No single answer, changed alone, would move the decision to the other platform or to an even call.",
  "flip.changed": (p: { topic: string; from: string; to: string; then: string }) =>
    `If ${p.topic} were “${p.to}” instead of “${p.from}”, ${p.then}.`,
  "flip.unanswered": (p: { topic: string; to: string; then: string }) =>
    `If you answered “${p.to}” for ${p.topic}, ${p.then}.`,
  "flip.lifted": (p: { topic: string; from: string; then: string }) =>
    `If ${p.topic} were not “${p.from}”, ${p.then}.`,
  "then.recommendation": (p: { rec: string }) => `the recommendation would be ${p.rec}`,
  "then.lean": (p: { platform: string }) => `the answers would lean to ${p.platform}`,
  "then.even": "the answers would be evenly balanced",
  "flip.requires": (p: { condition: string; platform: string }) =>
    `${p.condition}, ${p.platform} would be required.`,
  "needs.title": "What you will need",
  "needs.for": (p: { platform: string }) => `What you will need with ${p.platform}`,
  "needs.none": "Nothing yet: the bill of materials follows a recommendation.",
  "needs.noneNeither": (p: { instead: string }) =>
    `Nothing for Amazon ECS or Amazon EKS: start from ${p.instead}.`,
  "needs.item": (p: { name: string; why: string }) => `${p.name}: ${p.why}`,
  "unanswered.title": "Not answered (counted as neutral)",
  "versions.line": (p: { matrix: string; walkthrough: string }) =>
    `Capability matrix ${p.matrix} · walkthrough ${p.walkthrough}`,
};

const ja: typeof en = {
  "platform.ecs": "Amazon ECS",
  "platform.eks": "Amazon EKS",
  "strength.strong": "明確",
  "strength.clear": "やや優勢",
  "headline.platform": (p) => `${p.platform} を推奨（${p.strength}）`,
  "headline.eitherLean": (p) => `どちらでも可（僅差で ${p.platform} 寄り）`,
  "headline.eitherEven": "どちらでも可（拮抗）",
  "headline.required": (p) => `${p.platform} が必須`,
  "headline.neither": "いまの条件では Amazon ECS も Amazon EKS も適しません",
  "headline.undecided": (p) => `まだ決められません（${p.total} 問中 ${p.answered} 問に回答）`,
  "rec.platform": (p) => p.platform,
  "rec.eitherLean": (p) => `どちらでも可（${p.platform} 寄り）`,
  "rec.eitherEven": "どちらでも可（拮抗）",
  "rec.required": (p) => `${p.platform}（必須）`,
  "rec.neither": "どちらも適さない",
  "rec.undecidedLean": (p) => `未決定（${p.platform} 寄り）`,
  "rec.undecidedEven": "未決定（拮抗）",
  "summary.ecs":
    "回答は、AWS そのものをプラットフォームにする方向を示しています。コンテナは ECS で動かし、Kubernetes が標準で備える機能は他の AWS サービス（Secrets Manager、EventBridge Scheduler、Step Functions、Parameter Store）に任せます。",
  "summary.eks":
    "回答は、Kubernetes の上に自分たちのプラットフォームを作る方向を示しています。一貫した API をカスタムリソースとコントローラーで拡張し、EKS で運用します。",
  "summary.eitherLean": (p) =>
    `どちらを選んでも成り立ちます。回答は両方向に分かれており、わずかに ${p.platform} に傾いています。それぞれの方向に働く要因は理由の欄を参照してください。`,
  "summary.eitherEven":
    "どちらを選んでも成り立ちます。回答は完全に拮抗しています。それぞれの方向に働く要因は理由の欄を参照してください。",
  "summary.required": (p) =>
    `必須の条件で決まります。動かす必要のあるものを動かせるのは ${p.platform} だけなので、他の回答にかかわらず ${p.platform} を選びます。`,
  "summary.requiredAgainst": (p) =>
    `他の回答は ${p.other} に傾いているため、${p.platform} の運用をできるだけ AWS に任せられる動かし方を選んでください。`,
  "summary.neither": (p) =>
    `いまの条件では、どちらも適しません。必須の条件が Amazon ECS と Amazon EKS の両方を除外しており、より適した選択肢は${p.instead}です。`,
  "summary.neitherConflict":
    "いまの条件では、どちらも適しません。回答に含まれる必須の条件が、それぞれ別のプラットフォームを求めています。",
  "summary.without": (p) => `その条件がなければ、回答は ${p.platform} に傾きます。`,
  "summary.undecided": (p) =>
    `回答が少なく、まだ決められません。推奨を出すには、3 つの段階それぞれで 1 問以上、合計 ${p.min} 問以上の回答が必要です。`,
  "summary.soFarLean": (p) => `ここまでの回答は ${p.platform} に傾いています。`,
  "summary.soFarEven": "ここまでの回答は拮抗しています。",
  "summary.stay": (p) =>
    `すでに ${p.platform} を使っているので、このまま使い続けることになります。`,
  "summary.migrate": (p) =>
    `現在は ${p.from} を使っているため、${p.to} へサービスごとに移行することになります。`,
  "summary.noAnswers": "まだ回答がありません。質問に答えると推奨が表示されます。",
  "scores.line": (p) =>
    `スコア: Amazon ECS ${p.ecs}・Amazon EKS ${p.eks}（${p.total} 問中 ${p.answered} 問に回答）`,
  "must.title": "必須の条件",
  "must.fact": (p) => `出典: ${p.title}（${p.date} 確認）。`,
  "capacity.title": "動かし方",
  "capacity.line": (p) => `${p.name}: ${p.why}`,
  "reasons.title": "理由",
  "lean.platform": (p) => `${p.platform} 寄り（+${p.weight}）`,
  "lean.counted": (p) => `${p.platform} 寄り（別の回答で計上済み）`,
  "lean.neutral": "中立",
  "lean.requires": (p) => `${p.platform} が必須`,
  "lean.neither": "どちらも適さない条件",
  "capabilities.line": (p) => `関連する機能: ${p.titles}`,
  "list.separator": "、",
  "flips.title": "結論が変わる条件",
  "flips.none":
    "どの回答を一つ変えても、もう一方のプラットフォームへ傾いたり、拮抗したりすることはありません。",
  "flip.changed": (p) => `${p.topic}が「${p.from}」ではなく「${p.to}」なら、${p.then}。`,
  "flip.unanswered": (p) => `${p.topic}に「${p.to}」と答えると、${p.then}。`,
  "flip.lifted": (p) => `${p.topic}が「${p.from}」でなければ、${p.then}。`,
  "then.recommendation": (p) => `推奨は「${p.rec}」に変わります`,
  "then.lean": (p) => `回答は ${p.platform} に傾きます`,
  "then.even": "回答は拮抗します",
  "flip.requires": (p) => `${p.condition}、${p.platform} が必須になります。`,
  "needs.title": "必要になるもの",
  "needs.for": (p) => `${p.platform} で必要になるもの`,
  "needs.none": "まだありません。推奨が決まると、必要なものの一覧を示します。",
  "needs.noneNeither": (p) =>
    `Amazon ECS と Amazon EKS について必要なものはありません。${p.instead}から検討してください。`,
  "needs.item": (p) => `${p.name}: ${p.why}`,
  "unanswered.title": "未回答（中立として扱います）",
  "versions.line": (p) => `機能比較表 ${p.matrix}・ウォークスルー ${p.walkthrough}`,
};

export const t = defineCatalog({ en, ja });
