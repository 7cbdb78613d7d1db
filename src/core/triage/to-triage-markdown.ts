/**
 * Markdown for docs/clinical-safety.md, generated so the document stays true:
 * the triage rule tables (`npm run --silent triage -- --triage-rules-markdown`) and the
 * evaluation results with the confusion matrix (`npm run --silent triage -- --evaluation-markdown
 * FILE.jsonl SOURCES.json`). Tests keep the document equal to this output.
 */
import { findings, presentations, questionConditions, questions, rules, triageRulesVersion } from './triage-rules.ts';
import { triageLevels, type TriageLevel } from './triage-types.ts';

const code = (list: readonly string[]) => (list.length === 0 ? '—' : list.map((t) => `\`${t}\``).join(' · '));
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function toTriageRulesMarkdown(): string {
  const out: string[] = [];
  out.push(`Rules version \`${triageRulesVersion}\`: ${presentations.length} presentations, ${findings.length} findings, ${questions.length} follow-up questions, ${rules.length} rules.`, '');
  out.push('#### Presentations', '');
  out.push('| Presentation | Start level | Departments (first configured wins) | Follow-up questions | Source |', '|---|---|---|---|---|');
  for (const p of presentations) {
    out.push(`| \`${p.id}\` ${cell(p.title)}${p.counselling === true ? ' (counselling service)' : ''} | ${p.startLevel} | ${code(p.departments)} | ${code(p.questions)} | ${cell(p.source)} |`);
  }
  out.push('', '#### Rules (each raises the level when it matches)', '');
  out.push('| Rule | Level | Presentations | All of | Any of | Source |', '|---|---|---|---|---|---|');
  for (const r of rules) {
    out.push(`| \`${r.id}\` ${cell(r.title)} | **${r.level}** | ${r.presentations === undefined ? 'any' : code(r.presentations)} | ${code(r.all ?? [])} | ${code(r.any ?? [])} | ${cell(r.source)} |`);
  }
  out.push('', '#### Follow-up questions', '');
  out.push('| Question | Answers → findings | Asked only if | Skipped if |', '|---|---|---|---|');
  for (const q of questions) {
    const c = questionConditions[q.id];
    out.push(`| \`${q.id}\` | ${q.options.map((o) => `${o.id} → ${o.findings.length === 0 ? '(none)' : o.findings.join(', ')}`).join('; ')} | ${code(c?.askIf ?? [])} | ${code(c?.skipIf ?? [])} |`);
  }
  out.push('', '#### Words per presentation and finding', '');
  for (const item of [...presentations, ...findings]) {
    if (item.terms === undefined) continue;
    const langs = Object.entries(item.terms).map(([lang, terms]) => `${lang}: ${code(terms ?? [])}`);
    const not = item.not === undefined ? '' : ` — not inside: ${code(Object.values(item.not).flatMap((t) => [...(t ?? [])]))}`;
    out.push(`- \`${item.id}\`: ${langs.join('; ')}${not}`);
  }
  out.push('', `Derived findings (no words): ${code(findings.filter((f) => f.terms === undefined).map((f) => f.id))}.`);
  return `${out.join('\n').trimEnd()}\n`;
}

export interface EvaluationCase {
  id: string;
  lang: string;
  group: 'adult' | 'child';
  text: string;
  expected: TriageLevel;
  category: string;
  source: string;
}

export interface EvaluationResult {
  cases: number;
  exact: number;
  emergencies: number;
  emergenciesCaught: number;
  /** Emergency or urgent cases answered `self_care`. */
  unsafeSelfCare: number;
  underTriaged: number;
  overTriaged: number;
  /** matrix[expected][actual] */
  matrix: Record<TriageLevel, Record<TriageLevel, number>>;
}

