import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  ExternalSecret as ExternalSecretV1beta1,
  SecretStore as SecretStoreV1beta1,
} from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Service, ServiceAccount } from "kubernetes-models/v1";
import ts from "typescript";
import { parse as parseYaml } from "yaml";
import type { K8sObject } from "./kustomize.js";

/**
 * Checking rendered objects against the Kubernetes schemas, two ways:
 * 1. the OpenAPI schema of each kind (kubernetes-models' validation: types, required fields,
 *    formats, enums);
 * 2. unknown fields: the schemas allow any extra field, as a client-side `kubectl apply` would, but
 *    the API server's strict field validation (kubectl's default) refuses them, and a typo such as
 *    `readOnlyRootFileSystem` would otherwise pass silently. Each object is type-checked by the
 *    TypeScript compiler as an object literal of the kind's generated interface, where every field
 *    the kind does not have is an error.
 * ExternalSecret and SecretStore are written as external-secrets.io/v1 (ESO 0.17 and later serve only
 * v1); the published models stop at v1beta1, whose schema v1 kept unchanged (ESO converts one to the
 * other field for field), so they are checked against v1beta1 with the apiVersion swapped.
 * SecretProviderClass has no published model: `checkSecretProviderClass` checks its shape by hand.
 */

interface Kind {
  validate: (o: K8sObject) => void;
  /** Module and interface name for the unknown-field check. */
  types: { module: string; name: string };
  /** The apiVersion the model knows, when it differs from the manifest's. */
  checkedAs?: string;
}

type ModelClass = new (data: never) => { validate(): void };

function model(cls: unknown, as?: string): (o: K8sObject) => void {
  return (o) => {
    const data = as ? { ...o, apiVersion: as } : o;
    new (cls as ModelClass)(data as never).validate();
  };
}

const KINDS: Record<string, Kind> = {
  "v1/Namespace": {
    validate: model(Namespace),
    types: { module: "kubernetes-models/v1", name: "INamespace" },
  },
  "v1/ServiceAccount": {
    validate: model(ServiceAccount),
    types: { module: "kubernetes-models/v1", name: "IServiceAccount" },
  },
  "v1/ConfigMap": {
    validate: model(ConfigMap),
    types: { module: "kubernetes-models/v1", name: "IConfigMap" },
  },
  "v1/Service": {
    validate: model(Service),
    types: { module: "kubernetes-models/v1", name: "IService" },
  },
  "apps/v1/Deployment": {
    validate: model(Deployment),
    types: { module: "kubernetes-models/apps/v1", name: "IDeployment" },
  },
  "policy/v1/PodDisruptionBudget": {
    validate: model(PodDisruptionBudget),
    types: { module: "kubernetes-models/policy/v1", name: "IPodDisruptionBudget" },
  },
  "networking.k8s.io/v1/Ingress": {
    validate: model(Ingress),
    types: { module: "kubernetes-models/networking.k8s.io/v1", name: "IIngress" },
  },
  "external-secrets.io/v1/ExternalSecret": {
    validate: model(ExternalSecretV1beta1, "external-secrets.io/v1beta1"),
    types: {
      module: "@kubernetes-models/external-secrets/external-secrets.io/v1beta1",
      name: "IExternalSecret",
    },
    checkedAs: "external-secrets.io/v1beta1",
  },
  "external-secrets.io/v1/SecretStore": {
    validate: model(SecretStoreV1beta1, "external-secrets.io/v1beta1"),
    types: {
      module: "@kubernetes-models/external-secrets/external-secrets.io/v1beta1",
      name: "ISecretStore",
    },
    checkedAs: "external-secrets.io/v1beta1",
  },
  "monitoring.coreos.com/v1/ServiceMonitor": {
    validate: model(ServiceMonitor),
    types: {
      module: "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
      name: "IServiceMonitor",
    },
  },
  "secrets-store.csi.x-k8s.io/v1/SecretProviderClass": {
    validate: (o) => {
      const problems = checkSecretProviderClass(o);
      if (problems.length > 0) throw new Error(problems.join("; "));
    },
    types: { module: "", name: "" },
  },
};

export function kindOf(o: K8sObject): string {
  return `${o.apiVersion}/${o.kind}`;
}

export function isKnownKind(o: K8sObject): boolean {
  return kindOf(o) in KINDS;
}

/** Schema validation; throws with the model's message (e.g. `data/spec/replicas must be integer`). */
export function validateObject(o: K8sObject): void {
  const kind = KINDS[kindOf(o)];
  if (!kind) throw new Error(`no schema for ${kindOf(o)}`);
  kind.validate(o);
}

/* ---------- unknown fields ---------- */

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Fields the kinds do not have, one message per field: `<kind>/<name>: Object literal may only specify
 * known properties, and 'x' does not exist in type …`. All objects are checked in one compilation.
 */
