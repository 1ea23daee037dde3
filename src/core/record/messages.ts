import { defineCatalog } from "../i18n/catalog.js";

const en = {
  "h.context": "Context and Problem Statement",
  "h.drivers": "Decision Drivers",
  "h.options": "Considered Options",
  "h.outcome": "Decision Outcome",
  "h.consequences": "Consequences",
  "h.prosCons": "Pros and Cons of the Options",
  "h.more": "More Information",
  "context.essay":
    "We need to decide where our containers run: Amazon ECS or Amazon EKS. Comparing ECS with EKS is really comparing ECS with Kubernetes. On a checklist Kubernetes wins, with Secret, Job, CronJob and ConfigMap built in; ECS lacks them on purpose, because it is one part of the AWS platform and each of those jobs belongs to another AWS service (Secrets Manager, EventBridge Scheduler, Step Functions, Parameter Store). Kubernetes instead lets us build our own platform on one consistent API, extended with custom resources and controllers, at the price of keeping the cluster's configuration reproducible as code. So this is a choice of platform, and it follows from three questions: what system we are building, how we want to build it, and how we want to run it.",
  "context.answered": (p: { answered: number; total: number }) =>
    `We answered ${p.answered} of the ${p.total} questions of the walkthrough; unanswered questions count as neutral.`,
  "drivers.none": "No questions were answered.",
  "driver.item": (p: { topic: string; answer: string; why: string; lean: string }) =>
    `${p.topic}: ${p.answer} — ${p.lean}. ${p.why}`,
  "weightiest.item": (p: { topic: string; answer: string; why: string }) =>
    `${p.topic}: ${p.answer}. ${p.why}`,
  "outcome.chosen": (p: { option: string; because: string }) =>
    `Chosen option: "${p.option}", because ${p.because}`,
  "outcome.none": (p: { because: string }) => `Chosen option: none yet, because ${p.because}`,
  "because.platform": (p: { strength: string; score: string }) =>
    `the answers lean ${p.strength} to it (${p.score}).`,
  "because.eitherLean": (p: { score: string }) =>
    `both options would work and the answers lean slightly to it (${p.score}); the factors on both sides are listed below.`,
  "because.eitherEven": (p: { score: string }) =>
    `the answers are evenly balanced (${p.score}): both options would work, and the choice rests on grounds outside this walkthrough.`,
  "because.noAnswers": "no questions have been answered yet.",
  "strength.strong": "strongly",
  "strength.clear": "clearly",
  "score.inline": (p: { ecs: number; eks: number }) =>
    `score: Amazon ECS ${p.ecs}, Amazon EKS ${p.eks}`,
  "outcome.weightiest": "The weightiest reasons:",
  good: (p: { text: string }) => `Good, because ${p.text}`,
  neutral: (p: { text: string }) => `Neutral, because ${p.text}`,
  bad: (p: { text: string }) => `Bad, because ${p.text}`,
  "consequence.fits": (p: { topic: string; answer: string; why: string }) =>
    `it fits our answer on ${p.topic} (“${p.answer}”): ${p.why}`,
  "consequence.against": (p: { topic: string; answer: string; why: string }) =>
    `it goes against our answer on ${p.topic} (“${p.answer}”): ${p.why}`,
  "consequence.ecsNeeds": (p: { uses: string }) =>
    `each job Kubernetes has built in becomes another AWS service to learn and wire up: ${p.uses}.`,
  "consequence.eksNeeds": (p: { uses: string }) =>
    `the cluster's resources and add-ons become ours to install, upgrade and reproduce as code: ${p.uses}.`,
  "consequence.even": "both options fit our answers equally well.",
  "capability.native": (p: { title: string; uses: string }) => `${p.title} — built in (${p.uses}).`,
  "capability.delegated.ecs": (p: { title: string; uses: string }) =>
    `${p.title} — delegated to other AWS services (${p.uses}).`,
  "capability.delegated.eks": (p: { title: string; uses: string }) =>
    `${p.title} — needs add-ons or controllers we install (${p.uses}).`,
  "capability.partial": (p: { title: string; uses: string }) =>
    `${p.title} — only partly covered (${p.uses}).`,
  "capability.none": (p: { title: string; uses: string }) =>
    `${p.title} — not available (the closest: ${p.uses}).`,
  "option.ecs.intro":
    "AWS as the platform: ECS runs the containers, other AWS services do the rest.",
  "option.eks.intro":
    "Our own platform on Kubernetes: one consistent API, extended with custom resources and controllers, run on EKS.",
  "prosCons.none": "Nothing to weigh yet: no questions were answered.",
  "more.links": "Links:",
  "more.versions": (p: { matrix: string; walkthrough: string }) =>
    `Capability matrix version ${p.matrix}; walkthrough version ${p.walkthrough}.`,
  "more.flips": "What would change the answer:",
  "more.needs": "What we will need:",
  "more.unanswered": "Questions not answered:",
  "list.separator": ", ",
};

