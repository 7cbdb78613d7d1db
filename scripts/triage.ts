/**
 * Emergency red-flag screening as a command, for clinical safety review.
 *
 *   npm run --silent triage -- FILE.jsonl        (or - for standard input)
 *   npm run --silent triage -- --rules-markdown  (the rule tables of docs/clinical-safety.md)
 *
 * Reads one case per line, `{"id": "…", "text": "…", "lang"?: "en"}` (other fields are
 * ignored), and prints one line per case, `{"id","level","red_flags":[…]}`, and nothing else
 * on standard output. Blank lines are skipped. Problems go to standard error with the line
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
import { screenRedFlags } from '../src/core/safety/screen-red-flags.ts';
import { toRulesMarkdown } from '../src/core/safety/to-rules-markdown.ts';

const usage = 'usage: npm run --silent triage -- FILE.jsonl   (- reads standard input; --rules-markdown prints the rules)';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--rules-markdown') {
  process.stdout.write(toRulesMarkdown(redFlagRules, redFlagLanguageContexts));
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
      const screening = screenRedFlags(parsed.text, parsed.lang);
      process.stdout.write(`${JSON.stringify({ id: parsed.id, level: screening.level, red_flags: screening.redFlags })}\n`);
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
  return {
    id,
    text,
    lang: known ? (lang as Language) : undefined,
    unknownLang: lang === undefined || lang === null || known ? undefined : lang,
  };
}
