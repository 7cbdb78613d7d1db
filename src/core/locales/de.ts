import type { Messages } from './en.ts';

/**
 * Patient-facing text, German ("Sie"). Same keys and {placeholders} as en.ts (the reference).
 * Keyword lists are whole-message keywords, matched after lowercasing and removing accents
 * and punctuation ("Menü" → "menu"); STOP/START work in every language.
 */
export const de = {
  languageName: 'Deutsch',
  welcome:
    '👋 Willkommen bei *{clinic}*. Ich bin der digitale Assistent auf WhatsApp: Ich beantworte Fragen, helfe bei Terminen und verbinde Sie mit unserem Team.\n\nIm Notfall wählen Sie bitte immer *{number}*.',
  consentRequest:
    'Bevor es weitergeht: Damit wir Ihnen helfen können, speichert {clinic} diesen Chat und Ihre WhatsApp-Nummer in Ihrer Patientenakte – geschützt und nur für Ihre Behandlung. Datenschutzhinweise: {privacyUrl}\n\nSind Sie damit einverstanden?',
  consentAgree: 'Einverstanden',
  consentDecline: 'Nein, danke',
  changeLanguage: 'Sprache',
  consentThanks: 'Vielen Dank. Wie kann ich Ihnen heute helfen?',
  consentDeclined:
    'Verstanden: Ich speichere keine persönlichen Daten. Allgemeine Fragen (Öffnungszeiten, Adresse, Preise …) können Sie trotzdem stellen, oder schreiben Sie *Mitarbeiter*, um mit unserem Team zu sprechen. Mit *Menü* kommen Sie jederzeit zur Übersicht.',
  consentReminder: 'Bitte wählen Sie *Einverstanden* oder *Nein, danke*, damit ich Ihnen weiterhelfen kann.',
  consentNeededForThis: 'Dafür brauche ich zuerst Ihre Einwilligung, dass wir Ihre Daten speichern dürfen.',
  consentWithdrawn:
    'Ihre Einwilligung wurde widerrufen. Wir bewahren nur auf, was das Gesetz für Ihre Patientenakte vorschreibt, und fragen nicht mehr nach persönlichen Angaben. Für allgemeine Fragen schreiben Sie *Menü*.',
  privacyRow: 'Datenschutz',
  privacyRowDescription: 'Einwilligung ansehen oder widerrufen',
  withdrawConsentButton: 'Widerrufen',
  privacyInfo: 'Sie haben unseren Datenschutzhinweisen zugestimmt ({privacyUrl}). Sie können Ihre Einwilligung jederzeit widerrufen.',
  keepConsentButton: 'Beibehalten',
  chooseLanguage: 'In welcher Sprache möchten Sie schreiben?',
  chooseLanguageButton: 'Sprachen',
  languageSet: 'Gut, ab jetzt schreibe ich Ihnen auf Deutsch.',
  menuIntro: 'Wie kann ich helfen? Wählen Sie eine Option oder schreiben Sie einfach Ihre Frage.',
  menuButton: 'Optionen',
  menuBook: 'Termin vereinbaren',
  menuBookDescription: 'Einen passenden Termin finden',
  menuAppointments: 'Meine Termine',
  menuAppointmentsDescription: 'Ansehen, verschieben oder absagen',
  menuFaq: 'Häufige Fragen',
  menuFaqDescription: 'Preise, Parken, Befunde …',
  menuHours: 'Öffnungszeiten',
  menuHoursDescription: 'Wann und wo Sie uns finden',
  menuStaff: 'Mit dem Team sprechen',
  menuStaffDescription: 'Ein Mensch antwortet Ihnen',
  menuLanguage: 'Sprache',
  menuLanguageDescription: 'Sprache ändern',
  faqIntro: 'Hier sind Fragen, die Patientinnen und Patienten oft stellen. Wählen Sie eine aus oder schreiben Sie Ihre eigene.',
  faqButton: 'Fragen',
  faqMore: 'Weitere Hilfe',
  faqNearMiss: 'Ich bin nicht sicher, ob ich Sie richtig verstanden habe. Meinten Sie eine dieser Fragen?',
  faqNoneOfThese: 'Team kontaktieren',
  notUnderstood: 'Entschuldigung, das habe ich nicht verstanden. Wählen Sie eine Option oder formulieren Sie Ihre Frage bitte anders.',
  openingHoursTitle: '*Öffnungszeiten* ({zone})',
  openNow: 'Wir haben gerade geöffnet.',
  closedNow: 'Wir haben gerade geschlossen; ab {next} sind wir wieder für Sie da.',
  closedDay: 'geschlossen',
  holidaysTitle: 'Geschlossen am: {days}',
  addressLine: '📍 {address}',
  handoverDone: 'Ich habe Ihr Anliegen an unser Team weitergegeben. Jemand antwortet Ihnen hier so bald wie möglich.',
  handoverAway:
    'Unser Team ist gerade nicht erreichbar; ab {next} sind wir wieder für Sie da. Ihre Nachricht ist vorgemerkt und wird dann beantwortet. Im Notfall wählen Sie bitte *{number}*.',
  handoverUnsupported:
    'Diese Art von Nachricht (zum Beispiel Sprachnachrichten) kann ich nicht öffnen. Ich habe sie an unser Team weitergegeben, das Ihnen hier antwortet.',
  handoverDocument: 'Danke, wir haben Ihre Datei erhalten. Unser Team sieht sie sich an und antwortet Ihnen hier.',
  handoverNotUnderstood:
    'Ich habe Schwierigkeiten, Sie zu verstehen, deshalb habe ich Ihr Anliegen an unser Team weitergegeben. Jemand antwortet Ihnen hier.',
  handoverBooking: 'Bei Terminen hilft Ihnen unser Team direkt hier im Chat. Ich habe Ihre Anfrage weitergeleitet.',
  staffAlreadyHelping: 'Unser Team kümmert sich bereits um Ihr Anliegen und antwortet Ihnen hier.',
  handBack: 'Unser Team ist hier fertig, jetzt bin wieder ich, der Assistent, für Sie da: Schreiben Sie *Menü* für die Optionen.',
  sessionRestart: 'Willkommen zurück! Wie kann ich helfen?',
  optedOut:
    'Sie erhalten von uns keine Erinnerungen oder anderen Nachrichten mehr über WhatsApp. Schreiben Sie *START*, um sie wieder zu erhalten. Sie können uns hier aber weiterhin schreiben.',
  optedIn: 'Willkommen zurück: Sie erhalten wieder Erinnerungen und Nachrichten von uns. Schreiben Sie *STOP*, um sie abzubestellen.',
  help: 'Ich helfe bei Terminen, Öffnungszeiten und häufigen Fragen oder verbinde Sie mit unserem Team. Schreiben Sie *Menü* für die Optionen, *Mitarbeiter* für einen Menschen oder *STOP*, um keine Erinnerungen mehr zu erhalten.',
  thanksReply: 'Gern geschehen! Schreiben Sie *Menü*, wenn Sie noch etwas brauchen.',
  yesWords: 'ja|j|ok|okay|einverstanden|ich bin einverstanden|ja bitte|ja gerne|gerne|klar|in ordnung|zustimmen|ich stimme zu',
  noWords: 'nein|nee|nein danke|ablehnen|ich lehne ab|lieber nicht|nicht einverstanden',
  keywordStop: 'stop|stopp|abmelden|abbestellen|nachrichten abbestellen|keine nachrichten|keine nachrichten mehr',
  keywordStart: 'start|starten|wieder anmelden|nachrichten erhalten|nachrichten wieder erhalten',
  keywordMenu: 'menü|menue|hauptmenü|optionen|übersicht',
  keywordHelp: 'hilfe|info|infos',
  keywordAgent:
    'mitarbeiter|mitarbeiterin|mensch|person|agent|rezeption|empfang|anmeldung|echter mensch|mit einem menschen sprechen|mit jemandem sprechen|mit einem mitarbeiter sprechen',
  keywordWithdraw: 'einwilligung widerrufen|einwilligung zurückziehen|zustimmung widerrufen|meine daten löschen|daten löschen',
  keywordLanguage: 'sprache|sprache ändern|andere sprache',
} satisfies Messages;
