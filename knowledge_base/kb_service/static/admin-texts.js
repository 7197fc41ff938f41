/* Ung Veileder content-owner pages: the page's texts (bokmål): names of statuses, roles,
 * directorates and audit events, and the Norwegian for every error the server can send. */
import { ApiError } from './admin-api.js';
import { formatCount, formatMegabytes, num } from './admin-format.js';

const { str, isObj, arr } = window.Staff;

export const STATUS_NAMES = { draft: 'Utkast', in_review: 'Til gjennomgang', published: 'Publisert', archived: 'Arkivert' };
const ROLE_NAMES = { admin: 'Administrator', editor: 'Redaktør', reviewer: 'Godkjenner' };
export const CHECKED_NAMES = { verified: 'Bekreftet', dated: 'Kan være utdatert', uncertain: 'Usikkert' };
export const KIND_NAMES = { not_confident: 'Ikke sikker', thumbs_down: 'Tommel ned', handoff: 'Sendt til veileder' };
const DIRECTORATE_NAMES = {
  arbeidstilsynet: 'Arbeidstilsynet', barneombudet: 'Barneombudet', bufdir: 'Bufdir',
  fylkeskommune: 'Fylkeskommunen', helsedir: 'Helsedirektoratet', hkdir: 'HK-dir', imdi: 'IMDi',
  justis: 'Justissektoren', kommune: 'Kommunen', lanekassen: 'Lånekassen', nav: 'NAV',
  ngo: 'Frivillige organisasjoner', politiet: 'Politiet', skatteetaten: 'Skatteetaten',
  statsforvalteren: 'Statsforvalteren', udir: 'Udir', vegvesen: 'Statens vegvesen',
};
// The audit log's and the versions' events, by their `code` (store.py's AUDIT_CODES).
const ACTION_NAMES = {
  seed: 'Lastet fra innholdsfilene', create: 'Opprettet', edit: 'Endret', submit: 'Sendt til gjennomgang',
  reject: 'Sendt tilbake', publish: 'Publisert', archive: 'Arkivert', revert: 'Gjenopprettet',
  add_user: 'La til bruker', attach_question: 'La til formulering', dismiss_question: 'Avviste spørsmål',
  login_throttled: 'Innlogging stoppet etter for mange forsøk',
};
export const DONE_TEXTS = {
  save: 'Lagret.',
  create: 'Lagret som nytt utkast.',
  submit: 'Sendt til gjennomgang.',
  publish: 'Publisert. Chatboten bruker den nye versjonen nå.',
  reject: 'Sendt tilbake til redaktøren som utkast.',
  archive: 'Arkivert. Chatboten bruker ikke artikkelen lenger.',
};

export const statusName = (status) => STATUS_NAMES[status] || str(status) || '–';
export const roleName = (role) => ROLE_NAMES[role] || str(role);
const checkedName = (level) => CHECKED_NAMES[level] || str(level);
export const directorateName = (id) => DIRECTORATE_NAMES[id] || str(id);

// An audit event or a version (store.py) says what happened as a `code` and its fields (status,
// version, restored_version, count, username, role, group_id), worded here. A record written
// before the codes has only the server's English `action` and `detail`: shown as they are.
const has = (value) => value !== undefined && value !== null && value !== '' && Number.isFinite(num(value));

/** What happened: the name of the record's code, or its stored text when it has none. */
export function actionName(record) {
  const code = str(record.code);
  if (!code) return str(record.action);
  if (code === 'revert' && has(record.restored_version)) return `Gjenopprettet versjon ${formatCount(record.restored_version)}`;
  return ACTION_NAMES[code] || code;
}

// Each code's detail from its fields; null when a field it needs is missing.
const statusDetail = (r) => (STATUS_NAMES[r.status] ? `Status: ${STATUS_NAMES[r.status]}` : null);
const AUDIT_DETAILS = {
  seed: (r) => (has(r.count) ? `${formatCount(r.count)} artikler` : null),
  create: statusDetail, edit: statusDetail, submit: statusDetail, reject: statusDetail, revert: statusDetail,
  publish: (r) => (has(r.version) ? `Versjon ${formatCount(r.version)}` : null),
  archive: () => '',
  add_user: (r) => (r.username ? `${str(r.username)} (${roleName(str(r.role))})` : null),
  attach_question: (r) => (r.group_id ? `Spørsmålsgruppe ${str(r.group_id)}` : null),
  dismiss_question: (r) => (r.group_id ? `Spørsmålsgruppe ${str(r.group_id)}` : null),
  login_throttled: () => '',
};

