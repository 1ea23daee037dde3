import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type K8sObject,
  kubectlKustomize,
  objectKey,
  render,
  renderKustomization,
} from "./kustomize.js";
import {
  checkSecretProviderClass,
  isKnownKind,
  kindOf,
  mountedKeys,
  unknownFields,
  validateObject,
} from "./schemas.js";

/**
 * Each example overlay rendered as `kubectl apply -k` would (kustomize.ts), every object checked
 * against the Kubernetes schemas and for unknown fields (schemas.ts), and the settings the bot needs
 * in production asserted: a non-root, read-only, unprivileged pod; probes on the port the mode serves
 * them on; one pod with SQLite, replicas only with PostgreSQL; the Secret the pod reads made by the
 * secret component; nothing reachable from outside in Socket Mode.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NAMESPACE = "ecs-vs-eks";
/** The bot's own stop deadline on SIGTERM (src/main.ts STOP_DEADLINE_MS). */
const BOT_STOP_SECONDS = 10;

type Json = Record<string, unknown>;

interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  securityContext?: Json & { capabilities?: { drop?: string[]; add?: string[] } };
  resources?: { requests?: Json; limits?: Json };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: Json & { seccompProfile?: { type: string } };
  containers: Container[];
  volumes?: (Json & { name: string })[];
}

const find = (objects: K8sObject[], kind: string, name?: string) =>
  objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

function one(objects: K8sObject[], kind: string, name?: string): K8sObject {
  const found = find(objects, kind, name);
  expect(found.map(objectKey), `one ${kind}${name ? ` ${name}` : ""}`).toHaveLength(1);
  return found[0] as K8sObject;
}

const deployment = (objects: K8sObject[]) => one(objects, "Deployment", "ecs-vs-eks");
const podSpec = (objects: K8sObject[]) =>
  (deployment(objects).spec as { template: { spec: PodSpec } }).template.spec;
const bot = (objects: K8sObject[]) => {
  const spec = podSpec(objects);
  expect(spec.containers).toHaveLength(1);
  return spec.containers[0] as Container;
};
const podLabels = (objects: K8sObject[]) =>
  (deployment(objects).spec as { template: { metadata: { labels: Record<string, string> } } })
    .template.metadata.labels;
