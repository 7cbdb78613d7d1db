/**
 * Test data: patient messages that are NOT in the training examples (config/demo-clinic.yaml,
 * intent-examples.ts), to measure how the NLU does on new wording. Used by create-nlu.test.ts;
 * the numbers it reports are quoted in docs/clinic-config.md.
 *
 * Two sets: `tuningSet` was used to choose the NLU's weights and the recommended thresholds;
 * `checkSet` was written afterwards and never tuned on, so its numbers are the honest ones.
 */
import type { AssistantIntent } from '../../core/assistant/understanding.ts';
import type { Language } from '../../core/clinic/clinic-config.ts';

type ByLanguage = Readonly<Record<Language, readonly string[]>>;

export interface HeldOutSet {
  /** Paraphrased questions for the demo clinic's FAQ entries, by FAQ id. */
  faq: Readonly<Record<string, ByLanguage>>;
  /** Paraphrased requests for Hale's built-in intents. */
  intents: Readonly<Record<AssistantIntent, ByLanguage>>;
  /** Messages that are none of the clinic's business: no FAQ or intent should come near them. */
  unrelated: ByLanguage;
}

const tuningFaq: HeldOutSet['faq'] = {
  'address-parking': {
    en: ['how do I find you', 'can I leave my car near the clinic'],
    es: ['dónde os encontráis', '¿se puede aparcar por la zona?'],
    de: ['wo genau ist die Praxis?', 'kann man da parken'],
    fr: ["c'est où la clinique", 'on peut se garer facilement ?'],
    pt: ['onde é que vocês ficam', 'dá para estacionar aí perto?'],
  },
  'what-to-bring': {
    en: ['what should I take to the visit', 'do I have to bring any documents'],
    es: ['qué hay que llevar el día de la cita', '¿tengo que llevar algún documento?'],
    de: ['was soll ich mitbringen', 'welche Dokumente brauche ich für den Termin'],
    fr: ['je dois apporter quoi', 'il faut quels papiers pour la consultation ?'],
    pt: ['o que devo levar no dia', 'é preciso levar algum documento?'],
  },
  'prices-insurance': {
    en: ["what's the price of a visit", 'is my health insurance accepted'],
    es: ['qué precio tiene una consulta', '¿trabajan con mi aseguradora?'],
    de: ['wie teuer ist ein Termin', 'wird meine Krankenversicherung akzeptiert'],
    fr: ["c'est combien la consultation", 'ma mutuelle est acceptée ?'],
    pt: ['qual é o preço da consulta', 'o meu seguro é aceite?'],
  },
  'test-results': {
    en: ['when can I see my blood test results', 'have my results arrived yet'],
    es: ['¿cuándo me dan los resultados?', '¿han salido ya mis análisis?'],
    de: ['wann kommen meine Laborwerte', 'sind die Ergebnisse da'],
    fr: ["quand est-ce que j'aurai mes résultats", 'les résultats de mon analyse sont là ?'],
    pt: ['quando posso ver os resultados', 'já tenho os resultados das análises?'],
  },
  prescriptions: {
    en: ['I need more of my tablets', 'can you renew my meds'],
    es: ['necesito renovar mi medicación', 'me hace falta otra receta'],
    de: ['ich brauche ein Rezept', 'kann ich meine Tabletten nachbestellen'],
    fr: ['il me faut une ordonnance', 'renouvellement de mes médicaments svp'],
    pt: ['preciso de receita', 'podem renovar-me os medicamentos?'],
  },
  'cancellation-policy': {
    en: ['do you charge for late cancellation', 'what if I miss my appointment, is there a fee'],
    es: ['¿cobráis si cancelo a última hora?', '¿hay que pagar si falto?'],
    de: ['kostet eine späte Absage etwas', 'gibt es eine Gebühr wenn ich nicht komme'],
    fr: ["c'est payant si j'annule au dernier moment ?", 'quels frais si je ne viens pas'],
    pt: ['pagam-se taxas por cancelar tarde?', 'cobram se eu faltar?'],
  },
  'fasting-blood-test': {
    en: ['should I be fasting for the blood test', 'can I eat before my blood test tomorrow'],
    es: ['¿hay que ir en ayunas para la analítica?', 'puedo comer antes del análisis'],
    de: ['muss man nüchtern sein für die Blutabnahme', 'darf ich vorher etwas essen'],
    fr: ['je dois être à jeun ?', 'est-ce que je peux manger avant la prise de sang'],
    pt: ['é preciso jejum para as análises?', 'posso comer antes da colheita?'],
  },
  vaccinations: {
    en: ['can I get vaccinated at your clinic', 'do you have the flu vaccine'],
    es: ['¿se puede vacunar uno ahí?', '¿tenéis la vacuna de la gripe?'],
    de: ['kann ich mich bei Ihnen impfen lassen', 'gibt es die Grippeimpfung'],
    fr: ['on peut se faire vacciner chez vous ?', 'vous avez le vaccin de la grippe'],
    pt: ['posso vacinar-me aí?', 'têm a vacina da gripe?'],
  },
  'wheelchair-access': {
    en: ['is there step free access', 'my father uses a wheelchair, can he get in'],
    es: ['¿hay acceso para sillas de ruedas?', 'mi padre va en silla de ruedas, ¿puede entrar?'],
    de: ['ist der Eingang barrierefrei', 'mein Vater sitzt im Rollstuhl, kommt er rein'],
    fr: ["l'accès est possible en fauteuil ?", 'mon père est en fauteuil roulant, il peut entrer ?'],
    pt: ['o acesso é adaptado a cadeira de rodas?', 'o meu pai anda de cadeira de rodas, consegue entrar?'],
  },
  'languages-spoken': {
    en: ['does anyone speak Portuguese', 'is there a German speaking doctor'],
    es: ['¿hay alguien que hable francés?', '¿los médicos hablan inglés?'],
    de: ['spricht einer Ihrer Ärzte Englisch', 'gibt es jemanden der Deutsch spricht'],
    fr: ["quelqu'un parle français ?", 'les médecins parlent anglais ?'],
    pt: ['alguém fala português aí?', 'os médicos falam inglês?'],
  },
  'payment-methods': {
    en: ['do you accept credit cards', 'is cash ok'],
    es: ['¿aceptáis tarjeta de crédito?', 'puedo pagar en efectivo'],
    de: ['geht auch Kartenzahlung', 'kann ich bar zahlen'],
    fr: ["la carte bancaire c'est possible ?", 'je peux payer en liquide'],
    pt: ['aceitam cartão de crédito?', 'posso pagar em dinheiro?'],
  },
  'sick-note': {
    en: ["I need a doctor's certificate for my boss", 'can I get a note for being off work'],
    es: ['necesito un justificante médico', '¿me podéis dar un certificado para el trabajo?'],
    de: ['ich brauche ein Attest für die Arbeit', 'bekomme ich eine Krankmeldung'],
    fr: ['il me faut un certificat médical pour le travail', 'je peux avoir un arrêt maladie ?'],
    pt: ['preciso de um atestado médico', 'podem dar-me um comprovativo para o trabalho?'],
  },
  children: {
    en: ['do you treat kids', "is there a children's doctor"],
    es: ['¿atendéis a niños pequeños?', '¿hay pediatra en la clínica?'],
    de: ['nehmen Sie auch Kinder', 'haben Sie eine Kinderärztin'],
    fr: ['vous soignez les enfants ?', 'il y a un pédiatre dans la clinique ?'],
    pt: ['atendem miúdos?', 'há pediatra na clínica?'],
  },
};

