import { defineCatalog } from "../i18n/catalog.js";

const en = {
  "h.context": "Context and Problem Statement",
  "h.drivers": "Decision Drivers",
  "h.options": "Considered Options",
  "h.outcome": "Decision Outcome",
  "h.consequences": "Consequences",
  "h.prosCons": "Pros and Cons of the Options",
  "h.more": "More Information",
  "context.new":
    "We need to decide where our containers run: on Amazon ECS or on Amazon EKS, that is, on Kubernetes.",
  "context.stay": (p: { current: string; other: string }) =>
    `We run our containers on ${p.current} today, and need to decide whether to stay on it or to migrate to ${p.other}.`,
  "context.essay":
    "ECS leaves Secret, Job, CronJob and ConfigMap to other AWS services, while Kubernetes lets us build our own platform on one consistent API at the price of reproducing the cluster as code. The choice follows from what we build, how we build it and how we run it.",
  "context.answered": (p: { answered: number; total: number; topics: string }) =>
    `We answered ${p.answered} of the ${p.total} questions of the walkthrough, and the others count as neutral: ${p.topics}.`,
  "context.all": (p: { total: number }) =>
    `We answered all ${p.total} questions of the walkthrough.`,
  "drivers.none": "No questions were answered.",
  "driver.item": (p: { topic: string; answer: string }) =>
    `For ${p.topic}, we answered “${p.answer}”.`,
  "drivers.stage": (p: { stage: string; answers: string }) =>
    `${p.stage} We answered ${p.answers}.`,
  "drivers.pair": (p: { topic: string; answer: string }) => `${p.topic} “${p.answer}”`,
  "option.stay": (p: { platform: string }) => `Stay on ${p.platform}`,
  "option.ecs": (p: { name: string }) => `${p.name}, with AWS itself as our platform.`,
  "option.eks": (p: { name: string }) => `${p.name}, with our own platform on Kubernetes.`,
  "option.instead": (p: { name: string }) =>
    `${p.name}, the better option that the hard constraint points to.`,
  "option.migrate": (p: { platform: string }) => `Migrate to ${p.platform}`,
  "outcome.chosen": (p: { option: string; because: string }) =>
    `Chosen option: "${p.option}", because ${p.because}`,
  "outcome.none": (p: { because: string }) => `Chosen option: none yet, because ${p.because}`,
  "because.platform": (p: { strength: string; score: string; topics: string }) =>
    `the answers lean ${p.strength} to it (${p.score}), most of all our answers on ${p.topics}.`,
  "because.eitherLean": (p: { score: string }) =>
    `both options would work and the answers lean slightly to it (${p.score}).`,
  "because.eitherEven": (p: { score: string }) =>
    `the answers are evenly balanced (${p.score}), so the choice rests on grounds outside this walkthrough.`,
  "because.undecided": (p: { answered: number; total: number; min: number }) =>
    `we answered only ${p.answered} of ${p.total} questions, and a decision needs an answer in each of the three stages and at least ${p.min} in all.`,
  "because.noAnswers": "no questions have been answered yet.",
  "because.constraint": (p: { because: string }) => p.because,
  "strength.strong": "strongly",
  "strength.clear": "clearly",
  "score.inline": (p: { ecs: number; eks: number }) =>
    `score: Amazon ECS ${p.ecs}, Amazon EKS ${p.eks}`,
  "and.two": (p: { a: string; b: string }) => `${p.a} and ${p.b}`,
  "outcome.soFar": (p: { platform: string; score: string }) =>
    `So far the answers lean to ${p.platform} (${p.score}).`,
  "outcome.without": (p: { platform: string; score: string }) =>
    `Without that constraint the answers would lean to ${p.platform} (${p.score}).`,
  "outcome.against": (p: { platform: string; other: string; score: string }) =>
    `The other answers lean to ${p.other} (${p.score}), so we will run ${p.platform} in the ways that leave the most of its operation to AWS.`,
  "outcome.fact": (p: { title: string; url: string; date: string }) =>
    `The capability matrix backs this with ${p.title} (${p.url}), checked on ${p.date}.`,
  "outcome.capacity": (p: { name: string; why: string }) =>
    `We will run it on ${p.name}, because ${p.why}`,
  "outcome.fee": (p: { fee: string }) => p.fee,
  good: (p: { text: string }) => `Good, because ${p.text}`,
  neutral: (p: { text: string }) => `Neutral, because ${p.text}`,
  bad: (p: { text: string }) => `Bad, because ${p.text}`,
  "consequence.none": "There are no consequences to weigh until an option is chosen.",
  "consequence.said": "The reasons below already give the consequences of this choice.",
  "consequence.neither": (p: { instead: string }) =>
    `The consequences depend on ${p.instead}, which this comparison does not cover.`,
  "outcome.required": (p: { platform: string }) =>
    `Chosen option: "${p.platform}", because it is the only option that can run what we must run.`,
  "outcome.neither": (p: { instead: string }) =>
    `Chosen option: "${p.instead}", because neither Amazon ECS nor Amazon EKS fits as asked.`,
  "prosCons.none": (p: { option: string }) => `None of our answers favours ${p.option}.`,
  "pro.minor": (p: { topics: string }) => `our answers on ${p.topics} lean this way too.`,
  "stage.what-system": "The system",
  "stage.how-to-build": "Building it",
  "stage.how-to-run": "Running it",
  "more.needs": (p: { platform: string }) =>
    `This is what we will need with ${p.platform}, by stage.`,
  "need.item": (p: { name: string; why: string }) => `We need ${p.name}, because ${p.why}`,
  "more.flips": "These changes, each on its own, would change the decision.",
  "more.links": "These links lead to the discussion.",
  "more.versions": (p: { matrix: string; walkthrough: string }) =>
    `The decision used capability matrix version ${p.matrix} and walkthrough version ${p.walkthrough}.`,
  "list.separator": ", ",
  supersedes: (p: { from: number; to: number }) =>
    `This is v${p.to} of the decision: it supersedes v${p.from}, made earlier in the same thread.`,
};

