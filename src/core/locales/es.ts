import type { Messages } from './en.ts';

/**
 * Patient-facing text, Spanish ("usted", friendly). Same keys and {placeholders} as en.ts (the
 * reference). Keyword lists are whole-message keywords, matched after lowercasing and removing
 * accents and punctuation ("menú" → "menu"); STOP/START work in every language.
 */
export const es = {
  languageName: 'Español',
  welcome:
    '👋 Le damos la bienvenida a *{clinic}*. Soy el asistente de WhatsApp de la clínica: puedo responder sus preguntas, ayudarle con sus citas y ponerle en contacto con nuestro equipo.\n\nEn caso de emergencia, llame siempre al *{number}*.',
  consentRequest:
    'Antes de continuar: para poder ayudarle, {clinic} guarda esta conversación y su número de WhatsApp en su historial de paciente, de forma protegida y solo para su atención. Aviso de privacidad: {privacyUrl}\n\n¿Está de acuerdo?',
  consentAgree: 'Acepto',
  consentDecline: 'No, gracias',
  changeLanguage: 'Idioma',
  consentThanks: 'Gracias. ¿En qué puedo ayudarle hoy?',
  consentDeclined:
    'Entendido: no guardaré ningún dato personal. Puede seguir haciendo preguntas generales (horario, dirección, precios…) o escribir *agente* para hablar con nuestro equipo. Escriba *menú* cuando quiera.',
  consentReminder: 'Por favor, elija *Acepto* o *No, gracias* para que pueda seguir ayudándole.',
  consentNeededForThis: 'Para eso, primero necesito su permiso para guardar sus datos.',
  consentWithdrawn:
    'Ha retirado su consentimiento. Solo conservamos lo que la ley exige para su historial y no le pediremos ningún dato personal. Escriba *menú* para preguntas generales.',
  privacyRow: 'Privacidad',
  privacyRowDescription: 'Revisar o retirar su consentimiento',
  withdrawConsentButton: 'Retirarlo',
  privacyInfo: 'Usted aceptó nuestro aviso de privacidad ({privacyUrl}). Puede retirar su consentimiento en cualquier momento.',
  keepConsentButton: 'Mantenerlo',
  chooseLanguage: '¿En qué idioma prefiere que le escriba?',
  chooseLanguageButton: 'Idiomas',
  languageSet: 'De acuerdo, a partir de ahora le escribiré en español.',
  menuIntro: '¿En qué puedo ayudarle? Elija una opción o escriba directamente su pregunta.',
  menuButton: 'Opciones',
  menuBook: 'Pedir cita',
  menuBookDescription: 'Encuentre la hora que mejor le venga',
  menuAppointments: 'Mis citas',
  menuAppointmentsDescription: 'Ver, cambiar o cancelar',
  menuFaq: 'Preguntas frecuentes',
  menuFaqDescription: 'Precios, aparcamiento, resultados…',
  menuHours: 'Horario',
  menuHoursDescription: 'Cuándo y dónde estamos',
  menuStaff: 'Hablar con el equipo',
  menuStaffDescription: 'Le atenderá una persona',
  menuLanguage: 'Idioma',
  menuLanguageDescription: 'Cambiar de idioma',
  faqIntro: 'Estas son preguntas que los pacientes nos hacen a menudo. Elija una o escriba la suya.',
  faqButton: 'Preguntas',
  faqMore: 'Más ayuda',
  faqNearMiss: 'No estoy seguro de haberle entendido. ¿Se refería a alguna de estas?',
  faqNoneOfThese: 'Hablar con el equipo',
  notUnderstood: 'Perdone, no le he entendido. Elija una opción o escriba su pregunta con otras palabras.',
  openingHoursTitle: '*Horario* ({zone})',
  openNow: 'Ahora estamos abiertos.',
  closedNow: 'Ahora estamos cerrados; volvemos a abrir {next}.',
  closedDay: 'cerrado',
  holidaysTitle: 'Cerrado los días: {days}',
  addressLine: '📍 {address}',
  handoverDone: 'He pasado su conversación a nuestro equipo. Alguien le responderá aquí lo antes posible.',
  handoverAway:
    'Nuestro equipo no está disponible ahora; volvemos a abrir {next}. Su mensaje queda en espera y le responderemos entonces. En caso de emergencia, llame al *{number}*.',
  handoverUnsupported:
    'No puedo abrir este tipo de mensaje (por ejemplo, notas de voz). Se lo he pasado a nuestro equipo, que le responderá aquí.',
  handoverDocument: 'Gracias, hemos recibido su archivo. Nuestro equipo lo revisará y le responderá aquí.',
  handoverNotUnderstood: 'Me está costando entenderle, así que he pasado su conversación a nuestro equipo. Alguien le responderá aquí.',
  handoverBooking: 'Nuestro equipo le ayudará con las citas aquí mismo, en este chat. Ya he pasado su solicitud.',
  staffAlreadyHelping: 'Nuestro equipo ya tiene su conversación y le responderá aquí.',
  handBack: 'Nuestro equipo ha terminado. Vuelvo a atenderle yo, el asistente: escriba *menú* para ver las opciones.',
  sessionRestart: '¡Hola de nuevo! ¿En qué puedo ayudarle?',
  optedOut:
    'Ya no recibirá recordatorios ni otros mensajes nuestros por WhatsApp. Escriba *START* para volver a recibirlos. Puede seguir escribiéndonos aquí.',
  optedIn: '¡Hola de nuevo! Volverá a recibir nuestros recordatorios y mensajes. Escriba *STOP* para dejar de recibirlos.',
  help: 'Puedo ayudarle con citas, horarios y preguntas frecuentes, o pasarle con nuestro equipo. Escriba *menú* para ver las opciones, *agente* para hablar con una persona o *STOP* para dejar de recibir recordatorios.',
  thanksReply: '¡De nada! Escriba *menú* si necesita algo más.',
  yesWords: 'si|sí|s|vale|de acuerdo|estoy de acuerdo|acepto|sí, acepto|ok|okay|claro|por supuesto',
  noWords: 'no|no, gracias|no acepto|no estoy de acuerdo|rechazo|rechazar',
  keywordStop: 'stop|baja|parar|darme de baja|dar de baja|no quiero mensajes|no quiero recibir mensajes|no más mensajes',
  keywordStart: 'start|darme de alta|dar de alta|suscribirme|quiero recibir mensajes|volver a recibir mensajes',
  keywordMenu: 'menú|menú principal|opciones|inicio',
  keywordHelp: 'ayuda|info|información',
  keywordAgent:
    'agente|humano|persona|una persona|persona real|hablar con una persona|hablar con alguien|recepción|recepcionista|operador',
  keywordWithdraw:
    'retirar consentimiento|retirar mi consentimiento|revocar consentimiento|revocar mi consentimiento|borrar mis datos|eliminar mis datos',
  keywordLanguage: 'idioma|cambiar idioma|cambiar de idioma|otro idioma',
} satisfies Messages;
