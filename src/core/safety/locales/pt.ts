import type { EmergencyAdviceKey } from './en.ts';

/** Orientações de emergência, português ("você"). Mesmas chaves e {marcadores} que en.ts. */
export const pt = {
  emergency: '🚨 *Isto pode ser uma emergência. Ligue agora para o {number}.*',
  staffAlerted: 'A equipe da clínica foi avisada, mas por este chat não é possível enviar socorro. Não espere por uma resposta aqui.',
  chestPain: 'Pare o que estiver fazendo e sente-se. Não dirija até o hospital. Se estiver sozinho(a), destranque a porta.',
  stroke: 'Anote a hora em que os sinais começaram. Não dê comida, bebida nem remédios.',
  bleeding: 'Pressione com força a ferida com um pano limpo e mantenha a pressão sem soltar.',
  breathing: 'Sente-se com as costas retas e afrouxe roupas apertadas. Se alguém estiver engasgado e não conseguir tossir, dê até 5 tapas firmes entre as escápulas.',
  unconscious: 'Veja se a pessoa respira normalmente e diga isso a quem atender a ligação: vão orientar você passo a passo.',
  seizure: 'Não segure a pessoa nem coloque nada na boca dela. Afaste objetos duros e anote a hora do início.',
  allergy: 'Use agora a caneta de adrenalina (EpiPen), se for receitada. Deite com as pernas para cima, ou sente-se se estiver difícil respirar.',
  selfHarm: 'Você não está sozinho(a). Ligue agora para o {number} ou para uma linha de apoio emocional e fique com alguém de confiança.',
  poisoning: 'Não provoque vômito. Guarde a embalagem ou o frasco para mostrar à equipe de emergência.',
  infantFever: 'Febre em um bebê pequeno precisa de ajuda médica urgente. Não espere para ver se passa.',
  meningitis: 'Não espere aparecerem manchas nem piorar: peça ajuda agora.',
  headInjury: 'Mantenha a pessoa parada e não a deixe sozinha.',
  burn: 'Resfrie a queimadura em água corrente fresca por 20 minutos. Não use gelo, pomadas nem manteiga.',
  pregnancy: 'Deite-se de lado e ligue agora para o {number} ou para a sua maternidade. Não espere até amanhã.',
} satisfies Record<EmergencyAdviceKey, string>;
