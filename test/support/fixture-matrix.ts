import { type Matrix, parseMatrix } from "../../src/core/matrix/load.js";
import type { Category, Support } from "../../src/core/matrix/schema.js";

type Side = [support: Support, uses: string[]];

/** A compact description of one capability; expanded into a full matrix entry below. */
const ENTRIES: [id: string, category: Category, title: string, ja: string, k8s: Side, ecs: Side][] =
  [
    [
      "secrets",
      "config-and-secrets",
      "Secrets",
      "シークレット",
      ["native", ["Secret", "External Secrets Operator"]],
      ["delegated", ["Secrets Manager", "Parameter Store"]],
    ],
    [
      "scheduled-jobs",
      "workloads",
      "Scheduled jobs",
      "定期実行ジョブ",
      ["native", ["CronJob"]],
      ["delegated", ["EventBridge Scheduler"]],
    ],
    [
      "run-to-completion-jobs",
      "workloads",
      "Run-to-completion jobs",
      "完了まで実行するジョブ",
      ["native", ["Job"]],
      ["delegated", ["Step Functions", "RunTask"]],
    ],
    [
      "config-management",
      "config-and-secrets",
      "Configuration",
      "設定管理",
      ["native", ["ConfigMap"]],
      ["delegated", ["Parameter Store", "AppConfig"]],
    ],
    [
      "service-discovery",
      "networking",
      "Service discovery",
      "サービスディスカバリー",
      ["native", ["Service", "CoreDNS"]],
      ["native", ["Service Connect", "Cloud Map"]],
    ],
    [
      "load-balancing",
      "networking",
      "Load balancing",
      "ロードバランシング",
      ["delegated", ["AWS Load Balancer Controller", "Ingress"]],
      ["native", ["Application Load Balancer"]],
    ],
    [
      "autoscaling-tasks",
      "scaling-and-compute",
      "Autoscaling workloads",
      "ワークロードのオートスケーリング",
      ["native", ["HorizontalPodAutoscaler"]],
      ["native", ["Application Auto Scaling"]],
    ],
    [
      "autoscaling-nodes",
      "scaling-and-compute",
      "Autoscaling nodes",
      "ノードのオートスケーリング",
      ["delegated", ["Karpenter"]],
      ["native", ["Capacity providers"]],
    ],
    [
      "serverless-compute",
      "scaling-and-compute",
      "Serverless compute",
      "サーバーレスコンピュート",
      ["partial", ["Fargate profiles"]],
      ["native", ["AWS Fargate"]],
    ],
    [
      "deployment-strategies",
      "delivery",
      "Deployment strategies",
      "デプロイ戦略",
      ["native", ["Deployment", "Argo Rollouts"]],
      ["native", ["ECS deployment controller", "CodeDeploy"]],
    ],
    [
      "rollback",
      "delivery",
      "Rollback",
      "ロールバック",
      ["native", ["Deployment"]],
      ["native", ["Deployment circuit breaker"]],
    ],
    [
      "custom-resources-operators",
      "extensibility",
      "Custom resources and operators",
      "カスタムリソースとオペレーター",
      ["native", ["CustomResourceDefinition", "controllers"]],
      ["none", ["CloudFormation custom resources"]],
    ],
    [
      "gitops",
      "delivery",
      "GitOps",
      "GitOps",
      ["delegated", ["Argo CD", "Flux"]],
      ["partial", ["CodePipeline"]],
    ],
    [
      "service-mesh",
      "networking",
      "Service mesh",
      "サービスメッシュ",
      ["delegated", ["Istio"]],
      ["partial", ["Service Connect"]],
    ],
    [
      "observability-logging",
      "observability",
      "Logging",
      "ログ",
      ["delegated", ["Fluent Bit"]],
      ["native", ["CloudWatch Logs", "FireLens"]],
    ],
    [
      "observability-metrics-tracing",
      "observability",
      "Metrics and tracing",
      "メトリクスとトレース",
      ["delegated", ["Prometheus", "OpenTelemetry Collector"]],
      ["delegated", ["CloudWatch Container Insights", "AWS X-Ray"]],
    ],
    [
      "iam-per-workload",
      "security",
      "IAM per workload",
      "ワークロード単位の IAM",
      ["delegated", ["EKS Pod Identity"]],
      ["native", ["Task IAM roles"]],
    ],
    [
      "network-policy",
      "security",
      "Network policy",
      "ネットワークポリシー",
      ["native", ["NetworkPolicy"]],
      ["partial", ["Security groups"]],
    ],
    [
      "storage-volumes",
      "workloads",
      "Storage volumes",
      "ストレージボリューム",
      ["native", ["PersistentVolume", "EBS CSI driver"]],
      ["partial", ["Amazon EFS", "Amazon EBS"]],
    ],
    [
      "gpu-ml",
      "scaling-and-compute",
      "GPU and ML",
      "GPU と機械学習",
      ["delegated", ["NVIDIA device plugin", "Kubeflow"]],
      ["partial", ["GPU instances"]],
    ],
    [
      "windows-containers",
      "workloads",
      "Windows containers",
      "Windows コンテナ",
      ["partial", ["Windows nodes"]],
      ["native", ["Windows on Fargate"]],
    ],
    [
      "batch-processing",
      "workloads",
      "Batch processing",
      "バッチ処理",
      ["native", ["Job", "Kueue"]],
      ["delegated", ["AWS Batch"]],
    ],
    [
      "multi-tenancy",
      "security",
      "Multi-tenancy",
      "マルチテナンシー",
      ["native", ["Namespace", "ResourceQuota"]],
      ["partial", ["AWS accounts"]],
    ],
    [
      "hybrid-on-prem",
      "operations-and-cost",
      "Hybrid and on-premises",
      "ハイブリッド・オンプレミス",
      ["native", ["EKS Hybrid Nodes"]],
      ["partial", ["ECS Anywhere"]],
    ],
    [
      "portability-multicloud",
      "operations-and-cost",
      "Portability",
      "可搬性",
      ["native", ["Kubernetes API"]],
      ["none", ["AWS only"]],
    ],
    [
      "control-plane-cost",
      "operations-and-cost",
      "Control plane cost",
      "コントロールプレーンの費用",
      ["partial", ["EKS cluster fee"]],
      ["native", ["No control plane fee"]],
    ],
    [
      "upgrade-burden",
      "operations-and-cost",
      "Upgrade burden",
      "アップグレードの負担",
      ["partial", ["EKS version upgrades", "add-on upgrades"]],
      ["native", ["No cluster version"]],
    ],
    [
      "local-dev-experience",
      "developer-experience",
      "Local development",
      "ローカル開発",
      ["native", ["kind"]],
      ["partial", ["Docker Compose"]],
    ],
    [
      "ecosystem-tooling",
      "developer-experience",
      "Ecosystem and tooling",
      "エコシステムとツール",
      ["native", ["Helm", "kubectl"]],
      ["partial", ["AWS Copilot"]],
    ],
    [
      "interactive-exec",
      "developer-experience",
      "Interactive exec",
      "対話的な実行",
      ["native", ["kubectl exec"]],
      ["native", ["ECS Exec"]],
    ],
    [
      "spot-capacity",
      "scaling-and-compute",
      "Spot capacity",
      "スポットキャパシティ",
      ["delegated", ["Karpenter"]],
      ["native", ["Fargate Spot"]],
    ],
    [
      "ipv6",
      "networking",
      "IPv6",
      "IPv6",
      ["native", ["IPv6 clusters"]],
      ["native", ["Dual-stack VPC"]],
    ],
    [
      "simple-web-paas",
      "developer-experience",
      "Simple web hosting",
      "シンプルな Web ホスティング",
      ["partial", ["Deployment", "Ingress"]],
      ["native", ["ECS Express Mode"]],
    ],
    [
      "infrastructure-as-code",
      "delivery",
      "Infrastructure as code",
      "インフラのコード化",
      ["partial", ["Terraform", "Helm"]],
      ["native", ["AWS CDK", "CloudFormation"]],
    ],
  ];

