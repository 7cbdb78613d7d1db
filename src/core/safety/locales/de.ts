import type { EmergencyAdviceKey } from './en.ts';

/** Notfallhinweise, Deutsch ("Sie"). Gleiche Schlüssel und {Platzhalter} wie en.ts. */
export const de = {
  emergency: '🚨 *Das kann ein Notfall sein. Rufen Sie jetzt {number} an.*',
  staffAlerted: 'Unser Praxisteam ist informiert, aber über diesen Chat kann keine Hilfe geschickt werden. Bitte warten Sie hier nicht auf eine Antwort.',
  chestPain: 'Hören Sie mit allem auf und setzen Sie sich hin. Fahren Sie nicht selbst ins Krankenhaus. Wenn Sie allein sind, schließen Sie die Tür auf.',
  stroke: 'Merken Sie sich die Uhrzeit, zu der die Zeichen begonnen haben. Geben Sie nichts zu essen, zu trinken und keine Medikamente.',
  bleeding: 'Drücken Sie fest mit einem sauberen Tuch auf die Wunde und lassen Sie nicht los.',
  breathing: 'Setzen Sie sich aufrecht hin und lockern Sie enge Kleidung. Wenn jemand sich verschluckt hat und nicht husten kann: bis zu 5 kräftige Schläge zwischen die Schulterblätter.',
  unconscious: 'Prüfen Sie, ob die Person normal atmet, und sagen Sie es der Leitstelle: Dort wird Ihnen Schritt für Schritt geholfen.',
  seizure: 'Halten Sie die Person nicht fest und stecken Sie ihr nichts in den Mund. Räumen Sie harte Gegenstände weg und merken Sie sich die Uhrzeit.',
  allergy: 'Benutzen Sie jetzt den Adrenalin-Autoinjektor (z. B. EpiPen), falls verschrieben. Hinlegen und Beine hoch, bei Atemnot aufrecht sitzen.',
  selfHarm: 'Sie sind nicht allein. Bitte rufen Sie jetzt {number} oder ein Krisentelefon an und bleiben Sie bei einem Menschen, dem Sie vertrauen.',
  poisoning: 'Kein Erbrechen auslösen. Heben Sie die Verpackung oder Flasche für den Rettungsdienst auf.',
  infantFever: 'Fieber bei einem jungen Baby braucht dringend ärztliche Hilfe. Warten Sie nicht ab, ob es vorbeigeht.',
  meningitis: 'Warten Sie nicht, bis ein Ausschlag kommt oder es schlimmer wird: Holen Sie jetzt Hilfe.',
  headInjury: 'Lassen Sie die Person ruhig liegen und nicht allein.',
  burn: 'Kühlen Sie die Verbrennung 20 Minuten unter kühlem fließendem Wasser. Kein Eis, keine Cremes, keine Butter.',
  pregnancy: 'Legen Sie sich auf die Seite und rufen Sie jetzt {number} oder Ihren Kreißsaal an. Warten Sie nicht bis morgen.',
} satisfies Record<EmergencyAdviceKey, string>;