const ja: typeof en = {
  "h.context": "背景と課題",
  "h.drivers": "決定要因",
  "h.options": "検討した選択肢",
  "h.outcome": "決定の結果",
  "h.consequences": "影響",
  "h.prosCons": "各選択肢の長所と短所",
  "h.more": "補足情報",
  "context.new":
    "コンテナを Amazon ECS と Amazon EKS、つまり Kubernetes のどちらで動かすかを決める必要があります。",
  "context.stay": (p) =>
    `現在はコンテナを ${p.current} で動かしており、このまま使い続けるか、${p.other} へ移行するかを決める必要があります。`,
  "context.essay":
    "ECS は Secret、Job、CronJob、ConfigMap の役割を他の AWS サービスに任せます。Kubernetes は一貫した API の上に自分たちのプラットフォームを作れる代わりに、クラスターをコードで再現し続ける必要があります。選択は、何を作るか、どう作るか、どう運用するかで決まります。",
  "context.answered": (p) =>
    `ウォークスルーの ${p.total} 問のうち ${p.answered} 問に回答しました。未回答の質問（${p.topics}）は中立として扱います。`,
  "context.all": (p) => `ウォークスルーの ${p.total} 問すべてに回答しました。`,
  "drivers.none": "回答した質問はありません。",
  "driver.item": (p) => `${p.topic}については「${p.answer}」と回答しました。`,
  "drivers.stage": (p) => `${p.stage}については、${p.answers}と回答しました。`,
  "drivers.pair": (p) => `${p.topic}は「${p.answer}」`,
  "option.stay": (p) => `${p.platform} を使い続ける`,
  "option.ecs": (p) => `${p.name}: AWS そのものをプラットフォームにする選択肢です。`,
  "option.eks": (p) => `${p.name}: Kubernetes の上に自分たちのプラットフォームを作る選択肢です。`,
  "option.instead": (p) => `${p.name}: 必須の条件から見て、より適した選択肢です。`,
  "option.migrate": (p) => `${p.platform} へ移行する`,
  "outcome.chosen": (p) => `採用する選択肢は「${p.option}」です。${p.because}`,
  "outcome.none": (p) => `採用する選択肢はまだありません。${p.because}`,
  "because.platform": (p) =>
    `回答が${p.strength}この選択肢に傾いており（${p.score}）、特に${p.topics}についての回答が効いています。`,
  "because.eitherLean": (p) =>
    `どちらの選択肢も成り立ち、回答がわずかにこちらに傾いているためです（${p.score}）。`,
  "because.eitherEven": (p) =>
    `回答が完全に拮抗しているためです（${p.score}）。このウォークスルー以外の観点で判断します。`,
  "because.undecided": (p) =>
    `回答したのは ${p.total} 問中 ${p.answered} 問だけで、決定には 3 つの段階それぞれで 1 問以上、合計 ${p.min} 問以上の回答が必要なためです。`,
  "because.noAnswers": "まだどの質問にも回答していないためです。",
  "because.constraint": (p) => p.because,
  "strength.strong": "明確に",
  "strength.clear": "おおむね",
  "score.inline": (p) => `スコア: Amazon ECS ${p.ecs}、Amazon EKS ${p.eks}`,
  "and.two": (p) => `${p.a}、${p.b}`,
  "outcome.soFar": (p) => `ここまでの回答は ${p.platform} に傾いています（${p.score}）。`,
  "outcome.without": (p) => `その条件がなければ、回答は ${p.platform} に傾きます（${p.score}）。`,
  "outcome.against": (p) =>
    `他の回答は ${p.other} に傾いているため（${p.score}）、${p.platform} はできるだけ運用を AWS に任せられる形で動かします。`,
  "outcome.fact": (p) =>
    `機能比較表では、${p.title}（${p.url}）がこれを裏付けています（${p.date} 確認）。`,
  "outcome.capacity": (p) => `${p.name}で動かします。${p.why}`,
  "outcome.fee": (p) => p.fee,
  good: (p) => `良い点: ${p.text}`,
  neutral: (p) => `中立: ${p.text}`,
  bad: (p) => `悪い点: ${p.text}`,
  "consequence.none": "選択肢が決まるまで、検討すべき影響はありません。",
  "consequence.said": "この選択の影響は、以下の理由ですでに述べています。",
  "consequence.neither": (p) => `影響は${p.instead}次第で、この比較の対象外です。`,
  "outcome.required": (p) =>
    `採用する選択肢は「${p.platform}」です。動かす必要のあるものを動かせるのは、この選択肢だけだからです。`,
  "outcome.neither": (p) =>
    `採用する選択肢は「${p.instead}」です。いまの条件では Amazon ECS も Amazon EKS も適さないためです。`,
  "prosCons.none": (p) => `「${p.option}」を支持する回答はありません。`,
  "pro.minor": (p) => `${p.topics}についての回答も、この選択肢に傾いています。`,
  "stage.what-system": "システム",
  "stage.how-to-build": "作り方",
  "stage.how-to-run": "運用",
  "more.needs": (p) => `${p.platform} で必要になるものを段階ごとに示します。`,
  "need.item": (p) => `${p.name}が必要です。${p.why}`,
  "more.flips": "次のいずれか一つが変われば、決定も変わります。",
  "more.links": "議論の経緯は次のリンクにあります。",
  "more.versions": (p) =>
    `この決定には機能比較表のバージョン ${p.matrix} と、ウォークスルーのバージョン ${p.walkthrough} を使いました。`,
  "list.separator": "、",
  supersedes: (p) =>
    `この記録は決定の v${p.to} です。同じスレッドで先に決めた v${p.from} を置き換えます。`,
};

export const t = defineCatalog({ en, ja });
