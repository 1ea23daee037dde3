import { cueText } from "./cue.js";
import { normalize } from "./text.js";

/** A pattern as the text it is tested on is normalised (long-vowel marks dropped: チーム = チム). */
const normalized = (re: RegExp) => new RegExp(normalize(re.source), re.flags);

/**
 * Where a question goes: a capability card, the platform choice (the walkthrough, with what the
 * question already says filled in), or nothing.
 *
 * The rule, in order:
 * 1. A question that does not ask for the choice of platform is a capability question (or none).
 * 2. A choice question with nothing for a capability to answer ("should we use ECS or EKS?",
 *    "ecs or eks for a 4 person team with zero kubernetes experience?") is the platform choice.
 * 3. A choice question about one thing ("ECS vs EKS for cron jobs?", 「バッチ基盤としてはどっちがいい？」)
 *    is that thing's card, unless it also tells about the team or the system ("We mostly run nightly
 *    batch jobs. Would ECS or EKS suit us?", 「夜間バッチが中心なのですが、どちらが合っていますか？」) or
 *    asks which platform to adopt while giving away walkthrough answers ("event-driven system with
 *    SQS, should we go with ECS or EKS?"): then it is the platform choice, the thing a reason in it.
 */
export type Route = "capability" | "decide" | "none";

export interface ChoiceSignals {
  /** The question asks which platform to choose (or how the two compare overall). */
  choice: boolean;
  /** It tells about the team or the system: a statement, "we…", "our…", 「うちは…」. */
  situation: boolean;
  /** It asks which platform to adopt ("should we go with ECS or EKS", "should we move to EKS"). */
  adoption: boolean;
}

/** ECS's side: ECS itself, or Fargate as people say it ("Fargate or EKS?"). */
const ECS = /(?<![a-z0-9])(?:ecs|elastic container service|fargate)(?![a-z0-9])/;
const K8S = /(?<![a-z0-9])(?:eks|kubernetes|k8s|kube)(?![a-z0-9])|クバネティス|クバネテス/;
const PLATFORM = /(?<![a-z0-9])(?:ecs|eks|kubernetes|k8s|fargate)(?![a-z0-9])/;
/** A platform named without naming either ("which container platform", 「コンテナ基盤」). */
const ANY_PLATFORM = normalized(
  /(?<![a-z])(?:container (?:platform|service|orchestrat[a-z]*)s?|orchestrators?)(?![a-z])|コンテナ(?:基盤|環境|プラットフォーム|サービス)|オーケストレーター/,
);

/** Words that, with both platforms named, ask for a choice or an overall comparison. */
const CHOICE_EN =
  /(?<![a-z])(?:which|whichever|should|better|best|pick|choose|choosing|choice|go with|going with|recommend[a-z]*|prefer[a-z]*|worth|overkill|makes? (?:more |any |much )?sense|fit|suit[a-z]*|vs|versus|or|over|than|instead|switch[a-z]*|move|moving|migrat[a-z]*|compar[a-z]*|difference|differ[a-z]*|decid[a-z]*|good enough|bad idea|realistic|standardi[sz]e|land on|adopt[a-z]*|go for|opt for|between|consider[a-z]*|thinking of|either|pros|cons|advantages?|disadvantages?|trade ?offs?)(?![a-z])/;
const CHOICE_JA = normalized(
  /どっち|どちら|選ぶ|選べ|選択|選ん|選び|べき|おすすめ|お勧め|オススメ|向いて|向き|合って|合う|いい|良い|よい|迷|決められ|決め|違い|違う|比較|比べ|乗り換え|移行|採用|選定|悩|メリット|デメリット|長所|短所|大げさ|大袈裟|オーバースペック|過剰|にするか|(?:ecs|eks|kubernetes|k8s)か(?!ら)/,
);

