/**
 * Prints where a V8 CPU profile (node --cpu-prof) spent its time: self time per function, per
 * file and per package, and total (inclusive) time of the functions that matter most.
 *
 *   node bench/summarize-cpu-profile.ts /tmp/hale-bench-profiles/CPU.….cpuprofile [--top 25]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const file = positionals[0];
if (file === undefined) throw new Error('usage: node bench/summarize-cpu-profile.ts <file.cpuprofile> [--top 25]');
const top = Number(values.top);
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalMicros = [...selfMicros.values()].reduce((a, b) => a + b, 0);

function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.search(/\/(src|bench|simulator)\//);
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '');
}

function packageOf(url: string): string {
  if (url === '') return '(native / GC / idle)';
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.search(/\/(src|bench|simulator)\//);
  return src >= 0 ? url.slice(src + 1).split('/').slice(0, 3).join('/') : url;
}

const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'}  ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

function tally(key: (node: ProfileNode) => string): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    sums.set(key(node), (sums.get(key(node)) ?? 0) + micros);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time: each sample counts once for every distinct function on its stack. */
function inclusive(): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      sums.set(key, (sums.get(key) ?? 0) + micros);
    }
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]);
}

function print(title: string, rows: Array<[string, number]>, limit: number): void {
  console.log(`\n${title}`);
  for (const [key, micros] of rows.slice(0, limit)) {
    console.log(`${((micros / totalMicros) * 100).toFixed(1).padStart(6)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}

console.log(`${file}: ${(totalMicros / 1e6).toFixed(1)} s sampled`);
print('Self time by package', tally((node) => packageOf(node.callFrame.url)), top);
print('Self time by function', tally(label), top);
print('Total (inclusive) time by function', inclusive(), top);
