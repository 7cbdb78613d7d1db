/**
 * Nearest-example similarity on character 3- and 4-grams (TF-IDF, cosine). It complements
 * nlp.js's word-level classifier where words differ but their letters do not: German compounds
 * ("Kartenzahlung" / "mit Karte zahlen"), inflections, missing accents and small typos.
 */

export interface LabelledText {
  text: string;
  label: string;
}

export interface NgramIndex {
  /** Per label, the cosine similarity (0–1) of `text` to that label's closest example. */
  similarities(text: string): Map<string, number>;
}

export function buildNgramIndex(examples: readonly LabelledText[]): NgramIndex {
  const counted = examples.map((e) => ({ label: e.label, grams: countGrams(e.text) }));
  const documentFrequency = new Map<string, number>();
  for (const { grams } of counted) {
    for (const gram of grams.keys()) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  }
  const idf = (gram: string) => Math.log((counted.length + 1) / ((documentFrequency.get(gram) ?? 0) + 1));
  const toVector = (grams: Map<string, number>) => normalize(new Map([...grams].map(([gram, n]) => [gram, (1 + Math.log(n)) * idf(gram)])));
  const vectors = counted.map(({ label, grams }) => ({ label, vector: toVector(grams) }));

  return {
    similarities(text) {
      const query = toVector(countGrams(text));
      const best = new Map<string, number>();
      for (const { label, vector } of vectors) {
        let dot = 0;
        for (const [gram, weight] of query) dot += weight * (vector.get(gram) ?? 0);
        if (dot > (best.get(label) ?? 0)) best.set(label, Math.min(1, dot));
      }
      return best;
    },
  };
}

/** " word " padded, so the start and end of words count: "cita" → " ci", "cit", "ita", "ta ", " cit", "cita", "ita ". */
function countGrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = 3; n <= 4; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) {
        const gram = padded.slice(i, i + n);
        grams.set(gram, (grams.get(gram) ?? 0) + 1);
      }
    }
  }
  return grams;
}

function normalize(vector: Map<string, number>): Map<string, number> {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  const length = Math.sqrt(sum);
  if (length === 0) return vector;
  return new Map([...vector].map(([gram, weight]) => [gram, weight / length]));
}
