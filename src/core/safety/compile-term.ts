/**
 * Red-flag terms are written in a small pattern language a clinician can read, and compiled
 * here to regular expressions over normalized text (see normalizeText). Syntax:
 *
 * | Write            | Matches                                                              |
 * |------------------|----------------------------------------------------------------------|
 * | `chest pain`     | these words, in this order, next to each other                       |
 * | `breath*`        | a word starting with "breath" (breath, breathe, breathing)           |
 * | `*vergiftung`    | a word ending with "vergiftung" (German compounds: Alkoholvergiftung) |
 * | `(his|her|my)`   | one of the alternatives; an empty one makes the group optional: `(is|)` |
 * | `pain .. chest`  | up to three other words in between ("pain in my chest")              |
 * | `#`              | any number (39, 38.5)                                                |
 * | `#year`          | a year 1900–2099                                                     |
 * | `#temp`          | a temperature ≥ 38 °C (38–42.9) or ≥ 100.4 °F (100.4–109.9) written with a unit ("38 c", "39 grad", "101 f") or with decimals ("38.5") |
 * | `#hot`           | the same numbers without a unit (use it only after a temperature word) |
 * | `#many`          | a count of 10 or more that is not a dose, time or age ("20", not "10 mg", "10 am", "12 years") |
 *
 * Every term matches whole words only: `pain` does not match "painting" (use `pain*`). A word is
 * letters or digits, not both: normalization splits "3rd" into "3 rd", so write `3 rd`.
 * A term never crosses a clause break (".", ",", "!", "?", a line break…).
 */

const wordGap = '(?: [a-z0-9.]+){0,3}';
const temperatureCelsius = '(?:3[89]|4[0-2])(?:\\.\\d+)?';
const temperatureFahrenheit = '(?:100\\.[4-9]\\d*|10[1-9](?:\\.\\d+)?)';
const specialWords: Readonly<Record<string, string>> = {
  '#': '\\d+(?:\\.\\d+)?',
  '#year': '(?:19|20)\\d\\d',
  '#temp':
    `(?:${temperatureCelsius} (?:deg|degree|degrees|degre|degres|grad|grade|grado|grados|grau|graus|c|celsius)` +
    `|(?:3[89]|4[0-2])\\.\\d+` +
    `|${temperatureFahrenheit} (?:deg|degree|degrees|f|fahrenheit)` +
    `|100\\.[4-9]\\d*|10[1-9]\\.\\d+)`,
  '#hot': `(?:${temperatureCelsius}|${temperatureFahrenheit})`,
  '#many': `[1-9]\\d+(?! (?:${[
    'mg', 'ml', 'mcg', 'g', 'gr', 'kg', 'lb', 'lbs', 'units', 'iu', 'ui', 'am', 'pm', 'h', 'hr', 'hrs', 'uhr', 'min', 'mins',
    'minutes', 'hours', 'heures', 'horas', 'minutos', 'minuten', 'stunden', 'year', 'years', 'yr', 'yrs', 'ans', 'anos', 'jahre',
    'jahren', 'month', 'months', 'meses', 'mois', 'monate', 'monaten', 'week', 'weeks', 'semanas', 'semaines', 'wochen', 'day',
    'days', 'dias', 'jours', 'tage', 'tagen', 'deg', 'c', 'f', 'grad', 'grados', 'graus', 'degres', 'percent', 'prozent',
  ].join('|')})(?![a-z0-9]))`,
};

type Item = { kind: 'word'; source: string } | { kind: 'gap' } | { kind: 'group'; alternatives: Item[][]; optional: boolean };

/** The regular expression source of `term`, with word boundaries; throws on a syntax error. */
export function compileTermSource(term: string): string {
  return `(?<![a-z0-9])${compileSequence(parseTerm(term), term)}(?![a-z0-9])`;
}

/** `term` compiled to a global regular expression over normalized text. */
export function compileTerm(term: string): RegExp {
  return new RegExp(compileTermSource(term), 'g');
}

/** Several terms as one expression that matches where any of them does (a fast first test). */
export function compileAnyTerm(terms: readonly string[]): RegExp {
  if (terms.length === 0) throw new Error('a term list must not be empty');
  return new RegExp(terms.map(compileTermSource).join('|'));
}

function parseTerm(term: string): Item[] {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`red-flag term "${term}": ${message} at character ${i + 1}`);
  };
  const sequence = (inGroup: boolean): Item[] => {
    const items: Item[] = [];
    while (i < term.length) {
      const c = term[i];
      if (c === ')' || c === '|') {
        if (!inGroup) fail(`unexpected "${c}"`);
        break;
      }
      if (items.length > 0) {
        if (c !== ' ') fail('expected one space between words');
        i++;
      }
      if (term.startsWith('..', i)) {
        if (items.length === 0) fail('".." cannot start a sequence');
        if (items[items.length - 1]?.kind === 'gap') fail('two ".." in a row');
        items.push({ kind: 'gap' });
        i += 2;
      } else if (term[i] === '(') {
        i++;
        const alternatives = [sequence(true)];
        while (term[i] === '|') {
          i++;
          alternatives.push(sequence(true));
        }
        if (term[i] !== ')') fail('missing ")"');
        i++;
        const nonEmpty = alternatives.filter((a) => a.length > 0);
        if (nonEmpty.length === 0) fail('empty group');
        const optional = nonEmpty.length < alternatives.length;
        if (optional && items.length === 0) fail('an optional group "(…|)" cannot come first');
        items.push({ kind: 'group', alternatives: nonEmpty, optional });
      } else {
        const match = /^(?:#(?:year|temp|hot|many)?|\*?(?:[a-z]+|[0-9]+)\*?)(?![a-z0-9])/.exec(term.slice(i));
        if (match === null) fail('expected a word of lowercase letters a–z (no accents) or of digits (normalization splits "3rd" into "3 rd"), "..", "(" or "#"');
        const word = match?.[0] ?? '';
        const special = specialWords[word];
        const source = special ?? word.replace(/\*/g, '[a-z0-9]*');
        items.push({ kind: 'word', source });
        i += word.length;
      }
    }
    if (items.length === 0 && !inGroup) fail('empty term');
    return items;
  };
  const items = sequence(false);
  if (i < term.length) fail('unexpected character');
  return items;
}

function compileSequence(items: readonly Item[], term: string): string {
  let out = '';
  items.forEach((item, index) => {
    if (item.kind === 'gap') {
      out += wordGap;
      return;
    }
    const body = item.kind === 'word' ? item.source : `(?:${item.alternatives.map((a) => compileSequence(a, term)).join('|')})`;
    if (index === 0) out += body;
    else if (item.kind === 'group' && item.optional) out += `(?: ${body})?`;
    else out += ` ${body}`;
  });
  return out;
}
