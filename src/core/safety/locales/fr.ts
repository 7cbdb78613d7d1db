import type { EmergencyAdviceKey } from './en.ts';

/** Conduite à tenir en urgence, français (« vous »). Mêmes clés et {paramètres} que en.ts. */
export const fr = {
  emergency: '🚨 *Il peut s’agir d’une urgence. Appelez le {number} maintenant.*',
  staffAlerted: 'L’équipe de la clinique a été prévenue, mais ce chat ne peut pas envoyer de secours. N’attendez pas de réponse ici.',
  chestPain: 'Arrêtez toute activité et asseyez-vous. Ne conduisez pas vous-même jusqu’à l’hôpital. Si vous êtes seul(e), déverrouillez la porte.',
  stroke: 'Notez l’heure à laquelle les signes ont commencé. Ne donnez ni à manger, ni à boire, ni médicament.',
  bleeding: 'Appuyez fort sur la plaie avec un linge propre et maintenez la pression sans relâcher.',
  breathing: 'Asseyez-vous bien droit et desserrez les vêtements. Si quelqu’un s’étouffe et ne peut pas tousser, donnez jusqu’à 5 claques fermes entre les omoplates.',
  unconscious: 'Vérifiez si la personne respire normalement et dites-le au régulateur : il vous guidera pas à pas.',
  seizure: 'Ne la retenez pas et ne mettez rien dans sa bouche. Éloignez les objets durs et notez l’heure du début.',
  allergy: 'Utilisez maintenant le stylo d’adrénaline (EpiPen, Anapen) s’il est prescrit. Allongez-vous jambes surélevées, ou asseyez-vous si vous respirez mal.',
  selfHarm: 'Vous n’êtes pas seul(e). Appelez maintenant le {number} ou une ligne d’écoute, et restez avec une personne de confiance.',
  poisoning: 'Ne faites pas vomir. Gardez l’emballage ou le flacon pour le montrer aux secours.',
  infantFever: 'La fièvre chez un jeune bébé demande une aide médicale urgente. N’attendez pas de voir si elle passe.',
  meningitis: 'N’attendez pas que des taches apparaissent ou que cela s’aggrave : demandez de l’aide maintenant.',
  headInjury: 'Gardez la personne immobile et ne la laissez pas seule.',
  burn: 'Refroidissez la brûlure sous l’eau courante tempérée pendant 20 minutes. Pas de glace, de crème ni de beurre.',
  pregnancy: 'Allongez-vous sur le côté et appelez maintenant le {number} ou votre maternité. N’attendez pas demain.',
} satisfies Record<EmergencyAdviceKey, string>;
