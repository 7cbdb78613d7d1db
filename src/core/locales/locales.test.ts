import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en, type MessageKey } from './en.ts';
import { isKeyword, type KeywordGroup, locales, normalizeForMatch } from './translate.ts';

const keywordGroups: readonly KeywordGroup[] = [
  'yesWords',
  'noWords',
  'keywordStop',
  'keywordStart',
  'keywordMenu',
  'keywordHelp',
  'keywordAgent',
  'keywordWithdraw',
  'keywordLanguage',
];
const isKeywordKey = (key: string): key is KeywordGroup => (keywordGroups as readonly string[]).includes(key);

const enKeys = Object.keys(en).sort() as MessageKey[];
const proseKeys = enKeys.filter((key) => !isKeywordKey(key));
/** Prose that may legitimately read the same as in English (placeholder-only lines). */
const sameAsEnglishAllowed = new Set<MessageKey>(['addressLine', 'intakeNo']);

/** WhatsApp limits (characters, counted as code points). */
const limits: ReadonlyArray<[max: number, keys: readonly MessageKey[]]> = [
  [20, ['consentAgree', 'consentDecline', 'changeLanguage', 'withdrawConsentButton', 'keepConsentButton', 'faqNoneOfThese']],
  [24, ['menuBook', 'menuAppointments', 'menuFaq', 'menuHours', 'menuStaff', 'menuLanguage', 'privacyRow', 'faqMore', 'languageName']],
  [72, enKeys.filter((key) => key.endsWith('Description'))],
  [20, ['menuButton', 'chooseLanguageButton', 'faqButton']],
  [20, ['bookProvidersButton', 'waitWeek', 'waitTwoWeeks', 'waitMonth', 'waitOfferDecline', 'apptMoveButton', 'apptCancelButton', 'apptBackButton', 'intakeSkipButton', 'intakeYes', 'intakeNo']],
  [24, ['bookAnyProvider', 'waitJoinRow']],
];
const maxMessage = 1024;

const length = (s: string) => [...s].length;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const bold = (s: string) => [...s.matchAll(/\*([^*\n]+)\*/g)].map((m) => m[1] ?? '');