/** "should we use / move to / go with EKS" (the platform itself, not "ECS capacity providers"). */
const ADOPT_PLATFORM =
  /(?<![a-z])(?:use|using|go with|going with|pick|picking|choose|choosing|adopt(?:ing)?|move to|moving to|switch(?:ing)? to|migrat(?:e|ing) to|stay on|stick with|land on|standardi[sz]e on|bet on|start with|go for|opt for|consider(?:ing)?|be on|need|recommend|thinking (?:of|about)|wants?|pushing for|rules? out|ruled out|ruling out) (?:amazon |aws )?(?:ecs|eks|kubernetes|k8s)(?=\s*(?:$|[?.!,;:)]|(?:or|for|instead|over|rather|and|but|so|just|now|today|at all|here|even|then|if|too|as|in|on|when|given|since|because|with|at|from|to|yet|already|anyway|later|eventually|someday|vs|versus)(?![a-z])))/;
/**
 * "Can I use EKS with my personal account?", "…if we use ECS?": a question about what is possible
 * on a platform, or a condition, not a proposal to adopt it.
 */
const POSSIBILITY =
  /(?<![a-z])(?:can|could|if|when|once|whether|while) (?:i|we|you|one|they) (?:still |also |even |really |actually )?(?:use|using|run|be on)(?: amazon| aws)? (?:ecs|eks|kubernetes|k8s)(?![a-z])/;
/** Asking (not telling): a modal, a question mark, "worth", "time to", "thinking of"… */
const ASKING =
  /(?<![a-z])(?:should|shall|would|could|worth|time to|make sense|makes sense|thinking|considering|recommend[a-z]*|better|why not|is it|do we|does it|can we)(?![a-z])|\?/;
/** A platform judged as a whole: "is EKS overkill", "does ECS even make sense for us". */
const JUDGED =
  /(?<![a-z])(?:overkill|worth|good idea|bad idea|good enough|too expensive|too costly|makes? (?:more |any |much )?sense|right (?:choice|fit|call|tool|for us|for our)|realistic|(?:obvious|good|bad|better|wise|smart|safe|safer) (?:choice|bet|option|call)|too complex|too much|too heavy|a good fit|a better fit|suitable|the way to go|enough for us|right for|a mistake)(?![a-z])/;
const JUDGED_JA = normalized(
  /(?:ecs|eks|kubernetes|k8s)(?:に|へ|を|は|で|が|の方が|のほうが)?[^。？！?!]{0,12}?(?:べき|おすすめ|お勧め|向いて|合って|大げさ|大袈裟|オーバースペック|過剰|やりすぎ|乗り換え|移行す|移行し|移行を|選ぶ|選ん|選び|採用|にするか|ありです|アリ|理由|十分|足り|厳しい|無理|荷が重|高すぎ|選択肢|以外|必要(?:[？?か]|です|でしょう|かな)|(?:いい|良い|よい)(?:[？?か]|の|です|でしょう))/,
);
/** "Is EKS the better base?", "ECS?" after telling the situation: a platform put to the question. */
const PLATFORM_ASKED =
  /(?<![a-z])is (?:amazon )?(?:ecs|eks|kubernetes|k8s|fargate) (?:the |a |really )?(?:better|best|right|wrong|good|safer)(?![a-z])|(?:^|[.!?;,]\s*|[。！？、]\s*|なら|では)(?:so |just |then |maybe )?(?:amazon )?(?:ecs|eks|kubernetes|k8s)(?: then| instead| maybe| anyway|,? right|,? yes| or not)?\s*[?？]/;
/**
 * "How do I migrate from ECS to EKS?", 「ECSからEKSへの移行手順」: how to carry out a move already
 * chosen. Words of moving alone do not make such a question a choice.
 */
const HOW_TO = normalized(
  /(?<![a-z])(?:how (?:do|can|would|should) (?:i|we|you)|how to|steps to|guide to)(?![a-z])|手順|やり方|方法/,
);
const MOVING = normalized(
  /(?<![a-z])(?:move|moving|migrat[a-z]*|switch[a-z]*)(?![a-z])|移行|乗り換え/g,
);
/** "which one?", "どっちがいい？": asking for a choice without naming anything else. */
const BARE_CHOICE = /(?<![a-z])(?:which|should (?:we|i))(?![a-z])|どっち|どちら|どれ/;
/** "Which should we pick?": in this bot, the one choice there is to make. */
const WHICH_TO_PICK =
  /(?<![a-z])which (?:one |platform |option )?(?:should|would|do|shall|to) (?:we |i |you )?(?:pick|choose|use|go with|take|recommend|adopt)(?![a-z])|(?:どちら|どっち)を(?:選|使|採用)/;

