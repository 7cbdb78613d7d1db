import type { EmergencyAdviceKey } from './en.ts';

/** Indicaciones de emergencia, español ("usted"). Mismas claves y {marcadores} que en.ts. */
export const es = {
  emergency: '🚨 *Esto puede ser una emergencia. Llame ahora al {number}.*',
  staffAlerted: 'Hemos avisado al equipo de la clínica, pero por este chat no se puede enviar ayuda. No espere una respuesta aquí.',
  chestPain: 'Deje lo que esté haciendo y siéntese. No conduzca usted mismo al hospital. Si está solo/a, abra la puerta de casa.',
  stroke: 'Anote la hora en que empezaron los síntomas. No le dé comida, bebida ni medicamentos.',
  bleeding: 'Presione con fuerza sobre la herida con un paño limpio y no deje de presionar.',
  breathing: 'Siéntese erguido y afloje la ropa ajustada. Si alguien se atraganta y no puede toser, dele hasta 5 golpes firmes entre los omóplatos.',
  unconscious: 'Compruebe si respira con normalidad y dígaselo a quien atienda la llamada: le guiará paso a paso.',
  seizure: 'No lo sujete ni le ponga nada en la boca. Aparte los objetos duros y anote la hora de inicio.',
  allergy: 'Use ahora el autoinyector de adrenalina (EpiPen) si lo tiene recetado. Túmbese con las piernas en alto, o siéntese si le cuesta respirar.',
  selfHarm: 'No está solo/a. Llame ahora al {number} o a una línea de ayuda en crisis, y quédese con alguien de confianza.',
  poisoning: 'No provoque el vómito. Guarde el envase o la botella para enseñarlo al equipo de emergencias.',
  infantFever: 'La fiebre en un bebé pequeño necesita ayuda médica urgente. No espere a ver si se pasa.',
  meningitis: 'No espere a que salgan manchas o empeore: pida ayuda ahora.',
  headInjury: 'Manténgalo quieto y no lo deje solo.',
  burn: 'Enfríe la quemadura con agua corriente fresca durante 20 minutos. No use hielo, cremas ni mantequilla.',
  pregnancy: 'Túmbese de lado y llame ahora al {number} o a su maternidad. No espere a mañana.',
} satisfies Record<EmergencyAdviceKey, string>;
