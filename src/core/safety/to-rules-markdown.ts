/**
 * The red-flag rules and language contexts as Markdown, for docs/clinical-safety.md
 * (`npm run --silent triage -- --rules-markdown`). A test keeps the document equal to this.
 */
import { supportedLanguages } from '../clinic/clinic-config.ts';
import type { RedFlagLanguageContext } from './red-flag-language-contexts.ts';
import type { RedFlagPattern, RedFlagRule } from './red-flag-rules.ts';

export function toRulesMarkdown(rules: readonly RedFlagRule[], contexts: Readonly<Record<string, RedFlagLanguageContext>>): string {
  const out: string[] = [];
  out.push(`${rules.length} rules; a message is an emergency when any rule fires in any language.`, '');
  for (const rule of rules) {
    out.push(`### \`${rule.id}\`: ${rule.title}`, '');
    out.push(`Category \`${rule.category}\` (advice line). ${rule.flagPastMentions === true ? 'Past mentions still fire.' : 'History ("two years ago") does not fire.'}`, '');
    out.push(rule.rationale, '');
    for (const lang of supportedLanguages) {
      out.push(`**${lang}**`, '');
      for (const pattern of rule.patterns[lang]) out.push(...patternLines(pattern));
      const exclusions = rule.exclusions?.[lang];
      if (exclusions !== undefined && exclusions.length > 0) out.push(`- not inside: ${terms(exclusions)}`);
      out.push('');
    }
  }
  out.push('### Negation, history and exclusions per language', '');
  for (const lang of supportedLanguages) {
    const c = contexts[lang];
    if (c === undefined) continue;
    out.push(`**${lang}**`, '');
    out.push(`- negation cues: ${terms(c.negations)}`);
    out.push(`- filler words between cue and term (up to 3): ${terms(c.negationFillers)}`);
    out.push(`- not a negation: ${terms(c.pseudoNegations)}`);
    out.push(`- clause breaks (besides punctuation): ${terms(c.clauseBreaks)}`);
    out.push(`- history (a month or more back): ${terms(c.pastTimes)}`);
    out.push(`- … unless the clause also says: ${terms(c.presentTimes)}`);
    out.push(`- never counts, in any rule: ${terms(c.exclusions)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function patternLines(pattern: RedFlagPattern): string[] {
  if ('anyOf' in pattern) return [`- any of: ${terms(pattern.anyOf)}`];
  return ['- all of:', ...pattern.allOf.map((group, i) => `  ${i + 1}. one of: ${terms(group)}`)];
}

function terms(list: readonly string[]): string {
  return list.map((t) => `\`${t}\``).join(' · ');
}
