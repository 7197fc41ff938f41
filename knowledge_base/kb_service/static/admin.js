/* Ung Veileder content-owner pages: the browser side of the /v1/admin API (routes/admin.py).
 * Plain JS, no build step, no framework. Runs under a strict CSP (no inline script or style).
 * SECURITY: everything the server sends (entries, questions young people asked, user names) is put
 * on the page with createElement/textContent/value only. Nothing is parsed as HTML, and the only
 * hrefs set from data are same-page hash links built from encodeURIComponent(entry id). */
(() => {
'use strict';

// --- Configuration ---------------------------------------------------------------------------
const API = '/v1/admin';
const TOKEN_KEY = 'uvadmin.token';
const REQUEST_TIMEOUT_MS = 20000;
const STATUS_CLEAR_MS = 12000;
const MAX_ANSWER_CHARS = 500;
const MIN_PHRASINGS = 6;
const MAX_CSV_BYTES = 5 * 1024 * 1024;
const ENTRY_FIELDS = [
  'id', 'service', 'directorate', 'topic', 'title', 'title_nn', 'title_en', 'question', 'phrasings',
  'answer', 'answer_nn', 'answer_en', 'links', 'contact', 'checked', 'updated',
];
const OPTIONAL_FIELDS = ['title_nn', 'title_en', 'answer_nn', 'answer_en', 'contact'];
const ANSWER_FIELDS = ['answer', 'answer_nn', 'answer_en'];

// --- UI texts (bokmål) -----------------------------------------------------------------------
const STATUS_NAMES = { draft: 'Utkast', in_review: 'Til gjennomgang', published: 'Publisert', archived: 'Arkivert' };
const ROLE_NAMES = { admin: 'Administrator', editor: 'Redaktør', reviewer: 'Godkjenner' };
const CHECKED_NAMES = { verified: 'Bekreftet', dated: 'Kan være utdatert', uncertain: 'Usikkert' };
const KIND_NAMES = { not_confident: 'Ikke sikker', thumbs_down: 'Tommel ned', handoff: 'Sendt til veileder' };
const DIRECTORATE_NAMES = {
  arbeidstilsynet: 'Arbeidstilsynet', barneombudet: 'Barneombudet', bufdir: 'Bufdir',
  fylkeskommune: 'Fylkeskommunen', helsedir: 'Helsedirektoratet', hkdir: 'HK-dir', imdi: 'IMDi',
  justis: 'Justissektoren', kommune: 'Kommunen', lanekassen: 'Lånekassen', nav: 'NAV',
  ngo: 'Frivillige organisasjoner', politiet: 'Politiet', skatteetaten: 'Skatteetaten',
  statsforvalteren: 'Statsforvalteren', udir: 'Udir', vegvesen: 'Statens vegvesen',
};
const ACTION_NAMES = {
  seed: 'Lastet fra innholdsfilene', create: 'Opprettet', edit: 'Endret', submit: 'Sendt til gjennomgang',
  reject: 'Sendt tilbake', publish: 'Publisert', archive: 'Arkivert', revert: 'Gjenopprettet',
  add_user: 'La til bruker', attach: 'La til formulering', dismiss: 'Avviste spørsmål', import: 'Importerte',
};
const DONE_TEXTS = {
  save: 'Lagret.',
  create: 'Lagret som nytt utkast.',
  submit: 'Sendt til gjennomgang.',
  publish: 'Publisert. Chatboten bruker den nye versjonen nå.',
  reject: 'Sendt tilbake til redaktøren som utkast.',
  archive: 'Arkivert. Chatboten bruker ikke artikkelen lenger.',
};
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
function fieldText(problem) {
  return textFor(problem.code, problem.params, str(problem.field).split('.').pop())
    || `Verdien er ikke gyldig (feilkode: ${problem.code || 'ukjent'}).`;
}

// --- Small helpers (the DOM and fetch helpers are common/staff/staff.js) -----------------------
const { $, el, clear, str, isObj, arr, readJson, request } = window.Staff;
const enc = encodeURIComponent;
const num = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : Number(value));
const charCount = (text) => Array.from(text).length;   // code points, as the server counts them

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (err) { return text; }
}

const statusName = (status) => STATUS_NAMES[status] || str(status) || '–';
const roleName = (role) => ROLE_NAMES[role] || str(role);
const checkedName = (level) => CHECKED_NAMES[level] || str(level);
const directorateName = (id) => DIRECTORATE_NAMES[id] || str(id);

function serviceName(id) {
  const service = state.serviceById.get(id);
  return service && service.name ? str(service.name) : str(id);
}

function actionName(action) {
  const text = str(action);
  const revert = /^revert to version (\d+)$/.exec(text);
  if (revert) return `Gjenopprettet versjon ${revert[1]}`;
  return ACTION_NAMES[text] || text;
}

function auditDetail(detail) {
  const text = str(detail);
  if (STATUS_NAMES[text]) return `Status: ${STATUS_NAMES[text]}`;
  const version = /^version (\d+)$/.exec(text);
  if (version) return `Versjon ${version[1]}`;
  const entries = /^(\d+) entries$/.exec(text);
  if (entries) return `${entries[1]} artikler`;
  return text;
}

const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short' });
const integer = new Intl.NumberFormat('nb-NO');
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });

/** A Date from epoch ms, epoch seconds or an ISO string; null when there is none. */
function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const n = num(value);
  let date;
  if (Number.isFinite(n)) date = new Date(n < 1e11 ? n * 1000 : n);
  else date = new Date(str(value));
  return Number.isNaN(date.getTime()) || (Number.isFinite(n) && n <= 0) ? null : date;
}

function formatWhen(value) {
  const date = toDate(value);
  return date ? dateTime.format(date) : '–';
}

function formatCount(value) {
  const n = num(value);
  return Number.isFinite(n) ? integer.format(n) : '–';
}

function formatShare(value) {
  if (value === null || value === undefined || value === '') return '–';
  const n = num(value);
  return Number.isFinite(n) ? percent.format(n) : '–';
}

function formatMegabytes(bytes) {
  const n = num(bytes);
  return Number.isFinite(n) ? `${integer.format(Math.round(n / (1024 * 1024)))} MB` : 'grensen';
}

function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function loadToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (err) { return ''; }
}

function saveToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (err) { /* storage disabled: the token lives in memory only */ }
}

function badge(status) {
  const span = el('span', 'badge badge-' + (STATUS_NAMES[status] ? status : 'unknown'), statusName(status));
  return span;
}

/** A table cell with text or a node. */
function cell(row, content, className) {
  const td = el('td', className);
  if (content instanceof Node) td.appendChild(content);
  else td.textContent = str(content);
  row.appendChild(td);
  return td;
}

function entryHref(id) {
  return '#/entry/' + enc(id);
}

// --- Page elements ---------------------------------------------------------------------------
const ui = {
  loading: $('loading'),
  loginView: $('login-view'), loginHeading: $('login-heading'), loginForm: $('login-form'),
  username: $('username'), password: $('password'), loginButton: $('login-button'),
  loginError: $('login-error'), loginStatus: $('login-status'),
  appView: $('app-view'), whoami: $('whoami'), meName: $('me-name'), meRole: $('me-role'), meDirs: $('me-dirs'),
  logout: $('logout'), nav: $('main-nav'), navNewItem: $('nav-new-item'), navUsersItem: $('nav-users-item'),
  appError: $('app-error'), appStatus: $('app-status'),
  // entry list
  statusFilter: $('status-filter'), textFilter: $('text-filter'), newEntryLink: $('new-entry-link'),
  entriesCount: $('entries-count'), entriesBody: $('entries-body'), entriesEmpty: $('entries-empty'),
  exportCsv: $('export-csv'), importForm: $('import-form'), importFile: $('import-file'),
  importButton: $('import-csv'), importError: $('e-import'),
  // entry
  entryView: $('view-entry'), entryHeading: $('entry-heading'), entryState: $('entry-state'), entryHint: $('entry-hint'),
  publishedPanel: $('published-panel'), publishedFields: $('published-fields'),
  form: $('entry-form'), formHeading: $('form-heading'), actionsHint: $('actions-hint'), formLive: $('form-live'),
  save: $('save'), submit: $('submit'), publish: $('publish'), reject: $('reject'), archive: $('archive'),
  discard: $('discard'),
  versionsSection: $('versions-section'), versionsBody: $('versions-body'), versionsEmpty: $('versions-empty'),
  diffPanel: $('diff-panel'), diffHeading: $('diff-heading'), diff: $('diff'), diffClose: $('diff-close'),
  entryAuditSection: $('entry-audit-section'), entryAuditBody: $('entry-audit-body'), entryAuditEmpty: $('entry-audit-empty'),
  // insights
  insightsHeading: $('insights-heading'), insightsDirectorate: $('insights-directorate'), insightsCount: $('insights-count'),
  insightsList: $('insights-list'), insightsEmpty: $('insights-empty'), entryIds: $('entry-ids'),
  // stats
  statsBody: $('stats-body'), statsEmpty: $('stats-empty'),
  // audit
  auditFilter: $('audit-filter'), auditEntry: $('audit-entry'), auditBody: $('audit-body'), auditEmpty: $('audit-empty'),
  // users
  usersDenied: $('users-denied'), usersContent: $('users-content'), usersBody: $('users-body'),
  userForm: $('user-form'), userUsername: $('u-username'), userPassword: $('u-password'), userRole: $('u-role'),
  userDirectorates: $('u-directorates'), userCreate: $('user-create'),
};
const field = (name) => $('f-' + name);
const fieldError = (name) => $('e-' + name);
const ACTION_BUTTONS = [ui.save, ui.submit, ui.publish, ui.reject, ui.archive, ui.discard];

