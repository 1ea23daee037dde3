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
  "rec.platform": (p: { platform: string }) => p.platform,
  "rec.eitherLean": (p: { platform: string }) => `either, leaning ${p.platform}`,
  "rec.eitherEven": "either, evenly balanced",
  "summary.ecs":
    "The answers point to AWS itself as your platform: run containers on ECS and let other AWS services (Secrets Manager, EventBridge Scheduler, Step Functions, Parameter Store) do the jobs Kubernetes has built in.",
  "summary.eks":
    "The answers point to building your own platform on Kubernetes: one consistent API, extended with custom resources and controllers, run on EKS.",
  "summary.eitherLean": (p: { platform: string }) =>
    `Both would work: the answers pull both ways and lean slightly to ${p.platform}. The reasons show what pulls each way.`,
  "summary.eitherEven":
    "Both would work: the answers are evenly balanced. The reasons show what pulls each way.",
  "summary.noAnswers": "No answers yet: answer the questions to get a recommendation.",
  "scores.line": (p: { ecs: number; eks: number; answered: number; total: number }) =>
    `Score: Amazon ECS ${p.ecs} · Amazon EKS ${p.eks} (${p.answered} of ${p.total} questions answered)`,
  "reasons.title": "Why",
  "lean.platform": (p: { platform: string; weight: number }) =>
    `Leans to ${p.platform} (+${p.weight})`,
  "lean.neutral": "Neutral",
  "capabilities.line": (p: { titles: string }) => `Touches: ${p.titles}`,
  "list.separator": ", ",
  "flips.title": "What would change the answer",
  "flips.none": "No single answer, changed alone, would change the recommendation.",
  "flip.changed": (p: { topic: string; from: string; to: string; rec: string }) =>
    `If ${p.topic} were “${p.to}” instead of “${p.from}”, the recommendation would be ${p.rec}.`,
  "flip.unanswered": (p: { topic: string; to: string; rec: string }) =>
    `If you answered “${p.to}” for ${p.topic}, the recommendation would be ${p.rec}.`,
  "needs.title": "What you will need",
  "needs.ecs": "With Amazon ECS (AWS services and ECS features)",
  "needs.eks": "With Amazon EKS (Kubernetes resources and add-ons)",
  "needs.none": "Nothing yet: answer some questions first.",
  "needs.more": (p: { count: number }) => `…and ${p.count} more in the decision record`,
  "unanswered.title": "Not answered (counted as neutral)",
  "versions.line": (p: { matrix: string; walkthrough: string }) =>
    `Capability matrix ${p.matrix} · walkthrough ${p.walkthrough}`,
};

const ja: typeof en = {
  "platform.ecs": "Amazon ECS",
  "platform.eks": "Amazon EKS",
  "strength.strong": "強い",
  "strength.clear": "明確",
  "headline.platform": (p) => `推奨: ${p.platform}（${p.strength}）`,
  "headline.eitherLean": (p) => `推奨: どちらでも可（やや ${p.platform} 寄り）`,
  "headline.eitherEven": "推奨: どちらでも可（拮抗）",
  "rec.platform": (p) => p.platform,
  "rec.eitherLean": (p) => `どちらでも可（${p.platform} 寄り）`,
  "rec.eitherEven": "どちらでも可（拮抗）",
  "summary.ecs":
    "回答は、AWS そのものをプラットフォームにする方向を示しています。コンテナは ECS で動かし、Kubernetes が標準で備える機能は他の AWS サービス（Secrets Manager、EventBridge Scheduler、Step Functions、Parameter Store）に任せます。",
  "summary.eks":
    "回答は、Kubernetes の上に自分たちのプラットフォームを作る方向を示しています。一貫した API をカスタムリソースとコントローラーで拡張し、EKS で運用します。",
  "summary.eitherLean": (p) =>
    `どちらを選んでも成り立ちます。回答は両方向に分かれており、わずかに ${p.platform} に傾いています。それぞれの方向に働く要因は理由の欄を参照してください。`,
  "summary.eitherEven":
    "どちらを選んでも成り立ちます。回答は完全に拮抗しています。それぞれの方向に働く要因は理由の欄を参照してください。",
  "summary.noAnswers": "まだ回答がありません。質問に答えると推奨が表示されます。",
  "scores.line": (p) =>
    `スコア: Amazon ECS ${p.ecs}・Amazon EKS ${p.eks}（${p.total} 問中 ${p.answered} 問に回答）`,
  "reasons.title": "理由",
  "lean.platform": (p) => `${p.platform} 寄り（+${p.weight}）`,
  "lean.neutral": "中立",
  "capabilities.line": (p) => `関連する機能: ${p.titles}`,
  "list.separator": "、",
  "flips.title": "答えが変わる条件",
  "flips.none": "どの回答を一つ変えても、推奨は変わりません。",
  "flip.changed": (p) =>
    `${p.topic}が「${p.from}」ではなく「${p.to}」なら、推奨は「${p.rec}」に変わります。`,
  "flip.unanswered": (p) => `${p.topic}に「${p.to}」と答えると、推奨は「${p.rec}」に変わります。`,
  "needs.title": "必要になるもの",
  "needs.ecs": "Amazon ECS の場合（AWS サービスと ECS の機能）",
  "needs.eks": "Amazon EKS の場合（Kubernetes のリソースとアドオン）",
  "needs.none": "まだありません。まず質問に答えてください。",
  "needs.more": (p) => `…ほか ${p.count} 件（意思決定記録に全件あります）`,
  "unanswered.title": "未回答（中立として扱います）",
  "versions.line": (p) => `機能比較表 ${p.matrix}・ウォークスルー ${p.walkthrough}`,
};

export const t = defineCatalog({ en, ja });
