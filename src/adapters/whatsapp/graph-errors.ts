/**
 * What a Graph API / WhatsApp error means for Hale: may the send be retried automatically, and a
 * sentence staff can read. Decisions key off Meta's `error.code` (HTTP statuses are unreliable,
 * see CLOUD-API.md §4); the HTTP status only decides for codes this table does not know.
 */
export interface GraphErrorClass {
  retryable: boolean;
  reason: string;
}

export interface GraphErrorInput {
  code?: number;
  httpStatus?: number;
  /** Network failure or timeout: the request may not have reached Meta. */
  transport?: boolean;
  /** Meta's `error.is_transient`, when present. Used only for codes this table does not know. */
  isTransient?: boolean;
}

const retry = (reason: string): GraphErrorClass => ({ retryable: true, reason });
const stop = (reason: string): GraphErrorClass => ({ retryable: false, reason });

const templateProblem = 'The message template was rejected by WhatsApp';

const known: ReadonlyMap<number, GraphErrorClass> = new Map([
  [0, stop('WhatsApp refused the clinic\'s access token; an administrator must renew the WhatsApp connection.')],
  [1, stop('WhatsApp reported an unknown problem with the request; the message was not sent.')],
  [2, retry('WhatsApp is temporarily unavailable; the message will be retried.')],
  [3, stop('The clinic\'s WhatsApp app is not allowed to do this; an administrator must check the app\'s permissions.')],
  [4, retry('The clinic\'s WhatsApp app is sending too many requests; the message will be retried shortly.')],
  [10, stop('The clinic\'s WhatsApp account lacks a permission needed to send this; an administrator must check it.')],
  [100, stop('WhatsApp rejected the message as invalid (a wrong or missing field); it was not sent.')],
  [190, stop('The clinic\'s WhatsApp access token has expired; an administrator must renew it before messages can be sent.')],
  [368, stop('WhatsApp has temporarily blocked the clinic\'s account for a policy violation; messages cannot be sent.')],
  [80007, retry('The clinic\'s WhatsApp account reached its rate limit; the message will be retried shortly.')],
  [130429, retry('WhatsApp\'s sending rate limit for the clinic\'s number was reached; the message will be retried shortly.')],
  [130472, stop('WhatsApp did not deliver the message because the patient\'s number is part of a WhatsApp experiment.')],
  [131000, retry('WhatsApp reported an unexpected error; the message will be retried.')],
  [131005, stop('WhatsApp denied access: the clinic\'s account lacks the permission to send messages.')],
  [131008, stop('WhatsApp rejected the message because a required field was missing; it was not sent.')],
  [131009, stop('WhatsApp rejected a value in the message (for example a reaction to a message that is too old or deleted).')],
  [131016, retry('WhatsApp is temporarily overloaded; the message will be retried.')],
  [131021, stop('The message was addressed to the clinic\'s own number.')],
  [131026, stop('The message could not be delivered to this number (not on WhatsApp, old app version, or the patient blocked the clinic).')],
  [131030, stop('This number is not on the allowed list of the clinic\'s WhatsApp test number; add it in Meta\'s dashboard or use the real number.')],
  [131031, stop('WhatsApp has locked the clinic\'s account (policy issue or wrong two-step PIN); messages cannot be sent.')],
  [131042, stop('WhatsApp refused the message because of a billing or payment problem on the clinic\'s account.')],
  [131045, stop('The clinic\'s WhatsApp number is not registered correctly; an administrator must finish its setup.')],
  [131047, stop('More than 24 hours have passed since the patient last wrote; only an approved template can be sent.')],
  [131048, stop('WhatsApp limited the clinic\'s number because too many patients blocked or reported it; sending is paused, check the number\'s quality.')],
  [131049, stop('WhatsApp held back this message to avoid sending the patient too many business messages; try again after 24 hours.')],
  [131050, stop('The patient has stopped marketing messages from the clinic.')],
  [131051, stop('WhatsApp does not support this kind of message.')],
  [131052, stop('WhatsApp could not download the patient\'s file (it may be over 100 MB); ask the patient to send it again.')],
  [131053, stop('WhatsApp could not use the attached file (wrong type or too large); attach a different file.')],
  [131056, retry('Too many messages were sent to this patient in a short time; the message will be retried shortly.')],
  [131057, retry('The clinic\'s WhatsApp account is in brief maintenance; the message will be retried.')],
  [131064, stop('The clinic\'s messaging limit was reduced because of template-category violations; sending is paused for now.')],
  [132000, stop(`${templateProblem}: the number of filled-in values does not match the template.`)],
  [132001, stop(`${templateProblem}: it does not exist in this language or is not approved.`)],
  [132005, stop(`${templateProblem}: the filled-in text is too long.`)],
  [132007, stop(`${templateProblem}: its content breaks WhatsApp's formatting policy.`)],
  [132012, stop(`${templateProblem}: a filled-in value has the wrong format.`)],
  [132015, stop(`${templateProblem}: it is paused because of low quality.`)],
  [132016, stop(`${templateProblem}: it was disabled because of low quality.`)],
  [133004, retry('WhatsApp is temporarily unavailable; the message will be retried.')],
  [133010, stop('The clinic\'s WhatsApp number is not registered with WhatsApp; an administrator must register it.')],
  [135000, stop('WhatsApp rejected the message because of an unknown problem with it; it was not sent.')],
]);

export function classifyGraphError(input: GraphErrorInput): GraphErrorClass {
  const { code, httpStatus } = input;
  if (code !== undefined) {
    const entry = known.get(code);
    if (entry !== undefined) return entry;
    if (code >= 132000 && code <= 132999) return stop(`${templateProblem} (WhatsApp error ${code}).`);
    if (code >= 200 && code <= 299) return known.get(10) as GraphErrorClass;
  }
  if (input.transport === true) {
    return retry('WhatsApp could not be reached (network problem or timeout); the message will be retried.');
  }
  const suffix = code === undefined ? (httpStatus === undefined ? '' : ` (HTTP ${httpStatus})`) : ` (WhatsApp error ${code})`;
  if (input.isTransient === true || (httpStatus !== undefined && httpStatus >= 500) || httpStatus === 429) {
    return retry(`WhatsApp had a temporary problem${suffix}; the message will be retried.`);
  }
  return stop(`WhatsApp refused the message${suffix}; it was not sent.`);
}