export function evaluate(cases: readonly EvaluationCase[], actual: ReadonlyMap<string, TriageLevel>): EvaluationResult {
  const rank = (l: TriageLevel) => triageLevels.length - triageLevels.indexOf(l);
  const matrix = Object.fromEntries(triageLevels.map((e) => [e, Object.fromEntries(triageLevels.map((a) => [a, 0]))])) as EvaluationResult['matrix'];
  let exact = 0;
  let emergenciesCaught = 0;
  let unsafeSelfCare = 0;
  let underTriaged = 0;
  let overTriaged = 0;
  for (const c of cases) {
    const got = actual.get(c.id) ?? 'routine';
    matrix[c.expected][got] += 1;
    if (got === c.expected) exact++;
    if (c.expected === 'emergency' && got === 'emergency') emergenciesCaught++;
    if ((c.expected === 'emergency' || c.expected === 'urgent') && got === 'self_care') unsafeSelfCare++;
    if (rank(got) < rank(c.expected)) underTriaged++;
    if (rank(got) > rank(c.expected)) overTriaged++;
  }
  return { cases: cases.length, exact, emergencies: cases.filter((c) => c.expected === 'emergency').length, emergenciesCaught, unsafeSelfCare, underTriaged, overTriaged, matrix };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

export function toEvaluationMarkdown(cases: readonly EvaluationCase[], actual: ReadonlyMap<string, TriageLevel>, sources: Readonly<Record<string, string>>): string {
  const all = evaluate(cases, actual);
  const out: string[] = [];
  out.push(`Rules version \`${triageRulesVersion}\`; ${cases.length} messages, single-message assessment (no follow-up answers).`, '');
  out.push('| Measure | Result | Required |', '|---|---|---|');
  out.push(`| Exact level | ${all.exact} / ${all.cases} = **${pct(all.exact, all.cases)}** | ≥ 75 % |`);
  out.push(`| Emergencies answered \`emergency\` | ${all.emergenciesCaught} / ${all.emergencies} = **${pct(all.emergenciesCaught, all.emergencies)}** | 100 % |`);
  out.push(`| Emergency or urgent answered \`self_care\` | **${all.unsafeSelfCare}** | 0 |`);
  out.push(`| Under-triage (a less urgent level than expected) | ${all.underTriaged} (${pct(all.underTriaged, all.cases)}) | — |`);
  out.push(`| Over-triage (a more urgent level than expected) | ${all.overTriaged} (${pct(all.overTriaged, all.cases)}) | — |`);
  out.push('', 'Confusion matrix (rows: expected level; columns: Hale\'s level):', '');
  out.push(`| expected \\ Hale | ${triageLevels.join(' | ')} | total |`, `|---|${triageLevels.map(() => '---').join('|')}|---|`);
  for (const e of triageLevels) {
    const row = triageLevels.map((a) => (a === e ? `**${all.matrix[e][a]}**` : String(all.matrix[e][a])));
    out.push(`| ${e} | ${row.join(' | ')} | ${triageLevels.reduce((n, a) => n + all.matrix[e][a], 0)} |`);
  }
  out.push('', 'By language and by age group:', '');
  out.push('| Group | Messages | Exact | Emergencies caught |', '|---|---|---|---|');
  const groups: Array<[string, (c: EvaluationCase) => boolean]> = [
    ...[...new Set(cases.map((c) => c.lang))].map((l): [string, (c: EvaluationCase) => boolean] => [l, (c) => c.lang === l]),
    ['adults', (c) => c.group === 'adult'],
    ['children', (c) => c.group === 'child'],
  ];
  for (const [name, pick] of groups) {
    const r = evaluate(cases.filter(pick), actual);
    out.push(`| ${name} | ${r.cases} | ${pct(r.exact, r.cases)} | ${r.emergenciesCaught} / ${r.emergencies} |`);
  }
  const wrong = cases.filter((c) => actual.get(c.id) !== c.expected);
  out.push('', 'Every disagreement:', '');
  if (wrong.length === 0) out.push('- none');
  for (const c of wrong) out.push(`- \`${c.id}\` expected **${c.expected}**, Hale **${actual.get(c.id) ?? '—'}**: “${c.text}”`);
  out.push('', 'Where each expected level comes from (the `source` of each case):', '');
  out.push('| Source | Cases | Guidance |', '|---|---|---|');
  for (const [id, text] of Object.entries(sources)) {
    const n = cases.filter((c) => c.source === id).length;
    if (n > 0) out.push(`| \`${id}\` | ${n} | ${cell(text)} |`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
