import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments, parse as parseYaml } from "yaml";

/**
 * Rendering a kustomization as `kubectl apply -k` does.
 *
 * With `kubectl` on the PATH, `kubectl kustomize` (the kustomize built into kubectl) renders it. Without
 * it, `renderKustomization` does: a small renderer of exactly the kustomize features deploy/eks uses,
 * applied in kustomize's own order, and no others (anything else is refused, so it cannot silently
 * render something different):
 * - `resources`: YAML files (several documents each) and folders with a kustomization of their own,
 *   built first, on their own;
 * - `components` (kind Component): each adds its resources to what was accumulated so far, then
 *   applies its patches to all of it, in the order listed;
 * - then the kustomization's own `patches` (JSON 6902: add, replace, remove, selected by kind and
 *   name), `namespace` (metadata.namespace of every namespaced object; a v1 Namespace object is
 *   renamed to it) and `images` (newName, newTag, digest, on every `containers`/`initContainers`).
 * Where both are there, the tests check that the two agree object for object.
 */

export type K8sObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Record<string, unknown>;
};

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  components?: string[];
  patches?: { target?: { kind?: string; name?: string }; patch?: string; path?: string }[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
}

const SUPPORTED = new Set([
  "apiVersion",
  "kind",
  "namespace",
  "resources",
  "components",
  "patches",
  "images",
]);

/** Kinds kustomize knows to be cluster-scoped (the ones that can appear here). */
const CLUSTER_SCOPED = new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "ClusterSecretStore",
]);

function readKustomization(dir: string): Kustomization {
  const file = ["kustomization.yaml", "kustomization.yml", "Kustomization"]
    .map((name) => path.join(dir, name))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`no kustomization in ${dir}`);
  const k = parseYaml(readFileSync(file, "utf8")) as Kustomization;
  const unknown = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unknown.length > 0) {
    throw new Error(`${file}: ${unknown.join(", ")} not supported by the test renderer`);
  }
  return k;
}

function readObjects(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

/* ---------- JSON 6902 ---------- */

interface PatchOp {
  op: "add" | "replace" | "remove";
  path: string;
  value?: unknown;
}

function pointer(p: string): string[] {
  if (!p.startsWith("/")) throw new Error(`bad JSON pointer ${p}`);
  return p
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function applyOp(target: unknown, op: PatchOp): void {
  const parts = pointer(op.path);
  const last = parts.pop() as string;
  let parent = target as Record<string, unknown> | unknown[];
  for (const part of parts) {
    const next = Array.isArray(parent) ? parent[Number(part)] : parent[part];
    if (next === undefined || next === null || typeof next !== "object") {
      throw new Error(`patch ${op.op} ${op.path}: ${part} does not exist`);
    }
    parent = next as Record<string, unknown> | unknown[];
  }
  const value = structuredClone(op.value);
  if (Array.isArray(parent)) {
    const index = last === "-" ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new Error(`patch ${op.op} ${op.path}: index out of range`);
    }
    if (op.op === "add") parent.splice(index, 0, value);
    else if (index >= parent.length) throw new Error(`patch ${op.op} ${op.path}: no element`);
    else if (op.op === "replace") parent[index] = value;
    else parent.splice(index, 1);
    return;
  }
  if (op.op !== "add" && !(last in parent)) {
    throw new Error(`patch ${op.op} ${op.path}: ${last} does not exist`);
  }
  if (op.op === "remove") delete parent[last];
  else parent[last] = value;
}

function applyPatches(objects: K8sObject[], k: Kustomization, dir: string): void {
  for (const patch of k.patches ?? []) {
    const text =
      patch.patch ?? (patch.path ? readFileSync(path.join(dir, patch.path), "utf8") : "");
    const ops = parseYaml(text) as PatchOp[];
    if (!Array.isArray(ops)) throw new Error(`${dir}: only JSON 6902 patches are supported`);
    const targets = objects.filter(
      (o) =>
        (!patch.target?.kind || o.kind === patch.target.kind) &&
        (!patch.target?.name || o.metadata.name === patch.target.name),
    );
    for (const object of targets) for (const op of ops) applyOp(object, op);
  }
}

/* ---------- namespace and images ---------- */

function setNamespace(objects: K8sObject[], namespace: string | undefined): void {
  if (!namespace) return;
  for (const o of objects) {
    if (o.kind === "Namespace" && o.apiVersion === "v1") o.metadata.name = namespace;
    else if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = namespace;
  }
}

/** name[:tag][@digest] → its parts (a registry port's colon is not a tag). */
function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [nameTag = "", digest] = image.split("@");
  const slash = nameTag.lastIndexOf("/");
  const colon = nameTag.lastIndexOf(":");
  if (colon > slash) {
    return {
      name: nameTag.slice(0, colon),
      tag: nameTag.slice(colon + 1),
      ...(digest ? { digest } : {}),
    };
  }
  return { name: nameTag, ...(digest ? { digest } : {}) };
}

function setImages(value: unknown, images: Kustomization["images"]): void {
  if (!images?.length || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) setImages(item, images);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of ["containers", "initContainers"]) {
    const containers = record[key];
    if (!Array.isArray(containers)) continue;
    for (const c of containers as Record<string, unknown>[]) {
      if (typeof c.image !== "string") continue;
      const current = splitImage(c.image);
      const rule = images.find((i) => i.name === current.name);
      if (!rule) continue;
      const name = rule.newName ?? current.name;
      if (rule.digest) c.image = `${name}@${rule.digest}`;
      else if (rule.newTag) c.image = `${name}:${rule.newTag}`;
      else
        c.image = `${name}${current.tag ? `:${current.tag}` : ""}${current.digest ? `@${current.digest}` : ""}`;
    }
  }
  for (const child of Object.values(record)) setImages(child, images);
}

/* ---------- building ---------- */

function build(dir: string, accumulated: K8sObject[]): K8sObject[] {
  const k = readKustomization(dir);
  const objects = accumulated;
  for (const resource of k.resources ?? []) {
    const where = path.resolve(dir, resource);
    if (statSync(where).isDirectory()) objects.push(...build(where, []));
    else objects.push(...readObjects(where));
  }
  for (const component of k.components ?? []) {
    const where = path.resolve(dir, component);
    const c = readKustomization(where);
    if (c.kind !== "Component") throw new Error(`${where} is not a Component`);
    build(where, objects);
  }
  applyPatches(objects, k, dir);
  setNamespace(objects, k.namespace);
  setImages(objects, k.images);
  return objects;
}

/** The test renderer's output for a kustomization folder. */
export function renderKustomization(dir: string): K8sObject[] {
  return build(path.resolve(dir), []);
}

/** `kubectl kustomize <dir>`, or undefined when kubectl is not installed. */
export function kubectlKustomize(dir: string): K8sObject[] | undefined {
  let out: string;
  try {
    out = execFileSync("kubectl", ["kustomize", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    const e = err as { stderr?: string; message: string };
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr ?? e.message}`);
  }
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

/** kubectl's rendering where kubectl is installed, else the test renderer's. */
export function render(dir: string): {
  objects: K8sObject[];
  by: "kubectl kustomize" | "test renderer";
} {
  const fromKubectl = kubectlKustomize(dir);
  return fromKubectl
    ? { objects: fromKubectl, by: "kubectl kustomize" }
    : { objects: renderKustomization(dir), by: "test renderer" };
}

/** A stable key for comparing two renderings object by object. */
export function objectKey(o: K8sObject): string {
  return `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}
