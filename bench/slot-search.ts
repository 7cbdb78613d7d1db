/**
 * Slot search benchmark (issue #5): the pure availability computation of src/core/scheduling
 * for 50 providers over 14 days, about 70% booked. The database read that feeds it is measured
 * by the persistence work, not here.
 *
 *   node bench/slot-search.ts            # about 25 s; prints the results
 *   node bench/slot-search.ts --write    # also rewrites the results block in docs/benchmarks.md
 *
 * Options: --seconds 6 (measuring time per scenario), --seed 5.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clinicConfigSchema, type ClinicConfig } from '../src/core/clinic/clinic-config.ts';
import { expandWorkingHours } from '../src/core/scheduling/expand-working-hours.ts';
import { findAvailability } from '../src/core/scheduling/find-availability.ts';
import { getBookingRules } from '../src/core/scheduling/get-booking-rules.ts';
import { groupByLocalDay } from '../src/core/scheduling/group-by-local-day.ts';
import type { Interval } from '../src/core/scheduling/interval.ts';

const HERE = import.meta.dirname;
const DOC_PATH = path.resolve(HERE, '../docs/benchmarks.md');
const MARKER = 'slot-search';
const minuteMs = 60_000;

/** Monday 2026-10-19 07:45 in Madrid; the 14 days searched include the autumn clock change (2026-10-25). */
const NOW = new Date('2026-10-19T05:45:00Z');
const DAYS = 14;
const PROVIDERS = 50;
const WARMUP = 300;
const MAX_SAMPLES = 20_000;

interface Settings {
  seconds: number;
  seed: number;
  write: boolean;
}

