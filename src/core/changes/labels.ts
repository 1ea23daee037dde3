import { defineCatalog } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { ChangeKind } from "./schema.js";

const KIND_LABELS: Record<ChangeKind, { en: string; ja: string }> = {
  launch: { en: "Launch", ja: "提供開始" },
  deprecation: { en: "Deprecation", ja: "非推奨化" },
  "end-of-support": { en: "End of support", ja: "サポート終了" },
  pricing: { en: "Pricing", ja: "料金" },
  limit: { en: "Limit", ja: "上限" },
};

export function changeKindLabel(kind: ChangeKind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}

const en = {
  upcoming: "upcoming",
  thirdParty: "third-party",
};

const ja: typeof en = {
  upcoming: "予定",
  thirdParty: "第三者の情報源",
};

/** Words shown next to a change, in every language the bot speaks. */
export const t = defineCatalog({ en, ja });