export const FIXTURE_CAPABILITY_IDS = ENTRIES.map(([id]) => id);

function side([support, uses]: Side, what: string) {
  return {
    support,
    uses,
    summary: { en: `${what}: ${uses.join(", ")}.`, ja: `${what}: ${uses.join("、")}。` },
  };
}

/** The raw YAML-shaped matrix, for tests that want to break it. */
export function fixtureMatrixRaw(ids: readonly string[] = FIXTURE_CAPABILITY_IDS) {
  return {
    version: "fixture-1",
    capabilities: ENTRIES.filter(([id]) => ids.includes(id)).map(
      ([id, category, title, ja, k8s, ecs]) => ({
        id,
        category,
        title: { en: title, ja },
        aliases: { en: [title.toLowerCase()], ja: [ja] },
        kubernetes: side(k8s, "Kubernetes"),
        ecs: side(ecs, "ECS"),
        implication: { en: `What ${title} means for the choice.`, ja: `${ja}が選択に与える意味。` },
        sources: [{ url: `https://example.com/${id}`, title: `${title} docs`, kind: "primary" }],
        verified: "2026-11-01",
      }),
    ),
  };
}

/** A small matrix with every capability id the walkthrough may reference. */
export function fixtureMatrix(ids?: readonly string[]): Matrix {
  return parseMatrix(fixtureMatrixRaw(ids), "fixture-capabilities.yml");
}
