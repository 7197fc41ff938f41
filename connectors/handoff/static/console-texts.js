/* Ung Veileder caseworker console: the page's texts (bokmål) for languages, outcomes, message
 * kinds and errors, and which error text an API error gets. */

export const LANG_NAMES = { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' };

export const OUTCOME_NAMES = {
  answered: 'Besvart', referred: 'Henvist videre', handed_back: 'Gitt tilbake til chatboten',
  no_response: 'Ikke svar fra den unge', other: 'Annet',
};

export const KIND_TAGS = {
  crisis: 'Krisesvar', handoff: 'Overføring til veileder', handback: 'Tilbake til chatboten',
  referral: 'Henvisning', pickup: 'Henting med kode',
};

export const ERROR_TEXTS = {
  bad_credentials: 'Feil brukernavn eller passord',
  already_claimed: 'Noen andre tok saken først',
  new_message: 'Den unge har skrevet noe nytt – les det før du avslutter',
  not_yours: 'Du har ikke denne saken (lenger).',
  not_claimed: 'Saken er ikke tatt av deg.',
  closed: 'Saken er allerede avsluttet.',
  forbidden: 'Saken tilhører et team du ikke er med i.',
  unknown_ticket: 'Saken finnes ikke lenger, eller den er flyttet til et team du ikke er med i.',
  invalid_text: 'Teksten må være mellom 1 og 2000 tegn.',
  invalid_note: 'Notatet til teamet kan være høyst 2000 tegn.',
  invalid_team: 'Velg hvilket team saken skal til.',
  invalid_outcome: 'Velg et utfall for saken.',
  invalid_username: 'Fyll inn brukernavn og passord.',
  invalid_password: 'Fyll inn brukernavn og passord.',
  payload_too_large: 'Teksten er for lang.',
  store_unavailable: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
  csrf: 'Sikkerhetsnøkkelen var utløpt. Prøv igjen.',
  network: 'Mistet kontakt med serveren. Sjekk nettet og prøv igjen.',
  timeout: 'Serveren svarte ikke i tide. Prøv igjen.',
};

/** The text for an API error ({status, code}): the code's own, else one by status. */
export function errorText(error) {
  if (error && ERROR_TEXTS[error.code]) return ERROR_TEXTS[error.code];
  const status = error && error.status;
  if (status >= 500) return 'Noe gikk galt på serveren. Prøv igjen om litt.';
  if (status === 413) return ERROR_TEXTS.payload_too_large;
  return 'Noe gikk galt' + (error && error.code ? ' (' + error.code + ')' : '') + '. Prøv igjen.';
}
