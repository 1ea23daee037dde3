import { defineCatalog } from "../i18n/catalog.js";

const en = {
  staleNote: (p: { date: string; days: number }) =>
    `These facts were last checked on ${p.date} (${p.days} ${p.days === 1 ? "day" : "days"} ago); they may be out of date.`,
  thirdPartyOnly:
    "No AWS or Kubernetes documentation is cited for this entry: it rests on third-party sources only.",
  thirdParty: "third-party",
  noMatch:
    "Sorry, I couldn't match that to anything in the ECS vs EKS capability matrix. I can answer how Amazon ECS and Kubernetes (EKS) each handle things like secrets, scheduled jobs, autoscaling, networking, deployments, observability, security and cost. Try asking about one of these:",
};

const ja: typeof en = {
  staleNote: (p) =>
    `この情報は ${p.date} に確認したものです（${p.days} 日前）。最新ではない可能性があります。`,
  thirdPartyOnly:
    "この項目は AWS や Kubernetes のドキュメントではなく、第三者の情報源のみに基づいています。",
  thirdParty: "第三者の情報源",
  noMatch:
    "申し訳ありません。ECS と EKS の機能比較表の中に、ご質問に当てはまる項目が見つかりませんでした。シークレット、定期実行ジョブ、オートスケーリング、ネットワーク、デプロイ、可観測性、セキュリティ、コストなどについて、Amazon ECS と Kubernetes (EKS) がそれぞれどう対応しているかをお答えできます。たとえば次の項目について聞いてみてください:",
};

export const t = defineCatalog({ en, ja });