const VIEWS = {
  entries: { view: 'view-entries', nav: 'entries', title: 'Artikler' },
  entry: { view: 'view-entry', nav: 'entries', title: 'Artikkel' },
  new: { view: 'view-entry', nav: 'new', title: 'Ny artikkel' },
  insights: { view: 'view-insights', nav: 'insights', title: 'Ubesvarte spørsmål' },
  stats: { view: 'view-stats', nav: 'stats', title: 'Statistikk' },
  audit: { view: 'view-audit', nav: 'audit', title: 'Logg' },
  users: { view: 'view-users', nav: 'users', title: 'Brukere' },
  notfound: { view: 'view-notfound', nav: '', title: 'Fant ikke siden' },
};
const BASE_TITLE = 'Ung Veileder innhold';

// --- State (memory, plus the token in sessionStorage) ----------------------------------------
const state = {
  token: loadToken(),
  user: null,                // {username, role, directorates, roleActions}
  directorates: [],          // every directorate (from /me)
  services: [],              // [{id, name, owner}]
  serviceById: new Map(),
  gen: 0,                    // bumped on every route render and on logout: late answers are dropped
  listSeq: 0,
  list: { status: '', text: '', rows: [] },
  entryIndex: null,          // every entry the user sees (for the datalist and defaults)
  entry: null,               // the open entry: {mode, id, published, working, state, snapshot, versions}
  busy: false,
  prefill: null,             // values for the next "new entry" form (from an unanswered question)
  pending: null,             // a confirmation to show once the next page has rendered
  knownChecked: new Map(),   // service id -> its "checked" level, learned from entries and errors
  checkedTouched: false,
  returnTo: '',
  filledOnce: { insights: false, users: false },
};

// --- API -------------------------------------------------------------------------------------
/** A refused or failed call: `code` is the kind, `reason` what exactly went wrong (the code when
 * the server names nothing more exact), `params` its details, `fields` each invalid field as
 * {field, code, params, row, column}. The server's English `message` is kept for the console only. */
class ApiError extends Error {
  constructor(status, code, { reason, params, message, fields } = {}) {
    super(message || reason || code);
    this.status = status;
    this.code = code;
    this.reason = reason || code;
    this.params = isObj(params) ? params : {};
    this.fields = fields || [];
    this.handled = false;
  }
}

/**
 * Call the admin API. opts: json (a body to send as JSON), text + contentType (a raw body),
 * noAuth (login), quiet401 (do not jump to the login form), download (return {blob, filename}).
 */
async function api(method, path, opts = {}) {
  const headers = { Accept: opts.download ? 'text/csv, */*' : 'application/json' };
  if (!opts.noAuth && state.token) headers.Authorization = 'Bearer ' + state.token;
  let body;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.text !== undefined) {
    headers['Content-Type'] = opts.contentType || 'text/plain; charset=utf-8';
    body = opts.text;
  }
  // A download's body is the file (read within the time limit); anything else's is JSON.
  const read = opts.download
    ? async (response) => (response.ok
      ? { blob: await response.blob(), filename: downloadName(response.headers.get('content-disposition')) }
      : readJson(response))
    : readJson;
  const { response, status, data, error, failure } = await request(
    API + path, { method, headers, body, credentials: 'omit' }, { timeoutMs: REQUEST_TIMEOUT_MS, read });
  if (failure) throw new ApiError(0, failure);
  if (response.ok && opts.download) return data;
  if (response.ok) return isObj(data) ? data : {};
  const code = str(error.code) || (status === 404 ? 'not_found' : 'http_' + status);
  const fields = arr(error.fields).filter(isObj).map((f) => ({
    field: str(f.field), code: str(f.code), params: isObj(f.params) ? f.params : {}, row: num(f.row) || 0, column: str(f.column),
  }));
  const refusal = new ApiError(status, code, {
    reason: str(error.reason), params: error.params, message: str(error.message), fields,
  });
  if (status === 401 && !opts.noAuth) {
    if (!opts.quiet401) handleUnauthorized();
    refusal.handled = true;
  }
  throw refusal;
}

function downloadName(disposition) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || '');
  const name = match ? match[1].replace(/[^\w.-]/g, '_') : '';
  return name || 'kb-entries.csv';
}