const configData = (objects: K8sObject[]) =>
  (one(objects, "ConfigMap", "ecs-vs-eks-config").data ?? {}) as Record<string, string>;

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The container port a probe or Service names (by name or number). */
function portNumber(c: Container, port: string | number): number | undefined {
  if (typeof port === "number")
    return c.ports?.some((p) => p.containerPort === port) ? port : undefined;
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** The name of the Secret the secret component makes, and its keys (as far as they are known). */
function producedSecret(objects: K8sObject[]): { name: string; keys?: string[] } {
  const external = find(objects, "ExternalSecret");
  const spcs = find(objects, "SecretProviderClass");
  expect(external.length + spcs.length, "exactly one secret component").toBe(1);
  if (external[0]) {
    const spec = external[0].spec as {
      target: { name: string };
      secretStoreRef: { name: string; kind: string };
    };
    one(objects, spec.secretStoreRef.kind, spec.secretStoreRef.name);
    return { name: spec.target.name };
  }
  const spc = spcs[0] as K8sObject;
  const secretObjects = (
    spc.spec as { secretObjects: { secretName: string; data: { key: string }[] }[] }
  ).secretObjects;
  expect(secretObjects).toHaveLength(1);
  const s = secretObjects[0] as { secretName: string; data: { key: string }[] };
  return { name: s.secretName, keys: s.data.map((d) => d.key) };
}

const OVERLAYS = {
  "example-socket": { mode: "socket", replicas: 1, port: 8080 },
  "example-http": { mode: "http", replicas: 2, port: 3000 },
} as const;

describe.each(Object.entries(OVERLAYS))("overlays/%s", (name, expected) => {
  const dir = path.join(root, "overlays", name);
  const { objects, by } = render(dir);

  it(`renders (${by}), every object a known kind in the namespace`, () => {
    expect(objects.length).toBeGreaterThan(5);
    expect(objects.filter((o) => !isKnownKind(o)).map(kindOf)).toEqual([]);
    const outside = objects
      .filter((o) => o.kind !== "Namespace" && o.metadata.namespace !== NAMESPACE)
      .map(objectKey);
    expect(outside).toEqual([]);
    const ns = one(objects, "Namespace", NAMESPACE);
    expect(
      (ns.metadata.labels as Record<string, string>)["pod-security.kubernetes.io/enforce"],
    ).toBe("restricted");
  });

  it("validates every object against its schema, with no unknown field", () => {
    const invalid: string[] = [];
    for (const o of objects) {
      try {
        validateObject(o);
      } catch (err) {
        invalid.push(`${objectKey(o)}: ${(err as Error).message}`);
      }
    }
    expect(invalid).toEqual([]);
    expect(unknownFields(objects)).toEqual([]);
  });

  it("runs the bot non-root, read-only, unprivileged, with resources", () => {
    const spec = podSpec(objects);
    expect(spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
    const c = bot(objects);
    expect(c.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(c.securityContext?.capabilities?.add).toBeUndefined();
    expect(c.securityContext?.privileged).not.toBe(true);
    expect(Object.keys(c.resources?.requests ?? {}).sort()).toEqual(["cpu", "memory"]);
    expect(Object.keys(c.resources?.limits ?? {}).sort()).toEqual(["cpu", "memory"]);
    // The Pod Security "restricted" profile's volume types.
    const allowed = [
      "configMap",
      "csi",
      "downwardAPI",
      "emptyDir",
      "ephemeral",
      "persistentVolumeClaim",
      "projected",
      "secret",
    ];
    for (const v of spec.volumes ?? []) {
      expect(
        Object.keys(v).filter((k) => k !== "name"),
        v.name,
      ).toEqual([expect.toSatisfy((k: string) => allowed.includes(k))]);
    }
    // The bot calls no Kubernetes API.
    expect(spec.automountServiceAccountToken).toBe(false);
    one(objects, "ServiceAccount", spec.serviceAccountName);
  });

  it("gives DATA_DIR and /tmp emptyDirs, the only writable places", () => {
    const spec = podSpec(objects);
    const c = bot(objects);
    const mountOf = (where: string) => c.volumeMounts?.find((m) => m.mountPath === where);
    for (const where of [configData(objects).DATA_DIR ?? "", "/tmp"]) {
      const mount = mountOf(where);
      expect(mount, where).toBeDefined();
      const volume = spec.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.emptyDir, where).toBeDefined();
    }
    expect(configData(objects).DATA_DIR).toBe("/app/var");
  });

  it(`probes /healthz (liveness, startup) and /readyz (readiness) on the port the mode serves them (${expected.port})`, () => {
    const c = bot(objects);
    const data = configData(objects);
    const servedOn = Number(expected.mode === "socket" ? data.HEALTH_PORT : data.PORT);
    expect(servedOn).toBe(expected.port);
    expect(expected.mode === "socket" ? data.PORT : data.HEALTH_PORT).toBeUndefined();
    for (const [probe, where] of [
      [c.livenessProbe, "/healthz"],
      [c.startupProbe, "/healthz"],
      [c.readinessProbe, "/readyz"],
    ] as const) {
      expect(probe?.httpGet?.path).toBe(where);
      expect(portNumber(c, probe?.httpGet?.port ?? "")).toBe(servedOn);
    }
  });

  it(`stops within the grace period: above the bot's ${BOT_STOP_SECONDS} s stop deadline, after any preStop`, () => {
    const spec = podSpec(objects);
    const preStop = bot(objects).lifecycle?.preStop?.exec?.command;
    const preStopSeconds = preStop?.[0] === "sleep" ? Number(preStop[1]) : 0;
    expect(spec.terminationGracePeriodSeconds ?? 30).toBeGreaterThan(
      BOT_STOP_SECONDS + preStopSeconds,
    );
  });

  it("reads its settings from the ConfigMap and its tokens from the Secret the secret component makes", () => {
    const c = bot(objects);
    const configRef = c.envFrom?.find((e) => e.configMapRef)?.configMapRef?.name;
    const secretRef = c.envFrom?.find((e) => e.secretRef)?.secretRef?.name;
    expect(configRef).toBe("ecs-vs-eks-config");
    const secret = producedSecret(objects);
    expect(secretRef).toBe(secret.name);
    if (secret.keys) {
      const needed =
        expected.mode === "socket"
          ? ["SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"]
          : ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"];
      expect(secret.keys).toEqual(expect.arrayContaining(needed));
      const spc = one(objects, "SecretProviderClass");
      expect(mountedKeys(spc).sort()).toEqual([...secret.keys].sort());
      expect((spc.spec as { parameters: Json }).parameters.usePodIdentity).toBe("true");
      // The CSI volume is mounted: the driver syncs the Secret only for a pod that mounts it.
      const volume = podSpec(objects).volumes?.find((v) => v.csi);
      expect(volume?.csi).toMatchObject({
        driver: "secrets-store.csi.k8s.io",
        volumeAttributes: { secretProviderClass: spc.metadata.name },
      });
      expect(bot(objects).volumeMounts?.find((m) => m.name === volume?.name)?.readOnly).toBe(true);
    }
    // No Secret with values in the manifests: they come from AWS Secrets Manager.
    expect(find(objects, "Secret")).toEqual([]);
  });

  it(`runs ${expected.replicas} replica(s): one with SQLite, more only with PostgreSQL`, () => {
    const replicas = (deployment(objects).spec as { replicas: number }).replicas;
    expect(replicas).toBe(expected.replicas);
    if (replicas > 1) {
      // DATABASE_URL must be in the Secret (where the keys are listed).
      const secret = producedSecret(objects);
      if (secret.keys) expect(secret.keys).toContain("DATABASE_URL");
    }
    const pdb = one(objects, "PodDisruptionBudget");
    const pdbSpec = pdb.spec as {
      maxUnavailable?: number;
      selector: { matchLabels: Record<string, string> };
    };
    expect(selects(pdbSpec.selector.matchLabels, podLabels(objects))).toBe(true);
    expect(pdbSpec.maxUnavailable).toBe(1);
  });

  it("points every Service at the bot's ports, and exposes nothing in Socket Mode", () => {
    const c = bot(objects);
    for (const service of find(objects, "Service")) {
      const spec = service.spec as {
        type?: string;
        selector: Record<string, string>;
        ports: { targetPort: string | number }[];
      };
      expect(selects(spec.selector, podLabels(objects)), service.metadata.name).toBe(true);
      for (const p of spec.ports) {
        expect(
          portNumber(c, p.targetPort),
          `${service.metadata.name} → ${p.targetPort}`,
        ).toBeDefined();
      }
      expect(spec.type ?? "ClusterIP").toBe("ClusterIP");
    }
    if (expected.mode === "socket") {
      expect(find(objects, "Ingress")).toEqual([]);
      expect(c.ports?.map((p) => p.containerPort)).toEqual([8080]);
    }
  });

  it("sets the image from the overlay (the base's placeholder is gone)", () => {
    expect(bot(objects).image).toMatch(
      /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/ecs-vs-eks[:@]/,
    );
  });
});

describe("overlays/example-http: Slack reaches the bot only at /slack/events, over HTTPS", () => {
  const { objects } = render(path.join(root, "overlays", "example-http"));

  it("routes only /slack/events, through an internet-facing ALB that checks /healthz", () => {
    const ingress = one(objects, "Ingress", "ecs-vs-eks");
    const annotations = ingress.metadata.annotations as Record<string, string>;
    expect(annotations["alb.ingress.kubernetes.io/scheme"]).toBe("internet-facing");
    expect(annotations["alb.ingress.kubernetes.io/listen-ports"]).toBe('[{"HTTPS": 443}]');
    expect(annotations["alb.ingress.kubernetes.io/healthcheck-path"]).toBe("/healthz");
    expect(annotations["alb.ingress.kubernetes.io/certificate-arn"]).toMatch(
      /^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/,
    );
    const rules = (
      ingress.spec as {
        rules: {
          http: {
            paths: { path: string; pathType: string; backend: { service: { name: string } } }[];
          };
        }[];
      }
    ).rules;
    const paths = rules.flatMap((r) => r.http.paths);
    expect(paths.map((p) => `${p.pathType} ${p.path}`)).toEqual(["Exact /slack/events"]);
    one(objects, "Service", paths[0]?.backend.service.name);
    // A rollout waits until each new pod is healthy in the ALB's target group.
    const ns = one(objects, "Namespace", NAMESPACE);
    expect(
      (ns.metadata.labels as Record<string, string>)["elbv2.k8s.aws/pod-readiness-gate-inject"],
    ).toBe("enabled");
  });
});

describe("the example overlay with a ServiceMonitor", () => {
  const { objects } = render(path.join(root, "overlays", "example-socket"));

  it("scrapes /metrics through a Service that selects the bot", () => {
    const monitor = one(objects, "ServiceMonitor");
    const spec = monitor.spec as {
      selector: { matchLabels: Record<string, string> };
      endpoints: { port: string; path: string }[];
    };
    const services = find(objects, "Service").filter((s) =>
      selects(spec.selector.matchLabels, s.metadata.labels as Record<string, string>),
    );
    expect(services).toHaveLength(1);
    const service = services[0] as K8sObject;
    const portNames = (service.spec as { ports: { name: string }[] }).ports.map((p) => p.name);
    expect(spec.endpoints.map((e) => [e.port, e.path])).toEqual([["metrics", "/metrics"]]);
    expect(portNames).toContain("metrics");
  });
});

describe("the checks themselves", () => {
  const { objects } = render(path.join(root, "overlays", "example-socket"));
  const base = deployment(objects);

  it("a wrong type fails the schema", () => {
    const broken = structuredClone(base);
    (broken.spec as Json).replicas = "two";
    expect(() => validateObject(broken)).toThrow(/replicas must be integer/);
  });

  it("a misspelt field fails the unknown-field check", () => {
    const broken = structuredClone(base);
    const c = (broken.spec as { template: { spec: PodSpec } }).template.spec
      .containers[0] as Container;
    const sc = c.securityContext as Json;
    sc.readOnlyRootFileSystem = sc.readOnlyRootFilesystem;
    delete sc.readOnlyRootFilesystem;
    expect(unknownFields([broken])).toEqual([
      expect.stringMatching(
        /^Deployment\/ecs-vs-eks: .*readOnlyRootFileSystem.* does not exist in type 'ISecurityContext'/,
      ),
    ]);
  });

  it("a SecretProviderClass key that no object mounts is refused", () => {
    const spc = structuredClone(
      one(render(path.join(root, "overlays", "example-http")).objects, "SecretProviderClass"),
    );
    (spc.spec as { secretObjects: { data: Json[] }[] }).secretObjects[0]?.data.push({
      objectName: "SLACK_APP_TOKEN",
      key: "SLACK_APP_TOKEN",
    });
    expect(checkSecretProviderClass(spc)).toEqual([
      "ecs-vs-eks-secrets.SLACK_APP_TOKEN: SLACK_APP_TOKEN is not a mounted object",
    ]);
  });
});

describe("the test renderer (used where kubectl is not installed)", () => {
  const dirs = ["base", "overlays/example-socket", "overlays/example-http"];
  // Without kubectl these are skipped (and the objects above come from the test renderer).
  const hasKubectl = kubectlKustomize(path.join(root, "base")) !== undefined;

  it.skipIf(!hasKubectl).each(dirs)("renders %s exactly as kubectl kustomize does", (dir) => {
    const theirs = kubectlKustomize(path.join(root, dir)) ?? [];
    const ours = renderKustomization(path.join(root, dir));
    const byKey = (list: K8sObject[]) => Object.fromEntries(list.map((o) => [objectKey(o), o]));
    expect(byKey(ours)).toEqual(byKey(theirs));
    expect(ours).toHaveLength(theirs.length);
  });
});
