import type { Lang, Localized } from "../i18n/lang.js";
import type { Category, Support } from "./schema.js";

const SUPPORT_LABELS: Record<Support, Localized> = {
  native: { en: "Built in", ja: "標準機能" },
  delegated: { en: "Via other services", ja: "他サービスに委譲" },
  partial: { en: "Partly", ja: "一部対応" },
  none: { en: "Not available", ja: "なし" },
};

/** One-character marks for tables: full, delegated, partial, none. */
const SUPPORT_MARKS: Record<Support, string> = {
  native: "●",
  delegated: "◆",
  partial: "◐",
  none: "○",
};

const CATEGORY_LABELS: Record<Category, Localized> = {
  "config-and-secrets": { en: "Configuration and secrets", ja: "設定とシークレット" },
  workloads: { en: "Workloads", ja: "ワークロード" },
  networking: { en: "Networking", ja: "ネットワーク" },
  "scaling-and-compute": { en: "Scaling and compute", ja: "スケーリングとコンピュート" },
  delivery: { en: "Delivery", ja: "デリバリー" },
  extensibility: { en: "Extensibility", ja: "拡張性" },
  observability: { en: "Observability", ja: "可観測性" },
  security: { en: "Security", ja: "セキュリティ" },
  "operations-and-cost": { en: "Operations and cost", ja: "運用とコスト" },
  "developer-experience": { en: "Developer experience", ja: "開発者体験" },
};

export const PLATFORM_LABELS = {
  kubernetes: { en: "Kubernetes / EKS", ja: "Kubernetes / EKS" },
  ecs: { en: "Amazon ECS", ja: "Amazon ECS" },
} as const satisfies Record<string, Localized>;

export function supportLabel(support: Support, lang: Lang): string {
  return SUPPORT_LABELS[support][lang];
}

export function supportMark(support: Support): string {
  return SUPPORT_MARKS[support];
}

export function categoryLabel(category: Category, lang: Lang): string {
  return CATEGORY_LABELS[category][lang];
}

/** A legend for the marks, e.g. "● Built in  ◆ Via other services  ◐ Partly  ○ Not available". */
export function supportLegend(lang: Lang): string {
  return (Object.keys(SUPPORT_MARKS) as Support[])
    .map((s) => `${SUPPORT_MARKS[s]} ${SUPPORT_LABELS[s][lang]}`)
    .join("  ");
}