export function unknownFields(objects: K8sObject[]): string[] {
  const typed = objects
    .map((o) => ({ o, kind: KINDS[kindOf(o)] }))
    .filter(({ kind }) => kind?.types.module);
  const lines: string[] = [];
  const owners: string[] = [];
  typed.forEach(({ o, kind }, i) => {
    const { module, name } = kind?.types ?? { module: "", name: "" };
    const value = kind?.checkedAs ? { ...o, apiVersion: kind.checkedAs } : o;
    lines.push(`import type { ${name} as T${i} } from "${module}";`);
    owners.push("");
    const literal = JSON.stringify(value, null, 1).split("\n");
    lines.push(`export const o${i}: T${i} = ${literal[0]}`);
    owners.push(`${o.kind}/${o.metadata.name}`);
    for (const line of literal.slice(1)) {
      lines.push(line);
      owners.push(`${o.kind}/${o.metadata.name}`);
    }
    lines.push(";");
    owners.push("");
  });
  const fileName = path.join(packageRoot, "test", "__unknown_fields__.ts");
  const source = lines.join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName
      ? ts.createSourceFile(name, source, language)
      : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fileName)
    .map((d) => {
      const line = d.file?.getLineAndCharacterOfPosition(d.start ?? 0).line ?? 0;
      const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
      return `${owners[line] || "?"}: ${text}`;
    });
}

/* ---------- SecretProviderClass ---------- */

interface JmesPath {
  path: string;
  objectAlias: string;
}

/** The keys (objectAlias) a SecretProviderClass mounts, from its `objects` YAML. */
export function mountedKeys(spc: K8sObject): string[] {
  const parameters = (spc.spec as { parameters?: { objects?: string } } | undefined)?.parameters;
  const objects = parseYaml(parameters?.objects ?? "[]") as { jmesPath?: JmesPath[] }[];
  return objects.flatMap((o) => (o.jmesPath ?? []).map((j) => j.objectAlias));
}

/**
 * The shape of secrets-store.csi.x-k8s.io/v1 SecretProviderClass for the AWS provider: `provider`,
 * `parameters` of strings with `objects` a YAML list of Secrets Manager or Parameter Store objects,
 * and `secretObjects` whose every key comes from a mounted object.
 */
export function checkSecretProviderClass(o: K8sObject): string[] {
  const problems: string[] = [];
  const spec = o.spec as Record<string, unknown> | undefined;
  const allowed = new Set(["provider", "parameters", "secretObjects"]);
  for (const key of Object.keys(spec ?? {})) {
    if (!allowed.has(key)) problems.push(`spec.${key} is not a field`);
  }
  if (spec?.provider !== "aws") problems.push("spec.provider must be aws");
  const parameters = (spec?.parameters ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(parameters)) {
    if (typeof value !== "string") problems.push(`spec.parameters.${key} must be a string`);
  }
  const known = new Set([
    "objects",
    "region",
    "failoverRegion",
    "pathTranslation",
    "usePodIdentity",
    "preferredAddressType",
  ]);
  for (const key of Object.keys(parameters)) {
    if (!known.has(key)) problems.push(`spec.parameters.${key} is not an AWS provider parameter`);
  }
  let objects: unknown;
  try {
    objects = parseYaml(String(parameters.objects ?? ""));
  } catch (err) {
    problems.push(`spec.parameters.objects is not YAML: ${(err as Error).message}`);
  }
  if (!Array.isArray(objects) || objects.length === 0) {
    problems.push("spec.parameters.objects must be a YAML list of objects");
  } else {
    for (const item of objects as Record<string, unknown>[]) {
      if (typeof item.objectName !== "string") problems.push("an object has no objectName");
      if (!["secretsmanager", "ssmparameter"].includes(String(item.objectType))) {
        problems.push(
          `objectType of ${String(item.objectName)} must be secretsmanager or ssmparameter`,
        );
      }
      for (const j of (item.jmesPath ?? []) as Partial<JmesPath>[]) {
        if (typeof j.path !== "string" || typeof j.objectAlias !== "string") {
          problems.push(`a jmesPath of ${String(item.objectName)} needs path and objectAlias`);
        }
      }
    }
  }
  const mounted = new Set(mountedKeys(o));
  const secretObjects = (spec?.secretObjects ?? []) as {
    secretName?: string;
    type?: string;
    data?: { objectName?: string; key?: string }[];
  }[];
  for (const s of secretObjects) {
    if (!s.secretName || !s.type) problems.push("a secretObject needs secretName and type");
    for (const d of s.data ?? []) {
      if (!d.objectName || !d.key)
        problems.push(`${s.secretName}: each data entry needs objectName and key`);
      else if (!mounted.has(d.objectName)) {
        problems.push(`${s.secretName}.${d.key}: ${d.objectName} is not a mounted object`);
      }
    }
  }
  return problems;
}
