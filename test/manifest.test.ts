import { readFileSync } from "node:fs";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registerListeners } from "../src/slack/listeners/index.js";
import { useHarness } from "./support/slack-harness.js";

type Json = Record<string, unknown>;

const root = new URL("../", import.meta.url);
const manifest = parse(readFileSync(new URL("manifest.yml", root), "utf8")) as Json;
const readme = readFileSync(new URL("README.md", root), "utf8");

const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Json)[k] : undefined), o);

const manifestScopes = (get(manifest, "oauth_config", "scopes", "bot") as string[]) ?? [];
const shortcuts = (get(manifest, "features", "shortcuts") as Json[] | undefined) ?? [];

/** The scopes the README's table lists: every `code` span of its first column. */
function readmeScopes(): string[] {
  const start = readme.indexOf("### Scopes, and why each is needed");
  expect(start).toBeGreaterThan(-1);
  const lines = readme.slice(start).split("\n").slice(1);
  const table: string[] = [];
  for (const line of lines) {
    if (line.startsWith("|")) table.push(line);
    else if (table.length > 0) break;
  }
  expect(table.length).toBeGreaterThan(2);
  return table
    .slice(2) // the header and its separator
    .flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ""));
}

/** The callback_ids the app registers app.shortcut() listeners for, through its real wiring. */
function registeredShortcuts(deps: Parameters<typeof registerListeners>[1]): string[] {
  const ids: string[] = [];
  const app = new Proxy(
    {},
    {
      get:
        (_target, kind) =>
        (...args: unknown[]) => {
          if (kind !== "shortcut") return;
          const constraint = args[0];
          if (typeof constraint === "string") ids.push(constraint);
          else if (constraint && typeof constraint === "object")
            ids.push(String((constraint as Json).callback_id));
        },
    },
  ) as unknown as App;
  registerListeners(app, deps);
  return ids;
}

const h = useHarness();

describe("manifest.yml", () => {
  it("every bot scope is explained in the README's scope table, and the table lists no other", () => {
    expect(manifestScopes.length).toBeGreaterThan(0);
    expect([...readmeScopes()].sort()).toEqual([...manifestScopes].sort());
  });

  it("declares both message shortcuts, with interactivity on and the commands scope", () => {
    const byId = new Map(shortcuts.map((s) => [s.callback_id, s]));
    expect(byId.get("ask_about_message")).toMatchObject({
      type: "message",
      name: "Ask ECS vs EKS",
    });
    expect(byId.get("decide_from_thread")).toMatchObject({
      type: "message",
      name: "Decide ECS vs EKS",
    });
    for (const s of shortcuts) {
      // Slack rejects the manifest when a shortcut's name is longer (invalid_manifest).
      expect(String(s.name).length).toBeLessThanOrEqual(24);
      expect(typeof s.description === "string" && s.description.length > 0).toBe(true);
      expect(String(s.description).length).toBeLessThanOrEqual(80);
    }
    expect(get(manifest, "settings", "interactivity", "is_enabled")).toBe(true);
    expect(manifestScopes).toContain("commands");
  });

  it("keeps the lengths Slack's manifest validation enforces (else creating the app fails)", () => {
    const text = (...path: string[]) => String(get(manifest, ...path) ?? "");
    // apps.manifest.validate: the name under 36 characters, the short description under 140, the
    // long description from 174 to 4,000 (collapsed as YAML folds it).
    expect(text("display_information", "name").length).toBeLessThanOrEqual(35);
    expect(text("display_information", "description").length).toBeLessThanOrEqual(139);
    const long = text("display_information", "long_description");
    expect(long.length).toBeGreaterThanOrEqual(174);
    expect(long.length).toBeLessThanOrEqual(4000);
  });

  it("every shortcut in the manifest has a listener, and every listener a manifest entry", () => {
    const registered = registeredShortcuts(h.bot.deps);
    const declared = shortcuts.map((s) => String(s.callback_id));
    expect(declared.length).toBeGreaterThan(0);
    expect([...registered].sort()).toEqual([...declared].sort());
  });
});
