import { supportedLanguages, type FaqEntry } from '../clinic/clinic-config.ts';
import { locales } from '../locales/translate.ts';
import type { Choice } from '../messages.ts';
import { triageText } from '../triage/triage-texts.ts';
import { careText } from '../care/care-texts.ts';
import { languageOf, replyChoices, say, type Turn } from './turn.ts';

const MAX_ROWS = 10;

/** The main menu: only what this clinic switched on, and booking only with consent. */
export function showMenu(turn: Turn, intro = say(turn, 'menuIntro')): void {
  const features = new Set(turn.config.features);
  const consented = turn.state.consent === 'granted';
  const rows: Choice[] = [];
  const row = (id: string, title: Parameters<typeof say>[1], description: Parameters<typeof say>[1]) =>
    rows.push({ id, title: say(turn, title), description: say(turn, description) });
  if (features.has('booking') && consented) row('menu:book', 'menuBook', 'menuBookDescription');
  if (features.has('my_appointments') && consented) row('menu:appointments', 'menuAppointments', 'menuAppointmentsDescription');
  if (turn.config.triage.enabled && consented) rows.push({ id: 'menu:symptoms', title: triageText(languageOf(turn), 'menuRow'), description: triageText(languageOf(turn), 'menuRowDescription') });
  if (features.has('refills') && consented) rows.push({ id: 'rx:start', title: careText(languageOf(turn), 'menuRow'), description: careText(languageOf(turn), 'menuRowDescription') });
  if (features.has('faq') && turn.config.faq.length > 0) row('menu:faq', 'menuFaq', 'menuFaqDescription');
  if (features.has('opening_hours')) row('menu:hours', 'menuHours', 'menuHoursDescription');
  if (features.has('talk_to_staff')) row('menu:staff', 'menuStaff', 'menuStaffDescription');
  if (features.has('language') && turn.config.languages.supported.length > 1) row('menu:language', 'menuLanguage', 'menuLanguageDescription');
  if (consented) row('menu:privacy', 'privacyRow', 'privacyRowDescription');
  replyChoices(turn, intro, rows.slice(0, MAX_ROWS), say(turn, 'menuButton'));
  turn.state.step = 'menu';
}

export function showLanguages(turn: Turn, returnTo: 'consent' | 'menu'): void {
  const choices = turn.config.languages.supported
    .filter((lang) => supportedLanguages.includes(lang))
    .map((lang) => ({ id: `lang:${lang}`, title: locales[lang].languageName }));
  replyChoices(turn, say(turn, 'chooseLanguage'), choices.slice(0, MAX_ROWS), say(turn, 'chooseLanguageButton'));
  turn.state.step = 'language';
  turn.state.returnTo = returnTo;
}

/** A short title for an FAQ entry in the patient's language (≤24 characters for a list row). */
export function faqTitle(turn: Turn, entry: FaqEntry): string {
  const lang = languageOf(turn);
  const label = entry.label?.[lang] ?? entry.label?.[turn.config.languages.default];
  const fallback = entry.questions[lang]?.[0] ?? entry.questions[turn.config.languages.default]?.[0] ?? entry.id;
  return truncate(label ?? fallback, 24);
}

/** FAQ entries as a list; more than ten get a "more" row that opens the next page (STYLE.md #8). */
export function showFaqList(turn: Turn, page = 0): void {
  const perPage = MAX_ROWS - 1;
  const entries = turn.config.faq.slice(page * perPage, page * perPage + perPage);
  const rows: Choice[] = entries.map((entry) => ({ id: `faq:${entry.id}`, title: faqTitle(turn, entry) }));
  if (turn.config.faq.length > (page + 1) * perPage) rows.push({ id: `faqpage:${page + 1}`, title: say(turn, 'faqMore') });
  replyChoices(turn, say(turn, 'faqIntro'), rows, say(turn, 'faqButton'));
  turn.state.step = 'menu';
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
