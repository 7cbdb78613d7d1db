/**
 * Types for the parts of nlp.js (MIT, github.com/axa-group/nlp.js) that create-nlu.ts uses. The
 * packages ship plain CommonJS without declarations.
 */
declare module '@nlpjs/core' {
  export interface Container {
    /** Registers a plugin class (a language's tokenizer/stemmer, a classifier) by its name. */
    use(plugin: unknown): void;
    /** Settings for every component whose tag matches (`nlu-??` = each language's classifier). */
    registerConfiguration(tag: string, configuration: object, overwrite: boolean): void;
    /** Registers a value (e.g. a language's sentiment dictionaries, `sentiment-en`) by name. */
    register(name: string, value: unknown): void;
  }
  /** A fresh dependency container with an in-memory `fs` that never touches the disk. */
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';

  /** Classifier settings (see nlp.js's nlu.js); also read per call from the manager's settings. */
  export interface NluClassifierSettings {
    keepStopwords?: boolean;
    nonefeatureValue?: number;
    nonedeltaMultiplier?: number;
    /** How much each unknown word adds to the "None" feature (default: intents ÷ features). */
    nonedeltaValue?: number;
    spellCheck?: boolean;
    spellCheckDistance?: number;
    filterZeros?: boolean;
    /** false: no training progress on the console. */
    log?: boolean;
  }

  export interface NluManagerSettings extends NluClassifierSettings {
    locales: string[];
    /** Adds the "None" intent, scored up by words the model has never seen. */
    useNoneFeature?: boolean;
    trainByDomain?: boolean;
  }

  export interface NluClassification {
    intent: string;
    score: number;
  }

  export interface NluResult {
    locale: string;
    utterance: string;
    classifications: NluClassification[];
    intent: string;
    score: number;
  }

  export class NluManager {
    constructor(settings: NluManagerSettings, container: Container);
    add(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NluResult>;
  }

  /** The neural classifier class NluManager uses per locale (registered as "NeuralNlu"). */
  export const NluNeural: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}
declare module '@nlpjs/lang-pt' {
  export const LangPt: unknown;
}

declare module '@nlpjs/sentiment' {
  import type { Container } from '@nlpjs/core';

  export interface SentimentResult {
    sentiment: { score: number; numWords: number; numHits: number; average: number; type: string | undefined; locale: string; vote: 'positive' | 'neutral' | 'negative' };
  }

  /** Lexicon sentiment: the sum of the words' valences, a negation word flipping the words after it. */
  export class SentimentAnalyzer {
    constructor(settings: { container: Container });
    process(input: { locale: string; text: string }): Promise<SentimentResult>;
  }
}

declare module '@nlpjs/lang-en/src/sentiment/negations_en.json' {
  const negations: { words: string[] };
  export default negations;
}
