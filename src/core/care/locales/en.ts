/**
 * What the patient reads in the care flows (refill requests, documents, payment links, visit
 * feedback), English: the reference locale. Every other locale has exactly these keys (tsc with
 * `satisfies`, and a test). Placeholders: {medication}, {reason}, {category}, {service},
 * {clinic}, {date}, {link}. Button titles ≤ 20 characters, list rows ≤ 24.
 *
 * Keyword lists (`*Words`) are `|`-separated phrases, matched on whole words after accents and
 * punctuation are removed. Never a sale or a promotion of medicines (WhatsApp commerce policy).
 */
export const en = {
  menuRow: 'Medication refill',
  menuRowDescription: 'Ask for more of a medicine',
  refillChoose: 'Which medicine do you need a refill of?',
  refillChooseButton: 'Medicines',
  refillOtherRow: 'Another medicine',
  refillOtherDescription: 'Write its name and dose',
  refillDescribe: 'Please write the name and dose of the medicine, for example *metformin 850 mg*.',
  refillSent: 'Thank you. I have passed your refill request for *{medication}* to your care team. They will review it and answer here. New medicines need an appointment.',
  refillApproved: '✅ Your care team approved your refill request for *{medication}*.{reason}',
  refillDeclined: 'Your care team could not approve your refill request for *{medication}*.{reason}\n\nIf you have questions, write to us here.',
  refillBook: 'Your care team would like to see you before renewing *{medication}*.{reason}\n\nTap *Book appointment* to choose a time.',
  refillReason: '\n\nNote from your care team: {reason}',
  refillBookButton: 'Book appointment',
  refillStrongWords: 'refill|refills|repeat prescription|renew my prescription|renew prescription|prescription renewal|new prescription',
  refillWeakWords: 'need more|run out|ran out|running out|out of my|almost out|more pills|more tablets|more medicine|more medication',
  medicineWords: 'pills|tablets|medicine|medication|meds|inhaler|insulin|capsules|prescription',
  documentReceived: 'Thank you, we received your file and added it to your record. Our team will look at it.',
  documentAskCategory: 'What is this file?',
  documentCategoryButton: 'File type',
  documentCategorySaved: 'Thank you, saved as *{category}*.',
  documentNoConsent: 'Thank you for the file. Without your agreement to keep your details I cannot keep files, so I have not saved it. If you agree below, please send it again.',
  category_insurance_card: 'Insurance card',
  category_referral: 'Referral letter',
  category_report: 'Report or results',
  category_other: 'Something else',
  insuranceWords: 'insurance|insurance card|health card|insurer|policy|ehic',
  referralWords: 'referral|referral letter|referred|doctor letter',
  reportWords: 'report|results|result|lab|blood test|discharge|scan|x ray|xray|mri|letter from hospital',
  paymentLink: 'You can pay for your appointment ({service}, {date}) securely on this page: {link}\n\nPlease never send card details in this chat.',
  surveyQuestion: 'Thank you for visiting {clinic} ({service}). How was your visit? Please rate it from 1 (very poor) to 5 (excellent).',
  surveyButton: 'Rate',
  surveyStartButton: 'Rate my visit',
  rating1: '1 – Very poor',
  rating2: '2 – Poor',
  rating3: '3 – Okay',
  rating4: '4 – Good',
  rating5: '5 – Excellent',
  surveyCommentAsk: 'Thank you! Would you like to tell us more? Write a short comment, or tap *No comment*.',
  surveySkipButton: 'No comment',
  surveyThanks: 'Thank you for your feedback, it helps us improve.',
  surveyThanksFollowUp: 'Thank you for telling us. We are sorry your visit was not better: someone from our team will get in touch with you.',
  surveyNameFallback: 'there',
};

export type CareTextKey = keyof typeof en;
