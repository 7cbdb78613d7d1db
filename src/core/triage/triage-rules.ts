/**
 * The symptom triage rules: clinician-reviewable DATA. Read this file top to bottom like a
 * table; no code runs here. The format (docs/clinical-safety.md, "Triage rule format"):
 *
 * - `presentations`: what the patient describes (chest pain, fever …), the words that name it
 *   per language, the level when nothing more is known (`startLevel`), the departments to
 *   suggest and the follow-up questions that may be asked, in order.
 * - `findings`: facts the rules use. With `terms` they are read from the patient's words; the
 *   others come from answers to questions or are derived by the engine from what the patient
 *   wrote: `age_under_3m`, `age_under_1`, `age_under_5`, `child` (under 16), `adult`,
 *   `age_over_65` from an age ("my 3 year old", "bebé de 2 meses", "6 Monate alt");
 *   `duration_stated`, `duration_over_2d` (3 days or more), `duration_over_5d`,
 *   `duration_over_1w`, `duration_over_3w` from a duration ("for 3 days", "desde hace 2
 *   semanas", "seit einer Woche"); `fever_high` (≥ 39 °C / 102.2 °F) and `fever_very_high`
 *   (≥ 40 °C / 104 °F) from a temperature; `female` from `pregnant`.
 * - `questions`: follow-up questions with up to three answers (reply buttons), each answer
 *   establishing findings. A question is asked only when some answer would change the level.
 *   Their words are in ./locales.
 * - `rules`: each raises the level when its presentation was described (or it names none), all
 *   of `all` and one of `any` are present. The level is the most urgent of the start levels
 *   of every presentation described and of every rule that matches. Rules only ever raise.
 *
 * The emergency red-flag net (src/core/safety) runs first and always wins: any red flag is
 * `emergency`. Terms use the pattern syntax of src/core/safety/compile-term.ts.
 *
 * Changing a rule: docs/clinical-safety.md, "Review process" (tests, evaluation, regenerate
 * the rule tables, change log, clinician sign-off).
 */
import type { Finding, Presentation, Question, TriageRule } from './triage-types.ts';

/** Bump on every change of this file; recorded with every stored triage (QuestionnaireResponse). */
export const triageRulesVersion = '2026-11-22.1';

// Sources, cited by the rules below (see docs/clinical-safety.md, "Rule sources").
const NHS = 'NHS.uk health A–Z';
const NICE = 'NICE';

