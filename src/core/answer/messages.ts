import { defineCatalog } from "../i18n/catalog.js";

const en = {
  staleNote: (p: { date: string; days: number }) =>
    `These facts were last checked on ${p.date} (${p.days} ${p.days === 1 ? "day" : "days"} ago); they may be out of date.`,
  thirdPartyOnly:
    "No AWS or Kubernetes documentation is cited for this entry: it rests on third-party sources only.",
  thirdParty: "third-party",
  noMatch:
    "Sorry, I couldn't match that to anything in the ECS vs EKS capability matrix. I can answer how Amazon ECS and Kubernetes (EKS) each handle things like secrets, scheduled jobs, autoscaling, networking, deployments, observability, security and cost. Try asking about one of these:",
  didYouMean: (p: { a: string; b: string }) =>
    `Your question fits two entries of the matrix equally well. Did you mean “${p.a}” or “${p.b}”?`,
  choiceTitle: "ECS or EKS: a choice of platform",
  choiceThesis: [
    "Comparing ECS with EKS is really comparing ECS with Kubernetes.",
    "ECS has no Secret, CronJob, Job or ConfigMap on purpose: it delegates those jobs to AWS services (Secrets Manager, EventBridge Scheduler, Step Functions and Parameter Store), so AWS itself is the platform.",
    "Kubernetes is a platform you build on: one consistent API that you extend with custom resources and controllers, and that you keep upgraded and running.",
    "So the choice follows from three questions:",
  ].join(" "),
  choiceStage1: "What system are we building?",
  choiceStage2: "How do we want to build it?",
  choiceStage3: "How do we want to run it?",
  choiceKnown: "What your question already tells us:",
  choiceWayIn: (p: { total: number; known: number }) =>
    p.known === 0
      ? `The walkthrough asks ${p.total > 0 ? `${p.total} ` : ""}short questions across these three and weighs each answer toward ECS or EKS.`
      : `The walkthrough asks ${p.total > 0 ? `${p.total} ` : ""}short questions across these three and weighs each answer toward ECS or EKS; ${p.known === 1 ? "1 is" : `${p.known} are`} already filled in from your question, and you can change ${p.known === 1 ? "it" : "them"}.`,
  choiceRelated: "Your question also touches:",
};

const ja: typeof en = {
  staleNote: (p) =>
    `この情報は ${p.date} に確認したものです（${p.days} 日前）。最新ではない可能性があります。`,
  thirdPartyOnly:
    "この項目は AWS や Kubernetes のドキュメントではなく、第三者の情報源のみに基づいています。",
  thirdParty: "第三者の情報源",
  noMatch:
    "申し訳ありません。ECS と EKS の機能比較表の中に、ご質問に当てはまる項目が見つかりませんでした。シークレット、定期実行ジョブ、オートスケーリング、ネットワーク、デプロイ、可観測性、セキュリティ、コストなどについて、Amazon ECS と Kubernetes (EKS) がそれぞれどう対応しているかをお答えできます。たとえば次の項目について聞いてみてください:",
  didYouMean: (p) =>
    `ご質問は比較表の二つの項目に同じくらい当てはまります。「${p.a}」と「${p.b}」のどちらについてお知りになりたいですか？`,
  choiceTitle: "ECS か EKS か: プラットフォームの選択です",
  choiceThesis: [
    "ECS と EKS の比較は、実際には ECS と Kubernetes の比較です。",
    "ECS に Secret、CronJob、Job、ConfigMap がないのは意図的です。その役割は AWS のサービス（Secrets Manager、EventBridge Scheduler、Step Functions、Parameter Store）に任せるので、AWS そのものがプラットフォームになります。",
    "Kubernetes は、その上に作っていくプラットフォームです。一貫した一つの API をカスタムリソースとコントローラーで拡張でき、そのアップグレードと運用は自分たちで担います。",
    "そのため、選択は次の三つの問いから決まります。",
  ].join(""),
  choiceStage1: "どんなシステムを作るのか",
  choiceStage2: "どう作りたいのか",
  choiceStage3: "どう運用したいのか",
  choiceKnown: "ご質問からわかっていること:",
  choiceWayIn: (p) =>
    p.known === 0
      ? `ウォークスルーでは、この三つに沿って${p.total > 0 ? ` ${p.total} 個の` : ""}短い質問にお答えいただき、回答ごとに ECS と EKS のどちらに傾くかを評価します。`
      : `ウォークスルーでは、この三つに沿って${p.total > 0 ? ` ${p.total} 個の` : ""}短い質問にお答えいただき、回答ごとに ECS と EKS のどちらに傾くかを評価します。そのうち ${p.known} 個はご質問の内容から回答済みにしてあり、あとから変更できます。`,
  choiceRelated: "ご質問に関係する項目:",
};

export const t = defineCatalog({ en, ja });
