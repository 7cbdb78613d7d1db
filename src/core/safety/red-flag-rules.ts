/**
 * The emergency red-flag rules: clinician-reviewable data, one object per red flag.
 *
 * A rule fires in a language when any of its patterns matches. A pattern is either
 * `anyOf` (one term is enough) or `allOf` (each group needs one of its terms, anywhere in
 * the message: chest pain AND (breathless | sweating | radiating | crushing …)). Terms use
 * the syntax of compile-term.ts (lowercase, no accents; `word*` stem; `(a|b|)` alternatives;
 * `..` up to three words). Messages are screened in every language at once.
 *
 * A term does not count when it is negated ("no chest pain"), part of history ("last year",
 * "two years ago"), or inside one of the rule's `exclusions` (see
 * red-flag-language-contexts.ts for negation and history cues per language).
 *
 * The order matters: it is the order of the rule ids in every result and the priority of the
 * advice lines sent to the patient (at most three), first aid first: airway, breathing and
 * circulation, then the time-critical conditions.
 *
 * Changing a rule: see docs/clinical-safety.md ("Review process"): re-run the tests and the
 * triage command, and regenerate the rule tables in the document.
 */
import type { Language } from '../clinic/clinic-config.ts';

export const redFlagCategories = [
  'unconscious',
  'breathing',
  'bleeding',
  'allergy',
  'chest_pain',
  'stroke',
  'seizure',
  'self_harm',
  'poisoning',
  'meningitis',
  'infant_fever',
  'head_injury',
  'pregnancy',
  'burn',
] as const;
export type RedFlagCategory = (typeof redFlagCategories)[number];

export type RedFlagPattern =
  /** Fires when any one of the terms matches. */
  | { readonly anyOf: readonly string[] }
  /** Fires when every group has a matching term (groups are ANDed, terms in a group ORed). */
  | { readonly allOf: readonly (readonly string[])[] };

export interface RedFlagRule {
  /** Stable id, shown to staff and in the triage command's output. */
  readonly id: string;
  /** Chooses the what-to-do-now line sent to the patient (locales/*.ts). */
  readonly category: RedFlagCategory;
  /** For reviewers, English. */
  readonly title: string;
  /** Why this is an emergency, and the source of the criteria. */
  readonly rationale: string;
  readonly patterns: Readonly<Record<Language, readonly RedFlagPattern[]>>;
  /** Phrases per language whose terms do not count for this rule ("food poisoning"). */
  readonly exclusions?: Readonly<Partial<Record<Language, readonly string[]>>>;
  /** When true, history ("two years ago") does not silence this rule. */
  readonly flagPastMentions?: boolean;
}

// Shared term groups. They are expanded in full in docs/clinical-safety.md.

const enBreathingHard = [
  '(cant|can not|cannot|unable to|couldnt) (breath*|breth*|brath*)',
  '(struggling|fighting|gasping) (to|for) (breath*|air)',
  'gasping',
  '(hard|difficult|impossible) to (breath*|breth*)',
  '(hard time|trouble|difficulty|difficulties|problems|struggling) breathing',
  'breathing (is|) (very|really|so|) (difficult|hard|laboured|labored)',
  '(cant|cannot|can not|couldnt) (catch|get) (my|his|her|their|a) breath',
  '(not|isnt|is not|stopped|stop|has stopped|barely|hardly) breathing',
  'no longer breathing',
  'blue lips',
  'lips (are|look|going|turning|turned|have gone|gone|went) (blue|purple|grey|gray)',
  '(turning|going|gone|turned|went) (blue|purple)',
];

const enChestPain = [
  'chest (pain*|pian*|pein*|hurt*|ache*|aching|discomfort|sore|tight*|pressure|is hurting|is sore)',
  '(chets|chst|cheast) (pain*|pian*|hurt*)',
  '(pain*|pian*|hurt*|ache*|aching) .. chest',
  'heart (pain|hurts|is hurting|aches)',
  'pain .. heart',
  '(middle|centre|center|left side|right side) of (my|his|her|their|the) chest',
  'angina',
];

const deBreathingHard = [
  '(kriege|krieg|kriegt|bekomme|bekomm|bekommt|habe|hab|hat) (keine|kaum|schlecht|nur schwer|ganz schlecht) luft',
  'keine luft (mehr|)',
  'kaum luft',
  'luftnot',
  'atemnot',
  'kann (nicht|kaum|nicht mehr|schlecht|nicht richtig) (atmen|luft holen|durchatmen)',
  'kann .. nicht (mehr|) atmen',
  '(atmet|atme) (nicht|nicht mehr|kaum|ganz schwer|sehr schwer|schwer)',
  'schwer (zu|) atmen',
  '(hort|hoert) auf zu atmen',
  'atmung (setzt aus|stoppt|hat aufgehort|hat aufgehoert)',
  '(ringt|schnappt|japst) nach luft',
  'erstick*',
  'blaue lippen',
  'lippen .. blau',
  '(lauft|laeuft|wird|ist) blau (an|)',
  'blau angelaufen',
];

const deChestPain = [
  '*brustschmerz*',
  'brustschmertz*',
  '(schmerz*|weh|stechen|ziehen|brennen|druck) (in|an|auf) (der|die|meiner|seiner|ihrer|) brust',
  'schmerz* .. brust',
  'brust .. (weh|schmerz*|sticht|zieht|druckt|drueckt|brennt)',
  'herz (tut|) .. weh',
  'herzschmerz*',
  'herzstechen',
  'stechen .. herz*',
  'thoraxschmerz*',
  'angina pectoris',
];

const esBreathingHard = [
  'no (puedo|puede|podia|podemos|pueden|puedes) (casi|) respirar',
  'casi no (puedo|puede) respirar',
  '(me|le|nos) cuesta (mucho|) respirar',
  'dificultad (para|al|de) respirar',
  '(me|se|te) (ahog*|esta ahogando|estoy ahogando)',
  'ahogandome',
  'ahogandose',
  'falta (de|el) aire',
  '(me|le) falta (el|) aire',
  'sin aire',
  'no (me|le) entra (el|) aire',
  'no (me|le) deja respirar',
  'no respira',
  'dejo de respirar',
  'sin (poder|) respirar',
  'respira (muy|) (mal|raro|rapido|con dificultad)',
  'labios (morados|azules|moraditos)',
  '(se|le|me) (esta|) (poniendo|puso|pone) (morado|morada|azul|moradito)',
  'atragant*',
  '(se|le|me) (atoro|atoraron|atasco) ..',
  'algo (atorado|atascado) ..',
];

const esChestPain = [
  'dolor* .. pecho',
  'duele .. pecho',
  'pecho .. (duele|dolor|doliendo)',
  'dolor toracico',
  '(me|le) duele el corazon',
  'dolor (en el|al) corazon',
  '(punzada|pinchazo|pinchazos|punzadas) .. pecho',
];

const frBreathingHard = [
  '(arrive|arrives|arrivent|arrivait|peux|peut|pouvait|parviens|parvient) (pas|plus|presque pas) (a|) respirer',
  '(du|de|beaucoup de) mal a respirer',
  'difficult* (a|pour|de) respirer',
  'difficult* respiratoire*',
  'respire (mal|difficilement|tres mal|plus|pas|avec difficulte|bizarrement)',
  'ne respire',
  'etouff*',
  'suffoqu*',
  'manque (d|) air',
  'cherche (son|mon|sa) (air|souffle|respiration)',
  'a bout de souffle',
  'levres (bleues|violettes|grises)',
  '(devient|devenu|devenue|vire|est) (bleu|bleue|violet|violette)',
  'avale de travers',
  'coince* .. gorge',
];

const frChestPain = [
  'mal .. poitrine',
  'douleur* .. poitrine',
  'douleur* thoracique*',
  'poitrine .. (fait mal|douloureuse|brule|me brule)',
  'mal au thorax',
  'milieu de la poitrine',
  'douleur* .. coeur',
  'point .. (poitrine|coeur)',
  'angine de poitrine',
];

const ptBreathingHard = [
  'nao (consigo|consegue|conseguia|conseguimos|to conseguindo|estou conseguindo|esta conseguindo|ta conseguindo) (mais|) respirar',
  'dificuldade (para|pra|de|em|pro) respirar',
  'falta de ar',
  'sem ar',
  'sem (conseguir|) respirar',
  'nao (esta|ta|estava) respirando',
  'nao respira',
  'parou de respirar',
  'sufoc*',
  'engasg*',
  '(respirando|respira) (mal|com dificuldade|muito rapido|estranho)',
  'labios (roxos|azuis|arroxeados)',
  '(ficando|ficou|esta|ta) (roxo|roxa|azul|roxinho|roxinha)',
  'cansaco (para|pra) respirar',
];

const ptChestPain = [
  'dor* .. peito',
  '(doi|doendo) .. peito',
  'peito .. (doendo|doi|dor)',
  'dor toracica',
  'dor no coracao',
  'pontada* .. peito',
];

const enPills = ['pill*', 'tablet*', 'meds', 'medication*', 'medicine*', 'capsule*', 'caps', 'paracetamol', 'acetaminophen', 'tylenol', 'ibuprofen', 'aspirin', 'insulin', 'antidepressant*', 'painkiller*', 'sleeping pills', 'opioid*', 'oxy*', 'codeine', 'co codamol', 'tramadol', 'diazepam', 'xanax', 'sertraline', 'citalopram', 'fluoxetine', 'amitriptyline', 'lithium', 'iron'];
const dePills = ['tabletten', 'tablette', 'pillen', 'medikament*', 'kapseln', 'schlaftablett*', 'schmerzmittel', 'schmerztabletten', 'paracetamol', 'ibuprofen', 'aspirin', 'insulin', 'antidepressiva', 'beruhigungsmittel', 'tropfen', 'tavor', 'diazepam', 'tramadol', 'novalgin', 'metamizol', 'eisentabletten'];
const esPills = ['pastillas', 'pastilla', 'pildoras', 'tabletas', 'medicinas', 'medicamentos', 'capsulas', 'paracetamol', 'ibuprofeno', 'insulina', 'antidepresivos', 'calmantes', 'somniferos', 'ansioliticos', 'clonazepam', 'alprazolam', 'diazepam', 'tramadol', 'metamizol', 'nolotil'];
const frPills = ['comprimes', 'comprime', 'medicaments', 'medicament', 'medocs', 'cachets', 'pilules', 'gelules', 'doliprane*', 'dafalgan', 'efferalgan', 'paracetamol', 'ibuprofene', 'insuline', 'somnifere*', 'antidepresseur*', 'anxiolytique*', 'xanax', 'lexomil', 'tramadol', 'stilnox'];
const ptPills = ['comprimido*', 'remedio*', 'pilula*', 'capsula*', 'calmante*', 'paracetamol', 'dipirona', 'ibuprofeno', 'insulina', 'antidepressivo*', 'rivotril', 'clonazepam', 'tramadol', 'dorflex', 'remedios de dormir'];
/** "20 of my tablets": a count of ten or more right before a medicine word. */
const countOf = (pills: readonly string[]) => `#many .. (${pills.join('|')})`;