function parseSettings(argv: string[]): Settings {
  const settings: Settings = { seconds: 6, seed: 5, write: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--write') settings.write = true;
    else if (arg === '--seconds' || arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${arg} needs a positive number`);
      if (arg === '--seconds') settings.seconds = Math.min(value, 15);
      else settings.seed = value;
    } else throw new Error(`unknown option ${arg} (options: --write, --seconds N, --seed N)`);
  }
  return settings;
}

/** Deterministic random numbers in [0, 1) (mulberry32). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const day = (open: string, close: string) => [{ open, close }];
const split = [
  { open: '08:00', close: '14:00' },
  { open: '15:00', close: '19:00' },
];
/** Weekly patterns seen in a mid-size clinic: full-time with lunch, mornings, afternoons, part-time, Saturdays. */
const patterns = [
  { weight: 40, hours: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [], sun: [] } },
  { weight: 20, hours: { mon: day('08:00', '15:00'), tue: day('08:00', '15:00'), wed: day('08:00', '15:00'), thu: day('08:00', '15:00'), fri: day('08:00', '15:00'), sat: [], sun: [] } },
  { weight: 15, hours: { mon: day('13:00', '20:00'), tue: day('13:00', '20:00'), wed: day('13:00', '20:00'), thu: day('13:00', '20:00'), fri: day('13:00', '20:00'), sat: [], sun: [] } },
  {
    weight: 15,
    hours: { mon: [{ open: '09:00', close: '14:00' }, { open: '16:00', close: '19:00' }], tue: [], wed: day('09:00', '14:00'), thu: [{ open: '09:00', close: '14:00' }, { open: '16:00', close: '19:00' }], fri: [], sat: [], sun: [] },
  },
  { weight: 10, hours: { mon: [], tue: split, wed: split, thu: split, fri: split, sat: day('09:00', '14:00'), sun: [] } },
];

function pick<T extends { weight: number }>(random: () => number, options: readonly T[]): T {
  const total = options.reduce((sum, o) => sum + o.weight, 0);
  let r = random() * total;
  for (const option of options) {
    r -= option.weight;
    if (r < 0) return option;
  }
  return options[options.length - 1] as T;
}

/** 50 providers in one department: 46 in Madrid (in person and video), 2 on the Canary Islands and 2 in New York (video only). */
function buildClinic(random: () => number): ClinicConfig {
  const providers = Array.from({ length: PROVIDERS }, (_, i) => {
    const id = `dr-${String(i + 1).padStart(2, '0')}`;
    const remote = i >= 46 ? (i >= 48 ? 'America/New_York' : 'Atlantic/Canary') : undefined;
    const exceptions: Array<{ kind: 'leave' | 'extra'; from: string; to?: string; note?: string }> = [];
    if (i % 9 === 4) exceptions.push({ kind: 'leave', from: `2026-10-${21 + (i % 5)}`, to: `2026-10-${23 + (i % 5)}`, note: 'Leave' });
    if (i % 13 === 6) exceptions.push({ kind: 'leave', from: '2026-10-27T08:00', to: '2026-10-27T11:30', note: 'Training' });
    if (i % 11 === 3) exceptions.push({ kind: 'extra', from: '2026-10-24T09:00', to: '2026-10-24T13:00', note: 'Saturday clinic' });
    return {
      id,
      name: `Provider ${i + 1}`,
      departments: ['general'],
      weeklyHours: pick(random, patterns).hours,
      ...(remote === undefined ? {} : { timeZone: remote, services: ['gp-video'] }),
      exceptions,
    };
  });
  return clinicConfigSchema.parse({
    clinic: { name: 'Bench Clinic', timeZone: 'Europe/Madrid' },
    languages: { default: 'en', supported: ['en'] },
    openingHours: { mon: day('08:00', '20:00'), tue: day('08:00', '20:00'), wed: day('08:00', '20:00'), thu: day('08:00', '20:00'), fri: day('08:00', '20:00'), sat: day('09:00', '14:00') },
    holidays: [{ date: '2026-11-09', name: 'Almudena' }],
    consent: { version: '1', privacyUrl: 'https://example.org/privacy' },
    emergency: { number: '112' },
    departments: [
      {
        id: 'general',
        name: { en: 'General practice' },
        services: [
          { id: 'gp-visit', name: { en: 'GP appointment' }, durationMinutes: 20 },
          { id: 'gp-long', name: { en: 'Long appointment' }, durationMinutes: 40, bufferMinutes: 5, slotStepMinutes: 20 },
          { id: 'gp-video', name: { en: 'Video call' }, durationMinutes: 15, mode: 'video' },
        ],
      },
    ],
    providers,
    scheduling: { minNoticeMinutes: 120, horizonDays: 30 },
  });
}

/**
 * Books each provider's working time from the start of the first day to the end of the last,
 * appointment after appointment with short gaps, until about 70% of it is taken. Each busy
 * interval is [start, end + its service's buffer), as the persistence layer hands them over.
 */
function buildBookings(clinic: ClinicConfig, random: () => number): { busy: Map<string, Interval[]>; bookedShare: number; appointments: number } {
  const range = { from: new Date('2026-10-18T22:00:00Z'), to: new Date('2026-11-01T23:00:00Z') };
  const busy = new Map<string, Interval[]>();
  let open = 0;
  let booked = 0;
  let appointments = 0;
  for (const provider of clinic.providers) {
    const videoOnly = provider.services !== undefined;
    const menu = videoOnly ? [{ weight: 1, id: 'gp-video' }] : [{ weight: 50, id: 'gp-visit' }, { weight: 20, id: 'gp-long' }, { weight: 30, id: 'gp-video' }];
    const list: Interval[] = [];
    for (const block of expandWorkingHours(provider, clinic, range, { withinOpeningHours: !videoOnly })) {
      open += block.end - block.start;
      let t = block.start;
      while (t < block.end) {
        if (random() < 0.6) {
          const rules = getBookingRules(clinic, pick(random, menu).id);
          const end = t + rules.durationMinutes * minuteMs;
          if (end > block.end) break;
          list.push({ start: t, end: end + rules.bufferMinutes * minuteMs });
          booked += Math.min(end + rules.bufferMinutes * minuteMs, block.end) - t;
          appointments++;
          t = end + rules.bufferMinutes * minuteMs;
        } else {
          t += (1 + Math.floor(random() * 4)) * 5 * minuteMs;
        }
      }
    }
    busy.set(provider.id, list);
  }
  return { busy, bookedShare: booked / open, appointments };
}

interface Scenario {
  name: string;
  providers: number;
  run: (i: number) => number;
}

interface Measured {
  name: string;
  providers: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Process CPU time per search (user + system): what the search cost without waiting for a core. */
  cpuP50: number;
  cpuP95: number;
  slots: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function measure(scenario: Scenario, seconds: number): Measured {
  for (let i = 0; i < WARMUP; i++) scenario.run(i);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let slots = 0;
  const stopAt = performance.now() + seconds * 1000;
  for (let i = 0; times.length < MAX_SAMPLES && performance.now() < stopAt; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    slots += scenario.run(i);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
  return {
    cpuP50: percentile(cpuSorted, 50),
    cpuP95: percentile(cpuSorted, 95),
    name: scenario.name,
    providers: scenario.providers,
    samples: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    slots: slots / times.length,
  };
}

function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: path.resolve(HERE, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `Hale ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src/core/scheduling', 'src/core/clinic') === '' ? '' : ' with uncommitted changes in src/core/'}`;
  } catch {
    return 'Hale (commit unknown)';
  }
}

const ms = (n: number): string => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const loadAtStart = os.loadavg();
  const random = seededRandom(settings.seed);
  const clinic = buildClinic(random);
  const { busy, bookedShare, appointments } = buildBookings(clinic, random);
  const ids = clinic.providers.filter((p) => p.services === undefined).map((p) => p.id);
  const search = (serviceId: string, practitionerId: string, minutesLater: number) => {
    const slots = findAvailability({ clinic, serviceId, practitionerId, busyByPractitioner: busy, now: new Date(NOW.getTime() + minutesLater * minuteMs), days: DAYS });
    return { slots, days: groupByLocalDay(slots, clinic.clinic.timeZone) };
  };

  // The first search in a fresh process also fills the zone-offset memo and JIT-compiles.
  const coldStart = performance.now();
  search('gp-video', 'any', 0);
  const cold = performance.now() - coldStart;

  // Each search moves `now` by a few minutes and picks another provider or service, as a day of chats would.
  const scenarios: Scenario[] = [
    { name: 'one provider, GP appointment (20 min)', providers: 1, run: (i) => search('gp-visit', ids[i % ids.length] as string, i % 240).slots.length },
    { name: 'any provider, GP appointment (20 min, in person)', providers: ids.length, run: (i) => search('gp-visit', 'any', i % 240).slots.length },
    { name: 'any provider, long appointment (40 min + 5 min buffer)', providers: ids.length, run: (i) => search('gp-long', 'any', i % 240).slots.length },
    { name: 'any provider, video call (15 min)', providers: PROVIDERS, run: (i) => search('gp-video', 'any', i % 240).slots.length },
  ];
  const results: Measured[] = [];
  for (const scenario of scenarios) {
    const result = measure(scenario, settings.seconds);
    results.push(result);
    console.log(`${scenario.name}: p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, p99 ${ms(result.p99)} ms, CPU p95 ${ms(result.cpuP95)} ms (${int(result.samples)} searches, ${int(result.slots)} slots each)`);
  }
  const worstP95 = Math.max(...results.map((r) => r.p95));
  console.log(`first search in a fresh process: ${ms(cold)} ms; booked share ${(bookedShare * 100).toFixed(0)}%`);

  const command = ['node bench/slot-search.ts', ...process.argv.slice(2)].join(' ');
  const lines = [
    `Run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`${command}\` on ${codeVersion()}: ${os.availableParallelism()} cores (\`nproc\`) of ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `Node ${process.version}, luxon ${await packageVersion('luxon')}. Load average at the start: ${loadAtStart.map((n) => n.toFixed(2)).join(', ')}. ` +
      `${PROVIDERS} providers (46 in Madrid, 2 on the Canary Islands and 2 in New York for video only), 14 days from Monday 2026-10-19 07:45 Madrid (the clocks go back on 2026-10-25), ` +
      `${int(appointments)} appointments filling ${(bookedShare * 100).toFixed(0)}% of the providers' working time; warm-up ${WARMUP} searches, then ${settings.seconds} s per row; seed ${settings.seed}.`,
    '',
    '| Search (14 days, result grouped by day) | Providers | Searches | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | CPU p50 / p95 (ms) | Slots found |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map((r) => `| ${r.name} | ${r.providers} | ${int(r.samples)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.cpuP50)} / ${ms(r.cpuP95)} | ${int(r.slots)} |`),
    '',
    `- First search in a fresh process (fills the zone-offset memo, code not yet optimized): ${ms(cold)} ms.`,
    `- Computation p95, worst row: **${ms(worstP95)} ms** (CPU time ${ms(Math.max(...results.map((r) => r.cpuP95)))} ms) of the 10 ms target (issue #5, whole search on PostgreSQL), leaving ${ms(Math.max(0, 10 - worstP95))} ms for reading the appointments and holds.`,
  ];
  console.log(`\n${lines.join('\n')}`);
  if (settings.write) await writeDoc(lines.join('\n'));
}

async function packageVersion(name: string): Promise<string> {
  try {
    const file = path.resolve(HERE, '../node_modules', name, 'package.json');
    return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Replaces the text between this benchmark's markers (appends the block when they are missing). */
async function writeDoc(content: string): Promise<void> {
  const doc = await readFile(DOC_PATH, 'utf8');
  const start = `<!-- bench:${MARKER}:start -->`;
  const end = `<!-- bench:${MARKER}:end -->`;
  const block = `${start}\n${content}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  await writeFile(DOC_PATH, from >= 0 && to > from ? `${doc.slice(0, from)}${block}${doc.slice(to + end.length)}` : `${doc.trimEnd()}\n\n${block}\n`);
  console.log(`updated ${path.relative(process.cwd(), DOC_PATH)}`);
}

await main();
