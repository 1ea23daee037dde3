import { type Matrix, parseMatrix } from "../../../src/core/matrix/index.js";

/** A small matrix for unit tests, independent of data/capabilities.yml. */

interface Entry {
  id: string;
  category: string;
  title: [string, string];
  en: string[];
  ja: string[];
  k8s: [string, string[]];
  ecs: [string, string[]];
  verified?: string;
}

const entries: Entry[] = [
  {
    id: "secrets",
    category: "config-and-secrets",
    title: ["Secrets", "シークレット管理"],
    en: ["secret", "password", "api key", "credentials", "sensitive config"],
    ja: ["シークレット", "パスワード", "機密情報", "認証情報"],
    k8s: ["native", ["Secret", "External Secrets Operator", "Secrets Store CSI Driver"]],
    ecs: ["delegated", ["Secrets Manager", "SSM Parameter Store"]],
  },
  {
    id: "config-management",
    category: "config-and-secrets",
    title: ["Application configuration", "アプリケーション設定"],
    en: ["config", "configuration", "environment variables", "env vars", "settings"],
    ja: ["設定", "環境変数", "設定ファイル", "設定情報"],
    k8s: ["native", ["ConfigMap"]],
    ecs: ["delegated", ["task definition environment", "SSM Parameter Store", "AppConfig"]],
  },
  {
    id: "scheduled-jobs",
    category: "workloads",
    title: ["Scheduled jobs", "定期実行ジョブ"],
    en: ["cron", "cron job", "scheduled task", "schedule", "nightly batch", "periodic job"],
    ja: ["定期実行", "cron", "スケジュール実行", "定期ジョブ", "夜間バッチ"],
    k8s: ["native", ["CronJob"]],
    ecs: ["delegated", ["EventBridge Scheduler", "scheduled tasks"]],
  },
  {
    id: "run-to-completion-jobs",
    category: "workloads",
    title: ["Run-to-completion jobs", "完了まで実行するジョブ"],
    en: ["job", "one-off task", "retries", "completions", "run once"],
    ja: ["ジョブ", "単発実行", "リトライ", "成功保証"],
    k8s: ["native", ["Job"]],
    ecs: ["partial", ["RunTask", "Step Functions"]],
  },
  {
    id: "autoscaling-tasks",
    category: "scaling-and-compute",
    title: ["Autoscaling workloads", "ワークロードのオートスケーリング"],
    en: ["autoscaling", "scale out", "horizontal scaling", "scale on cpu", "hpa"],
    ja: ["オートスケーリング", "自動スケール", "スケールアウト", "水平スケーリング"],
    k8s: ["native", ["HorizontalPodAutoscaler", "KEDA"]],
    ecs: ["native", ["Service Auto Scaling", "Application Auto Scaling"]],
  },
  {
    id: "network-policy",
    category: "networking",
    title: ["Network policies", "ネットワークポリシー"],
    en: ["network policy", "pod to pod traffic", "firewall between services", "restrict traffic"],
    ja: ["ネットワークポリシー", "通信制限", "通信制御"],
    k8s: ["native", ["NetworkPolicy", "Calico", "Cilium"]],
    ecs: ["delegated", ["security groups", "awsvpc"]],
  },
  {
    id: "service-mesh",
    category: "networking",
    title: ["Service mesh", "サービスメッシュ"],
    en: ["service mesh", "istio", "mtls", "sidecar proxy", "linkerd"],
    ja: ["サービスメッシュ", "相互TLS"],
    k8s: ["delegated", ["Istio", "Linkerd"]],
    ecs: ["delegated", ["ECS Service Connect"]],
  },
  {
    id: "control-plane-cost",
    category: "operations-and-cost",
    title: ["Control plane cost", "コントロールプレーンの料金"],
    en: ["control plane cost", "pricing", "cluster fee", "how much"],
    ja: ["料金", "費用", "コスト", "コントロールプレーン"],
    k8s: ["partial", ["EKS cluster fee"]],
    ecs: ["native", ["no control plane charge"]],
    verified: "2026-01-02",
  },
];

export function fixtureMatrix(): Matrix {
  return parseMatrix(
    {
      version: "test-1",
      capabilities: entries.map((e) => ({
        id: e.id,
        category: e.category,
        title: { en: e.title[0], ja: e.title[1] },
        aliases: { en: e.en, ja: e.ja },
        kubernetes: {
          support: e.k8s[0],
          uses: e.k8s[1],
          summary: { en: `Kubernetes side of ${e.id}.`, ja: `${e.id} の Kubernetes 側。` },
        },
        ecs: {
          support: e.ecs[0],
          uses: e.ecs[1],
          summary: { en: `ECS side of ${e.id}.`, ja: `${e.id} の ECS 側。` },
        },
        implication: { en: `What ${e.id} means for the choice.`, ja: `${e.id} の選択への影響。` },
        sources: [
          { url: `https://example.com/${e.id}`, title: `Docs for ${e.id}`, kind: "primary" },
        ],
        verified: e.verified ?? "2026-10-01",
      })),
    },
    "fixture",
  );
}