/** The Norwegian text for an error. */
function describeError(err) {
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
function reasonFields(err, known) {
  if (!(err instanceof ApiError)) return [];
  // A reason about one of several fields names it in params.field (weak_credentials).
  const named = typeof err.params.field === 'string' ? [err.params.field] : null;
  return arr(named || REASON_FIELDS[err.reason]).filter((name) => known.includes(name));
}

// --- Messages --------------------------------------------------------------------------------
let statusTimer = 0;

/** A confirmation in the role=status region; `link` = {href, text} for a follow-up. */
function setStatus(text, link) {
  clearTimeout(statusTimer);
  clear(ui.appStatus);
  if (!text) return;
  const p = el('p', null, text);
  if (link) {
    p.appendChild(document.createTextNode(' '));
    const a = el('a', null, link.text);
    a.href = link.href;
    p.appendChild(a);
  }
  ui.appStatus.appendChild(p);
  statusTimer = setTimeout(() => clear(ui.appStatus), STATUS_CLEAR_MS);
}

/** An error in the role=alert banner, with an optional list of details. */
function setError(text, details) {
  clear(ui.appError);
  if (!text) return;
  ui.appError.appendChild(el('p', null, text));
  const items = arr(details).filter(Boolean);
  if (items.length) {
    const ul = el('ul', 'error-list');
    for (const item of items) ul.appendChild(el('li', null, item));
    ui.appError.appendChild(ul);
  }
}

function showError(err) {
  if (err && err.handled) return;
  setError(describeError(err));
}

function clearMessages() {
  setError('');
  setStatus('');
}

// --- Login and session -----------------------------------------------------------------------
function handleUnauthorized(message) {
  state.token = '';
  saveToken('');
  state.user = null;
  state.gen++;
  if (location.hash && location.hash !== '#/') state.returnTo = location.hash;
  showLogin(message === undefined ? 'Økten er utløpt. Logg inn på nytt.' : message, '');
}

function showLogin(errorText, statusText) {
  resetApp();
  ui.loading.hidden = true;
  ui.appView.hidden = true;
  ui.whoami.hidden = true;
  ui.nav.hidden = true;
  ui.loginView.hidden = false;
  ui.loginError.textContent = errorText || '';
  ui.loginStatus.textContent = statusText || '';
  ui.loginButton.disabled = false;
  document.title = 'Logg inn – ' + BASE_TITLE;
  (ui.username.value ? ui.password : ui.username).focus();
}

function showApp() {
  const user = state.user;
  ui.loading.hidden = true;
  ui.loginView.hidden = true;
  ui.loginError.textContent = '';
  ui.loginStatus.textContent = '';
  ui.appView.hidden = false;
  ui.whoami.hidden = false;
  ui.nav.hidden = false;
  ui.meName.textContent = user.username;
  ui.meRole.textContent = roleName(user.role);
  const dirs = user.directorates.map(directorateName);
  ui.meDirs.textContent = dirs.length ? dirs.join(', ') : (user.role === 'admin' ? 'alle direktorater' : 'ingen direktorater');
  ui.navUsersItem.hidden = user.role !== 'admin';
  ui.navNewItem.hidden = !roleMay('create');
  ui.newEntryLink.hidden = !roleMay('create');
  ui.importForm.hidden = !roleMay('create');
}

async function loadMe() {
  const data = await api('GET', '/me');
  const user = isObj(data.user) ? data.user : {};
  state.user = {
    username: str(user.username),
    role: str(user.role),
    directorates: arr(user.directorates).map(str),
    roleActions: arr(user.role_actions).map(str),
  };
  state.directorates = arr(data.directorates).map(str);
  state.services = arr(data.services).filter(isObj).map((s) => ({
    id: str(s.id), name: str(s.name) || str(s.id), owner: str(s.owner), checked: str(s.checked),
  })).filter((s) => s.id);
  state.serviceById = new Map(state.services.map((s) => [s.id, s]));
  for (const s of state.services) if (CHECKED_NAMES[s.checked]) state.knownChecked.set(s.id, s.checked);
}

async function onLogin(event) {
  event.preventDefault();
  const username = ui.username.value.trim().toLowerCase();
  const password = ui.password.value;
  ui.loginStatus.textContent = '';
  if (!username || !password) {
    ui.loginError.textContent = 'Fyll inn brukernavn og passord.';
    (username ? ui.password : ui.username).focus();
    return;
  }
  ui.loginError.textContent = '';
  ui.loginButton.disabled = true;
  try {
    const data = await api('POST', '/login', { json: { username, password }, noAuth: true });
    state.token = str(data.token);
    saveToken(state.token);
    ui.password.value = '';
    await loadMe();
    showApp();
    const target = state.returnTo || location.hash || '#/entries';
    state.returnTo = '';
    navigate(target === '#' || target === '#/' ? '#/entries' : target);
  } catch (err) {
    ui.password.value = '';
    if (err.handled) return;
    ui.loginError.textContent = describeError(err);
    ui.password.focus();
  } finally {
    ui.loginButton.disabled = false;
  }
}

async function onLogout() {
  try {
    await api('POST', '/logout', { quiet401: true });
  } catch (err) { /* logged out either way */ }
  state.token = '';
  saveToken('');
  state.user = null;
  state.gen++;
  state.returnTo = '';
  // The next person to log in here starts at the entry list, not on this user's last page.
  history.replaceState(null, '', location.pathname + location.search);
  showLogin('', 'Du er logget ut.');
}

/** Forget everything the last user saw. */
function resetApp() {
  clearMessages();
  state.list = { status: '', text: '', rows: [] };
  state.entryIndex = null;
  state.entry = null;
  state.prefill = null;
  state.pending = null;
  state.knownChecked = new Map();
  state.filledOnce = { insights: false, users: false };
  for (const body of [ui.entriesBody, ui.versionsBody, ui.entryAuditBody, ui.insightsList, ui.statsBody,
    ui.auditBody, ui.usersBody, ui.userDirectorates, ui.entryIds, ui.publishedFields, ui.diff, ui.entryState]) {
    clear(body);
  }
  ui.form.reset();
  ui.userForm.reset();
  ui.importForm.reset();
  ui.auditFilter.reset();
  ui.textFilter.value = '';
  ui.statusFilter.value = '';
  clear(ui.importError);
  for (const view of document.querySelectorAll('.view')) view.hidden = true;
}

// --- Permissions: as the server says (the buttons only follow; the server still decides) ------
/** Whether the user works with `directorate`'s services (the services a new entry may have). */
function covers(directorate) {
  const user = state.user;
  return !!user && (user.role === 'admin' || user.directorates.includes(directorate));
}

/** Whether the role may do `action` to some entry: /me's role_actions. */
function roleMay(action) {
  return !!state.user && state.user.roleActions.includes(action);
}

/** What the user may do to the open entry now: its state's allowed_actions (per user, status,
 * author and directorate); for a new one, `create` when the role may. */
function entryActions() {
  const e = state.entry;
  if (!e) return [];
  if (e.mode === 'new') return roleMay('create') ? ['create'] : [];
  return arr(e.state.allowed_actions).map(str);
}

// --- Routing ---------------------------------------------------------------------------------
function parseRoute() {
  const path = location.hash.replace(/^#/, '').split('?')[0];
  if (path === '' || path === '/') return { name: 'entries' };
  const entry = /^\/entry\/([^/]+)\/?$/.exec(path);
  if (entry) return { name: 'entry', id: safeDecode(entry[1]) };
  const name = path.replace(/^\//, '').replace(/\/$/, '');
  return VIEWS[name] && name !== 'entry' && name !== 'notfound' ? { name } : { name: 'notfound' };
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;   // the hashchange listener routes
}

function showView(name) {
  const info = VIEWS[name];
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== info.view;
  for (const link of ui.nav.querySelectorAll('a[data-nav]')) {
    if (link.dataset.nav === info.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = info.title + ' – ' + BASE_TITLE;
}

function focusHeading(name) {
  const view = $(VIEWS[name].view);
  const heading = view && view.querySelector('h1');
  if (heading) heading.focus();
}

const RENDERERS = {
  entries: renderEntries, entry: renderEntry, new: renderNew, insights: renderInsights,
  stats: renderStats, audit: renderAudit, users: renderUsers, notfound: async () => {},
};

async function route() {
  if (!state.user) return;
  const target = parseRoute();
  const gen = ++state.gen;
  setError('');
  if (!state.pending) setStatus('');
  state.entry = null;
  showView(target.name);
  try {
    await RENDERERS[target.name](gen, target);
  } catch (err) {
    if (gen === state.gen) showError(err);
  }
  if (gen !== state.gen) return;
  focusHeading(target.name);
  if (state.pending) {
    setStatus(state.pending.text, state.pending.link);
    state.pending = null;
  }
}

// --- Entry list ------------------------------------------------------------------------------
async function renderEntries(gen) {
  ui.statusFilter.value = state.list.status;
  ui.textFilter.value = state.list.text;
  await loadEntries(gen);
}

async function loadEntries(gen) {
  const seq = ++state.listSeq;
  ui.entriesCount.textContent = 'Henter artikler …';
  const query = state.list.status ? '?status=' + enc(state.list.status) : '';
  let data;
  try {
    data = await api('GET', '/entries' + query);
  } catch (err) {
    if (gen === state.gen && seq === state.listSeq) ui.entriesCount.textContent = 'Kunne ikke hente artiklene.';
    throw err;
  }
  if (gen !== state.gen || seq !== state.listSeq) return;
  state.list.rows = arr(data.entries).filter((row) => isObj(row) && row.id);
  if (!state.list.status) setEntryIndex(state.list.rows);
  drawEntries();
}

function entryMatches(row, needle) {
  if (!needle) return true;
  const haystack = [row.id, row.title, row.service, serviceName(str(row.service)), row.directorate,
    directorateName(str(row.directorate)), statusName(row.status), row.author].map(str).join('\n').toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

function drawEntries() {
  const needle = state.list.text.trim().toLowerCase();
  const rows = state.list.rows.filter((row) => entryMatches(row, needle));
  clear(ui.entriesBody);
  for (const row of rows) {
    const id = str(row.id);
    const tr = el('tr', 'entry-row');
    tr.dataset.entry = id;
    const link = el('a', 'entry-link', str(row.title) || id);
    link.href = entryHref(id);
    cell(tr, link, 'cell-title');
    cell(tr, el('code', null, id), 'cell-id');
    cell(tr, serviceName(str(row.service)));
    cell(tr, directorateName(str(row.directorate)));
    cell(tr, badge(str(row.status)));
    cell(tr, formatWhen(row.updated), 'cell-nowrap');
    cell(tr, str(row.author) || '–');
    ui.entriesBody.appendChild(tr);
  }
  const total = state.list.rows.length;
  ui.entriesEmpty.hidden = rows.length > 0;
  ui.entriesCount.textContent = needle
    ? `Viser ${rows.length} av ${total} artikler.`
    : `${total} ${total === 1 ? 'artikkel' : 'artikler'}.`;
}

/** A click anywhere on a row opens the entry (the title link is the keyboard path). */
function onEntryRowClick(event) {
  if (event.target.closest('a, button, input, select, textarea')) return;
  const row = event.target.closest('.entry-row[data-entry]');
  if (row) navigate(entryHref(row.dataset.entry));
}

function setEntryIndex(rows) {
  state.entryIndex = rows.filter((row) => isObj(row) && row.id);
  clear(ui.entryIds);
  for (const row of state.entryIndex) {
    const option = el('option');
    option.value = str(row.id);
    option.label = str(row.title);
    ui.entryIds.appendChild(option);
  }
}

async function ensureEntryIndex() {
  if (state.entryIndex) return state.entryIndex;
  const data = await api('GET', '/entries');
  setEntryIndex(arr(data.entries));
  return state.entryIndex;
}

async function exportCsv() {
  clearMessages();
  ui.exportCsv.disabled = true;
  try {
    const { blob, filename } = await api('GET', '/export.csv', { download: true });
    const url = URL.createObjectURL(blob);
    const a = el('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
    setStatus(`CSV-filen er lastet ned (${filename}).`);
  } catch (err) {
    showError(err);
  } finally {
    ui.exportCsv.disabled = false;
  }
}

function setImportError(text, details) {
  clear(ui.importError);
  ui.importFile.removeAttribute('aria-invalid');
  if (!text) return;
  ui.importFile.setAttribute('aria-invalid', 'true');
  ui.importError.appendChild(el('p', null, text));
  if (details && details.length) {
    const ul = el('ul', 'error-list');
    for (const item of details) ul.appendChild(el('li', null, item));
    ui.importError.appendChild(ul);
  }
}

function csvProblem(f) {
  const message = fieldText(f);
  if (!f.row) return `${f.field}: ${message}`;
  const column = f.column.replace(/\.(\d+)/g, (m, i) => ` nr. ${Number(i) + 1}`).replace(/\./g, ' ');
  return `Rad ${f.row}, kolonne «${column}»: ${message}`;
}

async function importCsv(event) {
  event.preventDefault();
  clearMessages();
  setImportError('');
  const file = ui.importFile.files && ui.importFile.files[0];
  if (!file) {
    setImportError('Velg en CSV-fil først.');
    ui.importFile.focus();
    return;
  }
  if (file.size > MAX_CSV_BYTES) {
    setImportError('Filen er for stor. En CSV-fil kan være høyst 5 MB.');
    ui.importFile.focus();
    return;
  }
  ui.importButton.disabled = true;
  try {
    const text = await file.text();
    const data = await api('POST', '/import.csv', { text, contentType: 'text/csv; charset=utf-8' });
    const imported = num(data.imported) || 0;
    const created = num(data.created) || 0;
    ui.importForm.reset();
    state.entryIndex = null;
    setStatus(`Importerte ${imported} ${imported === 1 ? 'rad' : 'rader'} som utkast (nye artikler: ${created}, `
      + `endrede: ${imported - created}). De må gjennom vanlig gjennomgang før chatboten bruker dem.`);
    await loadEntries(state.gen);
  } catch (err) {
    if (err.handled) return;
    if (err instanceof ApiError && err.fields.length) {
      setImportError('Ingenting er importert. Rett disse radene i filen og prøv igjen:', err.fields.map(csvProblem));
      setError('Importen ble avbrutt. Se feilene ved filvalget.');
    } else {
      setImportError(describeError(err));
      showError(err);
    }
    ui.importFile.focus();
  } finally {
    ui.importButton.disabled = false;
  }
}

// --- Entry form: values ----------------------------------------------------------------------
function populateServices(current) {
  const select = field('service');
  clear(select);
  const placeholder = el('option', null, 'Velg tjeneste …');
  placeholder.value = '';
  select.appendChild(placeholder);
  const mine = state.services.filter((s) => covers(s.owner));
  if (current && !mine.some((s) => s.id === current)) {
    mine.push(state.serviceById.get(current) || { id: current, name: current, owner: '' });
  }
  const owners = [...new Set(mine.map((s) => s.owner))].sort((a, b) => directorateName(a).localeCompare(directorateName(b), 'nb'));
  for (const owner of owners) {
    const group = el('optgroup');
    group.label = owner ? directorateName(owner) : 'Ukjent direktorat';
    for (const service of mine.filter((s) => s.owner === owner).sort((a, b) => a.name.localeCompare(b.name, 'nb'))) {
      const option = el('option', null, service.name === service.id ? service.id : `${service.name} (${service.id})`);
      option.value = service.id;
      group.appendChild(option);
    }
    select.appendChild(group);
  }
  select.value = current || '';
}

function fillForm(entry) {
  const e = isObj(entry) ? entry : {};
  populateServices(str(e.service));
  for (const name of ['id', 'directorate', 'topic', 'title', 'title_nn', 'title_en', 'question',
    'answer', 'answer_nn', 'answer_en', 'contact']) {
    field(name).value = str(e[name]);
  }
  field('phrasings').value = arr(e.phrasings).map(str).join('\n');
  field('links').value = arr(e.links).filter(isObj).map((l) => `${str(l.title)} | ${str(l.url)}`).join('\n');
  field('checked').value = CHECKED_NAMES[e.checked] ? e.checked : '';
  field('updated').value = str(e.updated).slice(0, 10);
  state.checkedTouched = false;
  if (e.service && CHECKED_NAMES[e.checked]) state.knownChecked.set(str(e.service), e.checked);
  updateCounters(false);
}

function parseLinks(text) {
  const links = [];
  const errors = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const bar = line.lastIndexOf('|');
    const title = bar < 0 ? '' : line.slice(0, bar).trim();
    const url = bar < 0 ? line : line.slice(bar + 1).trim();
    if (bar < 0 || !title || !url) {
      errors.push(`Linje ${index + 1}: skriv lenken som «Tittel | https://…».`);
      return;
    }
    links.push({ title, url });
  });
  return { links, errors };
}

/** The entry the form describes, and problems found before sending (only the link format). */
function readForm() {
  const value = (name) => field(name).value;
  const entry = {
    id: value('id').trim(),
    service: value('service'),
    directorate: value('directorate').trim(),
    topic: value('topic').trim(),
    title: value('title').trim(),
    title_nn: value('title_nn').trim(),
    title_en: value('title_en').trim(),
    question: value('question').trim(),
    phrasings: value('phrasings').split('\n').map((line) => line.trim()).filter(Boolean),
    answer: value('answer').trim(),
    answer_nn: value('answer_nn').trim(),
    answer_en: value('answer_en').trim(),
    links: [],
    contact: value('contact').trim(),
    checked: value('checked'),
    updated: value('updated'),
  };
  for (const name of OPTIONAL_FIELDS) if (!entry[name]) delete entry[name];
  const parsed = parseLinks(value('links'));
  entry.links = parsed.links;
  const problems = parsed.errors.map((message) => ({ field: 'links', message, local: true }));
  return { entry, problems };
}

function formSignature() {
  return ENTRY_FIELDS.map((name) => field(name).value).join('\u0000');
}

function isDirty() {
  return !!state.entry && state.entry.snapshot !== undefined && formSignature() !== state.entry.snapshot;
}

let overLimit = {};

function updateCounters(announce) {
  for (const name of ANSWER_FIELDS) {
    const n = charCount(field(name).value.trim());
    const counter = $('c-' + name);
    const over = n - MAX_ANSWER_CHARS;
    counter.textContent = over > 0
      ? `${n} av ${MAX_ANSWER_CHARS} tegn – ${over} tegn for mye`
      : `${n} av ${MAX_ANSWER_CHARS} tegn`;
    counter.classList.toggle('counter-over', over > 0);
    if (announce && (over > 0) !== !!overLimit[name]) {
      ui.formLive.textContent = over > 0 ? `Svaret er ${over} tegn for langt.` : 'Svaret er innenfor 500 tegn.';
    }
    overLimit[name] = over > 0;
  }
  const count = field('phrasings').value.split('\n').filter((line) => line.trim()).length;
  const counter = $('c-phrasings');
  counter.textContent = count < MIN_PHRASINGS
    ? `${count} formuleringer – trenger minst ${MIN_PHRASINGS}`
    : `${count} formuleringer`;
  counter.classList.toggle('counter-over', count < MIN_PHRASINGS);
}

// --- Entry form: errors ----------------------------------------------------------------------
function clearFieldErrors() {
  for (const name of ENTRY_FIELDS) {
    fieldError(name).textContent = '';
    field(name).removeAttribute('aria-invalid');
  }
}

function addFieldError(name, message) {
  const target = fieldError(name);
  target.textContent = target.textContent ? target.textContent + '\n' + message : message;
  field(name).setAttribute('aria-invalid', 'true');
}

/** Put each {field, message} next to its field ("links.0.url" -> "links"); return the rest as text. */
function showFieldErrors(list) {
  const rest = [];
  let first = null;
  for (const item of list) {
    const parts = str(item.field).split('.');
    const name = parts[0];
    const message = item.local ? item.message : fieldText(item);
    if (!ENTRY_FIELDS.includes(name)) {
      rest.push(message);
      continue;
    }
    let prefix = '';
    if (parts.length > 1 && /^\d+$/.test(parts[1])) {
      const n = Number(parts[1]) + 1;
      if (name === 'phrasings') prefix = `Formulering ${n}: `;
      else if (name === 'links') prefix = `Lenke ${n}${parts[2] === 'url' ? ', adressen' : parts[2] === 'title' ? ', tittelen' : ''}: `;
      else prefix = `Nr. ${n}: `;
    }
    addFieldError(name, prefix + message);
    if (item.code === 'checked_disagrees' && CHECKED_NAMES[item.params.catalogue] && state.entry) {
      state.knownChecked.set(field('service').value, item.params.catalogue);
    }
    if (!first || ENTRY_FIELDS.indexOf(name) < ENTRY_FIELDS.indexOf(first)) first = name;
  }
  if (first) field(first).focus();
  return rest;
}

// --- Entry form: workflow ---------------------------------------------------------------------
function setFormReadOnly(readOnly) {
  for (const name of ENTRY_FIELDS) {
    const input = field(name);
    if (input.tagName === 'SELECT') input.disabled = readOnly;
    else if (name !== 'directorate') input.readOnly = readOnly;
  }
  field('id').readOnly = readOnly || (state.entry && state.entry.mode === 'edit');
  ui.form.classList.toggle('is-readonly', readOnly);
}

/** Show the buttons for the actions the server allows now, and say why others are missing. */
function applyPermissions() {
  const e = state.entry;
  if (!e) return;
  const status = e.mode === 'new' ? null : str(e.state.status);
  const may = new Set(entryActions());
  const canEdit = may.has(e.mode === 'new' ? 'create' : 'edit');
  // Whoever may send a change back may publish it too, unless they wrote it themselves.
  const author = str(e.state.author);
  const ownChange = may.has('reject') && !may.has('publish') && !!author && author === state.user.username;
  ui.save.hidden = !canEdit;
  ui.submit.hidden = !may.has('submit');
  ui.publish.hidden = !may.has('publish');
  ui.reject.hidden = !may.has('reject');
  ui.archive.hidden = !may.has('archive');
  ui.discard.hidden = e.mode === 'new' || !canEdit || !isDirty();
  setFormReadOnly(!canEdit);

  const hints = [];
  if (e.mode === 'new') {
    if (!canEdit) hints.push('Bare redaktører og administratorer kan lage nye artikler.');
    else hints.push('Artikkelen lagres som utkast. Send den til gjennomgang når den er klar.');
  } else {
    if (status === 'draft' && e.published) hints.push('Chatboten bruker den publiserte versjonen til dette utkastet er publisert.');
    if (status === 'in_review' && canEdit) hints.push('Lagrer du endringer nå, går artikkelen tilbake til utkast.');
    if (status === 'published' && canEdit) hints.push('Endringer lagres som et utkast. Chatboten bruker den publiserte versjonen til utkastet er publisert.');
    if (status === 'archived') hints.push('Artikkelen er arkivert, og chatboten bruker den ikke. Du kan gjenopprette en tidligere versjon som nytt utkast.');
    if (status === 'draft' && !canEdit && roleMay('publish')) hints.push('Utkastet er ikke sendt til gjennomgang ennå.');
    if (ownChange) hints.push('Du har selv skrevet denne endringen, så en annen godkjenner må publisere den.');
    if (!canEdit && ACTION_BUTTONS.every((b) => b.hidden) && !may.has('revert')) hints.push('Du kan lese artikkelen, men ikke endre eller flytte den nå.');
  }
  ui.actionsHint.textContent = hints.join(' ');
}

function setBusy(busy) {
  state.busy = busy;
  ui.form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const button of ACTION_BUTTONS) button.disabled = busy;
  for (const button of ui.versionsBody.querySelectorAll('button')) button.disabled = busy;
}

function resetEntryView(mode) {
  clearFieldErrors();
  clear(ui.entryState);
  clear(ui.publishedFields);
  clear(ui.versionsBody);
  clear(ui.entryAuditBody);
  clear(ui.diff);
  ui.entryHint.textContent = '';
  ui.actionsHint.textContent = '';
  ui.publishedPanel.hidden = true;
  ui.diffPanel.hidden = true;
  ui.versionsSection.hidden = mode === 'new';
  ui.entryAuditSection.hidden = mode === 'new';
  ui.versionsEmpty.hidden = true;
  ui.entryAuditEmpty.hidden = true;
  ui.form.hidden = mode !== 'new';
  overLimit = {};
  setBusy(false);
}

async function renderEntry(gen, target) {
  resetEntryView('edit');
  ui.entryHeading.textContent = 'Henter artikkelen …';
  ui.formHeading.textContent = 'Innhold';
  try {
    await loadEntry(gen, target.id);
  } catch (err) {
    if (gen === state.gen) ui.entryHeading.textContent = err.status === 404 ? 'Fant ikke artikkelen' : 'Kunne ikke hente artikkelen';
    throw err;
  }
  if (gen === state.gen) loadEntryHistory(gen, target.id);
}

/** Fetch an entry and show it; the form is refilled from the working copy (or the published one). */
async function loadEntry(gen, id) {
  const data = await api('GET', '/entries/' + enc(id));
  if (gen !== state.gen) return;
  const published = isObj(data.published) ? data.published : null;
  const working = isObj(data.working) ? data.working : null;
  state.entry = { mode: 'edit', id, published, working, state: isObj(data.state) ? data.state : {} };
  drawEntry();
}

function drawEntry() {
  const e = state.entry;
  const current = e.working || e.published || {};
  const title = str(current.title) || e.id;
  ui.entryHeading.textContent = title;
  document.title = title + ' – ' + BASE_TITLE;
  drawEntryState();

  ui.publishedPanel.hidden = !(e.published && e.working);
  if (e.published && e.working) drawPublished(e.published);
  ui.formHeading.textContent = e.working
    ? (e.published ? 'Utkast til ny versjon' : 'Utkast')
    : (str(e.state.status) === 'archived' ? 'Siste publiserte innhold (arkivert)' : 'Publisert innhold');
  ui.form.hidden = false;
  clearFieldErrors();
  fillForm(current);
  e.snapshot = formSignature();
  applyPermissions();
}

function drawEntryState() {
  const e = state.entry;
  const s = e.state;
  clear(ui.entryState);
  const line = el('p', 'state-line');
  line.appendChild(el('span', 'visually-hidden', 'Status: '));
  line.appendChild(badge(str(s.status)));
  const meta = [];
  if (s.version) meta.push(`Versjon ${formatCount(s.version)}`);
  if (s.updated) meta.push(`Sist endret ${formatWhen(s.updated)}`);
  if (s.author) meta.push(`Skrevet av ${str(s.author)}`);
  if (s.reviewer) meta.push(`Sist publisert av ${str(s.reviewer)}`);
  const current = e.working || e.published || {};
  if (current.service) meta.push(`Tjeneste: ${serviceName(str(current.service))}`);
  line.appendChild(el('span', 'state-meta', meta.join(' · ')));
  ui.entryState.appendChild(line);
  ui.entryHint.textContent = e.published && e.working
    ? 'Artikkelen er publisert, og det finnes et utkast med endringer. Den publiserte versjonen vises først.'
    : '';
}

function drawPublished(entry) {
  clear(ui.publishedFields);
  const add = (label, value, className) => {
    if (!value) return;
    ui.publishedFields.appendChild(el('dt', null, label));
    const dd = el('dd', className);
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = value;
    ui.publishedFields.appendChild(dd);
  };
  add('Tittel', str(entry.title));
  add('Spørsmål', str(entry.question));
  add('Svar', str(entry.answer), 'pre-line');
  const links = arr(entry.links).filter(isObj);
  if (links.length) {
    const ul = el('ul', 'plain-list');
    for (const link of links) ul.appendChild(el('li', null, `${str(link.title)} – ${str(link.url)}`));
    add('Lenker', ul);
  }
  add('Kontakt', str(entry.contact));
  add('Sist kontrollert', str(entry.updated));
}

async function runAction(action, button) {
  const e = state.entry;
  if (state.busy || !e) return;
  clearMessages();
  clearFieldErrors();
  const dirty = isDirty();
  const sends = action === 'save' || (action === 'submit' && dirty);
  if (!sends && dirty && action !== 'submit') {
    setError('Du har endringer i skjemaet som ikke er lagret. Lagre dem som utkast først, eller forkast dem.');
    return;
  }
  let payload = null;
  if (sends) {
    const read = readForm();
    if (read.problems.length) {
      showFieldErrors(read.problems);
      setError('Noe i skjemaet må rettes. Se meldingene ved feltene.');
      return;
    }
    payload = read.entry;
  }
  const gen = state.gen;
  let saved = false;
  setBusy(true);
  try {
    if (e.mode === 'new') {
      await api('POST', '/entries', { json: payload });
      state.entryIndex = null;
      e.snapshot = formSignature();
      state.pending = { text: DONE_TEXTS.create };
      navigate(entryHref(payload.id));
      return;
    }
    if (payload) {
      await api('PUT', '/entries/' + enc(e.id), { json: payload });
      saved = true;
    }
    if (action !== 'save') await api('POST', `/entries/${enc(e.id)}/${action}`);
    state.entryIndex = null;
    await refreshEntry(gen, e.id);
    if (gen !== state.gen) return;
    setStatus(DONE_TEXTS[action]);
  } catch (err) {
    if (gen !== state.gen || err.handled) return;
    if (saved) {
      try { await refreshEntry(gen, e.id); } catch (ignored) { /* the error below matters more */ }
    }
    handleEntryError(err, saved);
  } finally {
    if (gen === state.gen) {
      setBusy(false);
      if (state.entry) applyPermissions();
      if (button && button.hidden) ui.entryHeading.focus();   // the pressed button is gone now
    }
  }
}

async function refreshEntry(gen, id) {
  await loadEntry(gen, id);
  if (gen === state.gen) loadEntryHistory(gen, id);
}

function handleEntryError(err, saved) {
  if (err instanceof ApiError && err.status === 422 && err.fields.length) {
    const rest = showFieldErrors(err.fields);
    setError('Artikkelen ble ikke lagret. Rett feltene som er merket.', rest);
    return;
  }
  const text = describeError(err);
  const [name] = reasonFields(err, ENTRY_FIELDS);
  if (name) {
    addFieldError(name, text);
    field(name).focus();
  }
  setError(saved ? 'Endringene er lagret som utkast, men neste steg gikk ikke: ' + text : text);
}

// --- Entry: versions, diff and audit ----------------------------------------------------------
async function loadEntryHistory(gen, id) {
  const [versions, audit] = await Promise.allSettled([
    api('GET', `/entries/${enc(id)}/versions`),
    api('GET', '/audit?entry_id=' + enc(id)),
  ]);
  if (gen !== state.gen || !state.entry || state.entry.id !== id) return;
  if (versions.status === 'fulfilled') {
    drawVersions(arr(versions.value.versions).filter(isObj));
  } else {
    clear(ui.versionsBody);
    ui.versionsEmpty.hidden = false;
    ui.versionsEmpty.textContent = 'Kunne ikke hente versjonene: ' + describeError(versions.reason);
  }
  if (audit.status === 'fulfilled') {
    drawAudit(ui.entryAuditBody, ui.entryAuditEmpty, arr(audit.value.audit).filter(isObj), false);
  } else {
    clear(ui.entryAuditBody);
    ui.entryAuditEmpty.hidden = false;
    ui.entryAuditEmpty.textContent = 'Kunne ikke hente loggen: ' + describeError(audit.reason);
  }
}

function drawVersions(versions) {
  clear(ui.versionsBody);
  ui.versionsEmpty.textContent = 'Ingen versjoner.';
  ui.versionsEmpty.hidden = versions.length > 0;
  const sorted = versions.slice().sort((a, b) => num(a.version) - num(b.version));
  const latest = sorted.length ? num(sorted[sorted.length - 1].version) : 0;
  const canRevert = entryActions().includes('revert');
  let previousWithContent = null;
  const rows = [];
  for (const v of sorted) {
    const version = num(v.version);
    const tr = el('tr');
    cell(tr, formatCount(version));
    cell(tr, badge(str(v.status)));
    cell(tr, actionName(v.action));
    cell(tr, str(v.who) || '–');
    cell(tr, formatWhen(v.when), 'cell-nowrap');
    const actions = el('div', 'row-actions');
    if (v.has_content && previousWithContent !== null) {
      const from = previousWithContent;
      const show = el('button', 'button button-secondary button-small', 'Vis endringer');
      show.type = 'button';
      show.setAttribute('aria-label', `Vis endringer fra versjon ${from} til versjon ${version}`);
      show.addEventListener('click', () => showDiff(from, version));
      actions.appendChild(show);
    }
    if (v.has_content && canRevert && version !== latest) {
      const revert = el('button', 'button button-secondary button-small', 'Gjenopprett');
      revert.type = 'button';
      revert.setAttribute('aria-label', `Gjenopprett versjon ${version} som nytt utkast`);
      revert.addEventListener('click', () => revertTo(version));
      actions.appendChild(revert);
    }
    cell(tr, actions);
    if (v.has_content) previousWithContent = version;
    rows.push(tr);
  }
  for (const tr of rows.reverse()) ui.versionsBody.appendChild(tr);
  if (state.busy) for (const button of ui.versionsBody.querySelectorAll('button')) button.disabled = true;
}

function diffClass(line) {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  return 'diff-context';
}

async function showDiff(from, to) {
  const e = state.entry;
  if (!e) return;
  const gen = state.gen;
  setError('');
  try {
    const data = await api('GET', `/entries/${enc(e.id)}/diff?from=${enc(from)}&to=${enc(to)}`);
    if (gen !== state.gen) return;
    const lines = arr(data.diff).map(str);
    clear(ui.diff);
    ui.diffHeading.textContent = `Endringer fra versjon ${str(data.from) || from} til versjon ${str(data.to) || to}`;
    if (!lines.length) ui.diff.appendChild(el('span', 'diff-none', 'Ingen endringer i innholdet – bare statusen endret seg.'));
    for (const line of lines) ui.diff.appendChild(el('span', 'diff-line ' + diffClass(line), line || ' '));
    ui.diffPanel.hidden = false;
    ui.diffHeading.focus();
  } catch (err) {
    if (gen === state.gen) showError(err);
  }
}

async function revertTo(version) {
  const e = state.entry;
  if (!e || state.busy) return;
  clearMessages();
  if (isDirty()) {
    setError('Du har endringer i skjemaet som ikke er lagret. Lagre dem eller forkast dem før du gjenoppretter en versjon.');
    return;
  }
  const gen = state.gen;
  setBusy(true);
  try {
    await api('POST', `/entries/${enc(e.id)}/revert`, { json: { version } });
    state.entryIndex = null;
    await refreshEntry(gen, e.id);
    if (gen !== state.gen) return;
    setStatus(`Versjon ${version} er gjenopprettet som et nytt utkast. Send det til gjennomgang når det er klart.`);
    ui.formHeading.scrollIntoView({ block: 'start' });
    ui.entryHeading.focus();
  } catch (err) {
    if (gen === state.gen) showError(err);
  } finally {
    if (gen === state.gen) {
      setBusy(false);
      if (state.entry) applyPermissions();
    }
  }
}

function drawAudit(body, empty, rows, withEntry) {
  clear(body);
  empty.textContent = 'Ingen hendelser.';
  empty.hidden = rows.length > 0;
  for (const row of rows) {
    const tr = el('tr');
    cell(tr, formatWhen(row.ts || str(row.id).split('-')[0]), 'cell-nowrap');
    cell(tr, str(row.who) || '–');
    cell(tr, actionName(row.action));
    if (withEntry) {
      const id = str(row.entry_id);
      if (id) {
        const a = el('a', null, id);
        a.href = entryHref(id);
        cell(tr, a);
      } else {
        cell(tr, '–');
      }
    }
    cell(tr, auditDetail(row.detail));
    body.appendChild(tr);
  }
}

// --- New entry ---------------------------------------------------------------------------------
async function renderNew() {
  resetEntryView('new');
  ui.entryHeading.textContent = 'Ny artikkel';
  ui.formHeading.textContent = 'Innhold';
  const prefill = state.prefill;
  state.prefill = null;
  const mine = state.services.filter((s) => covers(s.owner));
  let service = prefill && prefill.service ? prefill.service : '';
  if (!service && mine.length === 1) service = mine[0].id;
  state.entry = { mode: 'new', id: '', published: null, working: null, state: { status: null } };
  fillForm({
    service,
    question: prefill ? prefill.question : '',
    phrasings: prefill && prefill.phrasing ? [prefill.phrasing] : [],
    updated: todayIso(),
  });
  ui.form.hidden = false;
  onServiceChange(false);
  state.entry.snapshot = formSignature();
  applyPermissions();
  if (prefill) {
    ui.entryHint.textContent = 'Spørsmålet og den første formuleringen er hentet fra et ubesvart spørsmål. Skriv minst fem formuleringer til.';
  }
}

/** Fill the directorate from the service, and the "checked" level when it is known. */
function onServiceChange(userChanged) {
  const id = field('service').value;
  const service = state.serviceById.get(id);
  if (service) field('directorate').value = service.owner;
  else if (userChanged || !field('directorate').value) field('directorate').value = '';
  if (!state.entry || state.checkedTouched || !id) return;
  if (state.entry.mode !== 'new' && !userChanged) return;
  const known = state.knownChecked.get(id);
  if (known) {
    field('checked').value = known;
    return;
  }
  guessChecked(id);
}

/** Every entry of a service must carry the catalogue's "checked" level: borrow it from a sibling. */
async function guessChecked(serviceId) {
  const gen = state.gen;
  try {
    const index = await ensureEntryIndex();
    const sibling = index.find((row) => str(row.service) === serviceId);
    if (!sibling) return;
    const data = await api('GET', '/entries/' + enc(str(sibling.id)));
    const entry = isObj(data.working) ? data.working : isObj(data.published) ? data.published : null;
    if (!entry || !CHECKED_NAMES[entry.checked]) return;
    state.knownChecked.set(serviceId, entry.checked);
    if (gen === state.gen && !state.checkedTouched && field('service').value === serviceId) {
      field('checked').value = entry.checked;
      if (state.entry && state.entry.mode === 'new') state.entry.snapshot = formSignature();
    }
  } catch (err) { /* only a convenience: the server names the right level if this is wrong */ }
}

// --- Insights ---------------------------------------------------------------------------------
function myDirectorates() {
  return state.user.role === 'admin' && !state.user.directorates.length ? state.directorates : state.user.directorates;
}

async function renderInsights(gen) {
  if (!state.filledOnce.insights) {
    clear(ui.insightsDirectorate);
    const all = el('option', null, state.user.role === 'admin' ? 'Alle direktorater' : 'Alle mine direktorater');
    all.value = '';
    ui.insightsDirectorate.appendChild(all);
    for (const d of myDirectorates()) {
      const option = el('option', null, directorateName(d));
      option.value = d;
      ui.insightsDirectorate.appendChild(option);
    }
    state.filledOnce.insights = true;
  }
  ensureEntryIndex().catch(() => {});
  await loadInsights(gen);
}

async function loadInsights(gen) {
  const directorate = ui.insightsDirectorate.value;
  ui.insightsCount.textContent = 'Henter spørsmål …';
  let data;
  try {
    data = await api('GET', '/insights/unanswered' + (directorate ? '?directorate=' + enc(directorate) : ''));
  } catch (err) {
    if (gen === state.gen) ui.insightsCount.textContent = 'Kunne ikke hente spørsmålene.';
    throw err;
  }
  if (gen !== state.gen) return;
  const groups = arr(data.groups).filter((g) => isObj(g) && g.id !== undefined && g.id !== null);
  clear(ui.insightsList);
  groups.forEach((group, index) => ui.insightsList.appendChild(drawGroup(group, index)));
  ui.insightsEmpty.hidden = groups.length > 0;
  ui.insightsCount.textContent = groups.length
    ? `${groups.length} ${groups.length === 1 ? 'gruppe' : 'grupper'} med ubesvarte spørsmål.`
    : '';
}

function drawGroup(group, index) {
  const prefix = 'g' + index;
  const example = str(group.example);
  const li = el('li', 'group-card');
  const heading = el('h2', 'group-heading', `«${example || '(uten eksempel)'}»`);
  heading.id = prefix + '-heading';
  li.appendChild(heading);

  const meta = el('p', 'group-meta');
  const count = num(group.count) || 0;
  meta.appendChild(el('strong', null, `${formatCount(count)} spørsmål`));
  const bits = [];
  if (group.service) bits.push(`Tjeneste: ${serviceName(str(group.service))}`);
  if (group.directorate) bits.push(`Direktorat: ${directorateName(str(group.directorate))}`);
  if (group.last_seen) bits.push(`Sist sett ${formatWhen(group.last_seen)}`);
  if (bits.length) meta.appendChild(el('span', null, ' · ' + bits.join(' · ')));
  li.appendChild(meta);

  const kinds = isObj(group.kinds) ? group.kinds : {};
  const kindList = el('ul', 'kind-list');
  kindList.setAttribute('aria-label', 'Hvorfor spørsmålene er med');
  for (const key of Object.keys(KIND_NAMES)) {
    const item = el('li', 'kind kind-' + key);
    item.appendChild(el('span', 'kind-name', KIND_NAMES[key] + ': '));
    item.appendChild(el('strong', null, formatCount(num(kinds[key]) || 0)));
    kindList.appendChild(item);
  }
  li.appendChild(kindList);

  const others = [...new Set(arr(group.questions).map(str).filter((q) => q && q !== example))];
  if (others.length) {
    const details = el('details', 'group-questions');
    details.appendChild(el('summary', null, `Andre spørsmål i gruppen (${others.length})`));
    const ul = el('ul');
    for (const q of others) ul.appendChild(el('li', null, q));
    details.appendChild(ul);
    li.appendChild(details);
  }

  const actions = el('div', 'group-actions');
  const error = el('p', 'field-error');
  error.id = prefix + '-error';
  error.setAttribute('aria-live', 'polite');
  let input = null;
  if (roleMay('edit')) {
    const wrap = el('div', 'field');
    const label = el('label', null, 'Artikkel-ID');
    label.htmlFor = prefix + '-entry';
    input = el('input');
    input.type = 'text';
    input.id = prefix + '-entry';
    input.setAttribute('list', 'entry-ids');
    input.autocomplete = 'off';
    input.setAttribute('autocapitalize', 'none');
    input.spellcheck = false;
    input.setAttribute('aria-describedby', `${prefix}-hint ${prefix}-error`);
    const hint = el('p', 'hint', 'Artikkelen som skulle ha svart. Eksempelet blir en ny formulering i utkastet.');
    hint.id = prefix + '-hint';
    wrap.append(label, hint, input);
    actions.appendChild(wrap);
  }
  const buttons = el('div', 'row-actions');
  if (input) {
    const attach = groupButton('Legg til som formulering', 'button-primary', heading.id);
    attach.addEventListener('click', () => attachGroup(group, input, error, attach));
    buttons.appendChild(attach);
  }
  if (roleMay('create')) {
    const create = groupButton('Lag ny artikkel', 'button-secondary', heading.id);
    create.addEventListener('click', () => {
      state.prefill = { question: example, phrasing: example, service: str(group.service) };
      navigate('#/new');
    });
    buttons.appendChild(create);
  }
  const dismiss = groupButton('Avvis', 'button-secondary', heading.id);
  dismiss.addEventListener('click', () => dismissGroup(group, dismiss));
  buttons.appendChild(dismiss);
  actions.appendChild(buttons);
  actions.appendChild(error);
  li.appendChild(actions);
  return li;
}

function groupButton(text, kind, describedBy) {
  const button = el('button', 'button button-small ' + kind, text);
  button.type = 'button';
  button.setAttribute('aria-describedby', describedBy);
  return button;
}

async function attachGroup(group, input, error, button) {
  clearMessages();
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  const entryId = input.value.trim();
  if (!entryId) {
    error.textContent = 'Skriv eller velg ID-en til artikkelen.';
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  const gen = state.gen;
  button.disabled = true;
  try {
    await api('POST', `/insights/unanswered/${enc(str(group.id))}/attach`, { json: { entry_id: entryId } });
    if (gen !== state.gen) return;
    state.entryIndex = null;
    await loadInsights(gen);
    if (gen !== state.gen) return;
    ui.insightsHeading.focus();
    setStatus(`«${str(group.example)}» er lagt til som formulering i utkastet til ${entryId}.`,
      { href: entryHref(entryId), text: 'Åpne artikkelen' });
  } catch (err) {
    if (gen !== state.gen || err.handled) return;
    let text;
    if (err instanceof ApiError && err.fields.length) {
      text = err.fields.map(fieldText).join(' ');
    } else if (err instanceof ApiError && err.status === 404) {
      text = 'Fant ikke artikkelen (eller spørsmålsgruppen). Sjekk ID-en.';
    } else {
      text = describeError(err);
    }
    error.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    setError('Formuleringen ble ikke lagt til: ' + text);
    input.focus();
  } finally {
    if (button.isConnected) button.disabled = false;
  }
}

async function dismissGroup(group, button) {
  clearMessages();
  const gen = state.gen;
  button.disabled = true;
  try {
    await api('POST', `/insights/unanswered/${enc(str(group.id))}/dismiss`, { json: {} });
    if (gen !== state.gen) return;
    await loadInsights(gen);
    if (gen !== state.gen) return;
    ui.insightsHeading.focus();
    setStatus(`Avvist: «${str(group.example)}».`);
  } catch (err) {
    if (gen === state.gen) showError(err);
  } finally {
    if (button.isConnected) button.disabled = false;
  }
}

// --- Stats ------------------------------------------------------------------------------------
async function renderStats(gen) {
  const data = await api('GET', '/insights/stats');
  if (gen !== state.gen) return;
  const rows = arr(data.directorates).filter(isObj);
  clear(ui.statsBody);
  for (const row of rows) {
    const tr = el('tr');
    const name = el('th', null, directorateName(str(row.directorate)));
    name.scope = 'row';
    tr.appendChild(name);
    cell(tr, formatCount(row.searches), 'num');
    cell(tr, formatShare(row.answered_share), 'num');
    cell(tr, formatShare(row.confident_share), 'num');
    cell(tr, formatCount(row.thumbs_up), 'num');
    cell(tr, formatCount(row.thumbs_down), 'num');
    cell(tr, formatCount(row.handoffs), 'num');
    ui.statsBody.appendChild(tr);
  }
  ui.statsEmpty.hidden = rows.length > 0;
}

// --- Audit ------------------------------------------------------------------------------------
async function renderAudit(gen) {
  ensureEntryIndex().catch(() => {});
  await loadAudit(gen);
}

async function loadAudit(gen) {
  const entryId = ui.auditEntry.value.trim();
  const data = await api('GET', '/audit' + (entryId ? '?entry_id=' + enc(entryId) : ''));
  if (gen !== state.gen) return;
  drawAudit(ui.auditBody, ui.auditEmpty, arr(data.audit).filter(isObj), true);
}

// --- Users ------------------------------------------------------------------------------------
async function renderUsers(gen) {
  const isAdmin = state.user.role === 'admin';
  ui.usersDenied.hidden = isAdmin;
  ui.usersContent.hidden = !isAdmin;
  if (!isAdmin) return;
  if (!state.filledOnce.users) {
    clear(ui.userDirectorates);
    state.directorates.forEach((d, index) => {
      const wrap = el('div', 'checkbox');
      const box = el('input');
      box.type = 'checkbox';
      box.id = 'u-dir-' + index;
      box.name = 'directorates';
      box.value = d;
      const label = el('label', null, `${directorateName(d)} (${d})`);
      label.htmlFor = box.id;
      wrap.append(box, label);
      ui.userDirectorates.appendChild(wrap);
    });
    state.filledOnce.users = true;
  }
  await loadUsers(gen);
}

async function loadUsers(gen) {
  const data = await api('GET', '/users');
  if (gen !== state.gen) return;
  clear(ui.usersBody);
  for (const user of arr(data.users).filter(isObj)) {
    const tr = el('tr');
    cell(tr, str(user.username));
    cell(tr, roleName(str(user.role)));
    const dirs = arr(user.directorates).map((d) => directorateName(str(d)));
    cell(tr, dirs.length ? dirs.join(', ') : (user.role === 'admin' ? 'Alle' : '–'));
    ui.usersBody.appendChild(tr);
  }
}

const USER_FIELDS = { username: 'u-username', password: 'u-password', role: 'u-role', directorates: 'u-directorates-set' };

function clearUserErrors() {
  for (const [name, id] of Object.entries(USER_FIELDS)) {
    $('e-u-' + name).textContent = '';
    $(id).removeAttribute('aria-invalid');
  }
}

async function createUser(event) {
  event.preventDefault();
  clearMessages();
  clearUserErrors();
  const body = {
    username: ui.userUsername.value.trim().toLowerCase(),
    password: ui.userPassword.value,
    role: ui.userRole.value,
    directorates: [...ui.userDirectorates.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value),
  };
  const gen = state.gen;
  ui.userCreate.disabled = true;
  try {
    await api('POST', '/users', { json: body });
    if (gen !== state.gen) return;
    ui.userForm.reset();
    await loadUsers(gen);
    setStatus(`Brukeren ${body.username} er opprettet som ${roleName(body.role).toLowerCase()}.`);
    ui.userUsername.focus();
  } catch (err) {
    if (gen !== state.gen || err.handled) return;
    const names = reasonFields(err, Object.keys(USER_FIELDS));
    if (names.length) {
      const text = describeError(err);
      $('e-u-' + names[0]).textContent = text;
      for (const name of names) $(USER_FIELDS[name]).setAttribute('aria-invalid', 'true');
      const focusable = names[0] === 'directorates' ? ui.userDirectorates.querySelector('input') : $(USER_FIELDS[names[0]]);
      if (focusable) focusable.focus();
      setError('Brukeren ble ikke opprettet: ' + text);
    } else {
      showError(err);
    }
  } finally {
    ui.userCreate.disabled = false;
  }
}

// --- Wiring -----------------------------------------------------------------------------------
function bindEvents() {
  ui.loginForm.addEventListener('submit', onLogin);
  ui.logout.addEventListener('click', onLogout);
  window.addEventListener('hashchange', () => route());

  ui.statusFilter.addEventListener('change', () => {
    state.list.status = ui.statusFilter.value;
    loadEntries(state.gen).catch(showError);
  });
  ui.textFilter.addEventListener('input', () => {
    state.list.text = ui.textFilter.value;
    drawEntries();
  });
  ui.entriesBody.addEventListener('click', onEntryRowClick);
  ui.exportCsv.addEventListener('click', exportCsv);
  ui.importForm.addEventListener('submit', importCsv);
  ui.importFile.addEventListener('change', () => setImportError(''));

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!ui.save.hidden) runAction('save', ui.save);
  });
  for (const action of ['submit', 'publish', 'reject', 'archive']) {
    ui[action].addEventListener('click', () => runAction(action, ui[action]));
  }
  ui.discard.addEventListener('click', () => {
    if (!state.entry || state.entry.mode !== 'edit') return;
    clearMessages();
    drawEntry();
    setStatus('Endringene er forkastet.');
    ui.formHeading.scrollIntoView({ block: 'start' });
    field('title').focus();
  });
  ui.form.addEventListener('input', () => {
    updateCounters(true);
    if (state.entry) ui.discard.hidden = state.entry.mode === 'new' || ui.save.hidden || !isDirty();
  });
  field('service').addEventListener('change', () => {
    onServiceChange(true);
    if (state.entry) ui.discard.hidden = state.entry.mode === 'new' || ui.save.hidden || !isDirty();
  });
  field('checked').addEventListener('change', () => { state.checkedTouched = true; });
  ui.diffClose.addEventListener('click', () => {
    ui.diffPanel.hidden = true;
    $('versions-heading').focus();
  });

  ui.insightsDirectorate.addEventListener('change', () => loadInsights(state.gen).catch(showError));
  ui.auditFilter.addEventListener('submit', (event) => {
    event.preventDefault();
    setError('');
    loadAudit(state.gen).catch(showError);
  });
  ui.userForm.addEventListener('submit', createUser);
}

async function start() {
  bindEvents();
  if (!state.token) {
    showLogin('', '');
    return;
  }
  try {
    await loadMe();
    showApp();
    route();
  } catch (err) {
    if (err.handled) return;   // 401: the login form is already shown
    showLogin(describeError(err), '');
  }
}

start();
})();
