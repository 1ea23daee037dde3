/**
 * Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): self time per function and per
 * source area (node_modules package, src/ folder, node internals), top entries first.
 *   node dist-bench/bench/profile-summary.js bench/results/bot-2.cpuprofile [top]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

function area(url: string): string {
  if (url === "") return "(native / idle / gc)";
  if (url.startsWith("node:")) return "node internals";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1]) return nm[1];
  const src = /\/(src|bench|dist\/src|dist-bench\/src)\/(.*)$/.exec(url);
  if (src?.[2]) {
    const parts = src[2].split("/");
    return `src/${parts.slice(0, Math.min(parts.length - 1, 2)).join("/") || parts[0]}`;
  }
  return url;
}

export function summarizeProfile(
  profile: CpuProfile,
  top = 25,
): { byArea: ProfileLine[]; byFunction: ProfileLine[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    total += us;
    const a = area(url);
    areas.set(a, (areas.get(a) ?? 0) + us);
    const short = url.replace(/^.*\/(node_modules|src|dist-bench|dist)\//, "$1/");
    const key = `${functionName || "(anonymous)"} ${short ? `${short}:${lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const lines = (m: Map<string, number>): ProfileLine[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return { byArea: lines(areas), byFunction: lines(fns), totalMs: total / 1000 };
}

if (process.argv[1]?.endsWith("profile-summary.js")) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node dist-bench/bench/profile-summary.js <file.cpuprofile> [top]");
    process.exit(1);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const { byArea, byFunction, totalMs } = summarizeProfile(profile, Number(process.argv[3] ?? 25));
  console.log(`busy (not idle) time: ${totalMs.toFixed(0)} ms`);
  console.log("\nby area:");
  for (const l of byArea)
    console.log(
      `${(l.share * 100).toFixed(1).padStart(5)}%  ${l.ms.toFixed(0).padStart(6)} ms  ${l.name}`,
    );
  console.log("\nby function (self time):");
  for (const l of byFunction)
    console.log(
      `${(l.share * 100).toFixed(1).padStart(5)}%  ${l.ms.toFixed(0).padStart(6)} ms  ${l.name}`,
    );
}