const ja: typeof en = {
  "h.context": "背景と課題",
  "h.drivers": "決定要因",
  "h.options": "検討した選択肢",
  "h.outcome": "決定の結果",
  "h.consequences": "影響",
  "h.prosCons": "各選択肢の長所と短所",
  "h.more": "補足情報",
  "context.essay":
    "コンテナを Amazon ECS と Amazon EKS のどちらで動かすかを決める必要があります。ECS と EKS の比較は、実質的には ECS と Kubernetes の比較です。機能の一覧で比べれば、Secret、Job、CronJob、ConfigMap を標準で備える Kubernetes が勝ちます。しかし ECS にそれらがないのは意図的です。ECS は AWS というプラットフォームの一部であり、それぞれの役割は別の AWS サービス（Secrets Manager、EventBridge Scheduler、Step Functions、Parameter Store）が担います。一方 Kubernetes では、一貫した一つの API をカスタムリソースとコントローラーで拡張し、自分たちのプラットフォームを作れます。その代わり、クラスターの構成をコードで再現できる状態に保ち続ける必要があります。つまりこれはプラットフォームの選択であり、「どんなシステムを作るのか」「どう作りたいのか」「どう運用したいのか」という三つの問いから導かれます。",
  "context.answered": (p) =>
    `ウォークスルーの ${p.total} 問のうち ${p.answered} 問に回答しました。未回答の質問は中立として扱います。`,
  "drivers.none": "回答した質問はありません。",
  "driver.item": (p) => `${p.topic}: ${p.answer} — ${p.lean}。${p.why}`,
  "weightiest.item": (p) => `${p.topic}: ${p.answer}。${p.why}`,
  "outcome.chosen": (p) => `採用する選択肢: 「${p.option}」。理由: ${p.because}`,
  "outcome.none": (p) => `採用する選択肢: まだ決めていません。理由: ${p.because}`,
  "because.platform": (p) => `回答が${p.strength}この選択肢に傾いているためです（${p.score}）。`,
  "because.eitherLean": (p) =>
    `どちらの選択肢も成り立ち、回答がわずかにこちらに傾いているためです（${p.score}）。両方向の要因は以下のとおりです。`,
  "because.eitherEven": (p) =>
    `回答が完全に拮抗しているためです（${p.score}）。どちらの選択肢も成り立ち、このウォークスルー以外の観点で判断します。`,
  "because.noAnswers": "まだどの質問にも回答していないためです。",
  "strength.strong": "強く",
  "strength.clear": "明確に",
  "score.inline": (p) => `スコア: Amazon ECS ${p.ecs}、Amazon EKS ${p.eks}`,
  "outcome.weightiest": "特に重みの大きい理由:",
  good: (p) => `良い点: ${p.text}`,
  neutral: (p) => `中立: ${p.text}`,
  bad: (p) => `悪い点: ${p.text}`,
  "consequence.fits": (p) => `${p.topic}についての回答（「${p.answer}」）に合っています。${p.why}`,
  "consequence.against": (p) => `${p.topic}についての回答（「${p.answer}」）に反します。${p.why}`,
  "consequence.ecsNeeds": (p) =>
    `Kubernetes が標準で備える役割ごとに、習得して組み合わせる AWS サービスが増えます: ${p.uses}。`,
  "consequence.eksNeeds": (p) =>
    `クラスターのリソースとアドオンを、自分たちでインストールし、アップグレードし、コードで再現し続ける必要があります: ${p.uses}。`,
  "consequence.even": "どちらの選択肢も回答に同じ程度に合っています。",
  "capability.native": (p) => `${p.title} — 標準機能（${p.uses}）。`,
  "capability.delegated.ecs": (p) => `${p.title} — 他の AWS サービスに委譲（${p.uses}）。`,
  "capability.delegated.eks": (p) =>
    `${p.title} — 自分たちで導入するアドオンやコントローラーが必要（${p.uses}）。`,
  "capability.partial": (p) => `${p.title} — 一部のみ対応（${p.uses}）。`,
  "capability.none": (p) => `${p.title} — 対応なし（近いもの: ${p.uses}）。`,
  "option.ecs.intro":
    "AWS をプラットフォームとする選択肢です。コンテナは ECS で動かし、それ以外は他の AWS サービスが担います。",
  "option.eks.intro":
    "Kubernetes の上に自分たちのプラットフォームを作る選択肢です。一貫した API をカスタムリソースとコントローラーで拡張し、EKS で運用します。",
  "prosCons.none": "比較できる材料はまだありません。どの質問にも回答していません。",
  "more.links": "リンク:",
  "more.versions": (p) =>
    `機能比較表のバージョン ${p.matrix}、ウォークスルーのバージョン ${p.walkthrough}。`,
  "more.flips": "答えが変わる条件:",
  "more.needs": "必要になるもの:",
  "more.unanswered": "未回答の質問:",
  "list.separator": "、",
};

export const t = defineCatalog({ en, ja });