const tuningIntents: HeldOutSet['intents'] = {
  greeting: {
    en: ['hello good morning', 'hey hi'],
    es: ['hola buenas tardes', 'hola qué tal'],
    de: ['hallo guten Tag', 'hallo, guten Morgen'],
    fr: ['bonjour à vous', 'salut, bonsoir'],
    pt: ['olá boa tarde', 'oi bom dia'],
  },
  book: {
    en: ['can I see a doctor tomorrow morning', 'need to book a check up'],
    es: ['me gustaría pedir una cita para el lunes', 'quería reservar hora con el médico'],
    de: ['ich bräuchte einen Termin nächste Woche', 'kann ich einen Arzttermin bekommen'],
    fr: ['je voudrais prendre rdv pour lundi', 'est-ce que je peux voir un médecin demain'],
    pt: ['queria marcar consulta para segunda', 'posso ter consulta amanhã?'],
  },
  my_appointments: {
    en: ["I have to cancel tomorrow's appointment", "when's my next appointment"],
    es: ['quiero cancelar la cita de mañana', '¿cuándo tengo la próxima cita?'],
    de: ['ich möchte meinen Termin morgen absagen', 'wann ist mein nächster Termin'],
    fr: ['je voudrais annuler mon rdv de demain', "c'est quand mon prochain rendez-vous ?"],
    pt: ['quero cancelar a consulta de amanhã', 'quando é a minha próxima consulta?'],
  },
  opening_hours: {
    en: ['what time are you open until today', 'are you open on sunday'],
    es: ['¿hasta qué hora estáis abiertos?', '¿abrís el domingo?'],
    de: ['bis wann haben Sie heute auf', 'haben Sie sonntags geöffnet'],
    fr: ["vous êtes ouverts jusqu'à quelle heure ?", "c'est ouvert le dimanche ?"],
    pt: ['até que horas estão abertos?', 'abrem ao domingo?'],
  },
  talk_to_staff: {
    en: ['can I speak to a real person', 'put me through to someone'],
    es: ['quiero hablar con alguien de recepción', 'me pasas con una persona?'],
    de: ['ich will mit einem Mitarbeiter sprechen', 'bitte einen Menschen'],
    fr: ["je voudrais parler à quelqu'un de l'accueil", 'je veux un vrai humain'],
    pt: ['quero falar com alguém da receção', 'posso falar com um humano?'],
  },
  menu: {
    en: ['back to menu', 'show options'],
    es: ['volver al menú', 'enséñame el menú'],
    de: ['zurück zum Menü', 'Optionen anzeigen'],
    fr: ['retour au menu', 'voir les options'],
    pt: ['voltar ao menu', 'mostrar opções'],
  },
  thanks: {
    en: ['thank you so much', 'great thank you!'],
    es: ['muchísimas gracias', 'gracias, muy amable'],
    de: ['danke dir', 'vielen lieben Dank'],
    fr: ['merci infiniment', 'merci à vous'],
    pt: ['obrigado pela informação', 'muito obrigada, até logo'],
  },
  change_language: {
    en: ['can you answer me in Spanish', 'change the language please'],
    es: ['cambia el idioma', '¿me puedes contestar en inglés?'],
    de: ['bitte Sprache wechseln', 'können wir auf Englisch schreiben'],
    fr: ['change la langue', 'tu peux me répondre en anglais ?'],
    pt: ['muda o idioma', 'podes responder-me em inglês?'],
  },
};