/** Words before "we" that make it part of a question ("should we"), not a statement ("we run"). */
const ASKING_BEFORE_WE = new Set(
  `should shall do does did can could would will must may might how what where when why which if
  whether are have has than as so`.split(/\s+/),
);
const WE = /(?<![a-z'])(?:we|we're|we've|we'd|we'll|weve)(?![a-z'])/g;
const OUR = /(?<![a-z'])(?:our|my)(?![a-z'])/g;
/** Words before "our" that make it the object of the question ("for our team"), not its subject. */
const OBJECT_BEFORE_OUR = new Set(
  "for to with on in of at from about into onto by than like as".split(" "),
);
const SITUATION_EN =
  /(?<![a-z])(?:i'm|i am|i've|i have|im|none of us|nobody (?:on|in|here|knows)|no one (?:on|in|here|knows)|team of|startup|small shop|\d+\s*(?:person|people|engineers?|devs?|developers?))(?![a-z])/;
const SITUATION_JA = normalized(
  /(?:うち|弊社|当社|我々|私たち|僕たち|自分たち|わたしたち|自社)(?:の|は|で|では|には|も|が)|チーム(?:は|で|には|の)|(?:です|ます|ました|ている|ています|てきた|てきました|予定|方針|中心|なの|ので|んです)(?:が|けど|けれど|ので)?[、,]/,
);
/** The sentences of a text, each with its end mark. */
function sentences(text: string): string[] {
  return text.match(/[^.!?。！？]+[.!?。！？]*/g) ?? [];
}

/** A sentence that ends, with more text after it: the question first tells, then asks. */
const STATEMENT_THEN_MORE = /[.!;](?=\s+\S)|[。！](?=\S)/;

function wordBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 20), index).trimEnd();
  const m = /([a-z']+)$/.exec(before);
  return m?.[1] ?? "";
}

function tellsSituation(text: string): boolean {
  if (STATEMENT_THEN_MORE.test(text) || SITUATION_EN.test(text) || SITUATION_JA.test(text)) {
    return true;
  }
  for (const m of text.matchAll(WE)) {
    if (!ASKING_BEFORE_WE.has(wordBefore(text, m.index))) return true;
  }
  for (const m of text.matchAll(OUR)) {
    if (!OBJECT_BEFORE_OUR.has(wordBefore(text, m.index))) return true;
  }
  return false;
}

/**
 * How a question stands to the platform choice. `meaningfulWords`: how many words it has besides
 * stop words (from the matcher), for "which one?" without anything else.
 */
export function choiceSignals(question: string, meaningfulWords: number): ChoiceSignals {
  const text = cueText(question);
  const ecs = ECS.test(text);
  const k8s = K8S.test(text);
  const howTo = HOW_TO.test(text);
  const choosing = howTo ? text.replace(MOVING, " ") : text;
  const asksChoice = CHOICE_EN.test(choosing) || CHOICE_JA.test(choosing);
  // "should we move to EKS?" adopts a platform; "we use ECS. how do I…" only says which one is used.
  const adoption =
    !howTo &&
    sentences(text).some((s) => ADOPT_PLATFORM.test(s) && ASKING.test(s) && !POSSIBILITY.test(s));
  const choice =
    (ecs && k8s && asksChoice) ||
    adoption ||
    (PLATFORM.test(text) && (JUDGED.test(text) || JUDGED_JA.test(text))) ||
    PLATFORM_ASKED.test(text) ||
    (ANY_PLATFORM.test(text) && asksChoice) ||
    (meaningfulWords === 0 && BARE_CHOICE.test(text)) ||
    WHICH_TO_PICK.test(text);
  return { choice, situation: choice && tellsSituation(text), adoption };
}

/**
 * The route of a question: `topic` is whether the matcher found something a capability answers (an
 * answer, or two to choose from); `givesAway` whether the question gives walkthrough answers away.
 */
export function routeOf(signals: ChoiceSignals, topic: boolean, givesAway: boolean): Route {
  if (!signals.choice) return topic ? "capability" : "none";
  if (!topic || signals.situation || (signals.adoption && givesAway)) return "decide";
  return "capability";
}
