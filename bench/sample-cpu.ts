/**
 * Machine-wide and PostgreSQL CPU time from /proc (Linux), so a benchmark run can say where the
 * cores went: the server under test, the PostgreSQL backends, or something else on the machine.
 * Elsewhere every reading is undefined.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSample {
  at: number;
  /** Clock ticks all cores spent busy / in total since boot. */
  machineBusy: number;
  machineTotal: number;
  /** Clock ticks (user + system) of every process named `postgres`, by pid. */
  postgres: Map<number, number>;
}

export interface CpuUse {
  /** Share of all cores that was busy, %. */
  machineBusyPercent: number;
  /** PostgreSQL server processes, % of one core. */
  postgresPercent: number;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function sampleCpu(): CpuSample | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const postgres = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
        const rest = stat.slice(close + 2).split(' ');
        postgres.set(Number(entry), Number(rest[11]) + Number(rest[12]));
      } catch {
        // the process ended while we looked
      }
    }
    return { at: performance.now(), machineBusy: total - idle, machineTotal: total, postgres };
  } catch {
    return undefined;
  }
}

export function cpuBetween(before: CpuSample | undefined, after: CpuSample | undefined): CpuUse | undefined {
  if (before === undefined || after === undefined) return undefined;
  let postgresTicks = 0;
  for (const [pid, ticks] of after.postgres) postgresTicks += ticks - (before.postgres.get(pid) ?? 0);
  const seconds = (after.at - before.at) / 1000;
  return {
    machineBusyPercent: ((after.machineBusy - before.machineBusy) / Math.max(1, after.machineTotal - before.machineTotal)) * 100,
    postgresPercent: (postgresTicks / ticksPerSecond / seconds) * 100,
  };
}
