import type { Messages } from './en.ts';

/**
 * Patient-facing text, Portuguese, written to read naturally in both Portugal and Brazil where
 * possible ("você"; "equipe"). Same keys and {placeholders} as en.ts (the reference). Keyword
 * lists are whole-message keywords, matched after lowercasing and removing accents and
 * punctuation ("não" → "nao"); STOP/START work in every language.
 */
export const pt = {
  languageName: 'Português',
  welcome:
    '👋 Boas-vindas! Aqui é *{clinic}*. Sou o assistente virtual de WhatsApp: posso responder a perguntas, ajudar com consultas e passar a conversa para a nossa equipe.\n\nEm caso de emergência, ligue sempre para o *{number}*.',
  consentRequest:
    'Antes de continuarmos: para poder ajudar, {clinic} guarda esta conversa e o seu número de WhatsApp na sua ficha de paciente, de forma protegida e só para o seu atendimento. Aviso de privacidade: {privacyUrl}\n\nVocê concorda?',
  consentAgree: 'Concordo',
  consentDecline: 'Não concordo',
  changeLanguage: 'Idioma',
  consentThanks: 'Obrigado! Como posso ajudar hoje?',
  consentDeclined:
    'Entendido: não vou guardar nenhum dado pessoal. Você ainda pode fazer perguntas gerais (horário, endereço, preços…) ou escrever *atendente* para falar com a nossa equipe. Escreva *menu* a qualquer momento.',
  consentReminder: 'Por favor, escolha *Concordo* ou *Não concordo* para que eu possa continuar a ajudar.',
  consentNeededForThis: 'Para isso, preciso primeiro da sua autorização para guardar os seus dados.',
  consentWithdrawn:
    'O seu consentimento foi retirado. Guardamos apenas o que a lei exige para a sua ficha e não vamos pedir nenhum dado pessoal. Escreva *menu* para perguntas gerais.',
  privacyRow: 'Privacidade',
  privacyRowDescription: 'Ver ou retirar o seu consentimento',
  withdrawConsentButton: 'Retirar',
  privacyInfo: 'Você concordou com o nosso aviso de privacidade ({privacyUrl}). Pode retirar o seu consentimento a qualquer momento.',
  keepConsentButton: 'Manter',
  chooseLanguage: 'Em que idioma prefere conversar?',
  chooseLanguageButton: 'Idiomas',
  languageSet: 'Combinado: a partir de agora vou escrever em português.',
  menuIntro: 'Como posso ajudar? Escolha uma opção ou escreva a sua pergunta.',
  menuButton: 'Opções',
  menuBook: 'Marcar consulta',
  menuBookDescription: 'Escolha o horário que preferir',
  menuAppointments: 'Minhas consultas',
  menuAppointmentsDescription: 'Ver, remarcar ou cancelar',
  menuFaq: 'Perguntas frequentes',
  menuFaqDescription: 'Preços, estacionamento, resultados…',
  menuHours: 'Horário',
  menuHoursDescription: 'Quando e onde estamos',
  menuStaff: 'Falar com a equipe',
  menuStaffDescription: 'Uma pessoa vai responder',
  menuLanguage: 'Idioma',
  menuLanguageDescription: 'Mudar de idioma',
  faqIntro: 'Estas são perguntas que os pacientes fazem com frequência. Escolha uma ou escreva a sua.',
  faqButton: 'Perguntas',
  faqMore: 'Mais ajuda',
  faqNearMiss: 'Não sei se entendi bem. Era alguma destas?',
  faqNoneOfThese: 'Falar com a equipe',
  notUnderstood: 'Desculpe, não entendi. Escolha uma opção ou escreva a sua pergunta de outra forma.',
  openingHoursTitle: '*Horário de funcionamento* ({zone})',
  openNow: 'Estamos abertos agora.',
  closedNow: 'Agora estamos fechados; voltamos a abrir {next}.',
  closedDay: 'fechado',
  holidaysTitle: 'Fechado nos dias: {days}',
  addressLine: '📍 {address}',
  handoverDone: 'Passei a sua conversa para a nossa equipe. Alguém vai responder aqui o mais rápido possível.',
  handoverAway:
    'A nossa equipe não está disponível agora; voltamos a abrir {next}. A sua mensagem ficou na fila e responderemos assim que voltarmos. Em caso de emergência, ligue para o *{number}*.',
  handoverUnsupported:
    'Não consigo abrir este tipo de mensagem (por exemplo, mensagens de voz). Encaminhei a mensagem para a nossa equipe, que vai responder aqui.',
  handoverDocument: 'Obrigado, recebemos o que nos enviou. A nossa equipe vai analisar e responder aqui.',
  handoverNotUnderstood: 'Estou com dificuldade em entender, por isso passei a sua conversa para a nossa equipe. Alguém vai responder aqui.',
  handoverBooking: 'A nossa equipe vai ajudar com as consultas aqui mesmo, nesta conversa. Já encaminhei o seu pedido.',
  staffAlreadyHelping: 'A nossa equipe já está com a sua conversa e vai responder aqui.',
  handBack: 'A nossa equipe terminou por aqui. Volto a ser eu, o assistente: escreva *menu* para ver as opções.',
  sessionRestart: 'Olá de novo! Como posso ajudar?',
  optedOut:
    'Deixará de receber lembretes e outras mensagens nossas pelo WhatsApp. Escreva *START* para voltar a recebê-las. Mesmo assim, pode escrever para nós aqui.',
  optedIn: 'Olá de novo! Voltará a receber os nossos lembretes e mensagens. Escreva *STOP* para deixar de recebê-los.',
  help: 'Posso ajudar com consultas, horários e perguntas frequentes, ou passar a conversa para a nossa equipe. Escreva *menu* para ver as opções, *atendente* para falar com uma pessoa ou *STOP* para deixar de receber lembretes.',
  thanksReply: 'De nada! Escreva *menu* se precisar de mais alguma coisa.',
  yesWords: 'sim|s|ok|okay|concordo|eu concordo|sim, concordo|aceito|claro|pode ser|com certeza|certo|está bem|tá bem|tá bom',
  noWords: 'não|não concordo|não, obrigado|não, obrigada|não aceito|recuso',
  keywordStop: 'stop|parar|sair|descadastrar|desinscrever|cancelar mensagens|não quero mensagens|não quero receber mensagens',
  keywordStart: 'start|reativar|reativar mensagens|voltar a receber mensagens|quero receber mensagens',
  keywordMenu: 'menu|menu principal|opções|início',
  keywordHelp: 'ajuda|info|informação|informações',
  keywordAgent:
    'atendente|humano|pessoa|uma pessoa|pessoa real|falar com uma pessoa|falar com alguém|falar com atendente|atendimento|receção|recepção|rececionista|recepcionista|funcionário|operador',
  keywordWithdraw:
    'retirar consentimento|retirar o consentimento|retirar meu consentimento|retirar o meu consentimento|revogar consentimento|apagar meus dados|apagar os meus dados|excluir meus dados|eliminar os meus dados',
  keywordLanguage: 'idioma|língua|mudar idioma|mudar de idioma|trocar idioma|outro idioma',
} satisfies Messages;
