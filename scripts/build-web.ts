/**
 * Builds the staff web app (web/) into web/dist with Vite. `npm start` runs it first with
 * --if-needed: it builds only when web/dist is missing or older than a source file, so the
 * README's two commands (`npm install`, `npm start`) do all the set-up on a fresh machine.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const dist = path.join(web, 'dist', 'index.html');
const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts'), path.join(root, 'src', 'contracts')];

async function newest(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of await readdir(target)) latest = Math.max(latest, await newest(path.join(target, entry)));
  return latest;
}

export async function isWebBuildStale(): Promise<boolean> {
  const built = await stat(dist).then((s) => s.mtimeMs, () => undefined);
  if (built === undefined) return true;
  for (const source of sources) if ((await newest(source)) > built) return true;
  return false;
}

export async function buildWeb(options: { ifNeeded?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  if (options.ifNeeded === true && !(await isWebBuildStale())) return false;
  const { build } = await import('vite');
  const started = performance.now();
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: options.quiet === true ? 'warn' : 'info' });
  if (options.quiet !== true) console.log(`Staff web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (import.meta.main) {
  await buildWeb({ ifNeeded: process.argv.includes('--if-needed') });
}