export const redFlagRules: readonly RedFlagRule[] = [
  {
    id: 'unconscious',
    category: 'unconscious',
    title: 'Unconscious, unresponsive, collapsed, fainted and not waking',
    rationale:
      'Someone who has collapsed, cannot be woken, does not respond, or has fainted and not come round may have a cardiac arrest or another life-threatening cause: call the emergency number and follow the call handler (Resuscitation Council UK; NHS "When to call 999"). A faint that is over does not fire on its own.',
    patterns: {
      en: [
        {
          anyOf: [
            'unconscious*',
            'unconcious*',
            'unresponsive',
            '(not|isnt|wont|doesnt|is not|does not|stopped|no longer) (responding|respond|responsive|reacting|react)',
            '(cant|cannot|can not|couldnt|unable to) (wake|rouse) (him|her|them|my|the|our|your|up)',
            '(wont|isnt|not|doesnt|does not|hasnt|has not|didnt) (wake|waking|woken|woke) up',
            '(collapse|collapsed|collapses|collapsing)',
            '(lost|losing|loss of|lose) consciousness',
            'knocked (out|unconscious)',
            '(fainted|passed out|blacked out) .. (not|still|wont|hasnt|cant|isnt|doesnt|havent)',
            'out cold',
            'lifeless',
            'no pulse',
            '(baby|infant|newborn) .. (floppy|limp|not moving|unresponsive)',
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'bewusstlos*',
            'ohne bewusstsein',
            'nicht (mehr|) (bei bewusstsein|ansprechbar|wach zu kriegen|wach zu bekommen)',
            'wacht (einfach|) nicht (mehr|) auf',
            '(kriege|krieg|bekomme|bekomm|kriegen|bekommen) (ihn|sie|es|papa|mama|opa|oma) nicht (mehr|) wach',
            'reagiert (nicht|gar nicht|auf nichts|nicht mehr|kaum)',
            'zusammengebrochen',
            'zusammengeklappt',
            'kollabiert',
            '(ist|bin|sind) .. umgekippt',
            '(ohnmachtig|ohnmaechtig|ohnmacht gefallen) .. (nicht|wach|immer noch|noch)',
            'ist ohnmachtig',
            'ist ohnmaechtig',
            'bewusstsein verloren',
            'kein puls',
            '(baby|saugling|saeugling) .. (schlaff|reagiert nicht|bewegt sich nicht)',
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'inconsciente',
            'sin conocimiento',
            '(perdio|perdi|perdiendo) (el|la) (conocimiento|conciencia|consciencia|sentido)',
            'no (reacciona|responde)',
            'no (se|) despierta',
            'no (lo|la|le) (puedo|podemos) despertar',
            'no (logro|logramos|consigo|conseguimos) despertar*',
            'se desplomo',
            '(se desmayo|desmayad*|se desvanecio) .. (no|sigue)',
            'colapso',
            'no tiene pulso',
            'bebe .. (flacido|flacida|no se mueve|no reacciona)',
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'inconscient*',
            'sans connaissance',
            '(perdu|perd|perte de) connaissance',
            'ne (reagit|repond) (plus|pas)',
            '(reagit|repond) (plus|pas|plus du tout)',
            '(se reveille|reveille) (pas|plus)',
            '(arrive|arrivons|peux|peut) pas a (le|la|les) reveiller',
            '(s est|s etait|est) (effondre|effondree)',
            'effondre*',
            '(evanoui*|tombe* dans les pommes) .. (pas|plus|toujours|encore)',
            'pas de pouls',
            'bebe .. (tout mou|toute molle|mou|ne bouge plus|ne reagit)',
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'inconsciente',
            'desacordad*',
            '(perdeu|perdi|perdendo) (a|os) (consciencia|sentidos)',
            'nao (acorda|reage|responde|ta acordando|esta acordando)',
            'nao (consigo|consegue|conseguimos) (acordar|acorda lo|acorda la) ..',
            '(desmaiou|desmaiada|desmaiado|apagou) .. (nao|ainda)',
            'desfaleceu',
            'caiu desmaiad*',
            'desmaiou e nao',
            'sem pulso',
            'bebe .. (molinho|mole|nao se mexe|nao reage)',
          ],
        },
      ],
    },
    exclusions: {
      en: [
        '(app|website|site|page|phone|system|portal|link|computer|laptop|screen|server|chat|bot|line|email|printer) .. (not|isnt|is not|stopped|wont) (responding|respond|responsive|working)',
        '(not|isnt|wont|stopped|no longer) (responding|respond|reacting|react) to (the|his|her|my|your|) (treatment|antibiotic*|medication|medicine|meds|messages|emails|calls|texts|tablets|therapy|physio)',
        'collapse* (my|the|an|a) (umbrella|pram|buggy|stroller|tent)',
      ],
      de: ['reagiert nicht (auf|mehr auf) (die|das|den|meine|seine|ihre|) (antibiotika|medikament*|tabletten|behandlung|therapie|nachricht*|mail*|anrufe|creme)', '(app|seite|website|telefon|handy|computer|system) .. reagiert nicht', '(glas|flasche|becher|tasse|vase) .. umgekippt'],
      es: [
        'no (me|nos|les|le|) (responde|responden|reacciona) (a|al|los|mis|el|la|las|) (mensaje*|correo*|llamad*|telefono|tratamiento|antibiotico*|medicament*|whatsapp|email*)',
        '(app|aplicacion|pagina|web|telefono|sistema|ordenador|computadora) .. no responde',
      ],
      fr: [
        '(repond|reagit) (pas|plus) (a|au|aux) (mes|mon|ma|vos|nos|) (messages|appels|telephone|mail*|traitement|antibiotique*|medicament*)',
        '(telephone|site|appli*|application|ordinateur|standard) .. (repond|reagit) (pas|plus)',
      ],
      pt: [
        'nao (me|nos|) (responde|responderam|reage) (a|as|aos|os|minhas|meus|ao|o|) (mensage*|ligac*|telefone|email*|tratamento|antibiotic*|remedio*)',
        '(app|aplicativo|site|telefone|celular|sistema|computador) .. nao responde',
      ],
    },
  },
  {
    id: 'breathing_difficulty',
    category: 'breathing',
    title: 'Severe difficulty breathing, choking, not breathing, blue lips',
    rationale:
      'Not being able to breathe or speak, gasping, choking, blue or grey lips, or an asthma attack that the reliever inhaler does not help are immediately life-threatening (NHS "Shortness of breath"; BTS/SIGN asthma guideline).',
    patterns: {
      en: [
        {
          anyOf: [
            ...enBreathingHard,
            'chok*',
            'something (stuck|lodged) in (his|her|my|their|the) (throat|airway|windpipe)',
            'inhaler .. (not|isnt|doesnt|wont|didnt|is not|does not|not really) (help*|work*)',
            '(having|bad|severe|serious|big|massive) (an|a|) asthma attack',
            'wheez* .. (cant|badly|severe|really bad|very bad|struggling)',
            'breathing (very|really|so|super) (fast|hard|badly|noisy|strange|weird)',
            '(cant|cannot|can not|unable to) (speak|talk) .. (breath*|air)',
            'ribs .. sucking in',
          ],
        },
      ],
      de: [
        {
          anyOf: [
            ...deBreathingHard,
            '(asthmaanfall|asthma anfall) .. (hilft nicht|spray hilft|nicht besser|schlimm|schwer)',
            '(spray|inhalator|notfallspray) .. (hilft|wirkt) (nicht|kaum)',
            '(hilft|wirkt) (nicht|kaum) .. (spray|inhalator|notfallspray)',
            'etwas .. (im hals|in der luftrohre|in der luftroehre) (stecken|steckt)',
          ],
        },
        { allOf: [['verschluckt'], ['luft', 'atmen', 'atmet', 'blau', 'wurgt', 'wuergt', 'hustet stark', 'erstick*']] },
      ],
      es: [
        {
          anyOf: [
            ...esBreathingHard,
            '(inhalador|ventolin|salbutamol|bomba) .. no (le|me|) (hace|ayuda|funciona|sirve)',
            'ataque de asma .. (fuerte|no para|no mejora|grave)',
            '(crisis|ataque) de asma fuerte',
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            ...frBreathingHard,
            '(ventoline|inhalateur|pompe|spray) .. (marche|fait|agit|soulage) (pas|plus|rien)',
            '(grosse|forte|grave) crise d asthme',
            'crise d asthme .. (passe pas|grave|forte)',
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            ...ptBreathingHard,
            '(bombinha|inalador|aerolin|salbutamol) .. (nao|nem) (ta|esta|) (ajuda*|funciona*|resolve*|adianta*|faz efeito)',
            '(crise|ataque) de asma (forte|grave|muito forte)',
          ],
        },
      ],
    },
    exclusions: {
      en: ['(cant|cannot|can not|couldnt) (breath*|breth*) (through|thru|out of|with) (my|his|her|their|the) nose', 'choked up', 'chok* (up|on (my|his|her) words)'],
      de: ['(kann|kann ich) (durch|mit) (die|der|meine|seine|ihre) nase .. atmen', 'nase .. (keine luft|nicht atmen)'],
      es: ['(respirar|respira) (por|con) la nariz', 'no (puedo|puede) respirar (por|con) la nariz', 'me ahogo de (calor|risa)'],
      fr: ['respire* (pas|plus|mal) .. (par|du) (le|mon|son) nez', 'etouff* de (rire|chaleur)', 'on etouffe de chaleur'],
      pt: ['(respirar|respira|respirando) (pelo|pela|com o) (nariz|boca)', 'sufoc* de (calor|rir)'],
    },
  },
  {
    id: 'severe_bleeding',
    category: 'bleeding',
    title: 'Severe or uncontrolled bleeding; vomiting or coughing up blood',
    rationale:
      'Bleeding that is heavy, spurting or will not stop with pressure, or vomiting or coughing up blood, can lead to shock within minutes (NHS "When to call 999"; First Aid manual).',
    patterns: {
      en: [
        {
          anyOf: [
            '(bleeding|bleeds|bleed|bled) (heavily|a lot|alot|badly|profusely|nonstop|non stop|everywhere|so much|like crazy|really bad|really badly|very badly|very heavily|loads|lots|too much|uncontrollably)',
            '(heavy|heavily|severe|massive|uncontrolled|uncontrollable|major) (bleeding|bleed|blood loss)',
            '*bleed* .. (wont|doesnt|does not|will not|cant|cannot|isnt|not|hasnt|has not|didnt|did not) stop*',
            '(wont|cant|cannot|can not|doesnt|not|unable to|couldnt) stop* .. *bleed*',
            '(lots|lot|loads|tons|alot|litres|liters|pool|puddle) of blood',
            '(so|too) much blood',
            'blood (everywhere|all over)',
            'blood (is|) (pouring|gushing|spurting|squirting|pumping)',
            '(pouring|gushing|spurting|squirting|pumping) (out|) blood',
            'soaked (in|with|through) (with|) blood',
            'blood soaked',
            '(losing|lost) (a lot of|lots of|so much|too much) blood',
            '(vomit*|throwing up|threw up|puking|puked|coughing up|coughed up|coughing|spitting up|spit up|spitting|being sick) (up|) (blood|bright red blood)',
            'blood in (my|his|her|their|the) (vomit|sick)',
            '(deep|gaping) (cut|wound|gash)',
            'cut .. (artery|to the bone)',
            'amputat*',
            '(cut|chopped|sliced) off (my|his|her|their|a|the) (finger|toe|hand|thumb)',
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'blutet (sehr|extrem|total|ganz|so|) (stark|heftig|viel|wie verruckt|wie verrueckt|ohne ende|die ganze zeit|ununterbrochen)',
            '(starke|starker|starken|heftige|heftigen|massive|massiven) (blutung|blutungen|blutverlust)',
            'stark (blutend|blutende|blutet)',
            '*blut* .. (hort|hoert) nicht (mehr|) auf',
            '(hort|hoert) nicht (mehr|) auf zu bluten',
            '(lasst|laesst) sich nicht stillen',
            '(viel|so viel|uberall|ueberall|literweise) blut',
            'blut (spritzt|schiesst|sprudelt|lauft|laeuft|uberall|ueberall)',
            'blutlache',
            '(erbricht|erbrechen|erbrochen|kotzt|gekotzt|spuckt|gespuckt|hustet|husten|gehustet|bricht) .. blut',
            'blut (erbrochen|gespuckt|gehustet|erbrechen|spucken|husten)',
            'blut im erbrochenen',
            'bluterbrechen',
            'tiefe* (schnittwunde|schnitt|wunde)',
            'schlagader',
            '(finger|zeh|hand) ab',
            'abgetrennt',
          ],
        },
      ],
      es: [
        {
          anyOf: [
            '(sangra|sangrando|sangrado|sangre) (mucho|muchisimo|demasiado|sin parar|a chorros|bastante|un monton|abundante|fuerte|muy fuerte|abundantemente)',
            'sangrado (abundante|fuerte|muy fuerte|masivo|que no para)',
            'hemorragia',
            'no (para|deja|paraba) de sangrar',
            '(mucha|muchisima|tanta|demasiada) sangre',
            'sangre por todas partes',
            'sangre a chorros',
            'charco de sangre',
            '(vomit*|devolvio|devuelve|devolviendo|tose|tosiendo|tosio|escupe|escupiendo|escupio) (con|) sangre',
            'sangre en el vomito',
            'corte (profundo|muy profundo)',
            'se corto .. arteria',
            'amputa*',
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'saign* (beaucoup|enormement|abondamment|sans arret|trop|a flot*|fort|tres fort|a n en plus finir|de partout)',
            'saignement* (abondant*|important*|massif*|qui ne s arrete|qui s arrete pas|fort*)',
            'hemorragie',
            'arrete (pas|plus) de saigner',
            's arrete (pas|plus) .. saign*',
            'saign* .. s arrete (pas|plus)',
            '(beaucoup|plein|enormement|trop|tellement) de sang',
            'sang partout',
            'flaque de sang',
            '(vomi*|crache*|tousse*) du sang',
            'coupure (profonde|tres profonde)',
            'pisse le sang',
            'pisser le sang',
            'pisse du sang',
            'perd* beaucoup de sang',
            'amput*',
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            '(sangrando|sangra|sangrou|sangue) (muito|demais|sem parar|bastante|muito forte|pra caramba|horrores)',
            'sangramento (forte|intenso|abundante|que nao para|muito forte)',
            'hemorragia',
            'nao para de sangrar',
            '(muito|tanto|muita) sangue',
            'sangue (pra todo lado|por todo lado|jorrando|esguichando|escorrendo muito)',
            'poca de sangue',
            '(vomit*|vomitou|tossindo|tossiu|cuspindo|cuspiu|tosse) (com|) sangue',
            'corte (fundo|profundo|muito fundo)',
            'amput*',
          ],
        },
      ],
    },
    exclusions: {
      en: ['(heavy|heavily) (bleeding|bleed) (during|with|in|on) (my|her|the|) period*', 'heavy periods'],
      de: ['starke (regelblutung|periode|menstruation)', 'starke blutung* (bei|wahrend|waehrend) (der|meiner|ihrer) (periode|regel|menstruation)'],
      es: ['(sangrado|sangra) .. (regla|periodo|menstruacion)', 'hemorragia (subconjuntival|en el ojo|ocular)'],
      fr: ['(regles|regle) .. (abondantes|hemorragiques)', 'hemorragie (sous conjonctivale|dans l oeil)'],
      pt: ['(menstruacao|menstruacoes) .. (muito forte|intensa|abundante)', 'hemorragia (subconjuntival|no olho)'],
    },
  },
  {
    id: 'anaphylaxis',
    category: 'allergy',
    title: 'Severe allergic reaction (anaphylaxis)',
    rationale:
      'Swelling of the throat or tongue, or an allergic reaction (hives, sting, food) with trouble breathing, wheeze, swelling of the lips or face, dizziness or collapse is anaphylaxis until proven otherwise: adrenaline and an ambulance (Resuscitation Council UK anaphylaxis guideline 2021; NHS "Anaphylaxis").',
    patterns: {
      en: [
        {
          anyOf: [
            'anaphyla*',
            'anaphala*',
            'anafila*',
            'allergic shock',
            'severe allergic reaction',
            'throat .. (closing|closing up|tight*|tightening)',
            '(throat|tongue) (is|has|feels|) (swelling|swollen|swelling up|swollen up|puffing up)',
            '(swollen|swelling) (throat|tongue)',
            'tongue .. (swell*|swollen|big|huge)',
            '(used|gave|give|giving|injected|inject|needed|need to use|had to use) .. (epipen|epi pen|adrenaline|auto injector)',
          ],
        },
        {
          allOf: [
            ['allerg*', 'reaction', 'hives', 'rash', 'welts', 'stung', 'sting', 'bee', 'wasp', 'hornet', 'peanut*', 'nut', 'nuts', 'shellfish', 'prawn*', 'shrimp', 'penicillin', 'antibiotic*'],
            [
              ...enBreathingHard,
              'short* of breath',
              'breath*',
              'wheez*',
              '(lips|lip|face|eyes|mouth|eyelids) .. (swell*|swollen|puff*|blow* up|blown up)',
              '(swollen|swelling|puffy) (lips|lip|face|eyes|mouth)',
              'dizz*',
              'faint*',
              '(collapse|collapsed|collapsing)',
            ],
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'anaphyla*',
            'allergische* schock',
            '(schwere|starke|heftige) allergische reaktion',
            '(hals|rachen|kehle) .. (schwillt|geschwollen|zu|zugeschnurt|zugeschnuert|eng)',
            'zunge .. (schwillt|geschwollen|dick)',
            'schwillt .. (zunge|hals|rachen|kehle)',
            '(epipen|adrenalin|notfallset|fastjekt|jext) .. (gespritzt|gegeben|benutzt|gebraucht|spritzen|setzen)',
          ],
        },
        {
          allOf: [
            ['allerg*', 'reaktion', 'quaddeln', 'nesselsucht', 'ausschlag', 'gestochen', 'stich', 'wespe*', 'biene*', 'nuss', 'nusse', 'nuesse', 'erdnuss*', 'penicillin', 'antibiotik*'],
            [...deBreathingHard, 'atmen', 'pfeift', 'giemt', '(lippen|lippe|gesicht|augen|mund) .. (geschwollen|schwillt|schwellen|dick)', 'schwindel*', 'kollabiert', 'ohnmacht*'],
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'anafila*',
            '(shock|choque) anafilactico',
            'reaccion alergica (grave|fuerte|severa|muy fuerte)',
            '(se me|se le|se) (cierra|esta cerrando|cerro) .. garganta',
            'garganta .. (cerrando|cerrada|hinchada|inflamada)',
            'lengua .. (hinchad*|inflamad*)',
            'se (me|le) (hincha|hinchan|esta hinchando|hincho) .. (lengua|garganta)',
            '(epipen|adrenalina|autoinyector) .. (puse|puso|pusimos|inyecte|inyecto|use|usamos)',
          ],
        },
        {
          allOf: [
            ['alerg*', 'reaccion', 'ronchas', 'urticaria', 'sarpullido', 'picadura', 'pico', 'pica', 'abeja', 'avispa', 'mani', 'cacahuete*', 'marisco*', 'nueces', 'penicilina', 'antibiotico*'],
            [...esBreathingHard, 'respirar', 'respira', '(labios|labio|cara|ojos|boca|parpados) .. (hinchad*|inflamad*)', 'se (me|le) (hincha*|inflama*) .. (labios|cara|ojos|boca)', 'mareo*', 'mareado', 'mareada', 'desmay*'],
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'anaphyla*',
            'choc anaphylactique',
            'oedeme de quincke',
            'reaction allergique (grave|severe|forte|importante|violente)',
            'gorge .. (gonfle*|serre*|ferme*|bouche*|enfle*)',
            'langue .. (gonfle*|enfle*)',
            '(stylo|epipen|anapen|adrenaline) .. (fait|faire|injecte*|utilise*|pique*)',
          ],
        },
        {
          allOf: [
            ['allerg*', 'reaction', 'urticaire', 'boutons', 'plaques', 'pique*', 'piqure', 'guepe', 'abeille', 'frelon', 'arachide*', 'cacahuete*', 'noix', 'fruits de mer', 'crevette*', 'penicilline', 'antibiotique*'],
            [...frBreathingHard, 'respir*', 'souffle', '(levres|levre|visage|yeux|bouche|paupieres) .. (gonfle*|enfle*)', 'vertige*', 'malaise'],
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'anafila*',
            'choque anafilatico',
            'reacao alergica (grave|forte|severa|muito forte)',
            'garganta .. (fechando|fechada|inchada|inchando|apertada|fechou)',
            'lingua .. (inchad*|inchando|inchou)',
            '(epipen|adrenalina|caneta) .. (apliquei|aplicou|aplicamos|usei|usou|usamos|injetei|injetou)',
          ],
        },
        {
          allOf: [
            ['alergi*', 'alergic*', 'reacao', 'urticaria', 'placas', 'vergoes', 'picada', 'picou', 'abelha', 'vespa', 'marimbondo', 'amendoim', 'camarao', 'frutos do mar', 'penicilina', 'antibiotico*'],
            [...ptBreathingHard, 'respir*', '(labios|labio|rosto|cara|olhos|boca) .. (inchad*|inchando|inchou)', 'tontura', 'tonto', 'tonta', 'desmai*'],
          ],
        },
      ],
    },
    exclusions: {
      en: [
        '(epipen|epi pen|adrenaline|auto injector) .. (prescription|refill|renew*|repeat|expir*|replace*|new one)',
        '(renew|refill|repeat|replace|new|prescription for) .. (epipen|epi pen|auto injector)',
        'allergy (test*|testing|clinic|appointment|check|medication|tablets)',
        'swollen glands',
        'bad breath',
      ],
      de: ['(epipen|notfallset|adrenalin) .. (rezept|verschreib*|abgelaufen|neues|neuen)', '(allergietest|allergie test)'],
      es: ['(receta|renovar|caducad*) .. (epipen|adrenalina|autoinyector)', 'prueba* de alergia'],
      fr: ['(ordonnance|renouveler|perime*) .. (stylo|epipen|anapen|adrenaline)', 'test* (d allergie|allergique*)'],
      pt: ['(receita|renovar|vencid*) .. (epipen|adrenalina|caneta)', 'teste* de alergia'],
    },
  },
  {
    id: 'cardiac_chest_pain',
    category: 'chest_pain',
    title: 'Chest pain with features of a heart attack',
    rationale:
      'Chest pain that feels tight or heavy, spreads to the arm, jaw, neck or back, or comes with breathlessness, sweating, nausea or dizziness may be a heart attack (NHS "Heart attack", ESC chest-pain guidance): call the emergency number. Chest pain alone, in a booking or a past event, does not fire.',
    patterns: {
      en: [
        {
          anyOf: [
            'crushing (chest|pain)',
            'chest (is|feels|feeling|) (so|very|really|) (tight|crushing|heavy|squeezed|squeezing)',
            'tight* (in|on|across) (my|his|her|their|the) chest',
            'tight chest',
            '(pressure|weight|heaviness|squeezing) (in|on) (my|his|her|their|the) chest',
            '(elephant|weight|something heavy) .. (on|sitting on) (my|his|her|their|the) chest',
            'heart attack',
            'cardiac arrest',
          ],
        },
        {
          allOf: [
            enChestPain,
            [
              ...enBreathingHard,
              'short* of breath',
              'shortness of breath',
              'out of breath',
              'breathless*',
              'sweat*',
              'clammy',
              'radiat*',
              '(spread*|goes|going|moving|shoot*|travel*|down) .. (arm|arms|jaw|neck|back|shoulder)',
              '(left|right) arm',
              '(arm|jaw) (pain|hurts|is numb|numb*|tingl*|aches)',
              'crushing',
              'squeez*',
              'heaviness',
              'severe',
              'very bad',
              'really bad',
              'so bad',
              'unbearable',
              'terrible',
              'worst',
              'intense',
              'nause*',
              'vomit*',
              'throwing up',
              'threw up',
              '(feel|feeling|felt|being) sick',
              'dizz*',
              'light headed',
              'lightheaded',
              'faint*',
              'pale',
              'grey',
              'gray',
            ],
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'druck (auf|in) (der|die|meiner|seiner|ihrer) brust',
            'brustdruck',
            '(engegefuhl|engegefuehl|enge|engegefuehle) (in|auf|an) (der|die|meiner|seiner|ihrer) brust',
            'brustenge',
            'brust (ist|fuhlt sich|fuehlt sich|wie) .. (eng|zugeschnurt|zugeschnuert)',
            'elefant .. brust',
            'schraubstock .. brust',
            'herzinfarkt',
            'infarkt',
            'herzanfall',
            'herzattacke',
            'herzstillstand',
          ],
        },
        {
          allOf: [
            deChestPain,
            [
              ...deBreathingHard,
              'kurzatmig*',
              'schwitz*',
              'schweiss*',
              'kaltschweiss*',
              'kalter schweiss',
              'ausstrahl*',
              'strahlt ..',
              '(zieht|geht|zieht bis|geht bis) .. (arm|kiefer|hals|rucken|ruecken|schulter|unterkiefer)',
              'linke* arm*',
              '(arm|kiefer) .. (weh|schmerz*|taub|kribbelt)',
              'ubelkeit',
              'uebelkeit',
              'ubel',
              'uebel',
              'erbrech*',
              'ubergeb*',
              'uebergeb*',
              'schwindel*',
              'stark*',
              'heftig*',
              'unertraglich*',
              'unertraeglich*',
              'schlimm*',
              'vernichtung*',
              'druckend*',
              'drueckend*',
              'blass',
              'todesangst',
              'ohnmacht*',
            ],
          ],
        },
      ],
      es: [
        {
          anyOf: [
            '(opresion|presion|peso) (en|sobre) (el|mi|su|) pecho',
            'pecho apretado',
            'aprieta .. pecho',
            'pecho .. aprieta',
            'infarto',
            'ataque (al|de) corazon',
            'ataque cardiaco',
            'paro cardiaco',
          ],
        },
        {
          allOf: [
            esChestPain,
            [
              ...esBreathingHard,
              'sudor*',
              'sudando',
              'suda',
              'sudo',
              'sudad*',
              'irradia*',
              '(va|pasa|corre|extiende|baja|sube|se va|se pasa|se extiende|se corre) .. (brazo|mandibula|cuello|espalda|hombro|quijada)',
              'brazo izquierdo',
              '(brazo|mandibula|quijada) .. (duele|dolor|dormido|adormecido|entumecido|hormigue*)',
              'nausea*',
              'vomit*',
              'mareo*',
              'marea*',
              'fuerte',
              'intenso',
              'intensa',
              'insoportable',
              'aplast*',
              'opresion',
              'opresivo',
              'palido',
              'palida',
              'desmay*',
            ],
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'oppress* .. poitrine',
            'oppression thoracique',
            'serre* .. poitrine',
            'poitrine .. (serre*|ecrase*|comprime*)',
            'ecras* .. poitrine',
            'poids (sur|dans) (la|ma|sa) poitrine',
            'etau .. poitrine',
            'poitrine .. etau',
            'infarctus',
            'crise cardiaque',
            'arret cardiaque',
            'attaque cardiaque',
          ],
        },
        {
          allOf: [
            frChestPain,
            [
              ...frBreathingHard,
              'essouffl*',
              'souffle',
              'sue',
              'sueur*',
              'transpir*',
              'moite',
              'irradi*',
              '(descend|descend dans|part|part dans|va|remonte|file|monte|passe) .. (bras|machoire|cou|dos|epaule)',
              'bras gauche',
              '(bras|machoire) .. (mal|douleur|engourdi*|fourmill*)',
              'nause*',
              'envie de vomir',
              'vomi*',
              'vertige*',
              'etourdi*',
              'malaise',
              'fort',
              'forte',
              'intense',
              'insupportable',
              'violent*',
              'ecras*',
              'serre*',
              'oppress*',
              'pale',
            ],
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'aperto .. peito',
            'peito apertado',
            '(pressao|peso) (no|sobre o|em cima do) peito',
            'esmag* .. peito',
            'infarto',
            'enfarte',
            'ataque cardiaco',
            'ataque (do|no) coracao',
            'parada cardiaca',
            'paragem cardiaca',
          ],
        },
        {
          allOf: [
            ptChestPain,
            [
              ...ptBreathingHard,
              'suor*',
              'suando',
              'suo',
              'suado',
              'suada',
              'transpir*',
              'irradi*',
              '(vai|vai pro|vai para|desce|sobe|espalha|corre|passa) .. (braco|mandibula|queixo|pescoco|costas|ombro)',
              'braco esquerdo',
              '(braco|mandibula|queixo) .. (dormente|formigando|dor|doendo)',
              'enjoo*',
              'enjoad*',
              'nausea*',
              'vomit*',
              'tontura',
              'tonto',
              'tonta',
              'forte',
              'intensa',
              'insuportavel',
              'aperto',
              'esmag*',
              'palido',
              'palida',
              'desmai*',
            ],
          ],
        },
      ],
    },
    exclusions: {
      en: ['(after|since|from) (my|his|her|their|the) (last|) heart attack', 'heart attack (risk|prevention|survivor*)', 'risk of (a|) heart attack'],
      de: ['(nach|seit) (dem|seinem|ihrem|meinem) (herzinfarkt|infarkt)', 'herzinfarktrisiko', 'risiko .. herzinfarkt'],
      es: ['(despues|desde) (de|) (su|mi|el) infarto', 'riesgo de (un|) infarto'],
      fr: ['(depuis|apres) (son|mon|l) infarctus', 'risque (d|de) (un|) infarctus'],
      pt: ['(depois|desde) (do|de|que teve o|que teve um) (seu|meu|) (infarto|enfarte)', 'risco de (infarto|enfarte)'],
    },
  },
  {
    id: 'stroke_signs',
    category: 'stroke',
    title: 'Signs of a stroke (FAST) or a sudden worst headache',
    rationale:
      'Face drooping, arm or leg weakness on one side, slurred or lost speech, sudden confusion, sudden loss of vision or a sudden "worst ever" headache need an ambulance at once: treatment works only in the first hours (NHS "Stroke", FAST; AHA BE-FAST).',
    patterns: {
      en: [
        {
          anyOf: [
            'stroke',
            'mini stroke',
            '(face|mouth|smile|lip|lips|cheek) .. (droop*|dropped|dropping|crooked|lopsided|uneven|paralys*|paralyz*|fallen|slipped)',
            '(droop*|crooked|lopsided) (face|mouth|smile)',
            'one side of (my|his|her|their|the) (face|body|mouth) .. (droop*|weak|numb|dropped|down|paralys*|paralyz*)',
            'slurr*',
            'slur* (words|speech|his|her|my)',
            'speech (is|) (slurred|strange|weird|garbled|jumbled|funny|off)',
            '(talks|talking|speaking|sounds|speaks) (funny|weird|strange|drunk|gibberish|nonsense)',
            '(cant|cannot|can not|unable to|couldnt) (speak|talk) (properly|normally|clearly|right|anymore|any more)',
            'suddenly (cant|cannot|can not|unable to|couldnt) (speak|talk|understand)',
            '(cant|cannot|can not|couldnt) get (his|her|my|their|the) words out',
            'words (are|come out|coming out|) (jumbled|wrong|mixed up|garbled)',
            '(cant|cannot|can not|unable to|couldnt) (lift|move|raise|feel|use) .. (arm|arms|leg|legs|hand)',
            '(arm|leg|hand|side) (went|is|feels|has gone|gone|suddenly) (weak|numb|dead|limp|floppy|paralysed|paralyzed)',
            '(weak|numb|numbness|weakness|tingling|paralysed|paralyzed) (on|in|down) (one|the left|the right|left|right|his left|his right|her left|her right|my left|my right) side',
            'paralys*',
            'paralyz*',
            'sudden* (very|really|) (confus*|disorient*)',
            'confused all of a sudden',
            'worst headache',
            'thunderclap',
            'sudden* (severe|terrible|horrible|excruciating|violent|worst) headache',
            '(lost|loss of|losing) (vision|sight|the sight)',
            'suddenly (cant|cannot|can not) see',
            '(suddenly|gone|went) blind',
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'schlaganfall',
            'hirninfarkt',
            'hirnblutung',
            'apoplex',
            'gesicht .. (hangt|haengt|schief|gelahmt|gelaehmt|verzogen)',
            '(hangender|haengender|schiefer|hangende|haengende) (mund|mundwinkel|gesicht)',
            'mundwinkel .. (hangt|haengt|schief|unten)',
            'halbseitig* (gelahmt|gelaehmt|lahmung|laehmung|taub|schwach|gefuhllos|gefuehllos)',
            'lahmung*',
            'laehmung*',
            'gelahmt',
            'gelaehmt',
            'lallt',
            'lallen',
            'verwaschen* (sprache|sprechen|aussprache)',
            'spricht .. verwaschen',
            'spricht (ganz|so|) (undeutlich|verwaschen|komisch|wirr|unverstandlich|unverstaendlich)',
            'kann (plotzlich|ploetzlich|) (nicht|kaum) (mehr|) (richtig|) (sprechen|reden)',
            '(arm|bein|hand) .. (taub|schwach|lahm) .. (einer|eine|linken|rechten|plotzlich|ploetzlich)',
            '(plotzlich|ploetzlich) .. (arm|bein|hand) .. (taub|schwach|lahm)',
            'kann .. (arm|bein|hand) nicht (mehr|) (heben|bewegen|halten)',
            '(plotzlich|ploetzlich) (ganz|sehr|) verwirrt',
            '(schlimmste*|starkste*|staerkste*|heftigste*) kopfschmerz*',
            'vernichtungskopfschmerz*',
            '(plotzlich|ploetzlich) .. (blind|nichts mehr sehen)',
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'ictus',
            'derrame cerebral',
            'embolia',
            'infarto cerebral',
            'accidente cerebrovascular',
            'acv',
            '(cara|boca) .. (torcida|caida|ladeada|chueca|paralizada|desviada)',
            'se (le|me) (cayo|cae|torcio|tuerce|desvio) .. (cara|boca)',
            'habla (rara|raro|arrastrada|trabada|enredada|incoherente|mal|extrano)',
            'arrastra (las palabras|la lengua)',
            'no (puede|puedo) hablar',
            'no le salen las palabras',
            'no (puede|puedo) (mover|levantar|sentir) .. (brazo|pierna|mano)',
            '(brazo|pierna|lado) .. (dormido|paralizado|paralizada|sin fuerza|no responde)',
            'se (le|me) durmio .. (lado|brazo|pierna|cara)',
            'paraliz*',
            'confundid* de repente',
            'de repente .. (confundido|confundida|desorientado|desorientada)',
            'peor dolor de cabeza',
            'dolor de cabeza .. (mas fuerte|peor) de (mi|su) vida',
            '(perdio|perdi) la vista',
            'de repente no (ve|veo)',
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'avc',
            'accident vasculaire',
            'attaque cerebrale',
            '(visage|bouche) .. (paralys*|de travers|tordu*|affaiss*|tombe*|deform*)',
            'parle (bizarrement|mal|difficilement|de travers|n importe comment|plus)',
            '(arrive|arrivent|peut|peux) (plus|pas) a parler',
            '(peut|peux) (plus|pas) parler',
            'mots .. (melang*|incomprehensible*)',
            'bafouill*',
            '(bras|jambe|main) .. (paralys*|engourdi*|faible|lourd|ne repond plus|ne bouge plus)',
            '(peut|peux|arrive) (plus|pas) .. (lever|bouger) .. (bras|jambe|main)',
            'paralys*',
            'hemipleg*',
            'confus* (soudain*|tout a coup|d un coup|brutalement)',
            '(soudain*|tout a coup|d un coup|brutalement) .. confus*',
            'pire (mal de tete|migraine)',
            'mal de tete .. (violent|brutal|explosif|jamais eu)',
            'perdu la vue',
            '(voit|vois) plus (rien|d un oeil)',
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'avc',
            'derrame',
            'acidente vascular',
            '(boca|rosto|cara) .. (torta|torto|caida|caido|paralisad*|entort*|repuxad*)',
            'entortou a boca',
            'fala (enrolada|arrastada|estranha|embolada|mole|esquisita|travada)',
            'falando (enrolado|enrolada|estranho|embolado|arrastado|mole|esquisito)',
            'enrolando (a lingua|as palavras)',
            'nao (consegue|consigo) (falar|mexer|levantar|mover) ..',
            '(braco|perna|lado|mao) .. (dormente|paralisad*|sem forca|fraco|fraca|mole|nao mexe)',
            'paralisi*',
            'paralisad*',
            'confus* de repente',
            'de repente .. (confuso|confusa|desorientado|desorientada)',
            'pior dor de cabeca',
            'dor de cabeca .. (mais forte|pior) da (minha|sua) vida',
            '(perdeu|perdi) a (visao|vista)',
            'de repente nao (ve|vejo|enxerga|enxergo)',
          ],
        },
      ],
    },
    exclusions: {
      en: [
        'sleep paralysis',
        'stroke (rehab*|clinic|nurse|prevention|risk|unit|survivor*|support|recovery)',
        '(risk|risks|prevent*) (of|for|) (a|) stroke',
        '(back|breast|swimming|golf|tennis) stroke*',
        'stroke of (luck|genius)',
        '(after|since|from) (my|his|her|their|the) (last|) (mini stroke|stroke)',
      ],
      de: ['schlaganfall (reha*|risiko|vorsorge|station)', '(nach|seit) (dem|seinem|ihrem|meinem) schlaganfall', 'schlaganfallrisiko'],
      es: ['(despues|desde) (de|) (su|mi|el) (ictus|derrame)', 'derrame (en el|en los|del|de) (ojo|ojos|rodilla|pleural)', 'derrame ocular', 'derrame pleural', 'riesgo de (ictus|embolia)'],
      fr: ['(depuis|apres) (son|mon|l) avc', 'risque (d|de) avc', 'paralysie (du sommeil|faciale a frigore)'],
      pt: ['derrame (no|nos|na|em|de|do) (olho|olhos|joelho|pleural|articular)', 'derrame (ocular|pleural|articular)', '(depois|desde) (do|de) (seu|meu|) (avc|derrame)', 'risco de (avc|derrame)', 'paralisia do sono'],
    },
  },
  {
    id: 'seizure',
    category: 'seizure',
    title: 'Seizure or convulsions happening now',
    rationale:
      'A seizure (fit, convulsion) in someone without known epilepsy, one lasting more than 5 minutes, repeated seizures, or a first febrile seizure in a child need an ambulance (NHS "What to do if someone has a seizure"; NICE NG217). The assistant cannot tell these apart, so every seizure now fires.',
    patterns: {
      en: [
        {
          anyOf: [
            'seizure*',
            'seizing',
            'siezure*',
            'seisure*',
            'convuls*',
            '(having|had|is having|in) a fit',
            'fitting',
            'epileptic (fit|attack|episode)',
            'febrile (fit|seizure|convulsion)',
            '(shaking|jerking|twitching) (uncontrollably|all over|violently|and jerking)',
            'eyes (rolled|rolling) (back|up)',
            'status epilepticus',
          ],
        },
      ],
      de: [
        {
          anyOf: [
            '*krampfanfall*',
            'krampft',
            'krampfte',
            '*fieberkrampf*',
            'epilepti* anfall',
            '(hat|hatte) (einen|nen) anfall',
            'zuckt .. (ganzen korper|ganzen koerper|am ganzen)',
            'zuckungen',
            'augen (verdreht|verdrehen)',
            'verdreht die augen',
            'status epilepticus',
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'convuls*',
            '(ataque|crisis) epilept*',
            'crisis convulsiva*',
            'temblando .. todo el cuerpo',
            'sacudidas',
            'ojos en blanco',
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'convuls*',
            'crise (d epilepsie|epileptique|convulsive)',
            'crise d epi',
            'tremble de tout son corps',
            'yeux revulses',
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'convuls*',
            'crise (convulsiva|epileptica|de epilepsia)',
            'ataque epilept*',
            '(tendo|teve|deu) (um|uma) (ataque|crise) (epileptic*|convulsiv*|de epilepsia)',
            '(esta|ta) tendo (um|uma) (ataque|crise)',
            'se debatendo',
            'tremendo .. (corpo todo|todo)',
            'olhos revirados',
            'revirando os olhos',
          ],
        },
      ],
    },
    exclusions: {
      en: [
        'seizure (medication*|meds|medicine*|pills|tablets|drug*|free|clinic|diary|plan|action plan|history|nurse|specialist)',
        'anti seizure',
        'fitting (room|appointment|for|of|a|the|in|my|his|her|your)',
        'fit (note|to work|for work|of coughing|of laughter|of rage|of anger|of giggles)',
      ],
      de: ['(krampfanfall|krampfanfalle|krampfanfaelle) (medikament*|tabletten)', '(bauch|magen|wade|waden|bein|beine|fuss|fusse|fuesse|zehen|hand|hande|haende|finger|nacken|rucken|ruecken|oberschenkel|muskel|muskeln|darm|regel|periode|gebarmutter|gebaermutter) .. (krampft|krampfte)', '(panikanfall|asthmaanfall|migraneanfall|migraeneanfall|hustenanfall|wutanfall|lachanfall)'],
      es: ['(medicamento|medicina|pastillas|tratamiento|medicacion|receta) .. (convulsiones|epilepsia)', 'para (las|la) (convulsiones|epilepsia)', 'ataque de (ansiedad|panico|tos|risa|nervios|asma)'],
      fr: ['(traitement|medicament*|ordonnance) .. (epilepsie|convulsions|crises)'],
      pt: ['(remedio|medicamento|tratamento|receita) .. (convulsao|convulsoes|epilepsia)', '(ataque|crise) de (ansiedade|panico|tosse|riso|nervos|asma|rinite|choro|enxaqueca|labirintite|gastrite|coluna)'],
    },
  },
  {
    id: 'suicidal_self_harm',
    category: 'self_harm',
    title: 'Suicidal thoughts, intent to self-harm, wanting to die',
    rationale:
      'Any mention of suicide, wanting to die or intent to harm oneself needs a person to respond now and the crisis or emergency number (NICE NG225 self-harm; WHO LIVE LIFE). Past attempts still fire (flagPastMentions): risk is highest after an attempt.',
    flagPastMentions: true,
    patterns: {
      en: [
        {
          anyOf: [
            'suicid*',
            'sucid*',
            'suicdal',
            'kill (myself|my self|meself|my selff)',
            'killing (myself|my self)',
            'end (my|it) (life|all)',
            'end it all',
            'ending (it all|my life|it)',
            '(take|taking|took) my (own|) life',
            '(want|wanna|wanting|going|gonna) (to|) die',
            'wish (i|i could|i would) (was|were|be|) (dead|die)',
            'better off (dead|without me)',
            '(dont|do not|no longer|didnt|did not) want to (live|be alive|be here|wake up|exist|go on)',
            'no (reason|point) (to|in) (live|living|go on|going on|carry on|carrying on)',
            'not worth living',
            '(cant|cannot|can not) go on (anymore|any more|like this|living)',
            'self (harm*|injur*)',
            'selfharm*',
            '(want|wanna|going|gonna|thinking|thoughts|urge|urges|tempted|might|will|could|plan|planning) (to|of|about|) (hurt|harm|cut|kill|hurting|harming|cutting|killing) (myself|my self)',
            'cutting myself',
            '(hang|hanging) myself',
            '(jump|jumping) (off|in front of) (a|the) (bridge|building|train|roof|balcony|cliff|car|bus)',
            'overdose on purpose',
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'suizid*',
            'selbstmord*',
            'umbringen',
            'umzubringen',
            'bring* mich um',
            'mich (toten|toeten)',
            '(will|mochte|moechte|wurde|wuerde|wollte|mag) .. sterben',
            'nicht mehr leben',
            '(leben|mir das leben) (nehmen|beenden)',
            'das leben nehmen',
            'lebensmude',
            'lebensmuede',
            '(mich|mir) .. (ritzen|schneiden|verletzen|weh tun|wehtun)',
            'ritze mich',
            'selbstverletz*',
            '(mir|sich|mich) (etwas|was) (anzutun|antun|antue)',
            'keinen sinn mehr .. leben',
            '(allem|alles) ein ende (machen|setzen|bereiten)',
            'schluss machen mit (allem|meinem leben|dem leben)',
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'suicid*',
            'matarme',
            'me (quiero|voy a) matar',
            'quitarme la vida',
            'quitarse la vida',
            '(quiero|quisiera|queria|quiere) morir*',
            'me (quiero|queria) morir',
            'ganas de morir*',
            'no quiero (seguir|) (vivir|viviendo)',
            '(acabar|terminar) con (mi vida|todo)',
            '(hacerme|me hago|me hice|me quiero hacer) (mas|) dano',
            'cortarme',
            'autolesion*',
            'no vale la pena vivir',
            'sin ganas de vivir',
            'mejor (muerto|muerta)',
            'desaparecer para siempre',
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'suicid*',
            'me suicider',
            'me tuer',
            'mettre fin a (mes jours|ma vie)',
            'en finir',
            '(envie|veux|voudrais|voulais) (de|) mourir',
            '(plus|pas) envie de vivre',
            '(me|je me) (fais|faire|fait) du mal',
            'scarif*',
            'automutil*',
            'envie de disparaitre',
            'mieux (mort|morte)',
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'suicid*',
            '(me|se) matar',
            'tirar (a|) (minha|sua) (propria|) vida',
            '(quero|queria|vontade de|quer) morrer',
            'nao quero mais viver',
            'nao quero viver',
            'sem vontade de viver',
            'acabar com (a|) (minha vida|tudo)',
            '(me|se) (cortar|cortando)',
            'me machucar',
            'automutil*',
            'autolesao',
            'melhor (morto|morta)',
            'sumir (pra|para) sempre',
          ],
        },
      ],
    },
    exclusions: {
      en: ['(would|could|gonna|going to) kill myself laughing', 'suicide (prevention|awareness)'],
      de: ['suizidpravention', 'suizidpraevention', 'selbstmordpravention', 'selbstmordpraevention'],
      es: ['me muero de (ganas|hambre|sueno|risa|frio|calor|verguenza)'],
      fr: ['(meurs|meurt) de (faim|froid|chaud|rire|envie)'],
      pt: ['morrendo de (vontade|fome|sono|rir|frio|calor|saudade)', 'morrer de (vontade|fome|sono|rir|frio|calor|saudade)'],
    },
  },
  {
    id: 'poisoning_overdose',
    category: 'poisoning',
    title: 'Poisoning, overdose, swallowed chemicals, button batteries or magnets',
    rationale:
      'An overdose of medicines, swallowed household chemicals, a button battery or magnets, or carbon monoxide need urgent help even before symptoms start (NHS "Poisoning"; poison centres). Food poisoning does not fire.',
    patterns: {
      en: [
        {
          anyOf: [
            'overdos*',
            'over dose*',
            'poison*',
            'carbon monoxide',
            'swallowed (a|the|some|his|her|my|#|) (button|battery|batteries|magnet*|coin battery)',
          ],
        },
        {
          allOf: [
            [
              'bleach',
              'detergent',
              'chemical*',
              'cleaning (product*|stuff|liquid|spray|fluid)',
              'cleaner',
              'antifreeze',
              'batter*',
              'magnet*',
              'laundry (pod*|capsule*|tablet*|liquid)',
              'dishwasher (tablet*|pod*|detergent)',
              'pesticide*',
              'weed killer',
              'weedkiller',
              'rat poison',
              'lamp oil',
              'paraffin',
              'white spirit',
              'drain (cleaner|unblocker)',
              'methanol',
              'petrol',
              'gasoline',
              'kerosene',
              'caustic',
              'ammonia',
              'wild mushroom*',
              'washer fluid',
              'screenwash',
              'windscreen (wash|fluid)',
              'windshield (wash*|fluid)',
              'nicotine',
              'vape (liquid|juice|oil)',
              'e liquid',
              'essential oil*',
            ],
            ['swallow*', 'drank', 'drunk', 'drink*', 'ate', 'eaten', 'eating', 'licked', 'in (his|her|their|my) mouth', 'sucked', 'chewed', 'took', 'taken', 'ingest*'],
          ],
        },
        {
          allOf: [
            [
              'too (many|much)',
              '(whole|entire|full) (bottle|pack|packet|box|strip|blister|tub|jar)',
              'all (of|) (my|his|her|their|the) (pills|tablets|meds|medication|medicine|medicines|sleeping pills|painkillers|antidepressants|insulin)',
              '(a|two|three|#) (bottle|bottles|pack|packs|box|boxes|packet|packets) of',
              countOf(enPills),
              '(dont|do not|didnt|did not) know how many',
              '(no idea|not sure) how many',
            ],
            enPills,
            ['took', 'taken', 'take', 'swallow*', 'ate', 'eaten', 'had', 'downed', 'gave (him|her|them)', 'given', 'injected'],
          ],
        },
        {
          allOf: [
            ['(my|our|the|a) (child|kid|toddler|baby|son|daughter|grandson|granddaughter|little one|boy|girl)', '# (year|yr|month) old', 'toddler'],
            ['got into', 'ate', 'eaten', 'swallowed', 'chewed', 'found'],
            enPills,
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'uberdosis',
            'ueberdosis',
            'uberdosiert',
            'ueberdosiert',
            'vergift*',
            '*vergiftung',
            'kohlenmonoxid',
            'giftnotruf',
            'giftinformationszentrum',
          ],
        },
        {
          allOf: [
            [
              'putzmittel',
              '*reiniger',
              'bleiche',
              'chlor*',
              'spulmittel',
              'spuelmittel',
              '*spulmaschinentab*',
              '*spuelmaschinentab*',
              'waschmittel',
              'gift',
              'rattengift',
              'batterie*',
              'knopfbatterie*',
              'knopfzelle*',
              'magnet*',
              'lampenol',
              'lampenoel',
              'frostschutz*',
              'pflanzenschutz*',
              'unkrautvernichter',
              'chemikalie*',
              'benzin',
              'abflussreiniger',
              'pilze',
              'scheibenwasch*',
              'scheibenreiniger',
              'nikotin*',
              'liquid',
              'e zigarette',
              'atherisch* ol*',
              'aetherisch* oel*',
            ],
            ['geschluckt', 'getrunken', 'gegessen', 'verschluckt', 'eingenommen', 'genommen', 'im mund', 'trinkt', 'geleckt', 'runtergeschluckt', 'ausgetrunken'],
          ],
        },
        {
          allOf: [
            ['zu viele', 'zu viel', '(ganze|ganzen|eine ganze|die ganze) (packung|schachtel|flasche|dose|blister)', 'alle (seine|ihre|meine|die|)', countOf(dePills), '(weiss|weis|wissen) nicht wie viel*', 'keine ahnung wie viel*'],
            dePills,
            ['geschluckt', 'genommen', 'eingenommen', 'gegessen', 'gespritzt', 'eingeworfen'],
          ],
        },
        {
          allOf: [
            ['kind', 'sohn', 'tochter', 'baby', 'kleiner', 'kleine', 'enkel', 'enkelin', 'kleinkind'],
            ['geschluckt', 'gegessen', 'verschluckt', 'erwischt', 'rangekommen'],
            dePills,
          ],
        },
      ],
      es: [
        {
          anyOf: ['sobredosis', 'envenen*', 'intoxic*', 'veneno', 'monoxido de carbono'],
        },
        {
          allOf: [
            ['lejia', 'cloro', 'detergente', 'producto* de limpieza', 'quimico*', 'veneno', 'raticida', 'matarratas', 'pila', 'pilas', 'bateria*', 'iman', 'imanes', 'insecticida', 'amoniaco', 'desatascador', 'salfuman', 'anticongelante', 'gasolina', 'aguarras', 'lavavajillas', 'capsula* de detergente', 'limpiaparabrisas', 'nicotina', 'liquido (de|del|para) (vapeo|vaper|vapear|cigarro electronico)', 'aceite* esencial*'],
            ['trag*', 'bebio', 'bebi', 'tomo', 'tome', 'comio', 'comi', 'chupo', 'se (lo|la|los|las|) (metio|echo) .. boca', 'ingirio', 'ingeri'],
          ],
        },
        {
          allOf: [
            ['demasiad*', '(todas|todos) (las|los|sus|mis)', '(un|el) (bote|frasco) (de|entero)', '(una|la) caja (de|entera)', 'un monton de', 'muchas', 'muchos', 'blister entero', countOf(esPills), 'no (se|sabemos|sabe) cuant*', 'ni idea de cuant*'],
            esPills,
            ['tomo', 'tome', 'tomado', 'trag*', 'ingirio', 'ingeri', 'se (tomo|trago|metio)', 'me (tome|trague)'],
          ],
        },
        {
          allOf: [
            ['(mi|su|el|la|nuestro|nuestra) (hijo|hija|nino|nina|bebe|nene|nena|nieto|nieta|peque)'],
            ['se trago', 'trago', 'se comio', 'comio', 'agarro', 'encontro'],
            esPills,
          ],
        },
      ],
      fr: [
        {
          anyOf: ['surdose', 'overdose', 'empoison*', 'intoxi*', 'poison', 'monoxyde de carbone', 'centre antipoison'],
        },
        {
          allOf: [
            ['javel', 'eau de javel', 'produit* menager*', 'detergent', 'lessive', 'capsule* de lessive', 'pile', 'piles', 'pile bouton', 'aimant*', 'poison', 'mort aux rats', 'antigel', 'white spirit', 'destop', 'ammoniaque', 'chimique*', 'pesticide*', 'insecticide*', 'essence', 'pastille* lave vaisselle', 'champignons', 'lave glace', 'nicotine', 'e liquide', 'huile* essentielle*'],
            ['avale*', 'bu', 'bois', 'boit', 'mange*', 'dans la bouche', 'ingere*', 'lech*'],
          ],
        },
        {
          allOf: [
            ['trop de', '(tous|toutes) (les|ses|mes)', '(toute|tout) (la|le|une) (boite|plaquette|tube|flacon)', '(une|la) (boite|plaquette) (de|entiere)', 'plein de', countOf(frPills), '(sais|sait|savons) pas combien'],
            frPills,
            ['pris', 'prend', 'prendre', 'avale*', 'ingere*', 'gobe*'],
          ],
        },
        {
          allOf: [
            ['(mon|ma|notre|le|la) (fils|fille|enfant|bebe|petit|petite|petit fils|petite fille)'],
            ['avale*', 'mange*', 'trouve*'],
            frPills,
          ],
        },
      ],
      pt: [
        {
          anyOf: ['overdose', 'superdosagem', 'envenen*', 'intoxic*', 'veneno', 'chumbinho', 'monoxido de carbono'],
        },
        {
          allOf: [
            ['agua sanitaria', 'candida', 'cloro', 'detergente', 'produto* de limpeza', 'soda caustica', 'veneno', 'raticida', 'pilha*', 'bateria*', 'ima', 'imas', 'querosene', 'gasolina', 'inseticida', 'agrotoxico*', 'alvejante', 'desinfetante', 'thinner', 'solvente', 'limpa (para|) brisa', 'nicotina', '(essencia|liquido) (do|de) (vape|pod|cigarro eletronico)', 'oleo* essencia*'],
            ['engoliu', 'engoli', 'bebeu', 'bebi', 'tomou', 'tomei', 'comeu', 'comi', 'colocou na boca', 'pos na boca', 'botou na boca', 'ingeriu', 'ingeri', 'lambeu'],
          ],
        },
        {
          allOf: [
            ['muitos', 'muitas', '(todos|todas) (os|as|seus|suas|meus|minhas)', '(uma|a) (cartela|caixa) (inteira|toda|de|)', '(um|o) (vidro|frasco) (inteiro|todo|de|)', 'um monte de', countOf(ptPills), 'nao (sei|sabemos|sabe) quant*'],
            ptPills,
            ['tomou', 'tomei', 'engoliu', 'engoli', 'ingeriu', 'ingeri', 'comeu', 'tomado', 'tomando'],
          ],
        },
        {
          allOf: [
            ['(meu|minha|o|a|nosso|nossa) (filho|filha|crianca|bebe|neto|neta|nenem)'],
            ['engoliu', 'comeu', 'pegou'],
            ptPills,
          ],
        },
      ],
    },
    exclusions: {
      en: ['food poisoning', 'poison (ivy|oak|sumac)', 'too (many|much) (pills|tablets|medication*|meds|medicine*) to (take|remember|swallow|keep track)', 'poisonous (plant*|snake*|berries)'],
      de: ['lebensmittelvergiftung', 'salmonellenvergiftung', 'zu viele (tabletten|medikamente) .. (einnehmen muss|nehmen muss)'],
      es: ['intoxicacion (alimentaria|por alimentos|alimenticia)', 'intoxicado (con|por) (la|) comida'],
      fr: ['intoxication (alimentaire|aux fruits de mer)', 'trop de (comprimes|medicaments|cachets) a (prendre|avaler)'],
      pt: ['intoxicacao alimentar', 'intoxicad* (com|por) comida'],
    },
  },
  {
    id: 'meningitis_sepsis',
    category: 'meningitis',
    title: 'Signs of meningitis or sepsis',
    rationale:
      'A rash that does not fade under a pressed glass, a stiff neck with fever or dislike of light, or a mention of meningitis or sepsis needs emergency care (NICE CG102 meningitis, NG51 sepsis; Meningitis Now glass test).',
    patterns: {
      en: [
        {
          anyOf: [
            'meningitis',
            'meningococcal',
            'sepsis',
            'septic',
            'rash .. (doesnt|does not|wont|dont|not|isnt|didnt|did not) (fade|go away|disappear|blanch)',
            '(doesnt|does not|wont|dont|not|didnt|did not) (fade|blanch|disappear) .. (glass|press*)',
            'glass test',
            'non blanching',
            'purple (spots|rash|blotches|patches|marks|dots)',
            'tiny (red|purple) (spots|dots) .. (fever|glass)',
          ],
        },
        {
          allOf: [
            ['stiff neck', 'neck (is|feels|) (very|so|really|) (stiff|rigid)', '(cant|cannot|can not|unable to) (bend|move|touch) (his|her|my|their|the) (neck|chin)', 'chin to (his|her|my|their) chest'],
            ['fever*', 'high temp*', '#temp', 'light (hurts|bothers|hurting)', '(cant|cannot|can not) (stand|bear|tolerate) (the|) light', 'sensitive to light', 'rash', 'vomit*', 'confus*', 'drowsy'],
          ],
        },
      ],
      de: [
        {
          anyOf: [
            'meningitis',
            'hirnhautentzundung',
            'hirnhautentzuendung',
            'meningokokken',
            'sepsis',
            'blutvergiftung',
            'ausschlag .. (nicht weg|verschwindet nicht|geht nicht weg|bleibt)',
            '(glastest|glas test|wasserglastest)',
            '(lila|violette|dunkelrote) (flecken|punkte|punktchen)',
          ],
        },
        {
          allOf: [
            ['nackensteif*', 'steif* nacken', 'nacken (ist|) (ganz|sehr|total|) steif', 'genickstarre', 'kann den kopf nicht (beugen|nach vorne)'],
            ['fieber*', '#temp', 'licht', 'lichtempfindlich*', 'erbrech*', 'erbricht', 'ausschlag', 'verwirrt', 'benommen'],
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'meningitis',
            'sepsis',
            'septicemia',
            'manchas .. (no desaparecen|no se quitan|no se van|moradas|violetas)',
            'prueba del vaso',
          ],
        },
        {
          allOf: [
            ['rigidez (de|en la) nuca', 'nuca rigida', 'cuello (rigido|tieso|duro)', 'no (puede|puedo) (mover|doblar|bajar) (el cuello|la cabeza)'],
            ['fiebre', '#temp', 'luz', 'vomit*', 'manchas', 'confundid*', 'somnolient*'],
          ],
        },
      ],
      fr: [
        {
          anyOf: ['meningite', 'septicemie', 'sepsis', 'purpura', 'taches .. (disparaissent pas|violettes|violacees|partent pas)', 'test du verre'],
        },
        {
          allOf: [
            ['raideur (de la|) nuque', 'nuque raide', 'cou raide', '(peut|peux) (pas|plus) (baisser|plier|bouger) (la tete|le cou)'],
            ['fievre', '#temp', 'lumiere', 'vomi*', 'taches', 'confus*', 'somnolent*'],
          ],
        },
      ],
      pt: [
        {
          anyOf: ['meningite', 'sepse', 'sepsis', 'septicemia', 'manchas .. (nao somem|roxas|nao desaparecem|arroxeadas)', 'teste do copo'],
        },
        {
          allOf: [
            ['rigidez (na|de) nuca', 'nuca (dura|rigida)', 'pescoco (duro|rigido|travado)', 'nao (consegue|consigo) (abaixar|dobrar|mexer) (a cabeca|o pescoco)'],
            ['febre', '#temp', 'luz', 'vomit*', 'manchas', 'confus*', 'sonolent*'],
          ],
        },
      ],
    },
    exclusions: {
      en: ['(meningitis|meningococcal|men b|menb|men acwy|sepsis) (vaccine*|vaccination*|jab*|shot*|booster*|injection*)', '(vaccine*|vaccination*|jab*|shot*|booster*) .. (meningitis|meningococcal)', 'septic (tank|system|arthritis)'],
      de: ['(impfung|impfen|geimpft|impfstoff) .. (meningitis|meningokokken)', '(meningokokkenimpfung|meningitisimpfung|meningokokkenimpfstoff)', 'meningokokken (impfung|impfstoff)'],
      es: ['(vacuna|vacunar|vacunacion) .. (meningitis|meningococo)'],
      fr: ['(vaccin|vacciner|vaccination) .. (meningite|meningocoque)'],
      pt: ['(vacina|vacinar|vacinacao) .. (meningite|meningococo*)'],
    },
  },
  {
    id: 'infant_fever',
    category: 'infant_fever',
    title: 'Fever in a baby (under 1 year; any fever under 3 months)',
    rationale:
      'A temperature of 38 °C (100.4 °F) or more in a baby under 3 months is a red flag for serious infection; high fever in any infant needs urgent medical assessment (NICE NG143 "Fever in under 5s", traffic-light system). A fever word or a temperature ≥ 38 °C together with a baby word fires.',
    patterns: {
      en: [
        {
          allOf: [
            [
              'baby',
              'babys',
              'babies',
              'bub',
              'newborn*',
              'new born',
              'infant*',
              '(#|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (week|weeks|wk|wks|day|days) old',
              '(1|2|3|4|5|6|7|8|9|10|11|one|two|three|four|five|six|seven|eight|nine|ten|eleven) (month|months|mo|mos|mth|mths|m) (old|baby)',
            ],
            ['fever*', 'feverish', 'fevre', 'high temp*', 'temp* (of|is|at|was|reading|reads|says|) #hot', '#temp', 'burning up', 'hot to (the|) touch'],
          ],
        },
      ],
      de: [
        {
          allOf: [
            ['baby*', 'saugling*', 'saeugling*', 'neugeboren*', '(1|2|3|4|5|6|7|8|9|10|11|ein|einen|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun|zehn|elf) (monat|monate|monaten|mon) (alt|alter|altes|alten)', '# (wochen|woche|tage) (alt|alter|altes|alten)'],
            ['fieber*', '*fieber', 'fiebert', '(gluht|glueht)', 'temperatur (von|bei|ist|liegt bei|) #hot', '#temp', 'hohe temperatur', 'erhohte temperatur', 'erhoehte temperatur'],
          ],
        },
      ],
      es: [
        {
          allOf: [
            ['bebe', 'bebes', 'bebita', 'bebito', 'recien nacid*', 'lactante', 'neonato', '(#|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once) (mes|meses|semana|semanas|dias) (de vida|de nacid*|de edad)', 'de (#|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once) (mes|meses|semanas|dias)'],
            ['fiebre', 'calentura', 'temperatura (alta|elevada)', 'temperatura (de|es|esta en|) #hot', '#temp', 'ardiendo', 'afiebrad*'],
          ],
        },
      ],
      fr: [
        {
          allOf: [
            ['bebe', 'bebes', 'bb', 'nourrisson*', 'nouveau ne', 'nouveau nee', 'nouveau nes', 'de (#|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze) (mois|semaine|semaines|jours)'],
            ['fievre', 'fievreux', 'fievreuse', 'temperature (elevee|haute)', 'de la temperature', 'temperature (de|a|est a|) #hot', '#temp', 'brulant', 'brulante'],
          ],
        },
      ],
      pt: [
        {
          allOf: [
            ['bebe', 'bebes', 'nenem', 'nene', 'recem nascid*', 'lactente', '(#|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze) (mes|meses|semana|semanas|dias) (de vida|de idade|de nascid*)', 'de (#|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze) (mes|meses|semanas|dias)'],
            ['febre', 'febril', 'temperatura (alta|elevada)', 'temperatura (de|esta em|em|ta em|) #hot', '#temp', 'ardendo', 'queimando de febre'],
          ],
        },
      ],
    },
    exclusions: {
      es: ['(no|nada|poco|mucho|bien|suficiente|casi no) bebe', 'bebe (agua|nada|liquido*|leche|suficiente|mucho|poco|bien|el biberon)'],
      pt: ['(nao|nada|pouco|muito|bem) bebe', 'bebe (agua|nada|liquido*|leite|suficiente|muito|pouco|bem)'],
    },
  },
  {
    id: 'head_injury_red_flags',
    category: 'head_injury',
    title: 'Head injury with vomiting, confusion, drowsiness, fit, or on blood thinners',
    rationale:
      'After a blow to the head, vomiting, confusion, drowsiness, loss of consciousness, a fit, clear fluid or blood from the ear or nose, memory loss, or taking blood thinners are red flags for bleeding in the skull (NICE NG232 head injury). A bump with none of these does not fire.',
    patterns: {
      en: [
        {
          allOf: [
            [
              '(hit|banged|bumped|smacked|knocked|bashed|struck|whacked|hitting|banging|bumping) (his|her|my|their|the|its) head',
              'head (injury|injuries|trauma|knock|bump|wound)',
              '(fell|fall|fallen|falling) (on|onto|off|down|from) .. head',
              'blow to the head',
              'knock (to|on) the head',
              '(landed|landing) on (his|her|my|their) head',
              'concussion',
            ],
            [
              'vomit*',
              'throwing up',
              'threw up',
              'been sick',
              'being sick',
              'sick (twice|again|several|#)',
              'confus*',
              'drowsy',
              'sleepy',
              'wont wake',
              'hard to wake',
              'unconscious',
              'knocked out',
              'passed out',
              'blacked out',
              'seizure',
              'fit',
              'fitting',
              'clear fluid',
              '(bleeding|blood) (from|out of|coming out of) (his|her|my|their|the) (ear|ears|nose)',
              '(cant|doesnt|does not|cannot|didnt) remember',
              'memory loss',
              'slurr*',
              'double vision',
              'blood thinner*',
              'warfarin',
              'apixaban',
              'rivaroxaban',
              'anticoagul*',
              'worst headache',
              'not making sense',
              '(not|isnt) (himself|herself|acting normal|acting right)',
            ],
          ],
        },
      ],
      de: [
        {
          allOf: [
            ['kopf .. (angeschlagen|gestossen|aufgeschlagen|verletzt|geprallt|geknallt)', '(auf|gegen) den kopf (gefallen|gestossen|geknallt|bekommen)', 'sturz auf den kopf', 'kopfverletzung', 'gehirnerschutterung', 'gehirnerschuetterung', 'schlag (auf|gegen) den kopf'],
            ['erbricht', 'erbrech*', 'erbrochen', 'ubergeb*', 'uebergeb*', 'kotzt', 'gekotzt', 'verwirrt', 'benommen', 'schlafrig', 'schlaefrig', 'bewusstlos', 'ohnmachtig', 'ohnmaechtig', 'krampf*', 'blutverdunn*', 'blutverduenn*', 'marcumar', 'eliquis', 'xarelto', 'erinnert sich (an nichts|nicht)', 'gedachtnis*', 'gedaechtnis*', 'doppelbilder', 'blut aus (dem ohr|den ohren|der nase)', 'flussigkeit aus', 'fluessigkeit aus'],
          ],
        },
      ],
      es: [
        {
          allOf: [
            ['golpe* .. cabeza', '(se|me) (golpeo|pego|dio|golpee|pegue|di) .. cabeza', '(cayo|cai|caida) .. cabeza', 'traumatismo craneal', 'conmocion cerebral'],
            ['vomit*', 'devolv*', 'confundid*', 'desorientad*', 'somnolient*', 'adormilad*', 'no despierta', 'desmay*', 'inconsciente', 'convuls*', 'anticoagul*', 'sintrom', 'no se acuerda', 'no recuerda', 'vision doble', 'sangre (por|de) (el oido|la nariz|los oidos)', 'liquido (por|del) (el oido|la nariz)'],
          ],
        },
      ],
      fr: [
        {
          allOf: [
            ['cogne* .. tete', 'choc .. tete', 'coup .. tete', 'tombe* .. tete', 'traumatisme cranien', 'commotion'],
            ['vomi*', 'confus*', 'desoriente*', 'somnolent*', 'endormi*', 'evanoui*', 'inconscient*', 'convuls*', 'anticoagul*', 'se souvient (plus|pas|de rien)', 'vision double', 'sang .. (oreille|oreilles|nez)', 'liquide .. (oreille|nez)'],
          ],
        },
      ],
      pt: [
        {
          allOf: [
            ['bat* .. cabeca', 'pancada .. cabeca', '(caiu|cai|queda) .. cabeca', 'traumatismo craniano', 'concussao'],
            ['vomit*', 'confus*', 'desorientad*', 'sonolent*', 'desmai*', 'inconsciente', 'convuls*', 'anticoagul*', 'nao (se|) lembra', 'visao dupla', 'sangue .. (ouvido|nariz)', 'liquido .. (ouvido|nariz)'],
          ],
        },
      ],
    },
  },
  {
    id: 'pregnancy_bleeding_pain',
    category: 'pregnancy',
    title: 'Pregnancy with bleeding, severe pain, reduced baby movements or pre-eclampsia signs',
    rationale:
      'Vaginal bleeding or severe tummy pain in pregnancy (miscarriage, ectopic pregnancy, placental abruption), a baby that moves less or has stopped moving, or a severe headache or blurred vision (pre-eclampsia) need urgent assessment the same hour (NHS "Pregnancy: bleeding", RCOG reduced fetal movements).',
    patterns: {
      en: [
        {
          allOf: [
            ['pregnan*', 'preggo', 'preggers', 'expecting (a baby|twins)', 'weeks (pregnant|gestation)', '(im|i am|she is|shes|at|currently) # (weeks|wks|wk)', '# (weeks|wks|wk) (along|gone)'],
            [
              'bleed*',
              'blood',
              'haemorrhag*',
              'hemorrhag*',
              '(severe|strong|terrible|bad|sharp|unbearable) (pain|cramp*|stomach pain|tummy pain|abdominal pain|belly pain|headache)',
              '(baby|babys|bump) .. (not moving|stopped moving|moving less|isnt moving|hasnt moved|not kicking|stopped kicking|less movement*|no movement*)',
              '(no|reduced|less|fewer|decreased) (movements|movement|kicks)',
              '(cant|cannot|can not|dont|do not|havent|have not|didnt|did not|not) (feel|felt|feeling) .. (move|moving|movement*|kick*)',
              'blurred vision',
              'seeing (spots|flashing lights|stars)',
            ],
          ],
        },
      ],
      de: [
        {
          allOf: [
            ['schwanger*', 'ssw', 'schwangerschaft*', 'in der # (woche|ssw)'],
            ['blute', 'blutet', 'blutung*', 'blut verloren', 'viel blut', '(starke|heftige) (schmerzen|bauchschmerzen|unterleibsschmerzen|krampfe|kraempfe|kopfschmerzen)', '(kind|baby) bewegt sich .. (nicht|kaum|weniger)', '(spure|spuere|spur|fuhle|fuehle) .. (baby|kind|bewegungen) (nicht|kaum) (mehr|)', '(keine|weniger|kaum) kindsbewegungen', 'kindsbewegungen .. (weniger|nicht mehr|kaum)', 'verschwommen sehen', 'sehstorung*', 'sehstoerung*', 'flimmern vor den augen'],
          ],
        },
      ],
      es: [
        {
          allOf: [
            ['embarazada', 'embarazo', 'semanas de (embarazo|gestacion)', 'gestante', '(estoy|esta|estas) de # semanas'],
            ['no (siento|noto|sentimos) (al|a mi|el|mi|a) (bebe|nene) (mover*|patear|)', 'no (lo|la) (siento|noto) mover*', 'sangr*', 'hemorragia', 'dolor (muy|) (fuerte|intenso|insoportable)', 'bebe no se mueve', 'no (siento|noto) (al|a mi|el) bebe', 'no se mueve', 'dejo de moverse', 'se mueve menos', 'vision borrosa', 'veo (lucecitas|puntos|borroso)'],
          ],
        },
      ],
      fr: [
        {
          allOf: [
            ['enceinte', 'grossesse', 'semaines d amenorrhee', '(suis|est|a) (a|de) # (semaines|sa)'],
            ['(sens|sent|senti|sentons) (plus|pas|moins) .. (bouger|bouge)', 'saign*', 'sang', 'hemorragie', 'pertes (de sang|rouges|sanguines)', 'douleur* (tres|) (forte|fortes|intense|intenses|violente|violentes|insupportable)', 'mal (au ventre|au bas ventre) .. (fort|insupportable)', 'bebe (ne bouge|bouge) (plus|pas|moins)', '(sens|sent) plus (le|mon) bebe', 'vision (trouble|floue)', 'mouches devant les yeux'],
          ],
        },
      ],
      pt: [
        {
          allOf: [
            ['gravida', 'gestante', 'gravidez', 'semanas de (gestacao|gravidez)', '(estou|to|ta|esta|com) # semanas'],
            ['nao (sinto|sente|senti|sentimos) (o|meu|a|) (bebe|nenem) (mexer|se mexer|mexendo|chutar|)', 'sangr*', 'sangue', 'hemorragia', 'dor (muito|) (forte|intensa|insuportavel)', 'bebe nao (mexe|se mexe|esta mexendo|ta mexendo)', 'parou de mexer', 'nao (sinto|sente) (o|meu) bebe', 'mexendo menos', 'visao (embacada|turva|borrada)', 'vendo (pontos|estrelinhas|luzes)'],
          ],
        },
      ],
    },
    exclusions: {
      en: ['blood (test*|pressure|sugar|work|results|type|group|count|donation|tests)', '(bleeding|bleed*|sore) gums', 'gums (bleed*|are bleeding)', 'nosebleed*', 'nose bleed*', 'pregnancy test*'],
      de: ['(bluttest|blutdruck|blutzucker|blutwerte|blutabnahme|blutbild|blutgruppe|blutuntersuchung)', '(blut|bluts) (test|druck|zucker|werte|abnahme|bild|gruppe|untersuchung)', 'zahnfleischbluten', 'zahnfleisch blutet', 'nasenbluten', 'schwangerschaftstest'],
      es: ['(analisis|examen|prueba|pruebas|analitica) de sangre', 'presion', 'sangr* (las|de las|mis) encias', 'encias (sangr*)', 'sangr* (por|de) la nariz', 'prueba de embarazo'],
      fr: ['prise de sang', '(analyse|analyses|bilan|test|tests) (de sang|sanguin)', 'groupe sanguin', 'saign* des gencives', 'gencives qui saign*', 'saign* du nez', 'test de grossesse'],
      pt: ['exame* de sangue', 'tipo sanguineo', '(sangr*|sangue) (na|nas|da|das) gengiva*', 'gengiva* (sangr*)', 'sangr* (do|pelo) nariz', 'teste de gravidez'],
    },
  },
  {
    id: 'severe_burn',
    category: 'burn',
    title: 'Severe, large, facial, chemical or electrical burn; scald in a child',
    rationale:
      'Large or deep burns, burns to the face, eyes or airway, chemical and electrical burns, and burns or scalds in babies and young children need emergency care (NHS "Burns and scalds"; British Burn Association first aid).',
    patterns: {
      en: [
        {
          anyOf: [
            '(severe|bad|badly|serious|seriously|major|deep|large|big|huge|massive|third degree|3 rd degree|full thickness) (burn|burns|burned|burnt|scald|scalds|scalded)',
            '(burn|burns|burned|burnt|scald|scalded) .. (badly|severely|all over|everywhere)',
            'chemical burn*',
            'acid (burn*|in (his|her|my|their) (eye|eyes|face))',
            'electric shock',
            'electrocut*',
            '(on|caught) fire',
            '(spilled|spilt|poured|pulled|knocked|splashed|tipped|fell in|fell into) (boiling|scalding|hot) (water|oil|fat)',
            '(boiling|scalding) (water|oil|milk|soup|tea|coffee) .. (face|chest|body|head|baby|toddler|child|arm|legs|all over)',
          ],
        },
        {
          allOf: [
            ['burn', 'burns', 'burned', 'burnt', 'scald', 'scalds', 'scalded', 'scalding'],
            ['face', 'eye', 'eyes', 'boiling', 'kettle', 'hot oil', 'chest', 'whole', 'all over', 'blister*', 'charred', 'white', 'skin (peel*|came off|coming off|falling off)', 'baby', 'toddler', 'infant', 'large', 'big', 'huge'],
          ],
        },
      ],
      de: [
        {
          anyOf: [
            '(schwer|stark|grossflachig|grossflaechig) (verbrannt|verbruht|verbrueht)',
            '(schwere|starke|grosse|tiefe|grossflachige|grossflaechige) (verbrennung*|verbruhung*|verbruehung*)',
            'verbrennung (dritten|3) grades',
            'veratz*',
            'veraetz*',
            'chemische verbrennung',
            'stromschlag',
            'stromunfall',
            'brennt .. (kleidung|haare)',
            'kochend* (wasser|ol|oel|fett|milch) .. (gesicht|brust|korper|koerper|kopf|baby|kind|arm|bein|uber|ueber)',
          ],
        },
        {
          allOf: [
            ['verbrennung*', 'verbrannt', 'verbruh*', 'verbrueh*'],
            ['gesicht', 'auge*', 'kochend*', 'heisse* (wasser|ol|oel|fett)', 'baby', 'kind', 'kleinkind', 'blasen', 'brust', 'ganze*', 'weiss', 'schwarz', 'verkohlt', 'haut lost sich', 'haut loest sich'],
          ],
        },
      ],
      es: [
        {
          anyOf: [
            'quemadura* (grave|graves|muy grande|grande|profunda|de tercer grado|de 3 grado)',
            '(se|me) quem* (mucho|gravemente|todo|toda)',
            'quemad* (gravemente|entero|entera|por todo)',
            'quemadura quimica',
            'electrocut*',
            'descarga electrica',
            'se (le|me) prendio (fuego|la ropa)',
            '(agua|aceite|leche) hirviendo .. (cara|pecho|cuerpo|cabeza|bebe|nino|nina|brazo|pierna|encima)',
          ],
        },
        {
          allOf: [
            ['quemadura*', 'quem*', 'escald*'],
            ['cara', 'ojo', 'ojos', 'agua hirviendo', 'aceite (hirviendo|caliente)', 'bebe', 'nino', 'nina', 'ampollas', 'piel (blanca|negra)', 'carboniz*', 'todo el (brazo|cuerpo|pecho)', 'pecho'],
          ],
        },
      ],
      fr: [
        {
          anyOf: [
            'brulure* (grave|graves|profonde|profondes|etendue|etendues|du 3 e degre|du troisieme degre|3 e degre|au 3 e degre)',
            '(gravement|serieusement|tres) brule*',
            'brule* (partout|de partout)',
            'brulure chimique',
            'electrocut*',
            '(choc|decharge) electrique',
            '(a|ont) pris feu',
            '(eau|huile|lait) bouillant* .. (visage|poitrine|corps|tete|bebe|enfant|bras|jambe|dessus)',
          ],
        },
        {
          allOf: [
            ['brulure*', 'brule', 'brulee', 'brules', 'brulees', 'ebouillant*'],
            ['visage', 'oeil', 'yeux', 'eau bouillante', 'huile (bouillante|chaude)', 'bebe', 'enfant', 'cloques', 'ampoules', 'peau (blanche|noire)', 'carbonise*', 'tout le (bras|corps|torse)', 'poitrine', 'grande', 'enorme'],
          ],
        },
      ],
      pt: [
        {
          anyOf: [
            'queimadura* (grave|graves|profunda|grande|enorme|de terceiro grau|de 3 grau)',
            '(se|me) queim* (muito|feio|todo|toda|gravemente)',
            'queimadura quimica',
            'choque eletrico',
            'eletrocut*',
            'pegou fogo (na roupa|no corpo|nele|nela)',
            '(agua|oleo|leite) (fervendo|fervente) .. (rosto|peito|corpo|cabeca|bebe|crianca|braco|perna|em cima)',
          ],
        },
        {
          allOf: [
            ['queimadura*', 'queim*', 'escald*'],
            ['rosto', 'cara', 'olho', 'olhos', 'agua fervendo', 'agua quente', 'oleo (quente|fervendo)', 'bebe', 'crianca', 'bolhas', 'pele (branca|preta|soltando)', '(braco|corpo|peito|perna) (todo|toda|inteiro|inteira)', 'peito'],
          ],
        },
      ],
    },
    exclusions: {
      en: ['sunburn*', 'sun burn*', 'razor burn', 'carpet burn', 'burns when (i|he|she) (pee|wee|urinate)'],
      es: ['quemadura* (de|del|por el) sol', 'me queman los ojos'],
      fr: ['coup de soleil', 'brulure* (d estomac|urinaire*|en urinant)', 'brule quand (je|il|elle) (fais|fait) pipi'],
      pt: ['queimadura* (de|do) sol', 'queimacao', 'queima (pra|para|ao) (urinar|fazer xixi)'],
      de: ['sonnenbrand', 'brennt beim (wasserlassen|pinkeln)'],
    },
  },
];