/** More about an audit event, from its code's fields; else its stored text as it is. */
export function auditDetail(record) {
  const detail = AUDIT_DETAILS[str(record.code)];
  const worded = detail ? detail(record) : null;
  return worded === null ? str(record.detail) : worded;
}

// Norwegian for every error the server can send: an error's `reason` (errors.py and the places
// that raise; a reason the server leaves out is the error's `code`, its kind), each invalid
// field's `code` (pydantic's error type, or content.py's and import_export.py's own), and this
// page's own `network` and `timeout`. A function gets the `params` and the field's name.
const TEXTS = {
  // This page's own
  network: 'Fikk ikke kontakt med serveren. Sjekk nettet og prøv igjen.',
  timeout: 'Serveren svarte ikke i tide. Prøv igjen.',
  not_found: 'Finnes ikke på serveren (404).',

  // Kinds (`code`), and the reason when the server names no other
  unauthorized: 'Du er ikke logget inn lenger. Logg inn på nytt.',
  forbidden: 'Du har ikke tilgang til å gjøre dette.',
  conflict: 'Det går ikke an slik artikkelen står nå. Kanskje noen andre har endret den – last siden på nytt.',
  entry_not_found: 'Fant ikke artikkelen.',
  entry_invalid: 'Noe må rettes. Se meldingene ved feltene.',
  invalid_request: 'Serveren avviste forespørselen.',
  invalid_query: 'Serveren avviste forespørselen.',
  malformed_json: 'Serveren kunne ikke lese det som ble sendt.',
  payload_too_large: 'Innholdet er for stort til å sendes.',
  too_many_requests: 'For mange forsøk. Vent litt og prøv igjen.',
  store_unavailable: 'Innholdslageret er utilgjengelig akkurat nå. Prøv igjen om litt.',
  internal_error: 'Noe gikk galt hos oss. Prøv igjen.',
  // Sanic's own errors carry the exception's name as their code.
  NotFound: 'Finnes ikke på serveren (404).',
  PayloadTooLarge: 'Innholdet er for stort til å sendes.',

  // Reasons: logging in
  wrong_credentials: 'Feil brukernavn eller passord.',
  login_required: 'Økten er utløpt. Logg inn på nytt.',
  session_expired: 'Økten er utløpt. Logg inn på nytt.',
  too_many_logins: 'For mange mislykkede innlogginger. Vent litt og prøv igjen.',
  // Reasons: the workflow (workflow.py)
  role_cannot: (p) => `Rollen ${roleName(str(p.role)).toLowerCase()} kan ikke gjøre dette (${str(p.action)}).`,
  directorate_not_covered: (p) => `Du jobber ikke med artiklene til ${directorateName(str(p.directorate))}.`,
  status_forbids: (p) => `Det går ikke an nå: artikkelen har status «${statusName(str(p.status))}». Last siden på nytt og se om noen andre har endret den.`,
  author_cannot_publish: 'Den som skrev endringen, kan ikke publisere den selv. En annen godkjenner må gjøre det.',
  // Reasons: entries
  entry_exists: 'Det finnes allerede en artikkel med denne ID-en.',
  id_immutable: 'ID-en til en artikkel kan ikke endres.',
  unknown_action: (p) => `Serveren kjenner ikke handlingen «${str(p.action)}».`,
  version_without_content: 'Denne versjonen har ikke innhold som kan gjenopprettes.',
  bad_version_range: 'Versjonene må oppgis som tall.',
  no_such_version: 'Versjonen finnes ikke.',
  // Reasons: unanswered questions
  group_not_found: 'Fant ikke spørsmålsgruppen. Kanskje noen andre har behandlet den – last siden på nytt.',
  phrasing_exists: 'Artikkelen har denne formuleringen allerede.',
  // Reasons: users
  admins_only: 'Bare administratorer kan se og legge til brukere.',
  // The server does not say which of the two it refused, so the text names both rules.
  weak_credentials: (p) => (p.field === 'password'
    ? `Passordet må ha minst ${num(p.min_chars) || 10} tegn.`
    : 'Brukernavnet må ha 2–40 tegn: a–z, 0–9, punktum, understrek eller bindestrek.'),
  files_only: 'Kunnskapsbasen kjører bare fra filer (uten innholdslager), så innhold kan ikke redigeres her.',
  unknown_role: 'Velg en rolle.',
  unknown_directorates: 'Velg minst ett direktorat (bare administratorer kan være uten).',
  directorates_not_list: 'Velg direktorater i listen.',
  // Reasons: CSV import
  csv_not_utf8: 'CSV-filen må være lagret som UTF-8.',
  csv_missing_columns: (p) => `CSV-filen mangler kolonnene ${arr(p.columns).map(str).join(', ')}.`,
  csv_too_large: (p) => `CSV-filen er for stor (over ${formatMegabytes(p.max_bytes)}).`,

  // Field codes: pydantic's error types
  missing: 'Må fylles ut.',
  string_too_short: (p) => (num(p.min_length) > 1 ? `Må ha minst ${p.min_length} tegn.` : 'Må fylles ut.'),
  string_too_long: (p) => `Kan ha høyst ${p.max_length} tegn.`,
  too_short: (p) => `Trenger minst ${p.min_length}, nå er det ${p.actual_length}.`,
  string_pattern_mismatch: (p) => (/^\^https/.test(str(p.pattern))
    ? 'Må være en hel adresse som begynner med https://, uten mellomrom.'
    : 'Bare små bokstaver a–z, tall og enkle bindestreker (ikke først eller sist).'),
  literal_error: (p, name) => (name === 'checked' ? 'Velg hvor sikre faktaene er.' : `Velg en av disse: ${str(p.expected)}.`),
  date_type: 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD).',
  date_parsing: 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD).',
  date_from_datetime_parsing: 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD).',
  date_from_datetime_inexact: 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD).',
  string_type: 'Har feil form.',
  list_type: 'Har feil form.',
  tuple_type: 'Har feil form.',
  dict_type: 'Har feil form.',
  model_type: 'Har feil form.',
  extra_forbidden: 'Ukjent felt.',
  // Field codes: the content's own rules (content.py, import_export.py)
  phrasing_blank: 'Formuleringene kan ikke være tomme.',
  unknown_service: 'Ukjent tjeneste. Velg en tjeneste i listen.',
  wrong_directorate: (p) => `Tjenesten tilhører ${directorateName(str(p.owner))}, ikke ${directorateName(str(p.directorate))}.`,
  checked_disagrees: (p) => `Tjenestekatalogen sier «${checkedName(str(p.catalogue))}» for denne tjenesten. Velg det.`,
  not_an_object: 'Artikkelen har feil form.',
  not_json_list: 'Må være en liste i JSON-format.',
};

