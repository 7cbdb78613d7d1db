/**
 * What the patient reads when the safety net fires, English (the reference locale: every
 * other locale has exactly these keys, checked by tsc with `satisfies` and by a test).
 * Short, calm, no diagnosis: "may be", and what to do in the next minutes.
 * Placeholder: {number}, the clinic's emergency number. WhatsApp formatting: *bold*.
 * One advice line per red-flag category (red-flag-rules.ts).
 */
export const en = {
  emergency: '🚨 *This may be an emergency. Call {number} now.*',
  staffAlerted: 'Our clinic team has been alerted, but this chat cannot send help. Please do not wait for a reply here.',
  chestPain: 'Stop what you are doing and sit down. Do not drive yourself to hospital. If you are alone, unlock the door.',
  stroke: 'Note the time the signs started. Do not give food, drink or medicines.',
  bleeding: 'Press firmly on the wound with a clean cloth and keep pressing without lifting it.',
  breathing: 'Sit upright and loosen tight clothing. If someone is choking and cannot cough, give up to 5 firm back blows between the shoulder blades.',
  unconscious: 'Check whether they are breathing normally and tell the call handler: they will guide you through what to do.',
  seizure: 'Do not hold them down or put anything in their mouth. Move hard objects away and note the time it started.',
  allergy: 'Use an adrenaline auto-injector (EpiPen) now if one is prescribed. Lie down with legs raised, or sit up if breathing is hard.',
  selfHarm: 'You are not alone. Please call {number} or a crisis line now, and stay with someone you trust.',
  poisoning: 'Do not make them vomit. Keep the packet or bottle to show the emergency team.',
  infantFever: 'A fever in a young baby needs urgent medical help. Do not wait to see if it passes.',
  meningitis: 'Do not wait for a rash to appear or get worse: get help now.',
  headInjury: 'Keep them still and do not leave them alone.',
  burn: 'Cool the burn under cool running water for 20 minutes. Do not use ice, creams or butter.',
  pregnancy: 'Lie down on your side and call {number} or your maternity unit now. Do not wait until tomorrow.',
};

export type EmergencyAdviceKey = keyof typeof en;