export const presentations: readonly Presentation[] = [
  {
    id: 'chest_pain',
    title: 'Chest pain',
    terms: {
      en: ['chest (pain*|hurt*|ache*|aching|discomfort|tight*|pressure)', '(pain*|hurt*|ache*) .. chest', 'heart (pain|hurts)', 'angina'],
      es: ['dolor* .. pecho', '(dolor*|duele*|molestia*) .. (en el|del) pecho', 'duele .. pecho', 'pecho .. (duele|dolor|oprim*)', 'opresion .. pecho', 'dolor toracico'],
      de: ['*brustschmerz*', 'schmerz* .. brust', 'brust .. (weh|schmerz*|sticht|druckt|brennt|eng)', 'druck .. brust', 'herzstechen', 'stechen .. brust'],
      fr: ['douleur* .. poitrine', 'mal .. poitrine'],
      pt: ['dor* .. peito', 'aperto no peito'],
    },
    startLevel: 'urgent',
    departments: ['general'],
    questions: ['q_chest_features'],
    source: `${NHS} "Chest pain": chest pain should always be assessed the same day (NHS 111 / urgent care) unless cardiac features → 999; ${NICE} CG95.`,
  },
  {
    id: 'breathing',
    title: 'Shortness of breath or wheeze',
    terms: {
      en: ['short* of breath', 'breathless*', 'out of breath', '(hard|difficult) to breathe', 'wheez*', 'asthma', 'breathing (problem*|difficult*)'],
      es: ['falta (de|el) aire', 'me cuesta respirar', 'dificultad (para|al) respirar', 'pitos', 'silbidos', 'asma', 'ahogo'],
      de: ['atemnot', 'kurzatmig*', 'luftnot', 'schwer (zu|) atmen', 'keuch*', 'asthma*', 'atemprobleme'],
      fr: ['essouffl*', 'mal a respirer', 'asthme'],
      pt: ['falta de ar', 'chiado', 'asma'],
    },
    startLevel: 'urgent',
    departments: ['general'],
    questions: ['q_breathing_severe'],
    source: `${NHS} "Shortness of breath": sudden or worsening breathlessness needs same-day assessment (111); unable to speak in sentences or blue lips → 999; BTS/SIGN asthma guideline.`,
  },
  {
    id: 'headache',
    title: 'Headache',
    terms: {
      en: ['head (ache*|pain*|hurts|is killing|is pounding)', 'headache*', 'migraine*', '(pain|hurts) .. (head|temples)'],
      es: ['dolor* de cabeza', 'cabeza .. (duele|dolor)', 'duele .. cabeza', 'migrana*', 'jaqueca*', 'cefalea'],
      de: ['kopfschmerz*', 'kopfweh', 'kopf .. (tut weh|schmerzt|drohnt)', 'migrane*', 'migraene*'],
      fr: ['mal (a la|de) tete', 'migraine*', 'cephalee*'],
      pt: ['dor de cabeca', 'enxaqueca*'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_headache_sudden', 'q_serious_illness', 'q_severity', 'q_duration'],
    source: `${NHS} "Headaches": most headaches can be treated with rest, fluids and painkillers; thunderclap or worst-ever headache, or headache with stiff neck, fever, confusion → 999; ${NICE} CG150.`,
  },
  {
    id: 'abdominal_pain',
    title: 'Abdominal (tummy) pain',
    terms: {
      en: ['(stomach|tummy|belly|abdominal|abdomen) (pain*|ache*|hurts|cramp*)', 'stomach ache*', 'stomachache', 'tummy ache*', 'bellyache', '(pain*|hurts|ache) .. (stomach|tummy|belly|abdomen)', '(lower|upper|right|left|middle) (side|part) of (my|the|his|her) (stomach|tummy|belly|abdomen)'],
      es: ['dolor* .. (barriga|tripa|estomago|abdomen|vientre|panza)', 'dolor* .. (en|de) (la|el) (barriga|tripa|estomago|abdomen|vientre|panza)', '(barriga|tripa|estomago|abdomen|vientre|panza) .. (duele|dolor)', 'duele .. (barriga|tripa|estomago|abdomen|vientre|panza)', 'dolor abdominal'],
      de: ['bauchschmerz*', 'bauchweh', 'magenschmerz*', 'bauch .. (tut weh|schmerzt)', 'unterleibsschmerz*', 'magenkramp*'],
      fr: ['mal au ventre', 'douleur* .. ventre', 'mal a l estomac'],
      pt: ['dor* .. (barriga|estomago|abdomen)'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_who', 'q_pregnant', 'q_severity', 'q_duration'],
    source: `${NHS} "Stomach ache": usually not serious and gets better in a few days; sudden severe pain → A&E/999; pain with pregnancy → 111 the same day (ectopic pregnancy).`,
  },
  {
    id: 'vomiting_diarrhoea',
    title: 'Vomiting or diarrhoea',
    terms: {
      en: ['vomit*', 'throwing up', 'threw up', 'being sick', 'diarrh*', 'diarrea', 'runs', 'gastro*', 'stomach (bug|flu)', 'food poisoning'],
      es: ['vomit*', 'devolv*', 'diarrea*', 'gastroenteritis', 'intoxicacion alimentaria', 'descompos*'],
      de: ['erbrech*', 'erbricht', 'ubergeb*', 'kotz*', 'durchfall', 'magen darm*', 'brechdurchfall', 'lebensmittelvergiftung'],
      fr: ['vomi*', 'diarrhee*', 'gastro*'],
      pt: ['vomit*', 'diarreia*', 'virose'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_child_age', 'q_fluids', 'q_duration'],
    source: `${NHS} "Diarrhoea and vomiting": usually self-care with fluids; babies under 12 months, signs of dehydration, blood in poo, vomiting over 2 days or diarrhoea over 7 days → urgent GP/111.`,
  },
  {
    id: 'fever',
    title: 'Fever (high temperature)',
    terms: {
      en: ['fever*', 'feverish', 'high temp*', 'temperature', '#temp', 'hot to (the|) touch', 'burning up'],
      es: ['fiebre', 'febr*', 'calentura', 'temperatura', '#temp'],
      de: ['fieber*', 'erhohte temperatur', 'temperatur', '#temp', 'gluht'],
      fr: ['fievre', '#temp'],
      pt: ['febre', '#temp'],
    },
    not: { en: ['hay fever', 'hayfever'], es: ['fiebre del heno'], fr: ['rhume des foins'] },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_who', 'q_child_age', 'q_serious_illness', 'q_duration'],
    source: `${NHS} "High temperature (fever) in adults/children"; ${NICE} NG143 traffic-light system: under 3 months ≥ 38 °C red; 3–6 months ≥ 39 °C amber; fever ≥ 5 days amber.`,
  },
  {
    id: 'cough_cold',
    title: 'Cough, cold or flu-like illness',
    terms: {
      en: ['cough*', 'cold', 'flu', 'runny nose', 'blocked nose', 'stuffy nose', 'sneez*', 'congest*', 'sinus*', 'chesty'],
      es: ['tos', 'toso', 'tosiendo', 'resfriad*', 'catarro', 'constipad*', 'gripe', 'mocos', 'congestion', 'sinusitis', 'estornud*'],
      de: ['husten', 'hustet', 'huste', 'erkaltung', 'erkaeltung', 'erkaltet', 'schnupfen', 'grippe*', 'verschnupft', 'nase .. (zu|verstopft|lauft)', 'nebenhohle*'],
      fr: ['tou*', 'rhume', 'grippe', 'nez (bouche|qui coule)'],
      pt: ['tosse', 'resfriad*', 'constipad*', 'gripe', 'nariz entupido'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_breathless', 'q_duration_long'],
    source: `${NHS} "Cough", "Common cold", "Flu": self-care; cough over 3 weeks → GP; breathlessness or coughing blood → urgent GP/111.`,
  },
  {
    id: 'sore_throat',
    title: 'Sore throat',
    terms: {
      en: ['sore throat', 'throat (is|) (sore|hurts|pain*|infection)', '(pain|hurts) .. (throat|swallow*)', 'tonsil*', 'strep'],
      es: ['dolor* (de|en la) garganta', 'garganta .. (duele|dolor|irritad*|inflamad*)', 'duele .. garganta', 'anginas', 'amigdal*', 'faringitis'],
      de: ['halsschmerz*', 'halsweh', 'hals .. (tut weh|schmerzt|kratzt)', 'mandel*', 'angina tonsillaris', 'schluckbeschwerden'],
      fr: ['mal a la gorge', 'angine'],
      pt: ['dor de garganta', 'garganta inflamada'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_swallow', 'q_duration'],
    source: `${NHS} "Sore throat": usually better within a week with self-care; over a week or very bad → GP; drooling, unable to swallow, noisy breathing → 999.`,
  },
  {
    id: 'urinary',
    title: 'Urinary symptoms',
    terms: {
      en: ['(burn*|sting*|pain*|hurt*) .. (pee|pees|peeing|urinat*|wee|wees|weeing)', 'uti', 'urine infection', 'urinary (tract|) infection', 'bladder infection', 'cystitis', '(pee|peeing|wee|weeing|urinating) (a lot|all the time|more often|often)', 'blood in .. (pee|urine|wee)'],
      es: ['(escozor|ardor|arde|duele|pica|molestias) .. (orinar|hacer pis|mear|orino)', 'infeccion (de orina|urinaria)', 'cistitis', 'orino (mucho|a cada rato|muchas veces)', 'sangre en (la|) orina', 'orina con sangre'],
      de: ['brenn* .. (wasserlassen|pinkeln|urin*)', 'blasenentzund*', 'harnwegsinfekt*', 'blaseninfekt*', 'zystitis', '(schmerzen|brennt|brennen) beim (wasserlassen|pinkeln)', 'standig .. (pinkeln|wasserlassen|toilette)', 'blut im urin'],
      fr: ['brulure* .. (urin*|pipi)', 'infection urinaire', 'cystite'],
      pt: ['ardor .. (urinar|xixi)', 'infeccao urinaria', 'cistite'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_who', 'q_pregnant', 'q_kidney', 'q_duration'],
    source: `${NHS} "Urinary tract infections": women can get help from a pharmacy; men, children, pregnancy, kidney signs (fever, back or side pain) or no improvement after 2 days → urgent GP/111; cannot pee at all → A&E.`,
  },
  {
    id: 'back_pain',
    title: 'Back pain',
    terms: {
      en: ['back (pain*|ache*|hurts|is killing|spasm*)', 'backache', '(pain|hurt*) .. (lower|upper|my) back', 'sciatica', 'lumbago', 'slipped disc', '(pulled|hurt|injured|strained|tweaked|put out) (my|his|her) back', 'back (is|feels) (stiff|sore)'],
      es: ['dolor* .. espalda', 'espalda .. (duele|dolor)', 'duele .. espalda', 'lumbago', 'ciatica', 'lumbalgia', 'hernia discal'],
      de: ['ruckenschmerz*', 'rueckenschmerz*', 'rucken .. (tut weh|schmerzt)', 'ruecken .. (tut weh|schmerzt)', 'hexenschuss', 'ischias', 'bandscheibe*'],
      fr: ['mal au dos', 'douleur* .. dos', 'lumbago', 'sciatique'],
      pt: ['dor* .. (costas|coluna|lombar)', 'ciatica'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_back_cauda', 'q_severity', 'q_duration_long'],
    source: `${NHS} "Back pain": usually improves in a few weeks with activity and painkillers; numbness around the bottom or genitals or loss of bladder/bowel control → A&E/999 (cauda equina); fever, after a fall, or not improving → GP; ${NICE} NG59.`,
  },
  {
    id: 'skin_rash',
    title: 'Rash or skin irritation',
    terms: {
      en: ['rash*', 'spots', 'spot', 'pimple*', 'head lice', 'nits', 'scabies', 'itchy skin', 'skin .. (itch*|red|irritat*|peeling|dry)', 'eczema', 'hives', 'blister*', 'bites', 'red (patch*|blotch*)', 'psoriasis', 'acne', 'cellulitis'],
      es: ['sarpullido', 'erupcion', 'ronchas', 'grano', 'granos', 'piojos', 'sarna', 'manchas', 'picor', 'pica .. piel', 'piel .. (roja|irritada|pica)', 'eccema', 'dermatitis', 'urticaria', 'ampollas', 'psoriasis', 'acne', 'celulitis'],
      de: ['ausschlag', 'hautausschlag', 'pickel', 'lause', 'kopflause', 'kratze', 'juckreiz', 'haut .. (juckt|rot|gereizt|schuppt)', 'ekzem', 'neurodermitis', 'nesselsucht', 'quaddeln', 'blasen', 'rote flecken', 'schuppenflechte', 'akne', 'wundrose'],
      fr: ['eruption*', 'boutons', 'plaques rouges', 'demangeaison*', 'eczema', 'urticaire'],
      pt: ['manchas', 'alergia na pele', 'coceira', 'eczema', 'urticaria', 'bolinhas'],
    },
    startLevel: 'self_care',
    departments: ['dermatology', 'general'],
    questions: ['q_rash_glass', 'q_rash_fever', 'q_duration'],
    source: `${NHS} "Rashes in babies and children", "Skin rash", "Cellulitis": most rashes are harmless (pharmacist); rash that does not fade under a glass → 999; rash with fever or hot spreading redness → urgent GP/111.`,
  },
  {
    id: 'skin_lesion',
    title: 'Mole, lump or skin growth',
    terms: {
      en: ['mole', 'moles', 'skin (lump|growth|tag*)', '(lump|growth) .. skin', 'wart*', 'verruca*', 'cyst'],
      es: ['lunar*', 'verruga*', '(bulto|bultito) .. piel', 'quiste'],
      de: ['muttermal*', 'leberfleck*', 'warze*', '(knoten|knubbel) .. haut', 'zyste'],
      fr: ['grain* de beaute', 'verrue*'],
      pt: ['sinal na pele', 'pinta*', 'verruga*'],
    },
    startLevel: 'routine',
    departments: ['dermatology', 'general'],
    questions: [],
    source: `${NHS} "Moles", "Skin cancer (melanoma)": a new or changing mole should be checked by a GP or dermatologist (routine appointment, referral if needed).`,
  },
  {
    id: 'injury',
    title: 'Injury (sprain, fall, cut, burn, bite)',
    terms: {
      en: ['sprain*', 'twisted (my|his|her|) (ankle|knee|wrist)', 'bruis*', 'injur*', 'hurt (my|his|her) (ankle|knee|wrist|arm|leg|foot|hand|finger|shoulder|toe)', 'fell (over|down|off|on)', '(had|took) a fall', '(burn|cut|scald|graze) on (my|his|her) (finger|hand|arm|leg|foot)', '(small|minor) (burn|cut|scald|graze)', 'cut (my|his|her) (finger|hand|arm|leg|foot)', '(burnt|burned|scalded) (my|his|her) (finger|hand|arm|leg)', 'bitten by', '(dog|cat|animal) bite', 'pulled (a|my) muscle', 'broken', 'fracture*'],
      es: ['esguince', 'torcedura', '(me|se) (torci|torcio) (el|la|) (tobillo|rodilla|muneca|pie)', 'golpe', 'moraton', 'hematoma', 'me (cai|he caido)', 'se (cayo|ha caido)', 'caida', '(me|se) (corte|corto|queme|quemo)', 'quemadura', 'herida', 'mordedura', '(me|le) mordio', 'lesion', 'roto', 'fractura*'],
      de: ['verstaucht*', 'umgeknickt', 'prellung', 'bluterguss', 'blauer fleck', 'gesturzt', 'hingefallen', 'sturz', 'geschnitten', 'schnittwunde', 'verbrannt', 'verbruht', 'verbrennung', 'gebissen', 'hundebiss', 'katzenbiss', 'tierbiss', 'zerrung', 'verletz*', 'gebrochen', 'bruch'],
      fr: ['entorse', 'foulure', 'chute', 'tombe*', 'coupure', 'brulure', 'morsure', 'blessure', 'casse'],
      pt: ['entorse', 'torci', 'caiu', 'queda', 'corte', 'queimadura', 'mordida', 'machuc*', 'fratura'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_injury_fracture', 'q_severity'],
    source: `${NHS} "Sprains and strains", "Cuts and grazes", "Burns", "Animal bites", "Head injury": minor injuries are self-care; suspected broken bone, deep or gaping wound, bites that break the skin, any head injury with symptoms → urgent treatment centre / A&E.`,
  },
  {
    id: 'eye_red',
    title: 'Red, sticky or itchy eye',
    terms: {
      en: ['(red|pink|sticky|itchy|watery|gunky|crusty|sore) (eye|eyes)', 'conjunctivitis', 'pink eye', 'stye', 'eye* .. (sticky|itchy|watering|crusty)'],
      es: ['conjuntivitis', 'ojo* (rojo*|pegado*|lloroso*|irritado*|pica*)', 'orzuelo', 'leganas'],
      de: ['bindehautentzund*', '(rote|rotes|verklebte|verklebtes|juckende|tranende) (augen|auge)', 'gerstenkorn', 'augen .. (rot|verklebt|jucken|tranen)'],
      fr: ['conjonctivite', 'yeux rouges', 'orgelet'],
      pt: ['conjuntivite', 'olho* vermelho*', 'tercol'],
    },
    startLevel: 'self_care',
    departments: ['ophthalmology', 'general'],
    questions: ['q_eye_vision'],
    source: `${NHS} "Conjunctivitis", "Red eye": usually self-care or pharmacy; red eye with pain, light sensitivity or changed vision → urgent same-day assessment.`,
  },
  {
    id: 'eye_problem',
    title: 'Eye pain, injury or vision problem',
    terms: {
      en: ['eye (pain|hurts|injury|injured)', '(pain|hurts) .. eye', 'vision', 'eyesight', '(cant|cannot|hard to) see', 'floaters', 'blurr*', 'something in (my|his|her) eye'],
      es: ['(dolor|duele) .. ojo*', 'ojo .. (duele|dolor|golpe)', 'vista', 'vision', 'no veo', 'moscas volantes', 'borros*', 'algo en el ojo'],
      de: ['augenschmerz*', 'auge .. (tut weh|schmerzt|verletzt)', 'sehe (schlecht|verschwommen|doppelt)', 'sehstorung*', 'verschwommen*', 'fremdkorper .. auge', 'etwas im auge'],
      fr: ['mal a l oeil', 'vision (floue|trouble)'],
      pt: ['dor no olho', 'visao (embacada|turva)'],
    },
    startLevel: 'routine',
    departments: ['ophthalmology', 'general'],
    questions: ['q_eye_vision'],
    source: `${NHS} "Eye problems", "Sudden loss of vision": sudden loss of vision or chemicals in the eye → A&E/999; eye pain, injury or vision change → urgent same day; gradual problems → optician or GP.`,
  },
  {
    id: 'earache',
    title: 'Earache or ear problem',
    terms: {
      en: ['ear (ache|pain|infection|hurts)', 'earache*', '(pain|hurts|ache) .. ear*', 'ear* .. (blocked|ringing)', 'tinnitus', 'glue ear'],
      es: ['(dolor|duele) .. oido*', 'oido* .. (duele|dolor|tapado*|taponad*)', 'otitis', 'zumbido* .. oido*', 'dolor de oreja*'],
      de: ['ohrenschmerz*', 'ohr .. (tut weh|schmerzt)', 'ohren .. (tun weh|schmerzen)', 'mittelohrentzund*', 'ohr* (zu|verstopft)', 'tinnitus', 'ohrensausen'],
      fr: ['mal (a l|aux) oreille*', 'otite'],
      pt: ['dor de ouvido', 'otite'],
    },
    startLevel: 'self_care',
    departments: ['general'],
    questions: ['q_ear_swelling', 'q_duration'],
    source: `${NHS} "Earache": often gets better in about 3 days (pharmacy); over 3 days, fluid from the ear, swelling behind the ear or sudden hearing loss → GP/111.`,
  },
  {
    id: 'pregnancy',
    title: 'Pregnancy concern',
    terms: {
      en: ['pregnan*', 'weeks (pregnant|gone)', 'midwife', 'morning sickness', 'expecting a baby', 'my bump'],
      es: ['embaraz*', 'matrona', 'semanas de (embarazo|gestacion)', 'gestacion'],
      de: ['schwanger*', 'hebamme', 'ssw', 'schwangerschaftsubelkeit'],
      fr: ['enceinte', 'grossesse', 'sage femme'],
      pt: ['gravida', 'gravidez', 'gestante'],
    },
    startLevel: 'routine',
    departments: ['obstetrics', 'maternity', 'gynaecology', 'general'],
    questions: ['q_pregnancy_emergency', 'q_pregnancy_urgent'],
    source: `${NHS} "Pregnancy: when to get help" / "Vaginal bleeding in pregnancy" / "Pre-eclampsia": bleeding with pain, reduced baby movements → maternity unit immediately; headache, vision changes, sudden swelling, waters breaking → maternity unit or 111 the same day; other concerns → midwife.`,
  },
  {
    id: 'mental_health',
    title: 'Mental health (low mood, anxiety, stress)',
    terms: {
      en: ['depress*', 'anxi*', '(low|bad) mood', 'stressed', 'stress', 'panic*', '(feel|feeling) (down|hopeless|empty|numb|overwhelmed|worthless|lonely)', 'mental health', 'insomnia', '(cant|cannot) sleep', 'burn* out', 'eating disorder', 'anorexi*', 'bulimi*'],
      es: ['depresi*', 'deprimid*', 'ansiedad', 'ansios*', 'estres*', 'estresad*', '(bajo|baja) de animo', '(me siento|estoy) (triste|vacio|vacia|agobiad*|solo|sola|desbordad*)', 'salud mental', 'no (puedo|consigo) dormir', 'insomnio', 'panico', 'angustia*'],
      de: ['depress*', 'angst*', 'panik*', 'stress*', 'gestresst', 'niedergeschlagen*', '(fuhle|fuehle) mich (leer|hoffnungslos|wertlos|uberfordert|einsam|schlecht)', 'psychisch*', '(kann nicht|kaum|schlecht) (schlafen|einschlafen)', 'schlaflos*', 'burnout', 'burn out', 'essstorung*'],
      fr: ['depress*', 'anxi*', 'angoiss*', 'stress*', 'crise de panique'],
      pt: ['depress*', 'ansiedade', 'ansios*', 'estress*', 'angusti*', 'panico'],
    },
    startLevel: 'routine',
    departments: ['mental-health', 'psychology', 'psychiatry', 'general'],
    questions: ['q_self_harm', 'q_acute_distress'],
    counselling: true,
    source: `${NHS} "Mental health: get urgent help" / ${NICE} NG222 (depression), CG113 (anxiety), NG225 (self-harm): ask directly about self-harm; thoughts of suicide → emergency help now; a crisis or not coping → same-day help (GP, 111 option 2, crisis or counselling line); ongoing low mood or anxiety → GP or talking therapies.`,
  },
  {
    id: 'allergy',
    title: 'Allergy or allergic reaction',
    terms: {
      en: ['allerg*', 'hayfever', 'hay fever', 'pollen', 'reaction to', 'antihistamine*'],
      es: ['alergi*', 'alergic*', 'rinitis', 'polen', 'reaccion (a|al|alergica)'],
      de: ['allergi*', 'heuschnupfen', 'pollen*', 'reaktion auf'],
      fr: ['allergi*', 'rhume des foins'],
      pt: ['alergi*', 'rinite'],
    },
    startLevel: 'self_care',
    departments: ['allergy', 'general'],
    questions: ['q_allergy_airway'],
    source: `${NHS} "Allergies", "Anaphylaxis", "Angioedema": mild allergies are self-care (antihistamines, pharmacy); swelling of lips, tongue or throat or trouble breathing → 999.`,
  },
  {
    id: 'diabetes',
    title: 'Diabetes-related problem',
    terms: {
      en: ['diabet*', 'blood sugar*', 'insulin', 'glucose', 'hypo', 'hyper', 'ketone*'],
      es: ['diabet*', 'azucar', 'glucosa', 'glucemia', 'insulina', 'hipoglucemia', 'hiperglucemia', 'cetona*'],
      de: ['diabet*', 'zucker*', 'blutzucker*', 'insulin', 'unterzucker*', 'uberzucker*', 'keton*'],
      fr: ['diabet*', 'glycemie', 'insuline', 'hypoglycemie'],
      pt: ['diabet*', 'glicemia', 'glicose', 'insulina', 'hipoglicemia'],
    },
    startLevel: 'routine',
    departments: ['endocrinology', 'general'],
    questions: ['q_diabetes_danger'],
    source: `${NHS} "Low blood sugar (hypoglycaemia)", "High blood sugar (hyperglycaemia)", "Diabetic ketoacidosis"; ${NICE} NG19 (diabetic foot: active foot problem → assessment within 1 working day) and NG17/NG28.`,
  },
];

const severe = {
  en: ['severe*', '(really|very|so|extremely|super) (bad|painful|sore|strong)', 'unbearable', 'excruciating', 'agony', 'terrible', 'awful', '(10|9) (out of|of) 10', 'intense', 'worst'],
  es: ['muy fuerte', 'fuerte', 'fortisimo', 'insoportable', 'intens*', 'horrible', 'terrible', 'muchisimo', 'fatal', 'atroz'],
  de: ['stark*', 'sehr stark*', 'unertraglich*', 'unertraeglich*', 'heftig*', 'extrem*', 'hollisch*', 'furchtbar*', 'hoellisch*'],
  fr: ['violent*', 'insupportable', 'tres fort*', 'atroce'],
  pt: ['muito forte', 'insuportavel', 'forte', 'horrivel'],
};

export const findings: readonly Finding[] = [
  // Derived by the engine (no terms): age, duration, temperature.
  { id: 'age_under_3m', title: 'Baby under 3 months' },
  { id: 'age_under_1', title: 'Baby under 1 year' },
  { id: 'age_under_5', title: 'Child under 5 years' },
  { id: 'adult', title: 'Adult (16 or older)' },
  { id: 'age_over_65', title: 'Aged 65 or older' },
  { id: 'duration_stated', title: 'The patient said how long' },
  { id: 'duration_over_2d', title: 'Three days or more' },
  { id: 'duration_over_5d', title: 'Five days or more' },
  { id: 'duration_over_1w', title: 'A week or more' },
  { id: 'duration_over_3w', title: 'Three weeks or more' },
  { id: 'fever_high', title: 'Temperature 39 °C (102.2 °F) or more' },
  { id: 'fever_very_high', title: 'Temperature 40 °C (104 °F) or more' },
  {
    id: 'male',
    title: 'Male',
    terms: {
      en: ['(i am|im) a (man|guy|male)', '(year|yr) old (man|guy|male)', 'my (husband|father|dad|brother|boyfriend|grandfather|grandad|grandpa)'],
      es: ['soy (un|) (hombre|varon)', 'mi (marido|esposo|padre|papa|hermano|abuelo|novio)'],
      de: ['(ich bin|bin) (ein|) mann', 'mein (mann|vater|papa|bruder|opa|grossvater|freund)'],
    },
  },
  // From the patient's words (and some also from answers).
  {
    id: 'child',
    title: 'A child',
    terms: {
      en: ['my (son|daughter|kid|kids|child|boy|girl|toddler|little one)', 'toddler', 'my (#) (year|yr) old', '(#) (year|yr) old (son|daughter|boy|girl)'],
      es: ['mi (hijo|hija|nino|nina|nene|nena|peque|pequeno|pequena|chiquito|chiquita)', 'el nino', 'la nina'],
      de: ['mein* (sohn|tochter|kind|kleine|kleiner|kleines)', 'kleinkind', 'unser* (sohn|tochter|kind)'],
      fr: ['mon (fils|enfant)', 'ma fille'],
      pt: ['meu filho', 'minha filha', 'crianca'],
    },
  },
  {
    id: 'age_baby',
    title: 'A baby (age not given)',
    terms: {
      en: ['baby', 'infant', 'newborn'],
      es: ['(mi|el|la|nuestro|nuestra) bebe', 'bebe de', 'recien nacid*', 'lactante'],
      de: ['baby', 'saugling', 'neugeboren*'],
      fr: ['bebe', 'nourrisson'],
      pt: ['(meu|minha|o|a) bebe', 'recem nascid*'],
    },
  },
  {
    id: 'female',
    title: 'Female',
    terms: {
      en: ['(i am|im) a (woman|female|lady)', '(year|yr) old (woman|female|lady)', 'my (wife|mum|mom|mother|girlfriend|sister|grandmother|grandma)'],
      es: ['(soy|es) (mujer|una mujer)', 'mi (esposa|mujer|madre|mama|hermana|abuela|novia)'],
      de: ['(ich bin|bin) (eine frau|weiblich)', 'meine (frau|mutter|mama|schwester|oma|grossmutter|freundin)'],
    },
  },
  {
    id: 'pregnant',
    title: 'Pregnant',
    terms: {
      en: ['pregnan*', 'weeks (pregnant|gone)', 'expecting a baby'],
      es: ['embarazad*', 'embarazo', 'semanas de (embarazo|gestacion)'],
      de: ['schwanger*', 'ssw'],
      fr: ['enceinte', 'grossesse'],
      pt: ['gravida', 'gravidez'],
    },
  },
  { id: 'severe', title: 'Severe (patient’s words or answer)', terms: severe },
  {
    id: 'sudden',
    title: 'Came on suddenly',
    terms: {
      en: ['sudden*', 'out of nowhere', 'all of a sudden', 'came on (suddenly|fast|in seconds)', 'thunderclap'],
      es: ['de repente', 'repentin*', 'subit*', 'de golpe'],
      de: ['plotzlich*', 'ploetzlich*', 'schlagartig*', 'auf einmal'],
      fr: ['soudain*', 'brutal*', 'd un coup'],
      pt: ['de repente', 'subit*'],
    },
  },
  {
    id: 'worst_ever',
    title: 'Worst headache ever / thunderclap',
    terms: {
      en: ['worst (headache|pain) .. (life|ever|had)', 'worst headache', 'thunderclap', 'like being hit .. head'],
      es: ['peor dolor de cabeza', 'el peor dolor .. vida', 'como un (latigazo|trueno|golpe)'],
      de: ['(schlimmsten|starksten|staerksten) kopfschmerz*', 'vernichtungskopfschmerz*', 'donnerschlag*'],
      fr: ['pire mal de tete'],
      pt: ['pior dor de cabeca'],
    },
  },
  {
    id: 'stiff_neck',
    title: 'Stiff neck',
    terms: {
      en: ['stiff neck', 'neck (is|feels|) stiff', '(cant|cannot) (bend|move|touch) .. (neck|chin .. chest)'],
      es: ['rigidez .. (cuello|nuca)', 'cuello rigido', 'nuca rigida', 'no puede (doblar|mover) el cuello'],
      de: ['nackensteif*', 'steifer nacken', 'nacken (ist|) steif'],
      fr: ['nuque raide', 'raideur .. nuque'],
      pt: ['pescoco (duro|rigido)', 'rigidez .. nuca'],
    },
  },
  {
    id: 'meningism',
    title: 'Stiff neck, a rash that does not fade, or very drowsy/confused (answer)',
  },
  {
    id: 'confusion',
    title: 'Confused, very drowsy or hard to wake',
    terms: {
      en: ['confus*', 'very (drowsy|sleepy)', 'hard to wake', 'not making sense', 'disorientat*', 'disoriented', 'floppy'],
      es: ['confus*', 'desorientad*', 'muy (somnolient*|adormilad*)', 'no hay quien (lo|la) despierte', 'cuesta despertar*', 'no dice cosas con sentido', 'decaidisim*'],
      de: ['verwirrt*', 'desorientiert*', 'sehr (schlafrig|schlaefrig|benommen)', 'schwer (zu|) wecken', 'apathisch', 'schlapp'],
      fr: ['confus*', 'desoriente*', 'tres somnolent*'],
      pt: ['confus*', 'desorientad*', 'muito sonolent*'],
    },
  },
  {
    id: 'rash_non_blanching',
    title: 'Rash that does not fade under a glass',
    terms: {
      en: ['(doesnt|does not|dont|do not|wont|didnt|not) (fade|go away|disappear) .. glass', 'glass test', '(purple|dark red) (spots|rash|blotches|dots)', 'pinprick (spots|rash)'],
      es: ['no (desaparece|se quita|se va) .. (vaso|presion|aprieto|apretar)', 'manchas (moradas|violaceas|purpura)', 'petequias', 'puntitos (rojos|morados) que no'],
      de: ['(verschwindet|verblasst|geht) nicht .. (glas|druck*|drucke)', 'glastest', '(lila|violette|dunkelrote) (flecken|punkte)', 'petechien'],
      fr: ['ne (disparait|s efface) pas .. verre', 'taches violacees', 'purpura'],
      pt: ['nao (desaparece|some) .. copo', 'manchas roxas', 'petequias'],
    },
  },
  {
    id: 'breathless',
    title: 'Short of breath or wheezing',
    terms: {
      en: ['short* of breath', 'breathless*', 'out of breath', '(hard|difficult) to breathe', 'wheez*', 'struggling to breathe'],
      es: ['falta (de|el) aire', 'me cuesta respirar', 'dificultad (para|al) respirar', 'pitos', 'silbidos', 'ahog*'],
      de: ['atemnot', 'kurzatmig*', 'luftnot', 'schwer (zu|) atmen', 'keuch*', 'pfeif*'],
      fr: ['essouffl*', 'mal a respirer'],
      pt: ['falta de ar', 'chiado'],
    },
  },
  { id: 'breathless_severe', title: 'Too breathless to speak in sentences, or blue/grey lips (answer)' },
  {
    id: 'cardiac_features',
    title: 'Chest pain spreading to arm, jaw, neck or back, or with sweating, sickness, breathlessness, or crushing/tight',
    terms: {
      en: ['(spread*|radiat*|going|goes|down|into) .. (arm|arms|jaw|neck|back|shoulder)', 'sweat*', 'clammy', 'short* of breath', 'breathless*', '(feel|feeling) sick', 'nause*', 'crushing', 'tight*', 'heavy', 'heaviness', 'pressure', 'squeez*'],
      es: ['(va|baja|irradia|corre|pasa) .. (brazo|mandibula|cuello|espalda|hombro)', 'sud*', 'falta (de|el) aire', 'nause*', 'ganas de vomitar', 'opresi*', 'oprim*', 'aplast*', 'presion'],
      de: ['(strahlt|zieht|ausstrahl*|geht) .. (arm|kiefer|hals|rucken|ruecken|schulter)', 'schwitz*', 'kaltschweiss*', 'atemnot', 'kurzatmig*', 'ubel*', 'uebel*', 'druck*', 'enge', 'beklemm*'],
      fr: ['(irradie|descend) .. (bras|machoire)', 'sueur*', 'oppression'],
      pt: ['(irradia|desce) .. (braco|mandibula)', 'suor*', 'aperto'],
    },
  },
  {
    id: 'head_injury',
    title: 'Head injury',
    terms: {
      en: ['(hit|bumped|banged|knocked|struck) .. head', 'head (injury|injuries|knock|bump)', '(fell|fall) .. head', 'concussion'],
      es: ['golpe* .. cabeza', '(se|me) (golpeo|golpe|dio) .. cabeza', 'traumatismo craneal', '(cayo|cai) .. cabeza', 'conmocion'],
      de: ['kopf .. (gestossen|angeschlagen|aufgeschlagen|geknallt)', '(gestossen|geschlagen|gefallen|gesturzt) .. kopf', 'kopfverletzung', 'gehirnerschutterung'],
      fr: ['(cogne|choc) .. tete', 'traumatisme cranien'],
      pt: ['(bateu|bati) .. cabeca', 'pancada na cabeca'],
    },
  },
  {
    id: 'vision_change',
    title: 'Vision change (blurred, double, loss), eye very painful or sensitive to light',
    terms: {
      en: ['blurred vision', 'blurry vision', '(double|lost|losing|loss of|changes in) (vision|sight)', '(cant|cannot) see (properly|well|clearly|out of)', '(seeing|see) double', 'flashing lights', 'vision (is|) (blurry|blurred|gone|funny|strange)', 'sensitive to light'],
      es: ['vision (borrosa|doble)', 'veo (borroso|doble|mal|manchas|luces)', 'no veo bien', 'perdida de (vision|la vista)', 'me molesta la luz'],
      de: ['verschwommen* (sehen|sicht)', 'sehe (doppelt|verschwommen|nichts|schlecht)', 'doppelbilder', 'sehverlust', 'sehstorung*', 'lichtblitze', 'lichtempfindlich*'],
      fr: ['vision (floue|trouble|double)', 'vois (flou|double)'],
      pt: ['visao (embacada|turva|dupla)', 'vejo (embacado|duplo)'],
    },
  },
  {
    id: 'vision_loss_sudden',
    title: 'Sudden loss of vision',
    terms: {
      en: ['(sudden*|suddenly) .. (lost|loss of|cant see|blind)', '(lost|losing) (my|his|her|the) (sight|vision)', 'gone blind', 'curtain (over|across)'],
      es: ['(de repente|subitamente) .. (no veo|perdi la vista|ciego|ciega)', 'perdida (subita|repentina) de (la|) vision', 'me quede (ciego|ciega)'],
      de: ['(plotzlich|ploetzlich|auf einmal) .. (nichts mehr sehen|blind|sehe nichts)', 'sehe (plotzlich|ploetzlich|auf einmal|) nichts (mehr|)', '(plotzliche|plotzlicher) sehverlust', 'vorhang vor'],
      fr: ['perte (brutale|soudaine) de (la|) vue'],
      pt: ['perda (subita|repentina) da visao'],
    },
  },
  {
    id: 'chemical_eye',
    title: 'Chemical in the eye',
    terms: {
      en: ['(chemical*|bleach|acid|cleaning product|cement|lime|oven cleaner) .. eye*', 'eye* .. (chemical*|bleach|acid)'],
      es: ['(lejia|quimico|acido|producto de limpieza|cemento|cal) .. ojo*', 'ojo* .. (lejia|quimico|acido)'],
      de: ['(chemikalie*|bleiche|saure|saeure|reiniger|putzmittel|zement|kalk) .. auge*', 'auge* .. (chemikalie*|putzmittel|reiniger)'],
      fr: ['(javel|produit chimique|acide) .. oeil'],
      pt: ['(lixivia|quimico|acido) .. olho'],
    },
  },
  {
    id: 'eye_foreign_body',
    title: 'Something in the eye or eye injury',
    terms: {
      en: ['something in (my|his|her|the) eye', '(metal|glass|splinter|piece) .. eye', 'eye (injury|injured)', '(hit|poked|scratched) .. eye'],
      es: ['algo en el ojo', 'cuerpo extrano', '(metal|cristal|astilla) .. ojo', '(golpe|aranazo|arane) .. ojo'],
      de: ['etwas im auge', 'fremdkorper', 'fremdkoerper', '(splitter|metall|glas) .. auge', 'augenverletzung'],
    },
  },
  {
    id: 'vomiting',
    title: 'Vomiting',
    terms: {
      en: ['vomit*', 'throwing up', 'threw up', 'being sick', 'puking'],
      es: ['vomit*', 'devolv*'],
      de: ['erbrech*', 'erbricht', 'ubergeb*', 'kotz*'],
      fr: ['vomi*'],
      pt: ['vomit*'],
    },
  },
  {
    id: 'cant_keep_fluids',
    title: 'Cannot keep fluids down, not drinking, or passing little urine',
    terms: {
      en: ['(cant|cannot|unable to) keep .. (down|fluids|water)', '(not|isnt|wont) (drinking|drink)', '(no|fewer|less|dry) (wet|) nappies', '(no|fewer|less) wet diapers', '(not|hasnt) (peed|weed|urinated)', 'dehydrat*'],
      es: ['no (retiene|tolera|aguanta) (nada|liquidos|el agua)', 'no (quiere|puede) (beber|tomar)', 'no moja (el|los) panal*', 'no hace pis', 'deshidrat*'],
      de: ['(behalt|behaelt|behalte) nichts', 'trinkt (nicht|nichts|kaum)', 'keine nassen windeln', 'kaum nasse windeln', 'ausgetrocknet', 'dehydriert'],
      fr: ['ne (boit|garde) (plus|rien)', 'deshydrat*'],
      pt: ['nao (consegue|quer) (beber|tomar)', 'desidrat*'],
    },
  },
  {
    id: 'blood_in_stool',
    title: 'Blood in poo or black poo',
    terms: {
      en: ['blood in (my|his|her|the|) (poo|stool*|diarrh*)', 'bloody (diarrh*|stool*|poo)', 'black (poo|stool*)', 'bleeding from (my|the) (bottom|bum)', '(poo|stool*|diarrh*) with blood'],
      es: ['sangre en (las|la|) (heces|caca|deposicion*)', 'heces negras', 'diarrea con sangre', 'caca con sangre'],
      de: ['blut im stuhl', 'blutig* (durchfall|stuhl)', 'schwarzer stuhl', 'teerstuhl'],
      fr: ['sang dans les selles'],
      pt: ['sangue nas fezes'],
    },
  },
  {
    id: 'right_lower_pain',
    title: 'Pain low on the right side of the abdomen',
    terms: {
      en: ['(lower right|right lower|bottom right|right side)', 'right (side|hand side) of (my|his|her|the) (tummy|stomach|belly|abdomen)'],
      es: ['lado derecho', 'parte (baja|inferior) derecha', 'derecha .. (tripa|barriga|abdomen|vientre)'],
      de: ['rechts* unterbauch', 'rechten unterbauch', 'rechte seite', 'rechts unten'],
      fr: ['en bas a droite', 'cote droit'],
      pt: ['lado direito'],
    },
  },
  {
    id: 'blood_in_urine',
    title: 'Blood in urine',
    terms: {
      en: ['blood in .. (pee|urine|wee)', '(pee|urine|wee) .. (red|bloody|pink)'],
      es: ['sangre en (la|) orina', 'orina con sangre', 'orino sangre', 'orina (roja|rosada)'],
      de: ['blut im urin', 'blutiger urin', 'urin .. (rot|blutig)'],
      fr: ['sang dans les urines'],
      pt: ['sangue na urina'],
    },
  },
  {
    id: 'cant_pee',
    title: 'Cannot pass urine at all',
    terms: {
      en: ['(cant|cannot|unable to|havent been able to) (pee|urinate|wee|pass urine)'],
      es: ['no (puedo|puede|consigo) (orinar|hacer pis|mear)'],
      de: ['kann .. (nicht|kein) (wasserlassen|urinieren|pinkeln|wasser lassen)'],
    },
  },
  {
    id: 'loin_pain',
    title: 'Fever, shivering, or pain in the back or side with urinary symptoms',
    terms: {
      en: ['(side|flank|loin|kidney) pain', 'pain in (my|the|her|his) (side|back|kidney*|lower back)', 'shiver*', 'shaking', 'rigors'],
      es: ['dolor .. (rinon|rinones|costado|lumbar|espalda)', 'escalofrios', 'tiritones'],
      de: ['flankenschmerz*', 'nierenschmerz*', 'schmerzen .. (flanke|niere*|rucken|ruecken)', 'schuttelfrost', 'schuettelfrost'],
    },
  },
  {
    id: 'cauda_equina',
    title: 'Numb around bottom or genitals, or loss of bladder or bowel control',
    terms: {
      en: ['numb* .. (bum|bottom|buttocks|genitals|groin|saddle|private)', '(cant|cannot|lost|losing|no) (control|feel*) .. (bladder|bowel*|pee|poo|wee)', '(wet|wetting|soiled) (myself|himself|herself)', 'incontinen*'],
      es: ['(adormec*|hormigue*|no siento|sin sensibilidad) .. (entrepierna|genitales|gluteos|culo|nalgas|ano)', 'no (controlo|puedo controlar) (la orina|el pis|las heces|la vejiga|el esfinter)', 'se me escapa (la orina|el pis|la caca)', 'incontinencia'],
      de: ['taub* .. (gesass|gesaess|genital*|intimbereich|po|reithose*)', 'reithosen*', '(kontrolle|kontrollieren|halten) .. (blase|darm|urin|stuhl)', 'inkontinen*', 'eingenasst'],
    },
  },
  {
    id: 'fall_or_trauma',
    title: 'After a fall, accident or blow',
    terms: {
      en: ['fell', 'fall', '(car|bike|road|traffic|sports) accident', 'crash', 'was hit'],
      es: ['caida', 'me (cai|he caido)', 'se (cayo|ha caido)', 'accidente', 'golpe'],
      de: ['sturz', 'gesturzt', 'gestuerzt', 'hingefallen', 'unfall'],
    },
  },
  {
    id: 'fracture_signs',
    title: 'Possible broken bone: cannot move or bear weight, deformed, heard a crack',
    terms: {
      en: ['(cant|cannot|unable to) (move|walk on|put weight|bear weight|stand on|use)', '(bent|deformed|out of shape|wrong angle|sticking out)', 'broken', 'fracture*', '(heard|felt) (a|) (crack|snap)'],
      es: ['no (puedo|puede) (mover|apoyar|caminar|andar)', 'deformad*', 'torcid* hacia', 'roto', 'rota', 'fractura*', 'crujido'],
      de: ['kann .. nicht (bewegen|belasten|auftreten|laufen|gehen)', 'gebrochen', 'bruch', 'fraktur', 'verformt', 'schief', 'knacken'],
      fr: ['casse*', 'fracture'],
      pt: ['quebrad*', 'fratura'],
    },
  },
  {
    id: 'wound_serious',
    title: 'Deep or gaping wound, needs stitches, or a bite that broke the skin',
    terms: {
      en: ['(deep|gaping|big|large|long) (cut|wound|gash)', '(need|needs) stitches', '(animal|dog|cat|human) bite', 'bitten by', '(dog|cat|animal) bit', 'bit (me|him|her|my|his)'],
      es: ['(corte|herida) (profund*|grande|abiert*)', 'puntos', 'mordedura', '(me|le) mordio', 'mordid*'],
      de: ['(tiefe|tiefer|grosse|grosser|klaffende) (wunde|schnittwunde|schnitt)', 'genaht', 'nahen', 'gebissen', 'hundebiss', 'katzenbiss', 'tierbiss'],
    },
  },
  {
    id: 'ear_swelling',
    title: 'Swelling behind the ear, fluid from the ear, or sudden hearing loss',
    terms: {
      en: ['(pus|discharge|fluid|liquid|blood) .. ear', 'ear .. (discharge|leaking|pus|oozing)', 'swelling behind .. ear', '(sudden*|suddenly) .. (deaf|cant hear)'],
      es: ['(pus|supura*|liquido|secrecion) .. oido', 'oido .. (supura|pus)', 'hinchazon detras de la oreja', 'de repente no oigo'],
      de: ['(eiter|ausfluss|flussigkeit|fluessigkeit) .. ohr', 'ohr .. (lauft|laeuft|eitert|eiter)', 'schwellung hinter dem ohr', 'horsturz', 'hoersturz'],
    },
  },
  {
    id: 'cant_swallow',
    title: 'Drooling, cannot swallow saliva, or noisy breathing',
    terms: {
      en: ['(cant|cannot|unable to) swallow', 'drool*', 'noisy breathing', 'stridor'],
      es: ['no (puedo|puede) tragar', 'babea*', 'no traga (ni|) (la|) saliva'],
      de: ['kann nicht (mehr|) schlucken', 'sabbert', 'speichel lauft', 'stridor'],
    },
  },
  {
    id: 'cellulitis',
    title: 'Hot, red, swollen skin that is spreading',
    terms: {
      en: ['(red|hot|swollen|redness) .. (spreading|getting bigger)', 'spreading (redness|red)', 'cellulitis', 'red streak*'],
      es: ['(roja|rojo|caliente|hinchad*|enrojecimiento) .. (se extiende|extendiendo|crece)', 'celulitis'],
      de: ['(rot|warm|heiss|geschwollen|rotung) .. (breitet sich aus|ausbreit*|wird grosser)', 'wundrose', 'erysipel'],
    },
  },
  {
    id: 'airway_swelling',
    title: 'Swelling of lips, tongue, throat or face',
    terms: {
      en: ['(swollen|swelling|swell*|puffy) .. (lip|lips|tongue|throat|face|mouth)', '(lip|lips|tongue|throat|face) .. (swollen|swelling|swell*|puff*)', 'throat .. (tight|closing)'],
      es: ['(hinchad*|hinchazon|inflamad*) .. (labio*|lengua|garganta|cara|boca)', '(labio*|lengua|garganta|cara) .. (hinchad*|inflamad*|se hincha*)'],
      de: ['(geschwollen*|schwellung*|angeschwollen*|dick*) .. (lippe*|zunge|hals|gesicht|mund)', '(lippe*|zunge|hals|gesicht) .. (geschwollen|schwillt|angeschwollen)'],
      fr: ['(gonfle*|gonflement) .. (levres|langue|visage|gorge)'],
      pt: ['(inchad*|inchaco) .. (labios|lingua|rosto|garganta)'],
    },
    not: { en: ['swollen glands', 'glands (are|) swollen'], es: ['ganglios (inflamados|hinchados)'], de: ['geschwollene lymphknoten', 'lymphknoten .. geschwollen'] },
  },
  {
    id: 'pregnancy_emergency',
    title: 'Pregnancy: bleeding, severe pain, or baby moving less (answer or words)',
    terms: {
      en: ['(baby|bump) .. (not moving|moving less|less movement*|hasnt moved|stopped moving)', 'reduced (fetal|foetal|baby) movement*'],
      es: ['(bebe|nino) .. (no se mueve|se mueve menos|no lo noto)', 'no noto (al|a mi) bebe'],
      de: ['(baby|kind) .. bewegt sich (nicht|kaum|weniger)', '(weniger|keine) kindsbewegungen'],
    },
  },
  {
    id: 'pregnancy_danger_signs',
    title: 'Pregnancy: headache, vision change, sudden swelling, waters breaking, contractions, bleeding',
    terms: {
      en: ['(swollen|swelling) .. (face|hands|feet|ankles)', '(face|hands|feet|ankles) .. (swollen|puffy)', '(waters|water) (broke|broken|breaking|leaking|have gone)', 'leaking fluid', 'contractions', 'bleeding', 'spotting'],
      es: ['(hinchazon|hinchad*) .. (cara|manos|pies|tobillos)', '(cara|manos|pies|tobillos) .. hinchad*', 'rompi (la|) (fuente|aguas)', '(se|me) (rompio|ha roto) (la|) (fuente|bolsa)', 'contracciones', 'perdida de liquido', 'sangrado', 'manchado', 'sangro'],
      de: ['(geschwollen*|schwellung*) .. (gesicht|hande|haende|fusse|fuesse|beine|knochel)', '(gesicht|hande|haende|fusse|fuesse|beine|knochel) .. (geschwollen|angeschwollen|dick)', 'fruchtblase .. (geplatzt|gesprungen)', 'fruchtwasser', 'wehen', 'blutung', 'blute', 'schmierblutung'],
    },
  },
  {
    id: 'self_harm_thoughts',
    title: 'Thoughts of self-harm or suicide (answer)',
  },
  {
    id: 'acute_distress',
    title: 'Not coping right now: crisis, panic, overwhelming distress',
    terms: {
      en: ['(cant|cannot|can not) cope', 'panic attack*', '(falling|fall) apart', 'breaking down', 'crisis', 'desperate', 'hopeless', '(cant|cannot) stop crying', 'losing my mind', 'having a breakdown'],
      es: ['no (puedo|aguanto) mas', 'ataque* de (panico|ansiedad)', 'crisis de (ansiedad|panico|nervios)', 'desesperad*', 'no paro de llorar', 'me estoy volviendo loc*', 'no puedo (mas|soportarlo)'],
      de: ['(halte|halt) .. nicht (mehr|) aus', 'panikattacke*', 'panikanfall*', 'verzweifelt', 'hoffnungslos', 'kann nicht (mehr|) aufhoren zu weinen', 'nervenzusammenbruch', 'krise'],
      fr: ['crise d angoisse', 'je craque'],
      pt: ['crise de (ansiedade|panico)', 'nao aguento mais'],
    },
  },
  {
    id: 'hearing_voices',
    title: 'Hearing voices or seeing things others do not',
    terms: {
      en: ['(hearing|hear|hears) voices', 'seeing things'],
      es: ['(oigo|oye|escucho|escucha) voces'],
      de: ['(hore|hort|hoere|hoert) stimmen'],
    },
  },
  {
    id: 'harm_others',
    title: 'Risk of harming someone else',
    terms: {
      en: ['(want|going|urge|thought|thoughts) (to|of) (hurt|harm|kill) (someone|somebody|others|people|him|her|them|my)'],
      es: ['(quiero|voy a|ganas de) (hacer dano|danar|matar) a (alguien|otros|el|ella)'],
      de: ['(will|mochte|werde) (jemanden|andere) (verletzen|umbringen|toten)'],
    },
  },
  {
    id: 'chemo',
    title: 'On chemotherapy or with a weakened immune system',
    terms: {
      en: ['chemo*', 'immunosuppress*', 'weak immune system', 'neutropeni*'],
      es: ['quimio*', 'inmunosuprimid*', 'defensas bajas'],
      de: ['chemo*', 'immunsuppress*', 'immunschwach*'],
    },
  },
  {
    id: 'hypo',
    title: 'Low blood sugar (hypo)',
    terms: {
      en: ['hypo', 'hypos', 'low (blood|) sugar*', 'sugar* .. (low|dropped|crashed)'],
      es: ['hipoglucemia', 'bajada de azucar', 'azucar .. (baja|bajo|bajisim*)'],
      de: ['unterzucker*', 'hypo', 'zucker .. (niedrig|tief|im keller)'],
    },
  },
  {
    id: 'hyper',
    title: 'High blood sugar (hyper)',
    terms: {
      en: ['(high|very high) (blood|) (sugar*|glucose)', '(sugar*|glucose|readings) .. (high|over #|above #|hi)', 'hyper', 'very thirsty'],
      es: ['azucar (alta|alto|muy alta|por las nubes)', 'glucosa (alta|muy alta|de #)', 'hiperglucemia', 'mucha sed'],
      de: ['zucker .. (hoch|zu hoch|uber #)', 'uberzucker*', 'ueberzucker*', 'blutzucker .. (hoch|uber)', 'starker durst'],
    },
  },
  {
    id: 'ketones',
    title: 'Ketones',
    terms: { en: ['ketone*', 'ketoacidosis', 'dka'], es: ['cetona*', 'cetoacidosis'], de: ['keton*', 'ketoazidose'] },
  },
  { id: 'diabetes_danger', title: 'Diabetes with vomiting, drowsiness, fast breathing, or a hypo not responding to sugar (answer)' },
  {
    id: 'diabetic_foot',
    title: 'Foot wound, ulcer or infection with diabetes',
    terms: {
      en: ['foot .. (ulcer|wound|sore|cut|black|infect*)', '(ulcer|wound|sore) .. foot', 'toe .. (black|infect*)'],
      es: ['(ulcera|herida|llaga) .. pie', 'pie .. (ulcera|herida|llaga|negro|infectad*)', 'dedo del pie .. (negro|infectad*)'],
      de: ['(geschwur|wunde|offene stelle) .. fuss', 'fuss .. (geschwur|wunde|offen|schwarz|entzund*)', 'diabetischer fuss'],
    },
  },
];

const yesNo = (finding: string) => [
  { id: 'yes', findings: [finding] },
  { id: 'no', findings: [] },
];

export const questions: readonly Question[] = [
  { id: 'q_chest_features', options: yesNo('cardiac_features') },
  { id: 'q_breathing_severe', options: yesNo('breathless_severe') },
  { id: 'q_breathless', options: yesNo('breathless') },
  { id: 'q_headache_sudden', options: yesNo('worst_ever') },
  { id: 'q_serious_illness', options: yesNo('meningism') },
  {
    id: 'q_who',
    options: [
      { id: 'woman', findings: ['female', 'adult'] },
      { id: 'man', findings: ['male', 'adult'] },
      { id: 'child', findings: ['child'] },
    ],
  },
  {
    id: 'q_child_age',
    options: [
      { id: 'under_3m', findings: ['age_under_3m', 'age_under_1', 'age_under_5', 'child'] },
      { id: 'under_1y', findings: ['age_under_1', 'age_under_5', 'child'] },
      { id: 'older', findings: ['child'] },
    ],
  },
  { id: 'q_pregnant', options: yesNo('pregnant') },
  {
    id: 'q_severity',
    options: [
      { id: 'mild', findings: [] },
      { id: 'moderate', findings: [] },
      { id: 'severe', findings: ['severe'] },
    ],
  },
  {
    id: 'q_duration',
    options: [
      { id: 'under_3d', findings: ['duration_stated'] },
      { id: 'under_1w', findings: ['duration_stated', 'duration_over_2d'] },
      { id: 'over_1w', findings: ['duration_stated', 'duration_over_2d', 'duration_over_5d', 'duration_over_1w'] },
    ],
  },
  {
    id: 'q_duration_long',
    options: [
      { id: 'under_1w', findings: ['duration_stated'] },
      { id: 'under_3w', findings: ['duration_stated', 'duration_over_2d', 'duration_over_5d', 'duration_over_1w'] },
      { id: 'over_3w', findings: ['duration_stated', 'duration_over_2d', 'duration_over_5d', 'duration_over_1w', 'duration_over_3w'] },
    ],
  },
  { id: 'q_fluids', options: yesNo('cant_keep_fluids') },
  { id: 'q_swallow', options: yesNo('cant_swallow') },
  { id: 'q_kidney', options: yesNo('loin_pain') },
  { id: 'q_back_cauda', options: yesNo('cauda_equina') },
  { id: 'q_rash_glass', options: yesNo('rash_non_blanching') },
  { id: 'q_rash_fever', options: yesNo('fever') },
  { id: 'q_injury_fracture', options: yesNo('fracture_signs') },
  { id: 'q_eye_vision', options: yesNo('vision_change') },
  { id: 'q_ear_swelling', options: yesNo('ear_swelling') },
  { id: 'q_pregnancy_emergency', options: yesNo('pregnancy_emergency') },
  { id: 'q_pregnancy_urgent', options: yesNo('pregnancy_danger_signs') },
  { id: 'q_self_harm', options: yesNo('self_harm_thoughts') },
  { id: 'q_acute_distress', options: yesNo('acute_distress') },
  { id: 'q_allergy_airway', options: yesNo('airway_swelling') },
  { id: 'q_diabetes_danger', options: yesNo('diabetes_danger') },
];

/**
 * When a question may be asked at all (besides "some answer would change the level"):
 * `askIf` — one of these findings is present; `skipIf` — one of these is already known.
 */
export const questionConditions: Readonly<Record<string, { askIf?: readonly string[]; skipIf?: readonly string[] }>> = {
  q_who: { skipIf: ['female', 'male', 'child', 'adult', 'age_baby', 'age_under_1', 'age_under_3m', 'pregnant'] },
  q_child_age: { askIf: ['child', 'age_baby'], skipIf: ['age_under_3m', 'age_under_1', 'age_under_5', 'adult'] },
  q_pregnant: { askIf: ['female'], skipIf: ['pregnant', 'male', 'child'] },
  q_duration: { skipIf: ['duration_stated'] },
  q_duration_long: { skipIf: ['duration_stated'] },
};

/** Rules; ids are stable (shown to staff, stored with each triage). Grouped by presentation. */
export const rules: readonly TriageRule[] = [
  // Any presentation.
  { id: 'meningitis_signs', level: 'emergency', all: ['fever'], any: ['stiff_neck', 'confusion', 'rash_non_blanching'], title: 'Fever with stiff neck, confusion or a non-blanching rash', source: `${NHS} "Meningitis", "Sepsis"; ${NICE} NG240, NG51` },
  { id: 'serious_illness_answer', level: 'emergency', any: ['meningism'], title: 'Stiff neck, non-blanching rash, very drowsy or confused (answer)', source: `${NHS} "Meningitis"; ${NICE} NG143 red features` },
  { id: 'non_blanching_rash', level: 'emergency', any: ['rash_non_blanching'], title: 'Rash that does not fade under a glass', source: `${NHS} "Meningitis" (glass test) → 999` },
  { id: 'new_confusion', level: 'emergency', any: ['confusion'], title: 'New confusion, very drowsy or hard to wake', source: `${NHS} "When to call 999"; ${NICE} NG51 (sepsis) high-risk criteria` },
  { id: 'airway_swelling', level: 'emergency', any: ['airway_swelling'], title: 'Swelling of lips, tongue, throat or face', source: `${NHS} "Angioedema", "Anaphylaxis" → 999` },
  { id: 'harm_to_others', level: 'emergency', any: ['harm_others'], title: 'Risk of harming someone else', source: `${NHS} "Mental health: get urgent help" (danger to others → 999)` },
  { id: 'self_harm_answer', level: 'emergency', any: ['self_harm_thoughts'], title: 'Thoughts of self-harm or suicide (answer)', source: `${NICE} NG225; ${NHS} "Help for suicidal thoughts"` },
  { id: 'fever_under_3_months', level: 'emergency', all: ['fever', 'age_under_3m'], title: 'Fever in a baby under 3 months', source: `${NICE} NG143 (red: under 3 months ≥ 38 °C)` },
  { id: 'fever_chemotherapy', level: 'emergency', all: ['fever', 'chemo'], title: 'Fever during chemotherapy or with a weak immune system', source: `${NHS} "Chemotherapy: side effects" (neutropenic sepsis: call the 24-hour line or 999 now)` },
  { id: 'fever_under_1', level: 'urgent', all: ['fever', 'age_under_1'], title: 'Fever in a baby under 1 year', source: `${NICE} NG143 (amber: 3–6 months ≥ 39 °C); ${NHS} "Fever in children"` },
  { id: 'fever_pregnant', level: 'urgent', all: ['fever', 'pregnant'], title: 'Fever in pregnancy', source: `${NHS} "Pregnancy: when to get help"` },
  { id: 'fever_very_high', level: 'urgent', all: ['fever_very_high'], title: 'Temperature 40 °C (104 °F) or more', source: `${NHS} "High temperature (fever) in adults"` },
  { id: 'fever_persistent', level: 'urgent', all: ['fever', 'duration_over_2d'], title: 'Fever for 3 days or more', source: `${NHS} "High temperature (fever) in adults" (urgent GP/111 after 3 days); ${NICE} NG143 (≥ 5 days amber)` },
  { id: 'dehydration', level: 'urgent', any: ['cant_keep_fluids'], title: 'Cannot keep fluids down, not drinking, few wet nappies', source: `${NHS} "Dehydration", "Diarrhoea and vomiting"` },

  // Chest pain.
  { id: 'chest_cardiac', level: 'emergency', presentations: ['chest_pain'], any: ['cardiac_features', 'breathless', 'severe'], title: 'Chest pain that is severe, spreads, or comes with sweating, sickness or breathlessness', source: `${NHS} "Heart attack" → 999; ${NICE} CG95` },

  // Breathing.
  { id: 'breathing_severe', level: 'emergency', presentations: ['breathing', 'cough_cold', 'allergy'], any: ['breathless_severe'], title: 'Too breathless to speak, or blue or grey lips', source: `${NHS} "Shortness of breath" → 999; BTS/SIGN asthma (life-threatening features)` },
  { id: 'allergy_breathing', level: 'emergency', presentations: ['allergy'], any: ['breathless'], title: 'Allergic reaction with breathing difficulty', source: `${NHS} "Anaphylaxis" → 999` },

  // Headache.
  { id: 'headache_thunderclap', level: 'emergency', presentations: ['headache'], any: ['worst_ever'], title: 'Sudden, worst-ever (thunderclap) headache', source: `${NHS} "Headaches" → 999; ${NICE} CG150 (thunderclap)` },
  { id: 'headache_sudden_severe', level: 'emergency', presentations: ['headache'], all: ['sudden', 'severe'], title: 'Sudden severe headache', source: `${NHS} "Headaches" → 999 (sudden, very painful)` },
  { id: 'headache_vision', level: 'urgent', presentations: ['headache'], any: ['vision_change'], title: 'Headache with vision changes', source: `${NHS} "Headaches" (111 / urgent GP); ${NICE} CG150 red flags` },
  { id: 'headache_head_injury', level: 'urgent', presentations: ['headache'], any: ['head_injury'], title: 'Headache after a head injury', source: `${NHS} "Head injury and concussion" (A&E if headache after injury)` },
  { id: 'headache_pregnant', level: 'urgent', presentations: ['headache'], any: ['pregnant'], title: 'Headache in pregnancy', source: `${NHS} "Pre-eclampsia" (call midwife or 111 immediately)` },
  { id: 'headache_severe', level: 'urgent', presentations: ['headache'], any: ['severe'], title: 'Severe headache', source: `${NHS} "Headaches" (urgent GP/111 if severe or not helped by painkillers)` },
  { id: 'headache_persistent', level: 'routine', presentations: ['headache'], any: ['duration_over_1w'], title: 'Headache for a week or more, or recurring', source: `${NHS} "Headaches" (see a GP if headaches keep coming back)` },

  // Abdominal pain.
  { id: 'abdominal_sudden_severe', level: 'emergency', presentations: ['abdominal_pain'], all: ['sudden', 'severe'], title: 'Sudden severe abdominal pain', source: `${NHS} "Stomach ache" (sudden, severe → A&E/999)` },
  { id: 'abdominal_severe', level: 'urgent', presentations: ['abdominal_pain'], any: ['severe'], title: 'Severe abdominal pain', source: `${NHS} "Stomach ache" (111 / urgent GP)` },
  { id: 'abdominal_pregnant', level: 'urgent', presentations: ['abdominal_pain'], any: ['pregnant'], title: 'Abdominal pain in pregnancy or possible pregnancy', source: `${NHS} "Ectopic pregnancy" (111 the same day)` },
  { id: 'abdominal_right_lower', level: 'urgent', presentations: ['abdominal_pain'], any: ['right_lower_pain'], title: 'Pain low on the right side', source: `${NHS} "Appendicitis" (111 / urgent GP)` },
  { id: 'abdominal_fever', level: 'urgent', presentations: ['abdominal_pain'], any: ['fever', 'vomiting'], title: 'Abdominal pain with fever or vomiting', source: `${NHS} "Stomach ache" (urgent if with high temperature or vomiting)` },
  { id: 'abdominal_blood', level: 'urgent', any: ['blood_in_stool'], title: 'Blood in poo or black poo', source: `${NHS} "Bleeding from the bottom", "Diarrhoea and vomiting" (urgent GP/111)` },
  { id: 'abdominal_child', level: 'routine', presentations: ['abdominal_pain'], any: ['child', 'age_baby'], title: 'Abdominal pain in a child', source: `${NHS} "Stomach ache" (see a GP if a child's pain does not settle)` },
  { id: 'abdominal_persistent', level: 'routine', presentations: ['abdominal_pain'], any: ['duration_over_1w'], title: 'Abdominal pain for a week or more, or recurring', source: `${NHS} "Stomach ache" (GP if it keeps coming back)` },

  // Vomiting and diarrhoea.
  { id: 'vd_baby', level: 'urgent', presentations: ['vomiting_diarrhoea'], any: ['age_under_1', 'age_baby'], title: 'Vomiting or diarrhoea in a baby under 1 year', source: `${NHS} "Diarrhoea and vomiting" (urgent for babies under 12 months)` },
  { id: 'vd_persistent', level: 'urgent', presentations: ['vomiting_diarrhoea'], any: ['duration_over_2d'], title: 'Vomiting or diarrhoea for 3 days or more', source: `${NHS} "Diarrhoea and vomiting" (vomiting > 2 days, diarrhoea > 7 days → urgent GP/111)` },

  // Cough, cold, sore throat.
  { id: 'cough_breathless', level: 'urgent', presentations: ['cough_cold'], any: ['breathless'], title: 'Cough with breathlessness or wheeze', source: `${NHS} "Cough" (urgent GP/111 if short of breath)` },
  { id: 'cough_long', level: 'routine', presentations: ['cough_cold'], any: ['duration_over_3w'], title: 'Cough for 3 weeks or more', source: `${NHS} "Cough" (see a GP after 3 weeks)` },
  { id: 'throat_swallow', level: 'emergency', presentations: ['sore_throat'], any: ['cant_swallow'], title: 'Drooling, cannot swallow, noisy breathing', source: `${NHS} "Sore throat", "Epiglottitis" → 999` },
  { id: 'throat_long', level: 'routine', presentations: ['sore_throat'], any: ['duration_over_1w', 'severe'], title: 'Sore throat over a week or very bad', source: `${NHS} "Sore throat" (see a GP)` },
  { id: 'throat_immune', level: 'urgent', presentations: ['sore_throat'], any: ['chemo'], title: 'Sore throat with a weak immune system', source: `${NHS} "Sore throat"` },

  // Urinary.
  { id: 'urinary_retention', level: 'emergency', any: ['cant_pee'], title: 'Cannot pass urine at all', source: `${NHS} "Urinary retention" (A&E)` },
  { id: 'urinary_kidney', level: 'urgent', presentations: ['urinary'], any: ['loin_pain', 'fever'], title: 'Urinary symptoms with fever, shivering, or back or side pain', source: `${NHS} "Kidney infection", "UTI" (urgent GP/111)` },
  { id: 'urinary_man_child_pregnant', level: 'urgent', presentations: ['urinary'], any: ['male', 'child', 'age_baby', 'pregnant'], title: 'Urinary symptoms in a man, a child or in pregnancy', source: `${NHS} "Urinary tract infections" (urgent GP/111)` },
  { id: 'urinary_persistent', level: 'urgent', presentations: ['urinary'], any: ['duration_over_2d'], title: 'Urinary symptoms not better after 2 days', source: `${NHS} "Urinary tract infections" (urgent GP/111)` },
  { id: 'urinary_blood', level: 'routine', any: ['blood_in_urine'], title: 'Blood in urine', source: `${NHS} "Blood in urine" (see a GP)` },

  // Back pain.
  { id: 'back_cauda_equina', level: 'emergency', presentations: ['back_pain'], any: ['cauda_equina'], title: 'Back pain with numbness around bottom or genitals, or loss of bladder/bowel control', source: `${NHS} "Cauda equina syndrome" (A&E/999); ${NICE} NG59` },
  { id: 'back_fever_trauma', level: 'urgent', presentations: ['back_pain'], any: ['fever', 'fall_or_trauma', 'fracture_signs'], title: 'Back pain with fever, or after a fall or accident', source: `${NHS} "Back pain" (urgent GP/111)` },
  { id: 'back_persistent', level: 'routine', presentations: ['back_pain'], any: ['duration_over_3w', 'severe'], title: 'Back pain over 3 weeks or severe', source: `${NHS} "Back pain" (see a GP if not improving after a few weeks or stopping daily activities)` },

  // Skin.
  { id: 'rash_fever', level: 'urgent', presentations: ['skin_rash'], any: ['fever'], title: 'Rash with fever', source: `${NHS} "Rashes in babies and children" (urgent GP/111)` },
  { id: 'skin_cellulitis', level: 'urgent', any: ['cellulitis'], title: 'Hot, red, spreading skin', source: `${NHS} "Cellulitis" (urgent GP/111)` },
  { id: 'rash_baby', level: 'routine', presentations: ['skin_rash'], any: ['age_under_1', 'age_baby'], title: 'Rash in a baby', source: `${NHS} "Rashes in babies and children" (see a GP)` },
  { id: 'rash_persistent', level: 'routine', presentations: ['skin_rash'], any: ['duration_over_1w'], title: 'Rash for a week or more', source: `${NHS} "Skin rash" (GP if not improving)` },

  // Injuries.
  { id: 'injury_fracture', level: 'urgent', any: ['fracture_signs'], title: 'Possible broken bone', source: `${NHS} "Broken bones" (urgent treatment centre / A&E)` },
  { id: 'injury_wound', level: 'urgent', any: ['wound_serious'], title: 'Deep or gaping wound, or a bite that broke the skin', source: `${NHS} "Cuts and grazes", "Animal and human bites" (urgent treatment centre)` },
  { id: 'injury_head', level: 'urgent', any: ['head_injury'], title: 'Head injury', source: `${NHS} "Head injury and concussion" (A&E if any symptom; assessed the same day)` },
  { id: 'injury_severe', level: 'urgent', presentations: ['injury'], any: ['severe'], title: 'Severe pain after an injury', source: `${NHS} "Sprains and strains" (urgent if severe pain)` },
  { id: 'injury_older_fall', level: 'urgent', presentations: ['injury'], all: ['age_over_65', 'fall_or_trauma'], title: 'A fall at 65 or older', source: `${NICE} CG161 (falls in older people)` },

  // Eyes and ears.
  { id: 'eye_sudden_vision_loss', level: 'emergency', any: ['vision_loss_sudden'], title: 'Sudden loss of vision', source: `${NHS} "Sudden loss of vision" → A&E/999` },
  { id: 'eye_chemical', level: 'emergency', any: ['chemical_eye'], title: 'Chemical in the eye', source: `${NHS} "Eye injuries" (rinse, A&E)` },
  { id: 'eye_foreign_body', level: 'urgent', any: ['eye_foreign_body'], title: 'Something in the eye or an eye injury', source: `${NHS} "Eye injuries" (urgent same day)` },
  { id: 'eye_severe_pain', level: 'urgent', presentations: ['eye_problem'], any: ['severe'], title: 'Severe eye pain', source: `${NHS} "Eye pain" (urgent same day)` },
  { id: 'eye_vision_pain', level: 'urgent', presentations: ['eye_red', 'eye_problem'], any: ['vision_change'], title: 'Eye problem with vision change or light sensitivity', source: `${NHS} "Red eye" (urgent same-day assessment)` },
  { id: 'eye_red_newborn', level: 'urgent', presentations: ['eye_red'], any: ['age_under_3m'], title: 'Red or sticky eye in a newborn', source: `${NHS} "Conjunctivitis" (babies under 28 days: urgent)` },
  { id: 'ear_swelling_discharge', level: 'urgent', presentations: ['earache'], any: ['ear_swelling'], title: 'Swelling behind the ear, fluid from the ear, or sudden hearing loss', source: `${NHS} "Earache", "Sudden hearing loss" (urgent GP/111)` },
  { id: 'ear_persistent', level: 'routine', presentations: ['earache'], any: ['duration_over_2d', 'fever'], title: 'Earache for 3 days or more, or with fever', source: `${NHS} "Earache" (see a GP after 3 days)` },

  // Pregnancy.
  { id: 'pregnancy_emergency', level: 'emergency', any: ['pregnancy_emergency'], title: 'Pregnancy with bleeding and pain, or baby moving less', source: `${NHS} "Your baby's movements", "Vaginal bleeding in pregnancy" (maternity unit now)` },
  { id: 'pregnancy_danger', level: 'urgent', all: ['pregnant'], any: ['pregnancy_danger_signs', 'vision_change', 'cant_keep_fluids'], title: 'Pregnancy with headache, vision change, swelling, waters breaking, bleeding or severe vomiting', source: `${NHS} "Pre-eclampsia", "Severe vomiting in pregnancy", "Signs that labour has begun" (maternity unit / 111 the same day)` },
  { id: 'pregnancy_danger_answer', level: 'urgent', presentations: ['pregnancy'], any: ['pregnancy_danger_signs'], title: 'Pregnancy warning signs (answer)', source: `${NHS} "Pregnancy: when to get help"` },

  // Mental health.
  { id: 'mental_health_crisis', level: 'urgent', presentations: ['mental_health'], any: ['acute_distress', 'hearing_voices'], title: 'Not coping, crisis or panic now; hearing voices', source: `${NHS} "Mental health: get urgent help" (same day: GP, 111, crisis line)` },

  // Diabetes.
  { id: 'diabetes_emergency', level: 'emergency', presentations: ['diabetes'], any: ['diabetes_danger'], title: 'Diabetes with vomiting, drowsiness, fast breathing, or a hypo not responding', source: `${NHS} "Diabetic ketoacidosis", "Low blood sugar" → 999` },
  { id: 'diabetes_hypo_confused', level: 'emergency', all: ['hypo'], any: ['confusion'], title: 'Low blood sugar with confusion or drowsiness', source: `${NHS} "Low blood sugar (hypoglycaemia)" → 999` },
  { id: 'diabetes_ketones_vomiting', level: 'emergency', all: ['ketones'], any: ['vomiting', 'breathless'], title: 'Ketones with vomiting or fast breathing', source: `${NHS} "Diabetic ketoacidosis" → A&E/999` },
  { id: 'diabetes_urgent', level: 'urgent', presentations: ['diabetes'], any: ['hypo', 'hyper', 'ketones', 'vomiting', 'diabetic_foot'], title: 'Hypo, high sugars, ketones, being sick, or a foot wound with diabetes', source: `${NHS} "High blood sugar", "Low blood sugar"; ${NICE} NG19 (active diabetic foot within 1 working day)` },
];
