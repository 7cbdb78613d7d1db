/**
 * Training examples for the intents every clinic shares (the clinic's own FAQ questions come from
 * its config). Data only: write the ways patients really type, short and informal, and keep each
 * intent's examples away from the FAQ topics (prices, parking, results…) so the two do not
 * compete. Tests check these with paraphrases that are not in this file.
 */
import type { Language } from '../../core/clinic/clinic-config.ts';
import type { AssistantIntent } from '../../core/assistant/understanding.ts';

export const intentExamples: Readonly<Record<AssistantIntent, Readonly<Record<Language, readonly string[]>>>> = {
  greeting: {
    en: ['hi', 'hello', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening', 'hello, anyone there?', 'hi, I have a question', 'hey good morning', 'hello clinic'],
    es: ['hola', 'buenas', 'buenos días', 'buenas tardes', 'buenas noches', 'hola buenas', 'hola, ¿hay alguien?', 'hola, tengo una pregunta', 'hola buenos días', 'qué tal', 'hola clínica', 'saludos'],
    de: ['hallo', 'hi', 'guten Morgen', 'guten Tag', 'guten Abend', 'moin', 'servus', 'hallo, ist da jemand?', 'hallo, ich habe eine Frage', 'hallo zusammen', 'grüß Gott', 'hallo Praxis'],
    fr: ['bonjour', 'bonsoir', 'salut', 'coucou', 'bonjour, il y a quelqu’un ?', 'bonjour, j’ai une question', 'salut tout le monde', 'bonjour madame', 'bonjour monsieur', 'allô', 'bonjour la clinique', 'hello'],
    pt: ['olá', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'olá, está aí alguém?', 'olá, tenho uma pergunta', 'oi tudo bem', 'olá bom dia', 'viva', 'olá clínica', 'saudações'],
  },
  book: {
    en: [
      'I want to book an appointment', 'book an appointment', 'can I make an appointment?', 'I need to see a doctor',
      'I would like to schedule a visit', 'do you have any free slots?', 'any availability tomorrow?', 'I need an appointment with the dermatologist',
      'book a blood test', 'new appointment please', 'can I get an appointment this week?', 'I want to see Dr Torres', 'I need a GP appointment',
    ],
    es: [
      'quiero pedir cita', 'pedir cita', 'quisiera una cita', 'necesito ver a un médico', 'me gustaría reservar una consulta',
      '¿tienen hueco esta semana?', '¿hay disponibilidad mañana?', 'necesito cita con el dermatólogo', 'reservar un análisis de sangre',
      'cita nueva por favor', '¿me dan cita para esta semana?', 'quiero una cita con la doctora Torres', 'necesito cita con el médico de cabecera',
    ],
    de: [
      'ich möchte einen Termin vereinbaren', 'Termin buchen', 'kann ich einen Termin machen?', 'ich muss zum Arzt',
      'ich hätte gerne einen Termin', 'haben Sie freie Termine?', 'haben Sie morgen noch was frei?', 'ich brauche einen Termin beim Hautarzt',
      'Blutabnahme buchen', 'neuen Termin bitte', 'bekomme ich diese Woche einen Termin?', 'ich möchte zu Dr. Torres', 'ich brauche einen Termin beim Hausarzt',
    ],
    fr: [
      'je veux prendre rendez-vous', 'prendre un rendez-vous', 'je peux avoir un rendez-vous ?', 'je dois voir un médecin',
      'je voudrais réserver une consultation', 'vous avez des créneaux libres ?', 'il y a de la place demain ?', 'je voudrais un rendez-vous avec le dermatologue',
      'réserver une prise de sang', 'nouveau rendez-vous svp', 'je peux avoir un rdv cette semaine ?', 'je voudrais voir le docteur Torres', 'besoin d’un rdv chez le généraliste',
    ],
    pt: [
      'quero marcar uma consulta', 'marcar consulta', 'posso marcar uma consulta?', 'preciso de ir ao médico',
      'gostaria de agendar uma consulta', 'têm vagas livres?', 'há disponibilidade amanhã?', 'preciso de consulta com o dermatologista',
      'marcar análises ao sangue', 'nova consulta por favor', 'consigo consulta esta semana?', 'quero uma consulta com a doutora Torres', 'queria agendar com o clínico geral',
    ],
  },
  my_appointments: {
    en: [
      'my appointments', 'when is my appointment?', 'I need to cancel my appointment', 'cancel my appointment', 'reschedule my appointment',
      'can I change my appointment?', 'move my appointment to another day', 'what time is my appointment?', 'do I have an appointment booked?',
      "I can't make it to my appointment", 'check my booking', 'show my bookings',
    ],
    es: [
      'mis citas', '¿cuándo es mi cita?', 'tengo que cancelar mi cita', 'anular mi cita', 'cambiar mi cita', '¿puedo cambiar la cita?',
      'pasar mi cita a otro día', '¿a qué hora es mi cita?', '¿tengo alguna cita?', 'no puedo ir a mi cita', 'consultar mi reserva', 'ver mis citas',
    ],
    de: [
      'meine Termine', 'wann ist mein Termin?', 'ich muss meinen Termin absagen', 'Termin stornieren', 'Termin verschieben',
      'kann ich meinen Termin ändern?', 'meinen Termin auf einen anderen Tag legen', 'um wie viel Uhr ist mein Termin?', 'habe ich einen Termin?',
      'ich schaffe meinen Termin nicht', 'meine Buchung ansehen', 'zeig mir meine Termine',
    ],
    fr: [
      'mes rendez-vous', 'mon rendez-vous est quand ?', 'je dois annuler mon rendez-vous', 'annuler mon rdv', 'déplacer mon rendez-vous',
      'je peux changer mon rendez-vous ?', 'décaler mon rdv à un autre jour', 'mon rendez-vous est à quelle heure ?', "est-ce que j'ai un rendez-vous ?",
      'je ne pourrai pas venir à mon rendez-vous', 'voir ma réservation', 'afficher mes rendez-vous',
    ],
    pt: [
      'as minhas consultas', 'quando é a minha consulta?', 'preciso de cancelar a minha consulta', 'desmarcar a consulta', 'remarcar a minha consulta',
      'posso mudar a consulta?', 'passar a consulta para outro dia', 'a que horas é a minha consulta?', 'tenho alguma consulta marcada?',
      'não vou conseguir ir à consulta', 'ver a minha marcação', 'mostrar as minhas consultas',
    ],
  },
  opening_hours: {
    en: [
      'what are your opening hours?', 'when are you open?', 'are you open today?', 'what time do you close?', 'are you open on Saturday?',
      'what time do you open tomorrow?', 'opening times', 'are you open now?', 'when do you close for lunch?', 'are you open on public holidays?', 'hours',
    ],
    es: [
      '¿cuál es el horario?', '¿cuándo abren?', '¿están abiertos hoy?', '¿a qué hora cierran?', '¿abren los sábados?',
      '¿a qué hora abren mañana?', 'horario de apertura', '¿están abiertos ahora?', '¿cierran a mediodía?', '¿abren los festivos?', 'horario',
    ],
    de: [
      'wie sind Ihre Öffnungszeiten?', 'wann haben Sie geöffnet?', 'haben Sie heute offen?', 'wann schließen Sie?', 'haben Sie samstags geöffnet?',
      'wann öffnen Sie morgen?', 'Öffnungszeiten', 'haben Sie gerade offen?', 'machen Sie Mittagspause?', 'haben Sie an Feiertagen geöffnet?', 'Sprechzeiten',
    ],
    fr: [
      "quels sont vos horaires d'ouverture ?", 'vous êtes ouverts quand ?', "vous êtes ouverts aujourd'hui ?", 'vous fermez à quelle heure ?', 'vous êtes ouverts le samedi ?',
      'vous ouvrez à quelle heure demain ?', "horaires d'ouverture", 'vous êtes ouverts maintenant ?', 'vous fermez le midi ?', 'vous êtes ouverts les jours fériés ?', 'horaires',
    ],
    pt: [
      'qual é o horário?', 'quando estão abertos?', 'estão abertos hoje?', 'a que horas fecham?', 'abrem ao sábado?',
      'a que horas abrem amanhã?', 'horário de funcionamento', 'estão abertos agora?', 'fecham para almoço?', 'abrem nos feriados?', 'horários',
    ],
  },
  talk_to_staff: {
    en: [
      'talk to a human', 'I want to speak to a person', 'can I talk to someone?', 'real person please', 'connect me with reception',
      'I need to speak with the nurse', 'agent', 'can someone call me back?', 'I want to talk to staff', 'let me speak to a receptionist', 'human please',
    ],
    es: [
      'hablar con una persona', 'quiero hablar con alguien', '¿puedo hablar con una persona?', 'una persona real por favor', 'pásame con recepción',
      'necesito hablar con la enfermera', 'agente', '¿alguien me puede llamar?', 'quiero hablar con el personal', 'hablar con recepción', 'persona por favor',
    ],
    de: [
      'mit einem Menschen sprechen', 'ich möchte mit einer Person sprechen', 'kann ich mit jemandem reden?', 'echte Person bitte', 'verbinden Sie mich mit dem Empfang',
      'ich muss mit der Krankenschwester sprechen', 'Mitarbeiter', 'kann mich jemand zurückrufen?', 'ich möchte mit dem Personal sprechen', 'mit der Rezeption sprechen', 'Mensch bitte',
    ],
    fr: [
      'parler à un humain', 'je veux parler à une personne', "je peux parler à quelqu'un ?", 'une vraie personne svp', "passez-moi l'accueil",
      "j'ai besoin de parler à l'infirmière", 'conseiller', "quelqu'un peut me rappeler ?", 'je veux parler au personnel', 'parler au secrétariat', 'un humain svp',
    ],
    pt: [
      'falar com uma pessoa', 'quero falar com alguém', 'posso falar com uma pessoa?', 'uma pessoa real por favor', 'passe-me à receção',
      'preciso de falar com a enfermeira', 'atendente', 'alguém me pode ligar?', 'quero falar com um funcionário', 'falar com a receção', 'humano por favor',
    ],
  },
  menu: {
    en: ['menu', 'main menu', 'show me the options', 'what can you do?', 'start over', 'go back', 'options', 'help', 'back to the start', 'what can I do here?', 'show menu'],
    es: ['menú', 'menú principal', 'muéstrame las opciones', '¿qué puedes hacer?', 'empezar de nuevo', 'volver', 'opciones', 'ayuda', 'volver al inicio', '¿qué puedo hacer aquí?', 'ver menú'],
    de: ['Menü', 'Hauptmenü', 'zeig mir die Optionen', 'was kannst du?', 'von vorne', 'zurück', 'Optionen', 'Hilfe', 'zurück zum Anfang', 'was kann ich hier machen?', 'Menü anzeigen'],
    fr: ['menu', 'menu principal', 'montre-moi les options', "qu'est-ce que tu sais faire ?", 'recommencer', 'retour', 'options', 'aide', 'revenir au début', "qu'est-ce que je peux faire ici ?", 'afficher le menu'],
    pt: ['menu', 'menu principal', 'mostra-me as opções', 'o que consegues fazer?', 'começar de novo', 'voltar', 'opções', 'ajuda', 'voltar ao início', 'o que posso fazer aqui?', 'ver menu'],
  },
  thanks: {
    en: ['thanks', 'thank you', 'thank you very much', 'thanks a lot', 'great, thanks', 'perfect thank you', 'cheers', 'ok thanks', 'much appreciated', 'thx', 'thanks for your help'],
    es: ['gracias', 'muchas gracias', 'mil gracias', 'vale, gracias', 'perfecto, gracias', 'genial gracias', 'muy amable', 'ok gracias', 'se lo agradezco', 'gracias por la ayuda', 'gracias!!'],
    de: ['danke', 'vielen Dank', 'danke schön', 'danke sehr', 'super, danke', 'perfekt danke', 'ok danke', 'besten Dank', 'herzlichen Dank', 'danke für die Hilfe', 'dankeschön'],
    fr: ['merci', 'merci beaucoup', 'merci bien', "d'accord merci", 'parfait merci', 'super merci', 'ok merci', 'je vous remercie', 'mille mercis', "merci pour l'aide", 'merci !!'],
    pt: ['obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'ok obrigado', 'perfeito, obrigada', 'ótimo obrigado', 'agradeço', 'obrigadão', 'obrigada pela ajuda', 'valeu'],
  },
  change_language: {
    en: [
      'change language', 'switch to Spanish', 'can you write in German?', "I don't understand English", 'in French please',
      'other language', 'Portuguese please', 'English please', 'can we continue in Spanish?', 'set language', 'language',
    ],
    es: [
      'cambiar idioma', 'cambiar a inglés', '¿puedes escribir en español?', 'no entiendo el inglés', 'en español por favor',
      'otro idioma', 'en portugués por favor', 'español por favor', '¿podemos seguir en francés?', 'elegir idioma', 'idioma',
    ],
    de: [
      'Sprache ändern', 'auf Deutsch wechseln', 'kannst du auf Deutsch schreiben?', 'ich verstehe kein Spanisch', 'auf Englisch bitte',
      'andere Sprache', 'Deutsch bitte', 'bitte auf Deutsch', 'können wir auf Deutsch weitermachen?', 'Sprache wählen', 'Sprache',
    ],
    fr: [
      'changer de langue', 'passer en français', 'tu peux écrire en français ?', "je ne comprends pas l'anglais", 'en français svp',
      'autre langue', 'en anglais svp', 'français svp', 'on peut continuer en français ?', 'choisir la langue', 'langue',
    ],
    pt: [
      'mudar de idioma', 'mudar para português', 'podes escrever em português?', 'não percebo inglês', 'em português por favor',
      'outro idioma', 'em inglês por favor', 'português por favor', 'podemos continuar em português?', 'escolher idioma', 'idioma',
    ],
  },
};