// Reasons about one field of a form (the entry form or the user form): shown next to it too.
const REASON_FIELDS = {
  entry_exists: ['id'], id_immutable: ['id'],
  weak_credentials: ['username', 'password'], unknown_role: ['role'],
  unknown_directorates: ['directorates'], directorates_not_list: ['directorates'],
};

/** The Norwegian text for a reason or field code, or null when the page has none. */
function textFor(code, params, fieldName) {
  const text = Object.prototype.hasOwnProperty.call(TEXTS, code) ? TEXTS[code] : undefined;
  if (text === undefined) return null;
  return typeof text === 'function' ? text(isObj(params) ? params : {}, str(fieldName)) : text;
}

/** The Norwegian text for one invalid field ({field, code, params}). */
export function fieldText(problem) {
  return textFor(problem.code, problem.params, str(problem.field).split('.').pop())
    || `Verdien er ikke gyldig (feilkode: ${problem.code || 'ukjent'}).`;
}

/** The Norwegian text for an error. */
export function describeError(err) {
  if (!(err instanceof ApiError)) {
    console.error(err);  // a bug on this page, not a server answer
    return 'Noe gikk galt på siden. Last siden på nytt og prøv igjen.';
  }
  const known = textFor(err.reason, err.params);
  if (known) return known;
  // A reason this page does not know yet: the text for its kind, or a general one, and the reason.
  const base = textFor(err.code, err.params) || (err.status ? `Serveren svarte med en feil (${err.status}).` : TEXTS.network);
  return `${base} Feilkode: ${err.reason}.`;
}

/** The form fields an error is about (REASON_FIELDS), among `known`. */
export function reasonFields(err, known) {
  if (!(err instanceof ApiError)) return [];
  // A reason about one of several fields names it in params.field (weak_credentials).
  const named = typeof err.params.field === 'string' ? [err.params.field] : null;
  return arr(named || REASON_FIELDS[err.reason]).filter((name) => known.includes(name));
}
