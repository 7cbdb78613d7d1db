import type { Language } from '../clinic/clinic-config.ts';

/**
 * What the assistant says about results (ADR 0012), in the five patient languages (kept beside
 * the results code, as vitals and triage keep theirs; the type makes every language complete).
 * Placeholders: {clinic}, {contact} (the clinic's phone, else its name), {left}, {minutes},
 * {code}. Buttons ≤ 20 characters.
 */
export interface ResultsTexts {
  readyNotice: string;
  viewButton: string;
  laterButton: string;
  later: string;
  askBirthDate: string;
  birthDateFormat: string;
  birthDateWrong: string;
  codeIntro: string;
  code: string;
  codeFormat: string;
  codeWrong: string;
  codeExpired: string;
  locked: string;
  none: string;
  noBirthDate: string;
  caption: string;
  delivered: string;
  followUp: string;
  followUpBook: string;
  bookButton: string;
  staffButton: string;
  fileName: string;
  /** Words that make a short message a request for results (any language matches). */
  words: string;
}

export const resultsTexts: Record<Language, ResultsTexts> = {
  en: {
    readyNotice: '📄 A new document from {clinic} is ready for you. For your privacy I send it in this chat only after a short identity check.',
    viewButton: 'View result',
    laterButton: 'Later',
    later: 'All right. Write *results* whenever you want to see it.',
    askBirthDate: '🔒 To protect your privacy, please confirm who you are first.\n\nWhat is your *date of birth*? (for example 31.12.1980)',
    birthDateFormat: 'I could not read that as a date. Please write your date of birth like *31.12.1980*.',
    birthDateWrong: 'That does not match our records. Attempts left: {left}.',
    codeIntro: 'Thank you. I am sending you a one-time code in a separate message. Please type it here within {minutes} minutes.',
    code: 'Your {clinic} code: *{code}*\nDo not share it with anyone.',
    codeFormat: 'Please type the *6-digit code* from the message above.',
    codeWrong: 'That code is not right. Attempts left: {left}.',
    codeExpired: 'That code has expired. Let us start again: what is your *date of birth*?',
    locked: '🔒 For your security, results can no longer be opened in this chat after several unsuccessful attempts. Please contact the clinic (*{contact}*): our team will check your identity and unlock it.',
    none: 'There is no new document for you right now. We will write to you here as soon as one is ready.',
    noBirthDate: 'I cannot check your identity in this chat because the clinic has no date of birth on file for you. Please contact the clinic (*{contact}*) and our team will help you.',
    caption: 'Your document from {clinic}',
    delivered: '✅ Here is your document. If you have questions about it, write *agent* to reach our team.',
    followUp: '🩺 Your doctor would like to go through this result with you at a visit, so it can be explained and the next steps planned.',
    followUpBook: 'Would you like to book a visit now?',
    bookButton: 'Book a visit',
    staffButton: 'Talk to our team',
    fileName: 'result',
    words: 'result|results|test results|lab results|my results|view result',
  },
  de: {
    readyNotice: '📄 Ein neues Dokument von {clinic} liegt für Sie bereit. Zum Schutz Ihrer Daten sende ich es in diesem Chat erst nach einer kurzen Identitätsprüfung.',
    viewButton: 'Befund ansehen',
    laterButton: 'Später',
    later: 'In Ordnung. Schreiben Sie *Befund*, wann immer Sie es sehen möchten.',
    askBirthDate: '🔒 Zum Schutz Ihrer Daten bestätigen Sie bitte zuerst, wer Sie sind.\n\nWie lautet Ihr *Geburtsdatum*? (zum Beispiel 31.12.1980)',
    birthDateFormat: 'Das konnte ich nicht als Datum lesen. Bitte schreiben Sie Ihr Geburtsdatum so: *31.12.1980*.',
    birthDateWrong: 'Das stimmt nicht mit unseren Unterlagen überein. Verbleibende Versuche: {left}.',
    codeIntro: 'Danke. Ich sende Ihnen einen Einmalcode in einer eigenen Nachricht. Bitte geben Sie ihn innerhalb von {minutes} Minuten hier ein.',
    code: 'Ihr Code von {clinic}: *{code}*\nGeben Sie ihn an niemanden weiter.',
    codeFormat: 'Bitte geben Sie den *6-stelligen Code* aus der Nachricht oben ein.',
    codeWrong: 'Der Code ist nicht richtig. Verbleibende Versuche: {left}.',
    codeExpired: 'Der Code ist abgelaufen. Fangen wir neu an: Wie lautet Ihr *Geburtsdatum*?',
    locked: '🔒 Zu Ihrer Sicherheit können Befunde nach mehreren erfolglosen Versuchen nicht mehr in diesem Chat geöffnet werden. Bitte wenden Sie sich an die Praxis (*{contact}*): Unser Team prüft Ihre Identität und gibt es wieder frei.',
    none: 'Im Moment liegt kein neues Dokument für Sie vor. Wir schreiben Ihnen hier, sobald eines bereitliegt.',
    noBirthDate: 'Ich kann Ihre Identität in diesem Chat nicht prüfen, weil der Praxis kein Geburtsdatum von Ihnen vorliegt. Bitte wenden Sie sich an die Praxis (*{contact}*), unser Team hilft Ihnen.',
    caption: 'Ihr Dokument von {clinic}',
    delivered: '✅ Hier ist Ihr Dokument. Wenn Sie Fragen dazu haben, schreiben Sie *Mitarbeiter*, um unser Team zu erreichen.',
    followUp: '🩺 Ihre Ärztin oder Ihr Arzt möchte diesen Befund bei einem Termin mit Ihnen besprechen, damit er erklärt und das weitere Vorgehen geplant werden kann.',
    followUpBook: 'Möchten Sie jetzt einen Termin buchen?',
    bookButton: 'Termin buchen',
    staffButton: 'Mit dem Team reden',
    fileName: 'befund',
    words: 'befund|befunde|ergebnis|ergebnisse|laborergebnis|laborergebnisse|laborwerte|blutwerte|mein befund|meine ergebnisse|befund ansehen',
  },
  es: {
    readyNotice: '📄 Tiene un nuevo documento de {clinic}. Por su privacidad, se lo envío por este chat solo después de una breve comprobación de identidad.',
    viewButton: 'Ver resultado',
    laterButton: 'Más tarde',
    later: 'De acuerdo. Escriba *resultados* cuando quiera verlo.',
    askBirthDate: '🔒 Para proteger su privacidad, primero confirme quién es.\n\n¿Cuál es su *fecha de nacimiento*? (por ejemplo 31/12/1980)',
    birthDateFormat: 'No pude leer eso como una fecha. Escriba su fecha de nacimiento así: *31/12/1980*.',
    birthDateWrong: 'No coincide con nuestros datos. Intentos restantes: {left}.',
    codeIntro: 'Gracias. Le envío un código de un solo uso en un mensaje aparte. Escríbalo aquí en los próximos {minutes} minutos.',
    code: 'Su código de {clinic}: *{code}*\nNo lo comparta con nadie.',
    codeFormat: 'Escriba el *código de 6 cifras* del mensaje anterior.',
    codeWrong: 'El código no es correcto. Intentos restantes: {left}.',
    codeExpired: 'El código ha caducado. Empecemos de nuevo: ¿cuál es su *fecha de nacimiento*?',
    locked: '🔒 Por su seguridad, tras varios intentos fallidos ya no se pueden abrir resultados en este chat. Póngase en contacto con la clínica (*{contact}*): nuestro equipo comprobará su identidad y lo desbloqueará.',
    none: 'Ahora mismo no hay ningún documento nuevo para usted. Le escribiremos aquí en cuanto haya uno.',
    noBirthDate: 'No puedo comprobar su identidad en este chat porque la clínica no tiene su fecha de nacimiento. Póngase en contacto con la clínica (*{contact}*) y nuestro equipo le ayudará.',
    caption: 'Su documento de {clinic}',
    delivered: '✅ Aquí tiene su documento. Si tiene preguntas, escriba *agente* para hablar con nuestro equipo.',
    followUp: '🩺 Su médico quiere revisar este resultado con usted en una consulta, para explicárselo y planificar los siguientes pasos.',
    followUpBook: '¿Quiere reservar una cita ahora?',
    bookButton: 'Reservar cita',
    staffButton: 'Hablar con el equipo',
    fileName: 'resultado',
    words: 'resultado|resultados|analitica|mis resultados|ver resultado',
  },
  fr: {
    readyNotice: '📄 Un nouveau document de {clinic} est prêt pour vous. Pour protéger votre vie privée, je ne l’envoie dans ce chat qu’après une courte vérification d’identité.',
    viewButton: 'Voir le résultat',
    laterButton: 'Plus tard',
    later: 'D’accord. Écrivez *résultats* quand vous voulez le voir.',
    askBirthDate: '🔒 Pour protéger votre vie privée, confirmez d’abord votre identité.\n\nQuelle est votre *date de naissance* ? (par exemple 31/12/1980)',
    birthDateFormat: 'Je n’ai pas pu lire cela comme une date. Écrivez votre date de naissance ainsi : *31/12/1980*.',
    birthDateWrong: 'Cela ne correspond pas à notre dossier. Essais restants : {left}.',
    codeIntro: 'Merci. Je vous envoie un code à usage unique dans un message séparé. Saisissez-le ici dans les {minutes} minutes.',
    code: 'Votre code {clinic} : *{code}*\nNe le communiquez à personne.',
    codeFormat: 'Saisissez le *code à 6 chiffres* du message ci-dessus.',
    codeWrong: 'Ce code n’est pas correct. Essais restants : {left}.',
    codeExpired: 'Ce code a expiré. Recommençons : quelle est votre *date de naissance* ?',
    locked: '🔒 Pour votre sécurité, après plusieurs essais infructueux, les résultats ne peuvent plus être ouverts dans ce chat. Contactez le cabinet (*{contact}*) : notre équipe vérifiera votre identité et le débloquera.',
    none: 'Il n’y a pas de nouveau document pour vous pour le moment. Nous vous écrirons ici dès qu’il y en aura un.',
    noBirthDate: 'Je ne peux pas vérifier votre identité dans ce chat car le cabinet n’a pas votre date de naissance. Contactez le cabinet (*{contact}*) et notre équipe vous aidera.',
    caption: 'Votre document de {clinic}',
    delivered: '✅ Voici votre document. Si vous avez des questions, écrivez *agent* pour joindre notre équipe.',
    followUp: '🩺 Votre médecin souhaite revoir ce résultat avec vous lors d’une consultation, pour vous l’expliquer et prévoir la suite.',
    followUpBook: 'Voulez-vous prendre rendez-vous maintenant ?',
    bookButton: 'Prendre rendez-vous',
    staffButton: 'Parler à l’équipe',
    fileName: 'resultat',
    words: 'resultat|resultats|mes resultats|voir le resultat',
  },
  pt: {
    readyNotice: '📄 Tem um novo documento de {clinic} pronto. Para proteger a sua privacidade, só o envio neste chat depois de uma breve verificação de identidade.',
    viewButton: 'Ver resultado',
    laterButton: 'Mais tarde',
    later: 'Muito bem. Escreva *resultados* quando quiser vê-lo.',
    askBirthDate: '🔒 Para proteger a sua privacidade, confirme primeiro quem é.\n\nQual é a sua *data de nascimento*? (por exemplo 31/12/1980)',
    birthDateFormat: 'Não consegui ler isso como uma data. Escreva a sua data de nascimento assim: *31/12/1980*.',
    birthDateWrong: 'Não corresponde aos nossos registos. Tentativas restantes: {left}.',
    codeIntro: 'Obrigado. Envio-lhe um código de utilização única numa mensagem separada. Escreva-o aqui nos próximos {minutes} minutos.',
    code: 'O seu código de {clinic}: *{code}*\nNão o partilhe com ninguém.',
    codeFormat: 'Escreva o *código de 6 dígitos* da mensagem acima.',
    codeWrong: 'O código não está correto. Tentativas restantes: {left}.',
    codeExpired: 'O código expirou. Vamos recomeçar: qual é a sua *data de nascimento*?',
    locked: '🔒 Por segurança, após várias tentativas sem sucesso, já não é possível abrir resultados neste chat. Contacte a clínica (*{contact}*): a nossa equipa verifica a sua identidade e desbloqueia.',
    none: 'De momento não há nenhum documento novo para si. Escrevemos-lhe aqui assim que houver um.',
    noBirthDate: 'Não consigo verificar a sua identidade neste chat porque a clínica não tem a sua data de nascimento. Contacte a clínica (*{contact}*) e a nossa equipa ajuda.',
    caption: 'O seu documento de {clinic}',
    delivered: '✅ Aqui está o seu documento. Se tiver dúvidas, escreva *agente* para falar com a nossa equipa.',
    followUp: '🩺 O seu médico quer rever este resultado consigo numa consulta, para o explicar e planear os próximos passos.',
    followUpBook: 'Quer marcar uma consulta agora?',
    bookButton: 'Marcar consulta',
    staffButton: 'Falar com a equipa',
    fileName: 'resultado',
    words: 'resultado|resultados|os meus resultados|ver resultado',
  },
};

type TextKey = Exclude<keyof ResultsTexts, 'words'>;

export function resultsText(lang: Language, key: TextKey, params: Record<string, string> = {}): string {
  return resultsTexts[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const resultWords: ReadonlySet<string> = new Set(Object.values(resultsTexts).flatMap((t) => t.words.split('|').map(fold)));

/**
 * A short message asking for results ("results", "my lab results?", "Befund"): at most four
 * words, one of them a results word of any language. Longer questions go to the FAQ.
 */
export function asksForResults(text: string): boolean {
  const folded = fold(text);
  if (resultWords.has(folded)) return true;
  const words = folded.split(' ').filter((w) => w !== '');
  return words.length > 0 && words.length <= 4 && words.some((w) => resultWords.has(w));
}
