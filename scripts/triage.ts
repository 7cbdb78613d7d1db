/**
 * Symptom triage of single messages as a command, for clinical safety review and integrations.
 *
 *   npm run --silent triage -- [--clinic CLINIC.yaml] FILE.jsonl   (or - for standard input)
 *   npm run --silent triage -- --rules-markdown                    (red-flag rule tables of docs/clinical-safety.md)
 *   npm run --silent triage -- --triage-rules-markdown             (triage rule tables of docs/clinical-safety.md)
 *   npm run --silent triage -- --evaluation-markdown CASES.jsonl SOURCES.json   (evaluation section)
 *
 * Reads one case per line, `{"id": "…", "text": "…", "lang"?: "en", "age"?: 34, "sex"?: "female",
 * "pregnant"?: true, "answers"?: {"q_…": "yes"}}` (other fields are ignored), assesses the text
 * alone, with no follow-up questions (as when a patient writes one long message), and prints one
 * line per case, `{"id","level","red_flags":[…],"department","presentations":[…],"findings":[…],
 * "rules":[…],"questions":[…]}`, and nothing else on standard output. `level` is one of
 * emergency, urgent, routine, self_care; `red_flags` are the emergency safety net's rule ids
 * (as before); `department` is one of the clinic's department ids when one fits (the demo
 * clinic's unless --clinic is given), else a generic suggestion; `questions` are the follow-up
 * questions whose answer could still change the level. Blank lines are skipped. Problems go to standard error with the line
 * number: an unreadable file stops with exit code 1; a malformed line is reported, skipped,
 * and makes the exit code 2 once every other line is done; an unknown "lang" is a warning
 * (the text is screened in every language anyway).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type Language, supportedLanguages } from '../src/core/clinic/clinic-config.ts';
import { redFlagLanguageContexts } from '../src/core/safety/red-flag-language-contexts.ts';
import { redFlagRules } from '../src/core/safety/red-flag-rules.ts';
import { toRulesMarkdown } from '../src/core/safety/to-rules-markdown.ts';
import { assessTriage, type TriageInput } from '../src/core/triage/assess-triage.ts';
import { type EvaluationCase, toEvaluationMarkdown, toTriageRulesMarkdown } from '../src/core/triage/to-triage-markdown.ts';
import type { TriageLevel } from '../src/core/triage/triage-types.ts';
import { demoClinicConfigPath, loadClinicConfig } from '../src/adapters/clinic-config/load-clinic-config.ts';
import { readFileSync } from 'node:fs';

const usage =
  'usage: npm run --silent triage -- [--clinic CLINIC.yaml] FILE.jsonl   (- reads standard input; --rules-markdown, --triage-rules-markdown, --evaluation-markdown CASES.jsonl SOURCES.json print document sections)';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = process.argv.slice(2);
let departments: readonly string[] = [];
if (args[0] === '--clinic' && args.length === 3) {
  departments = await clinicDepartments(args[1] ?? '');
  args.splice(0, 2);
} else if (args.length === 1 && args[0] !== undefined && (args[0] === '-' || !args[0].startsWith('-'))) {
  departments = await clinicDepartments(demoClinicConfigPath);
}
if (args.length === 1 && args[0] === '--rules-markdown') {
  process.stdout.write(toRulesMarkdown(redFlagRules, redFlagLanguageContexts));
} else if (args.length === 1 && args[0] === '--triage-rules-markdown') {
  process.stdout.write(toTriageRulesMarkdown());
} else if (args.length === 3 && args[0] === '--evaluation-markdown' && args[1] !== undefined && args[2] !== undefined) {
  process.stdout.write(evaluationMarkdown(args[1], args[2]));
} else if (args.length === 1 && args[0] !== undefined && (args[0] === '-' || !args[0].startsWith('-'))) {
  process.exitCode = await triage(args[0]);
} else {
  process.stderr.write(`${usage}\n`);
  process.exitCode = 64;
}

async function triage(path: string): Promise<number> {
  const input: Readable = path === '-' ? process.stdin : createReadStream(path);
  const name = path === '-' ? 'standard input' : path;
  let readError: Error | undefined;
  input.once('error', (error) => {
    readError = error;
  });
  let lineNumber = 0;
  let malformed = 0;
  try {
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      const line = (lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (line === '') continue;
      const parsed = parseCase(line);
      if (typeof parsed === 'string') {
        malformed++;
        process.stderr.write(`triage: ${name}:${lineNumber}: ${parsed}; line skipped\n`);
        continue;
      }
      if (parsed.unknownLang !== undefined) {
        process.stderr.write(`triage: ${name}:${lineNumber}: unknown lang ${JSON.stringify(parsed.unknownLang)}; screened in every language\n`);
      }
      const a = assessTriage({ ...parsed.facts, text: parsed.text, departments, ...(parsed.lang === undefined ? {} : { lang: parsed.lang }) });
      process.stdout.write(
        `${JSON.stringify({ id: parsed.id, level: a.level, red_flags: a.redFlags, department: a.department, presentations: a.presentations, findings: a.findings, rules: a.rules, questions: a.questions })}\n`,
      );
    }
  } catch (error) {
    readError ??= error instanceof Error ? error : new Error(String(error));
  }
  if (readError !== undefined) {
    process.stderr.write(`triage: cannot read ${name}${lineNumber > 0 ? ` after line ${lineNumber}` : ''}: ${readError.message}\n`);
    return 1;
  }
  if (malformed > 0) process.stderr.write(`triage: ${malformed} malformed line${malformed === 1 ? '' : 's'} skipped\n`);
  return malformed > 0 ? 2 : 0;
}

interface Case {
  id: string | number;
  text: string;
  lang: Language | undefined;
  unknownLang: unknown;
  facts: Pick<TriageInput, 'ageYears' | 'sex' | 'pregnant' | 'answers'>;
}

/** The case on one line, or why it is malformed. */
function parseCase(line: string): Case | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  const { id, text, lang } = record;
  if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) return '"id" must be a non-empty string or a number';
  if (typeof text !== 'string') return '"text" must be a string';
  const known = typeof lang === 'string' && (supportedLanguages as readonly string[]).includes(lang);
  const { age, sex, pregnant, answers } = record;
  if (age !== undefined && !(typeof age === 'number' && age >= 0 && age < 130)) return '"age" must be a number of years (0–130)';
  if (sex !== undefined && sex !== 'female' && sex !== 'male') return '"sex" must be "female" or "male"';
  if (pregnant !== undefined && typeof pregnant !== 'boolean') return '"pregnant" must be true or false';
  const answersOk = answers === undefined || (typeof answers === 'object' && answers !== null && !Array.isArray(answers) && Object.values(answers).every((v) => typeof v === 'string'));
  if (!answersOk) return '"answers" must be an object of question id → answer id';
  return {
    id,
    text,
    lang: known ? (lang as Language) : undefined,
    unknownLang: lang === undefined || lang === null || known ? undefined : lang,
    facts: {
      ...(typeof age === 'number' ? { ageYears: age } : {}),
      ...(sex === 'female' || sex === 'male' ? { sex } : {}),
      ...(typeof pregnant === 'boolean' ? { pregnant } : {}),
      ...(answers === undefined ? {} : { answers: answers as Record<string, string> }),
    },
  };
}

async function clinicDepartments(file: string): Promise<string[]> {
  try {
    return (await loadClinicConfig(file)).departments.map((d) => d.id);
  } catch (error) {
    process.stderr.write(`triage: cannot use clinic config ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** The evaluation section of docs/clinical-safety.md, from a case file and its sources. */
function evaluationMarkdown(casesFile: string, sourcesFile: string): string {
  const cases = readFileSync(casesFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvaluationCase);
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as Record<string, string>;
  const actual = new Map<string, TriageLevel>(cases.map((c) => [c.id, assessTriage({ text: c.text, lang: c.lang as Language }).level]));
  return toEvaluationMarkdown(cases, actual, sources);
}
