import type { Messages } from './en.ts';

/**
 * Patient-facing text, French ("vous"). Same keys and {placeholders} as en.ts (the reference).
 * Keyword lists are whole-message keywords, matched after lowercasing and removing accents and
 * punctuation ("secrétariat" → "secretariat", "d’accord" → "d accord"); STOP/START work in
 * every language.
 */
export const fr = {
  languageName: 'Français',
  welcome:
    '👋 Bienvenue chez *{clinic}*. Je suis l’assistant virtuel sur WhatsApp : je peux répondre à vos questions, vous aider pour vos rendez-vous et vous mettre en relation avec notre équipe.\n\nEn cas d’urgence, appelez toujours le *{number}*.',
  consentRequest:
    'Avant de continuer : pour vous aider, {clinic} conserve cette conversation et votre numéro WhatsApp dans votre dossier patient, de manière sécurisée et uniquement pour votre prise en charge. Politique de confidentialité : {privacyUrl}\n\nÊtes-vous d’accord ?',
  consentAgree: 'J’accepte',
  consentDecline: 'Non merci',
  changeLanguage: 'Langue',
  consentThanks: 'Merci. Comment puis-je vous aider aujourd’hui ?',
  consentDeclined:
    'C’est noté : je ne conserverai aucune donnée personnelle. Vous pouvez toujours poser des questions générales (horaires, adresse, tarifs…) ou écrire *secrétariat* pour parler à notre équipe. Écrivez *menu* à tout moment.',
  consentReminder: 'Merci de choisir *J’accepte* ou *Non merci* pour que je puisse continuer à vous aider.',
  consentNeededForThis: 'Pour cela, j’ai d’abord besoin de votre accord pour conserver vos données.',
  consentWithdrawn:
    'Votre consentement est retiré. Nous ne conservons que ce que la loi impose pour votre dossier et ne vous demanderons plus aucune information personnelle. Écrivez *menu* pour les questions générales.',
  privacyRow: 'Confidentialité',
  privacyRowDescription: 'Consulter ou retirer votre consentement',
  withdrawConsentButton: 'Retirer mon accord',
  privacyInfo: 'Vous avez accepté notre politique de confidentialité ({privacyUrl}). Vous pouvez retirer votre consentement à tout moment.',
  keepConsentButton: 'Garder mon accord',
  chooseLanguage: 'Dans quelle langue souhaitez-vous échanger ?',
  chooseLanguageButton: 'Langues',
  languageSet: 'Très bien, je vous écrirai désormais en français.',
  menuIntro: 'Comment puis-je vous aider ? Choisissez une option ou écrivez simplement votre question.',
  menuButton: 'Voir les options',
  menuBook: 'Prendre rendez-vous',
  menuBookDescription: 'Trouver un créneau qui vous convient',
  menuAppointments: 'Mes rendez-vous',
  menuAppointmentsDescription: 'Consulter, déplacer ou annuler',
  menuFaq: 'Questions fréquentes',
  menuFaqDescription: 'Tarifs, parking, résultats…',
  menuHours: 'Horaires d’ouverture',
  menuHoursDescription: 'Quand et où nous trouver',
  menuStaff: 'Parler à notre équipe',
  menuStaffDescription: 'Une personne vous répondra',
  menuLanguage: 'Langue',
  menuLanguageDescription: 'Changer de langue',
  faqIntro: 'Voici des questions que les patients posent souvent. Choisissez-en une ou posez la vôtre.',
  faqButton: 'Voir les questions',
  faqMore: 'Plus d’aide',
  faqNearMiss: 'Je ne suis pas sûr d’avoir bien compris. Vouliez-vous dire l’une de ces questions ?',
  faqNoneOfThese: 'Parler à l’équipe',
  notUnderstood: 'Désolé, je n’ai pas compris. Choisissez une option ou reformulez votre question.',
  openingHoursTitle: '*Horaires d’ouverture* ({zone})',
  openNow: 'Nous sommes ouverts en ce moment.',
  closedNow: 'Nous sommes fermés pour le moment ; nous rouvrons {next}.',
  closedDay: 'fermé',
  holidaysTitle: 'Fermetures : {days}',
  addressLine: '📍 {address}',
  handoverDone: 'J’ai transmis votre conversation à notre équipe. Quelqu’un vous répondra ici dès que possible.',
  handoverAway:
    'Notre équipe est absente pour le moment ; nous rouvrons {next}. Votre message est en attente et nous vous répondrons à ce moment-là. En cas d’urgence, appelez le *{number}*.',
  handoverUnsupported:
    'Je ne peux pas ouvrir ce type de message (par exemple les messages vocaux). Je l’ai transmis à notre équipe, qui vous répondra ici.',
  handoverDocument: 'Merci, nous avons bien reçu votre fichier. Notre équipe va le consulter et vous répondra ici.',
  handoverNotUnderstood:
    'J’ai du mal à vous comprendre, j’ai donc transmis votre conversation à notre équipe. Quelqu’un vous répondra ici.',
  handoverBooking: 'Notre équipe vous aidera pour vos rendez-vous ici même, dans cette conversation. J’ai transmis votre demande.',
  staffAlreadyHelping: 'Notre équipe a pris en charge votre conversation et vous répondra ici.',
  handBack: 'Notre équipe a terminé. C’est de nouveau l’assistant qui vous répond : écrivez *menu* pour voir les options.',
  sessionRestart: 'Rebonjour ! Comment puis-je vous aider ?',
  optedOut:
    'Vous ne recevrez plus de rappels ni d’autres messages de notre part sur WhatsApp. Écrivez *START* pour les recevoir à nouveau. Vous pouvez toujours nous écrire ici.',
  optedIn: 'Rebonjour ! Vous recevrez à nouveau nos rappels et messages. Écrivez *STOP* pour ne plus les recevoir.',
  help: 'Je peux vous aider pour les rendez-vous, les horaires et les questions fréquentes, ou vous mettre en relation avec notre équipe. Écrivez *menu* pour les options, *secrétariat* pour parler à une personne, *STOP* pour ne plus recevoir de rappels.',
  thanksReply: 'Avec plaisir ! Écrivez *menu* si vous avez besoin d’autre chose.',
  bookChooseService: 'Quelle prestation souhaitez-vous réserver ?',
  bookServicesButton: 'Voir les prestations',
  bookChooseDay: '*{service}* : voici les jours avec des créneaux disponibles. Quel jour vous convient ?',
  bookFreeTimes: 'Créneaux libres : {count}',
  bookDaysButton: 'Voir les jours',
  bookNoDays: 'Désolé, aucun créneau n’est réservable en ligne dans les prochaines semaines. Notre équipe peut vous aider.',
  bookChooseTime: 'Quel horaire vous convient ?',
  bookTimesButton: 'Voir les horaires',
  bookAnotherDay: 'Un autre jour',
  bookSummary: '*{service}* avec {practitioner}\n{when}',
  bookConfirmQuestion: 'Je bloque ce créneau pour vous pendant {minutes} minutes. Voulez-vous que je le réserve ?',
  bookConfirmButton: 'Réserver',
  bookOtherTimeButton: 'Autre créneau',
  bookAskName: "Pour réserver, la clinique a besoin de vos coordonnées une seule fois. Écrivez votre *nom complet* (comme sur votre pièce d'identité).",
  bookAskBirthDate: 'Merci. Maintenant votre *date de naissance*, par exemple 31/12/1980.',
  bookBadBirthDate: "Je n'ai pas pu lire cette date. Écrivez-la ainsi : 31/12/1980.",
  bookBadName: "Écrivez votre prénom et votre nom, s'il vous plaît.",
  bookBooked:
    '✅ Rendez-vous pris : *{service}* avec {practitioner}, {when}.\n📍 {address}\nÉcrivez *menu* pour consulter ou modifier vos rendez-vous.',
  bookRequested:
    '📨 Votre demande pour *{service}* avec {practitioner}, {when}, a bien été envoyée. Notre équipe vous la confirmera ici très prochainement.',
  bookSlotTaken: 'Désolé, ce créneau vient d’être pris. Ces créneaux sont encore libres :',
  bookSlotTakenNoAlternatives: 'Désolé, ce créneau vient d’être pris et il n’y a plus rien de libre à un horaire proche.',
  apptNone: 'Vous n’avez aucun rendez-vous à venir.',
  apptPending: 'en attente de confirmation',
  apptCancelRow: 'Annuler {when}',
  apptListIntro: 'Vos prochains rendez-vous :',
  apptManageButton: 'Gérer',
  apptCancelled: 'Votre rendez-vous est annulé. Écrivez *menu* si vous souhaitez reprendre rendez-vous.',
  apptCancelTooLate: 'Il est trop tard pour annuler ce rendez-vous en ligne. Écrivez *secrétariat* et notre équipe vous aidera.',
  apptNotFound: 'Je ne trouve plus ce rendez-vous. Écrivez *menu* pour voir vos rendez-vous.',
  yesWords: 'oui|ouais|ok|okay|d’accord|daccord|je suis d’accord|j’accepte|accepter|oui merci|bien sûr|volontiers',
  noWords: 'non|non merci|je refuse|refuser|pas d’accord|je ne suis pas d’accord',
  keywordStop:
    'stop|arrêt|arrêter|arrête|désabonner|me désabonner|désinscrire|me désinscrire|plus de messages|je ne veux plus de messages',
  keywordStart: 'start|réabonner|me réabonner|m’abonner|réactiver|réactiver les messages|recevoir à nouveau les messages',
  keywordMenu: 'menu|menu principal|options',
  keywordHelp: 'aide|info|infos|besoin d’aide',
  keywordAgent:
    'secrétariat|secrétaire|agent|conseiller|conseillère|humain|un humain|une personne|vraie personne|parler à une personne|parler à quelqu’un|opérateur',
  keywordWithdraw:
    'retirer mon consentement|retirer le consentement|retirer consentement|révoquer mon consentement|supprimer mes données|effacer mes données',
  keywordLanguage: 'langue|changer de langue|changer la langue|autre langue',
} satisfies Messages;
