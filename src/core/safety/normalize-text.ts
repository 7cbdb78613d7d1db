/**
 * Normalizes patient text for red-flag screening, so rules can be written once in plain
 * lowercase ASCII: "J’ai très MAL à la poitrine!!" → "j ai tres mal a la poitrine".
 *
 * - lowercase; accents and diacritics removed (ß → ss, œ → oe, æ → ae, ø → o);
 * - decimal commas unified ("39,5" → "39.5"); ordinal dots dropped ("30. Woche" → "30 woche");
 *   degree signs become the word "deg" ("39°C" → "39 deg c"); digits and letters split
 *   ("2months" → "2 months");
 * - apostrophes: French elisions split ("j'ai" → "j ai", "n'arrive" → "n arrive"),
 *   other apostrophes dropped ("can't" → "cant", "aujourd'hui" → "aujourdhui");
 * - a letter typed three or more times in a row counts once ("breeeathe" → "breathe");
 * - sentence punctuation and line breaks become a clause break "|"; every other symbol
 *   (emoji, hyphens, slashes) becomes a space; words are separated by one space.
 *
 * The result contains only a–z, 0–9, "." inside decimal numbers, "|" and single spaces.
 */
export function normalizeText(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[°º˚]/g, ' deg ')
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/(\d)[.,](?=\d)/g, '$1\u0000')
    .replace(/(\d)\.(?= [a-z])/g, '$1')
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/(^|[^a-z0-9])(qu|[cdjlmnst])'(?=[a-z])/g, '$1$2 ')
    .replace(/'/g, '')
    .replace(/(\d)(?=[a-z])/g, '$1 ')
    .replace(/([a-z])(?=\d)/g, '$1 ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/[.!?;:,()[\]{}"…¡¿|\n\r]+/g, ' | ')
    .replace(/[^a-z0-9|\u0000]+/g, ' ')
    .replace(/\u0000/g, '.');
  const words: string[] = [];
  for (const word of s.split(' ')) {
    if (word === '') continue;
    if (word === '|' && (words.length === 0 || words[words.length - 1] === '|')) continue;
    words.push(word);
  }
  if (words[words.length - 1] === '|') words.pop();
  return words.join(' ');
}