const tuningUnrelated: ByLanguage = {
  en: ['my cat is orange', "what's the weather like tomorrow", 'who won the football last night', 'I love pizza'],
  es: ['mi gato es naranja', 'qué tiempo hará mañana', 'quién ganó el partido anoche', 'me encanta la pizza'],
  de: ['meine Katze ist orange', 'wie wird das Wetter morgen', 'wer hat gestern das Spiel gewonnen', 'ich mag Pizza'],
  fr: ['mon chat est orange', 'quel temps fera-t-il demain', "qui a gagné le match hier soir", "j'adore la pizza"],
  pt: ['o meu gato é laranja', 'como vai estar o tempo amanhã', 'quem ganhou o jogo ontem', 'adoro pizza'],
};

export const tuningSet: HeldOutSet = { faq: tuningFaq, intents: tuningIntents, unrelated: tuningUnrelated };

export const checkSet: HeldOutSet = {
  faq: {
    'address-parking': { en: ['what street are you on'], es: ['¿en qué calle está la clínica?'], de: ['in welcher Straße sind Sie'], fr: ['vous êtes dans quelle rue ?'], pt: ['em que rua é a clínica?'] },
    'what-to-bring': { en: ['anything I need to bring with me tomorrow?'], es: ['¿hace falta llevar algo a la consulta?'], de: ['muss ich etwas mitnehmen?'], fr: ['je dois amener des documents ?'], pt: ['tenho de levar alguma coisa?'] },
    'prices-insurance': { en: ['how much is it for a consultation with insurance'], es: ['¿cuánto vale la consulta?'], de: ['was kostet das ohne Versicherung'], fr: ["quel est le prix d'une consultation"], pt: ['quanto fica a consulta?'] },
    'test-results': { en: ['any news about my lab results'], es: ['¿tienen ya los resultados de mi analítica?'], de: ['wann bekomme ich die Ergebnisse?'], fr: ['mes analyses sont prêtes ?'], pt: ['os resultados das análises já estão prontos?'] },
    prescriptions: {
      en: ['I need a new prescription for my blood pressure pills'], es: ['necesito receta para mis pastillas de la tensión'], de: ['brauche ein neues Rezept für meine Blutdrucktabletten'],
      fr: ["j'ai besoin d'une ordonnance pour mes comprimés"], pt: ['preciso de uma receita para os comprimidos da tensão'],
    },
    'cancellation-policy': { en: ['is there a charge if I cancel'], es: ['si cancelo la cita ¿me cobran?'], de: ['muss ich was zahlen wenn ich absage'], fr: ["c'est payant d'annuler ?"], pt: ['pago alguma coisa se desmarcar?'] },
    'fasting-blood-test': {
      en: ['do I need to skip breakfast for bloods'], es: ['¿hay que ir sin desayunar a sacarse sangre?'], de: ['soll ich nüchtern zum Bluttest kommen'],
      fr: ["faut-il venir sans manger pour l'analyse de sang ?"], pt: ['tenho de ir sem comer para a colheita de sangue?'],
    },
    vaccinations: { en: ['can I get my travel jabs with you'], es: ['¿puedo ponerme la vacuna de la gripe con vosotros?'], de: ['machen Sie Reiseimpfungen?'], fr: ['vous faites le vaccin contre la grippe ?'], pt: ['fazem vacinas de viagem?'] },
    'wheelchair-access': { en: ['is there a lift or only stairs'], es: ['¿hay ascensor o solo escaleras?'], de: ['gibt es einen Fahrstuhl?'], fr: ['il y a un ascenseur ou que des escaliers ?'], pt: ['há elevador ou só escadas?'] },
    'languages-spoken': { en: ['can I speak English with the doctor'], es: ['¿el médico habla alemán?'], de: ['spricht der Arzt Englisch?'], fr: ['le médecin parle français ?'], pt: ['o médico fala português?'] },
    'payment-methods': { en: ['can I pay with Apple Pay'], es: ['¿se puede pagar con el móvil?'], de: ['kann ich mit EC-Karte zahlen'], fr: ['je peux payer en carte bleue ?'], pt: ['dá para pagar com cartão?'] },
    'sick-note': { en: ['I need a medical certificate for work'], es: ['me hace falta un justificante para la empresa'], de: ['ich brauche eine Bescheinigung für den Arbeitgeber'], fr: ["j'ai besoin d'un justificatif pour le travail"], pt: ['preciso de um atestado para a empresa'] },
    children: { en: ['do you have a paediatrician for my baby'], es: ['¿tenéis pediatra para mi bebé?'], de: ['gibt es bei Ihnen einen Kinderarzt?'], fr: ['vous avez un pédiatre pour mon bébé ?'], pt: ['há pediatra para o meu bebé?'] },
  },
  intents: {
    greeting: { en: ['hi, good afternoon'], es: ['muy buenas'], de: ['Hallo, guten Abend'], fr: ['bonjour bonjour'], pt: ['olá, boa tarde a todos'] },
    book: { en: ["I'd like an appointment for next week"], es: ['¿puedo pedir hora para el jueves?'], de: ['Termin für Donnerstag bitte'], fr: ['je voudrais un rendez-vous la semaine prochaine'], pt: ['quero marcar uma consulta para quinta'] },
    my_appointments: { en: ['I want to reschedule'], es: ['necesito cambiar la hora de mi cita'], de: ['ich muss den Termin verschieben'], fr: ['je dois décaler mon rendez-vous'], pt: ['preciso de remarcar'] },
    opening_hours: { en: ['when do you open on monday'], es: ['¿qué horario tenéis el sábado?'], de: ['wann haben Sie morgen offen?'], fr: ['quels sont vos horaires le samedi ?'], pt: ['qual é o horário ao sábado?'] },
    talk_to_staff: { en: ["I'd rather talk to a person"], es: ['prefiero hablar con una persona'], de: ['lieber mit einem Menschen reden'], fr: ['je préfère parler à une personne'], pt: ['prefiro falar com uma pessoa'] },
    menu: { en: ['main options please'], es: ['ver las opciones'], de: ['zeig das Menü'], fr: ['le menu svp'], pt: ['quero ver o menu'] },
    thanks: { en: ['thanks so much for your help'], es: ['gracias por todo'], de: ['danke für alles'], fr: ['merci pour tout'], pt: ['obrigada por tudo'] },
    change_language: { en: ['switch language to French'], es: ['cambiar el idioma a inglés'], de: ['Sprache auf Englisch umstellen'], fr: ['mettre la langue en anglais'], pt: ['mudar a língua para inglês'] },
  },
  unrelated: {
    en: ['the bus was full this morning', 'can you recommend a good restaurant'],
    es: ['el autobús iba lleno esta mañana', '¿me recomiendas un restaurante?'],
    de: ['der Bus war heute Morgen voll', 'kennst du ein gutes Restaurant'],
    fr: ['le bus était plein ce matin', 'tu connais un bon restaurant ?'],
    pt: ['o autocarro vinha cheio hoje de manhã', 'conheces um bom restaurante?'],
  },
};