for (const [lang, messages] of Object.entries(locales)) {
  test(`${lang}: same keys as en`, () => {
    assert.deepEqual(Object.keys(messages).sort(), enKeys);
  });

  test(`${lang}: no empty value, same {placeholders} as en, balanced *bold*`, () => {
    for (const key of enKeys) {
      const value = messages[key];
      assert.equal(typeof value, 'string', key);
      assert.ok(value.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(placeholders(value), placeholders(en[key]), `${lang}.${key} placeholders`);
      assert.equal((value.match(/\*/g) ?? []).length % 2, 0, `${lang}.${key} has an unbalanced *`);
    }
  });

  if (lang !== 'en') {
    test(`${lang}: prose is translated (not identical to English)`, () => {
      for (const key of proseKeys) {
        if (sameAsEnglishAllowed.has(key)) continue;
        assert.notEqual(messages[key], en[key], `${lang}.${key} is still English`);
      }
    });
  }

  test(`${lang}: WhatsApp length limits`, () => {
    for (const [max, keys] of limits) {
      for (const key of keys) assert.ok(length(messages[key]) <= max, `${lang}.${key} is ${length(messages[key])} > ${max}: ${messages[key]}`);
    }
    for (const key of enKeys) assert.ok(length(messages[key]) <= maxMessage, `${lang}.${key} is longer than ${maxMessage}`);
  });

  test(`${lang}: keyword lists are well formed`, () => {
    for (const group of keywordGroups) {
      const items = messages[group].split('|');
      for (const item of items) assert.ok(normalizeForMatch(item).length > 0, `${lang}.${group} has an empty item`);
    }
    assert.ok(messages.keywordStop.split('|').map(normalizeForMatch).includes('stop'), `${lang}.keywordStop lacks stop`);
    assert.ok(messages.keywordStart.split('|').map(normalizeForMatch).includes('start'), `${lang}.keywordStart lacks start`);
  });

  test(`${lang}: words the patient is told to write are keywords`, () => {
    const expected: ReadonlyArray<[MessageKey, readonly KeywordGroup[]]> = [
      ['help', ['keywordMenu', 'keywordAgent', 'keywordStop']],
      ['consentDeclined', ['keywordAgent', 'keywordMenu']],
      ['consentWithdrawn', ['keywordMenu']],
      ['handBack', ['keywordMenu']],
      ['thanksReply', ['keywordMenu']],
      ['optedOut', ['keywordStart']],
      ['optedIn', ['keywordStop']],
      ['consentReminder', ['yesWords', 'noWords']],
    ];
    for (const [key, groups] of expected) {
      const words = bold(messages[key]);
      assert.equal(words.length, groups.length, `${lang}.${key}: expected ${groups.length} *keywords*, found ${words.join(', ')}`);
      words.forEach((word, i) => assert.ok(isKeyword(word, groups[i] as KeywordGroup), `${lang}.${key}: "${word}" is not in ${groups[i]}`));
    }
    assert.ok(isKeyword(messages.consentAgree, 'yesWords'), `${lang}.consentAgree is not a yes word`);
    assert.ok(isKeyword(messages.consentDecline, 'noWords'), `${lang}.consentDecline is not a no word`);
  });
}

test('no keyword belongs to two groups (keywords are shared by all languages)', () => {
  const owner = new Map<string, string>();
  for (const [lang, messages] of Object.entries(locales)) {
    for (const group of keywordGroups) {
      for (const word of messages[group].split('|').map(normalizeForMatch)) {
        const previous = owner.get(word);
        if (previous !== undefined && previous.split(':')[1] !== group) assert.fail(`"${word}" is in ${previous} and ${lang}:${group}`);
        owner.set(word, `${lang}:${group}`);
      }
    }
  }
});

test('isKeyword recognises keywords of every language, whatever the case, accents and punctuation', () => {
  const cases: ReadonlyArray<[string, KeywordGroup]> = [
    ['STOP', 'keywordStop'],
    ['Stop.', 'keywordStop'],
    ['Stopp', 'keywordStop'],
    ['Baja', 'keywordStop'],
    ['darme de baja', 'keywordStop'],
    ['désabonner', 'keywordStop'],
    ['SAIR', 'keywordStop'],
    ['Start', 'keywordStart'],
    ['Menü', 'keywordMenu'],
    ['menu', 'keywordMenu'],
    ['Menú', 'keywordMenu'],
    ['agente', 'keywordAgent'],
    ['Mitarbeiter', 'keywordAgent'],
    ['Secretariat', 'keywordAgent'],
    ['atendente', 'keywordAgent'],
    ['Hilfe', 'keywordHelp'],
    ['ayuda', 'keywordHelp'],
    ['Oui', 'yesWords'],
    ["d'accord", 'yesWords'],
    ['sim', 'yesWords'],
    ['Sí', 'yesWords'],
    ['Ja!', 'yesWords'],
    ['Nein', 'noWords'],
    ['não', 'noWords'],
    ['Non merci', 'noWords'],
    ['Sprache', 'keywordLanguage'],
    ['idioma', 'keywordLanguage'],
    ['meine Daten löschen', 'keywordWithdraw'],
  ];
  for (const [text, group] of cases) assert.ok(isKeyword(text, group), `"${text}" should be in ${group}`);
});

test('ordinary messages are not opt-out keywords', () => {
  for (const text of ['no', 'nein', 'non', 'não', 'cancel', 'cancelar', 'annuler', 'absagen', 'ok']) {
    assert.equal(isKeyword(text, 'keywordStop'), false, `"${text}" must not opt the patient out`);
  }
});
