/* Ung Veileder caseworker console: browser side of /webhooks/caseworker/ (see ../console.py).
 * Plain JS, no build step, no framework. Runs under a strict CSP (no inline script or style).
 * SECURITY: everything the server sends (above all what young people wrote) is put on the page with
 * createElement/textContent only. Nothing becomes HTML, nothing is linkified, no href is set from data. */
(() => {
'use strict';

// --- Configuration ---------------------------------------------------------------------------
const BASE = new URL('.', location.href);          // the page URL ends with a slash
const QUEUE_INTERVAL_MS = 3000;                     // also the presence heartbeat
const TICKET_INTERVAL_MS = 2000;
const REQUEST_TIMEOUT_MS = 15000;
const STATUS_CLEAR_MS = 8000;
const MAX_TEXT = 2000;

// --- UI texts (bokmål) -----------------------------------------------------------------------
const LANG_NAMES = { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' };
const OUTCOME_NAMES = {
  answered: 'Besvart', referred: 'Henvist videre', handed_back: 'Gitt tilbake til chatboten',
  no_response: 'Ikke svar fra den unge', other: 'Annet',
};
const KIND_TAGS = {
  crisis: 'Krisesvar', handoff: 'Overføring til veileder', handback: 'Tilbake til chatboten',
  referral: 'Henvisning', pickup: 'Henting med kode',
};
const ERROR_TEXTS = {
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

// --- Small helpers (the DOM and fetch helpers are common/staff/staff.js) -----------------------
const { $, el, clear, str, isObj, arr, request } = window.Staff;

let uid = 0;
const nextId = (prefix) => prefix + '-' + (++uid);

// --- Page elements ---------------------------------------------------------------------------
const ui = {
  loading: $('loading'),
  loginView: $('login-view'), loginForm: $('login-form'), username: $('username'), password: $('password'),
  loginButton: $('login-button'), loginError: $('login-error'), loginStatus: $('login-status'),
  appView: $('app-view'), whoami: $('whoami'), meName: $('me-name'), meTeams: $('me-teams'), logout: $('logout'),
  connection: $('connection'), appError: $('app-error'), appStatus: $('app-status'),
  queue: $('queue'), queueEmpty: $('queue-empty'), queueCount: $('queue-count'), queueHeading: $('queue-heading'),
  mine: $('mine'), mineEmpty: $('mine-empty'), mineCount: $('mine-count'), mineHeading: $('mine-heading'),
  ticket: $('ticket'), ticketHeading: $('ticket-heading'), ticketPlaceholder: $('ticket-placeholder'),
  ticketBody: $('ticket-body'), ticketMeta: $('ticket-meta'), ticketState: $('ticket-state'),
  ticketClaim: $('ticket-claim'), release: $('release'), closeView: $('close-view'),
  transcript: $('transcript'),
  replyForm: $('reply-form'), replyText: $('reply-text'), replyCount: $('reply-count'), claimHint: $('claim-hint'),
  handback: document.querySelector('.handback-button'),
  closeForm: $('close-form'), closeOutcome: $('close-outcome'),
  transferForm: $('transfer-form'), transferTeam: $('transfer-team'), transferNote: $('transfer-note'),
  notes: $('notes'), notesEmpty: $('notes-empty'), noteForm: $('note-form'), noteText: $('note-text'),
  noteButton: document.querySelector('.note-button'),
  events: $('events'),
};
const baseTitle = document.title;

// --- State (memory only) ---------------------------------------------------------------------
const state = {
  loggedIn: false,
  session: 0,          // bumped on every login/logout, so late answers for an old session are dropped
  csrf: '',
  me: null,            // {username, name, teams}
  teams: [],           // [{id, name, mine, open}]
  queue: [],
  mine: [],
  open: null,          // the open ticket: {id, ticket, ids, lastId, mine, notesSig, eventsSig, loaded}
  busy: 0,             // ticket actions in flight
  actions: 0,          // completed ticket actions; a poll that raced one is dropped (the next is fresh)
};
const queueRows = new Map();   // ticket id -> {li, info}
const mineRows = new Map();    // ticket id -> {li, button, info}
let transferSig = '';

// --- Formatting ------------------------------------------------------------------------------
function teamName(id) {
  const team = state.teams.find((t) => isObj(t) && t.id === id);
  return team && team.name ? str(team.name) : str(id);
}

const langName = (lang) => LANG_NAMES[lang] || str(lang) || 'ukjent språk';
const minutes = (seconds) => Math.floor(Math.max(0, Number(seconds) || 0) / 60);
const waitingText = (seconds) => 'venter ' + minutes(seconds) + ' min';

function formatTime(ts) {
  const n = Number(ts);
  if (!Number.isFinite(n) || n <= 0) return '';
  const date = new Date(n);
  const sameDay = date.toDateString() === new Date().toDateString();
  try {
    return sameDay
      ? date.toLocaleTimeString('nb-NO', { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString('nb-NO', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  } catch (e) {
    return date.toISOString();
  }
}

function timeElement(ts, className) {
  const text = formatTime(ts);
  if (!text) return null;
  const node = el('time', className, text);
  node.dateTime = new Date(Number(ts)).toISOString();
  return node;
}

/** Redis stream ids ("<ms>-<seq>"): is a newer than b? */
function streamIdNewer(a, b) {
  if (!b) return true;
  const pa = str(a).split('-').map(Number);
  const pb = str(b).split('-').map(Number);
  if ((pa[0] || 0) !== (pb[0] || 0)) return (pa[0] || 0) > (pb[0] || 0);
  return (pa[1] || 0) > (pb[1] || 0);
}

function isMineTicket(ticket) {
  return !!(ticket && state.me && ticket.status === 'claimed' && ticket.claimed_by === state.me.username);
}

// --- Messages: errors (role=alert), confirmations (role=status), connection notice -----------
const announceTimers = new WeakMap();

/** Set a live region's text; clearing it first makes a repeated message be announced again. */
function announce(node, text) {
  clearTimeout(announceTimers.get(node));
  node.textContent = '';
  if (!text) return;
  announceTimers.set(node, setTimeout(() => { node.textContent = text; }, 40));
}

let statusTimer = 0;
function showStatus(text) {
  announce(ui.appStatus, text);
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { ui.appStatus.textContent = ''; }, STATUS_CLEAR_MS);
}

function showError(text) {
  announce(ui.appError, text);
}

function clearMessages() {
  announce(ui.appError, '');
}

function errorText(error) {
  if (error && ERROR_TEXTS[error.code]) return ERROR_TEXTS[error.code];
  const status = error && error.status;
  if (status >= 500) return 'Noe gikk galt på serveren. Prøv igjen om litt.';
  if (status === 413) return ERROR_TEXTS.payload_too_large;
  return 'Noe gikk galt' + (error && error.code ? ' (' + error.code + ')' : '') + '. Prøv igjen.';
}

/** Show an action's error, unless it logged us out (the login form says so already). */
function reportActionError(error) {
  if (!error || error.code === 'unauthorized' || error.status === 401) return;
  showError(errorText(error));
}

function setConnection(text) {
  if (ui.connection.textContent !== text) ui.connection.textContent = text;
}

// --- API -------------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

/** One API call: JSON both ways; POSTs carry the CSRF token (except login). */
async function api(path, options) {
  const opts = options || {};
  const method = opts.method || 'GET';
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (path !== 'login') headers['X-CSRF-Token'] = state.csrf || '';
    init.body = JSON.stringify(opts.body || {});
  }
  const sessionAtStart = state.session;
  const { response, status, data, error, failure } = await request(
    new URL('api/' + path, BASE).href, init, { timeoutMs: REQUEST_TIMEOUT_MS });
  if (failure) throw new ApiError(0, failure);
  if (response.ok) return isObj(data) ? data : {};

  const code = typeof error.code === 'string' ? error.code : 'http_' + status;
  if (status === 401 && path !== 'login') {
    if (sessionAtStart === state.session) onUnauthorized();
    throw new ApiError(401, 'unauthorized', str(error.message));
  }
  if (status === 403 && code === 'csrf' && path !== 'login' && !opts.retried) {
    // The token changed (e.g. a new login in another tab): fetch the current one and try once more.
    await refreshMe();
    return api(path, Object.assign({}, opts, { retried: true }));
  }
  throw new ApiError(status, code, str(error.message));
}

async function refreshMe() {
  const data = await api('me');
  if (typeof data.csrf === 'string') state.csrf = data.csrf;
  if (isObj(data.caseworker)) state.me = data.caseworker;
  if (Array.isArray(data.teams)) state.teams = data.teams;
  renderHeader();
  return data;
}

// --- Polling: one request in flight per poller; keeps going after errors ---------------------
function createPoller(fn, interval) {
  let active = false;
  let inFlight = false;
  let again = false;
  let timer = 0;
  let waiters = [];

  function schedule(delay) {
    clearTimeout(timer);
    timer = 0;
    if (active) timer = setTimeout(run, delay);
  }

  async function run() {
    timer = 0;
    if (!active) return;
    if (inFlight) { again = true; return; }
    inFlight = true;
    again = false;
    const done = waiters;
    waiters = [];
    try {
      await fn();
      setConnection('');
    } catch (e) {
      pollFailed(e);
    } finally {
      inFlight = false;
    }
    done.forEach((resolve) => resolve());
    if (active) schedule(again ? 0 : interval);
  }

  return {
    start() { active = true; schedule(0); },
    stop() {
      active = false;
      again = false;
      clearTimeout(timer);
      timer = 0;
      waiters.splice(0).forEach((resolve) => resolve());
    },
    /** Poll now (or right after the request in flight); resolves when that poll is done. */
    poke() {
      return new Promise((resolve) => {
        if (!active) { resolve(); return; }
        waiters.push(resolve);
        if (inFlight) again = true; else schedule(0);
      });
    },
  };
}

function pollFailed(error) {
  if (!(error instanceof ApiError)) {
    // A bug in rendering must not stop the polling; keep it visible for developers.
    if (typeof console !== 'undefined') console.error(error); // eslint-disable-line no-console
    return;
  }
  if (error.status === 401) return;
  if (error.status === 0) setConnection('Mistet kontakt – prøver igjen');
  else if (error.status >= 500) setConnection('Tjenesten svarer ikke akkurat nå – prøver igjen');
}

const queuePoller = createPoller(pollQueue, QUEUE_INTERVAL_MS);
const ticketPoller = createPoller(pollTicket, TICKET_INTERVAL_MS);

// --- Session ---------------------------------------------------------------------------------
function showLoginView(message) {
  ui.loading.hidden = true;
  ui.appView.hidden = true;
  ui.whoami.hidden = true;
  ui.loginView.hidden = false;
  announce(ui.loginStatus, message || '');
  ui.username.focus();
}

function startSession(caseworker, teams) {
  state.loggedIn = true;
  state.session += 1;
  state.me = isObj(caseworker) ? caseworker : { username: '', name: '', teams: [] };
  state.teams = arr(teams);
  state.queue = [];
  state.mine = [];
  ui.loading.hidden = true;
  ui.loginView.hidden = true;
  announce(ui.loginError, '');
  announce(ui.loginStatus, '');
  ui.appView.hidden = false;
  ui.whoami.hidden = false;
  renderHeader();
  renderLists();
  closeTicketView();
  queuePoller.start();
}

/** Forget everything about the session on this page and show the login form. */
function endSession(message) {
  state.loggedIn = false;
  state.session += 1;
  state.csrf = '';
  state.me = null;
  state.teams = [];
  state.queue = [];
  state.mine = [];
  state.busy = 0;
  queuePoller.stop();
  closeTicketView();
  queueRows.clear();
  mineRows.clear();
  clear(ui.queue);
  clear(ui.mine);
  clear(ui.meTeams);
  ui.meName.textContent = '';
  announce(ui.appError, '');
  announce(ui.appStatus, '');
  setConnection('');
  document.title = baseTitle;
  showLoginView(message);
}

function onUnauthorized() {
  if (state.loggedIn) endSession('Du er logget ut (økten er utløpt). Logg inn igjen.');
  else showLoginView('');
}

async function boot() {
  try {
    const data = await api('me');
    setConnection('');
    state.csrf = str(data.csrf);
    startSession(data.caseworker, data.teams);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return; // onUnauthorized shows the login form
    pollFailed(e);
    if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) {
      setTimeout(boot, QUEUE_INTERVAL_MS);
    } else {
      showLoginView('');
    }
  }
}

async function onLoginSubmit(event) {
  event.preventDefault();
  const username = ui.username.value.trim();
  const password = ui.password.value;
  if (!username || !password) {
    announce(ui.loginError, 'Fyll inn brukernavn og passord.');
    (username ? ui.password : ui.username).focus();
    return;
  }
  ui.loginButton.disabled = true;
  announce(ui.loginError, '');
  try {
    const data = await api('login', { method: 'POST', body: { username, password } });
    ui.password.value = '';
    setConnection('');
    state.csrf = str(data.csrf);
    startSession(data.caseworker, []);
    ui.queueHeading.focus();
  } catch (e) {
    ui.password.value = '';
    announce(ui.loginError, e instanceof ApiError ? errorText(e) : 'Noe gikk galt. Prøv igjen.');
    ui.password.focus();
  } finally {
    ui.loginButton.disabled = false;
  }
}

async function onLogout() {
  ui.logout.disabled = true;
  try {
    await api('logout', { method: 'POST', body: {} });
    endSession('Du er logget ut.');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return; // already logged out; handled
    showError('Klarte ikke å logge ut. ' + errorText(e));
  } finally {
    ui.logout.disabled = false;
  }
}

// --- Header ----------------------------------------------------------------------------------
function renderHeader() {
  if (!state.me) return;
  ui.meName.textContent = str(state.me.name || state.me.username);
  clear(ui.meTeams);
  let mine = state.teams.filter((t) => isObj(t) && t.mine);
  if (!mine.length) mine = arr(state.me.teams).map((id) => ({ id, name: teamName(id), open: null }));
  if (!mine.length) return;
  ui.meTeams.append(el('span', 'me-teams-label', 'Team: '));
  mine.forEach((team, i) => {
    if (i > 0) ui.meTeams.append(document.createTextNode(', '));
    ui.meTeams.append(el('span', 'me-team', str(team.name || team.id)));
    if (team.open === true) ui.meTeams.append(el('span', 'team-open', ' (åpent)'));
    else if (team.open === false) ui.meTeams.append(el('span', 'team-closed', ' (stengt nå)'));
    if (typeof team.waiting === 'number') ui.meTeams.append(el('span', 'team-waiting', ` · ${team.waiting} venter`));
  });
}

// --- Queue and "Mine saker" ------------------------------------------------------------------
async function pollQueue() {
  if (!state.loggedIn) return;
  const session = state.session;
  const actions = state.actions;
  const data = await api('queue');
  if (session !== state.session || !state.loggedIn || actions !== state.actions) return;
  state.queue = arr(data.queue).filter((t) => isObj(t) && t.id);
  state.mine = arr(data.mine).filter((t) => isObj(t) && t.id);
  if (Array.isArray(data.teams)) state.teams = data.teams;
  renderHeader();
  renderLists();
  renderTransferOptions();
}

function fillTicketInfo(info, ticket, forMine) {
  clear(info);
  const urgent = ticket.priority === 'urgent';
  info.append(el('span', 'badge ' + (urgent ? 'badge-urgent' : 'badge-normal'), urgent ? 'Haster' : 'Vanlig'));
  if (ticket.overdue) info.append(el('span', 'badge badge-overdue', 'Over tiden!'));
  info.append(el('span', 'row-team', teamName(ticket.team)));
  info.append(el('span', 'row-lang', langName(ticket.lang)));
  info.append(el('span', 'row-wait', forMine ? 'startet for ' + minutes(ticket.waiting_seconds) + ' min siden'
    : waitingText(ticket.waiting_seconds)));
  if (ticket.offline) info.append(el('span', 'row-offline', 'utenfor åpningstid'));
}

function buildQueueRow(ticket) {
  const id = str(ticket.id);
  const li = el('li', 'ticket-row');
  li.dataset.ticket = id;
  const info = el('p', 'row-info');
  info.id = nextId('queue-info');
  const actions = el('div', 'row-actions');
  const open = el('button', 'button button-secondary button-small open-button', 'Les');
  open.type = 'button';
  open.dataset.ticket = id;
  open.setAttribute('aria-describedby', info.id);
  const claim = el('button', 'button button-primary button-small claim-button', 'Ta saken');
  claim.type = 'button';
  claim.dataset.ticket = id;
  claim.setAttribute('aria-describedby', info.id);
  actions.append(open, claim);
  li.append(info, actions);
  return { li, info, open, claim };
}

function buildMineRow(ticket) {
  const id = str(ticket.id);
  const li = el('li', 'ticket-row mine-row');
  li.dataset.ticket = id;
  const button = el('button', 'row-button open-button');
  button.type = 'button';
  button.dataset.ticket = id;
  const info = el('span', 'row-info');
  button.append(info);
  li.append(button);
  return { li, info, button };
}

/** Update a list in place (keeps focus and scroll): add, update, reorder and remove rows. */
function syncList(list, rows, tickets, build, update, heading) {
  const active = document.activeElement;
  const hadFocus = active && list.contains(active);
  const wanted = new Set(tickets.map((t) => str(t.id)));
  rows.forEach((row, id) => {
    if (!wanted.has(id)) { row.li.remove(); rows.delete(id); }
  });
  tickets.forEach((ticket, index) => {
    const id = str(ticket.id);
    let row = rows.get(id);
    if (!row) { row = build(ticket); rows.set(id, row); }
    update(row, ticket);
    const current = list.children[index];
    if (current !== row.li) list.insertBefore(row.li, current || null);
  });
  if (hadFocus && document.activeElement !== active) {
    if (active.isConnected) active.focus();
    else heading.focus();
  }
}

function renderLists() {
  const openId = state.open ? state.open.id : null;
  syncList(ui.queue, queueRows, state.queue, buildQueueRow, (row, ticket) => {
    fillTicketInfo(row.info, ticket, false);
    row.li.classList.toggle('urgent', ticket.priority === 'urgent');
    row.li.classList.toggle('overdue', !!ticket.overdue);
    row.li.classList.toggle('offline', !!ticket.offline);
    row.claim.disabled = state.busy > 0;
  }, ui.queueHeading);
  syncList(ui.mine, mineRows, state.mine, buildMineRow, (row, ticket) => {
    fillTicketInfo(row.info, ticket, true);
    row.li.classList.toggle('urgent', ticket.priority === 'urgent');
  }, ui.mineHeading);
  markSelected(openId);

  ui.queueEmpty.hidden = state.queue.length > 0;
  ui.mineEmpty.hidden = state.mine.length > 0;
  ui.queueCount.textContent = state.queue.length ? '(' + state.queue.length + ')' : '';
  ui.mineCount.textContent = state.mine.length ? '(' + state.mine.length + ')' : '';
  const urgent = state.queue.filter((t) => t.priority === 'urgent').length;
  document.title = (state.queue.length ? '(' + state.queue.length + (urgent ? ', ' + urgent + ' haster' : '') + ') ' : '') + baseTitle;
}

function markSelected(openId) {
  queueRows.forEach((row, id) => {
    row.li.classList.toggle('selected', id === openId);
    if (id === openId) row.open.setAttribute('aria-current', 'true'); else row.open.removeAttribute('aria-current');
  });
  mineRows.forEach((row, id) => {
    row.li.classList.toggle('selected', id === openId);
    if (id === openId) row.button.setAttribute('aria-current', 'true'); else row.button.removeAttribute('aria-current');
  });
}

function onQueueClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const claim = target.closest('.claim-button');
  if (claim && ui.queue.contains(claim)) { claimTicket(claim.dataset.ticket); return; }
  const row = target.closest('.ticket-row');
  if (row && ui.queue.contains(row) && !target.closest('button:not(.open-button)')) openTicket(row.dataset.ticket);
}

function onMineClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  const row = target && target.closest('.ticket-row');
  if (row && ui.mine.contains(row)) openTicket(row.dataset.ticket);
}

// --- The open ticket -------------------------------------------------------------------------
function openTicket(id) {
  if (!id || !state.loggedIn) return;
  if (state.open && state.open.id === id) {
    ui.ticketHeading.focus();
    ticketPoller.poke();
    return;
  }
  state.open = { id, ticket: null, ids: new Set(), lastId: null, mine: false, notesSig: '', eventsSig: '', loaded: false };
  ui.ticket.dataset.ticket = id;
  // Drafts belong to the previous conversation: never let them go to someone else.
  ui.replyText.value = '';
  ui.noteText.value = '';
  ui.transferNote.value = '';
  updateCounter();
  clear(ui.transcript);
  clear(ui.notes);
  clear(ui.events);
  clear(ui.ticketMeta);
  clear(ui.transferTeam);           // choices for the previous ticket must not carry over
  transferSig = '';
  ui.closeOutcome.value = 'answered';
  ui.ticketPlaceholder.hidden = true;
  ui.ticketBody.hidden = false;
  ui.ticketHeading.textContent = 'Sak';
  ui.ticketState.textContent = 'Henter saken …';
  ui.transcript.setAttribute('aria-busy', 'true');
  renderControls();
  markSelected(id);
  ticketPoller.start();
  ui.ticketHeading.focus();
}

function closeTicketView() {
  ticketPoller.stop();
  state.open = null;
  ui.ticket.removeAttribute('data-ticket');
  ui.ticketBody.hidden = true;
  ui.ticketPlaceholder.hidden = false;
  ui.ticketHeading.textContent = 'Sak';
  clear(ui.transcript);
  clear(ui.notes);
  clear(ui.events);
  clear(ui.ticketMeta);
  ui.replyText.value = '';
  ui.noteText.value = '';
  ui.transferNote.value = '';
  updateCounter();
  markSelected(null);
}

async function pollTicket() {
  const open = state.open;
  if (!open || !state.loggedIn) return;
  const actions = state.actions;
  let data;
  try {
    data = await api('tickets/' + encodeURIComponent(open.id));
  } catch (e) {
    if (state.open !== open) return;
    if (e instanceof ApiError && e.status === 404) {
      closeTicketView();
      showError(ERROR_TEXTS.unknown_ticket);
      ui.queueHeading.focus();
      return;
    }
    throw e;
  }
  if (state.open !== open || !isObj(data.ticket) || actions !== state.actions) return;
  applyTicket(open, data);
}

function applyTicket(open, data) {
  const wasMine = open.mine;
  open.ticket = data.ticket;
  open.mine = isMineTicket(data.ticket);
  if (open.loaded && wasMine && !open.mine) {
    showError(data.ticket.status === 'closed'
      ? 'Saken er avsluttet.'
      : 'Du har ikke lenger denne saken. Den er lagt tilbake i køen eller tatt av en annen veileder.');
  }
  applyTranscript(open, arr(data.transcript), !open.loaded);
  renderNotes(open, arr(data.notes));
  renderEvents(open, arr(data.events));
  open.loaded = true;
  ui.transcript.setAttribute('aria-busy', 'false');
  renderTicket();
}

function renderTicket() {
  const open = state.open;
  if (!open || !open.ticket) { renderControls(); return; }
  const t = open.ticket;
  const urgent = t.priority === 'urgent';
  ui.ticketHeading.textContent = (urgent ? 'Haster: ' : '') + 'Sak fra ' + teamName(t.team);

  clear(ui.ticketMeta);
  const meta = (className, text) => ui.ticketMeta.append(el('li', className, text));
  meta('badge ' + (urgent ? 'badge-urgent' : 'badge-normal'), urgent ? 'Haster' : 'Vanlig prioritet');
  if (t.overdue) meta('badge badge-overdue', 'Over tiden!');
  meta('meta-item', 'Team: ' + teamName(t.team));
  meta('meta-item', 'Språk: ' + langName(t.lang));
  if (t.service) meta('meta-item', 'Tjeneste: ' + str(t.service));
  const created = formatTime(t.created);
  if (created) meta('meta-item', 'Opprettet ' + created);
  if (t.status === 'queued') meta('meta-item', waitingText(t.waiting_seconds));
  if (t.offline) meta('meta-item meta-offline', 'utenfor åpningstid');

  let stateText;
  if (t.status === 'queued') stateText = 'Status: I køen – ingen har tatt saken ennå.';
  else if (t.status === 'claimed') stateText = open.mine ? 'Status: Du har saken.' : 'Status: Tatt av ' + str(t.claimed_by) + '.';
  else if (t.status === 'closed') stateText = 'Status: Avsluttet' + (t.outcome ? ' – ' + (OUTCOME_NAMES[t.outcome] || str(t.outcome)) : '') + '.';
  else stateText = 'Status: ' + str(t.status);
  ui.ticketState.textContent = stateText;
  ui.ticketState.className = 'ticket-state state-' + (open.mine ? 'mine' : /^[a-z]+$/.test(str(t.status)) ? t.status : 'other');

  renderTransferOptions();
  renderControls();
}

/** Enable what the caseworker may do now: most actions need the ticket claimed by them. */
function renderControls() {
  const open = state.open;
  const t = open && open.ticket;
  const mine = !!(open && open.mine);
  const busy = state.busy > 0;
  const queued = !!(t && t.status === 'queued');

  ui.ticketClaim.hidden = !queued;
  ui.ticketClaim.disabled = busy || !queued;
  if (open) ui.ticketClaim.dataset.ticket = open.id; else ui.ticketClaim.removeAttribute('data-ticket');
  ui.release.hidden = !mine;

  document.querySelectorAll('#ticket .needs-claim').forEach((button) => {
    button.disabled = busy || !mine;
  });
  ui.noteButton.disabled = busy || !t;

  if (!t) ui.claimHint.textContent = '';
  else if (mine) ui.claimHint.textContent = '';
  else if (t.status === 'closed') ui.claimHint.textContent = 'Saken er avsluttet. Du kan fortsatt skrive notater.';
  else if (t.status === 'claimed') ui.claimHint.textContent = 'En annen veileder har saken. Du kan lese og skrive notater.';
  else ui.claimHint.textContent = 'Du må først ta over saken for å kunne svare, sende den videre, avslutte eller gi den tilbake til chatboten.';
  ui.claimHint.hidden = !ui.claimHint.textContent;

  queueRows.forEach((row) => { row.claim.disabled = busy; });
}

function speakerLabel(role, custom) {
  if (role === 'user') return 'Ungdom';
  if (role === 'bot') return 'Chatbot';
  if (role === 'agent') {
    const name = str(custom.name);
    if (state.me && name && name === str(state.me.name)) return 'Du (veileder)';
    return name ? 'Veileder ' + name : 'Veileder';
  }
  return 'Ukjent';
}

function renderMessage(message) {
  const role = /^[a-z]+$/.test(str(message.role)) ? message.role : 'other';
  const custom = isObj(message.custom) ? message.custom : {};
  const node = el('div', 'msg msg-' + role);
  node.dataset.id = str(message.id);

  const head = el('p', 'msg-head');
  head.append(el('span', 'msg-speaker', speakerLabel(role, custom)));
  const tag = role === 'user' && custom.payload ? 'Trykket på knapp' : KIND_TAGS[custom.kind];
  if (tag) head.append(el('span', 'msg-tag' + (custom.kind === 'crisis' ? ' msg-tag-crisis' : ''), tag));
  const time = timeElement(message.ts, 'msg-time');
  if (time) head.append(time);
  node.append(head);

  node.append(el('p', 'msg-text', str(message.text)));

  const buttons = arr(message.buttons).map((b) => (isObj(b) ? str(b.title || b.payload) : str(b))).filter(Boolean);
  if (buttons.length) {
    const wrap = el('div', 'msg-buttons');
    wrap.append(el('span', 'msg-buttons-label', 'Svarknapper som ble vist: '));
    const list = el('ul', 'msg-buttons-list');
    buttons.forEach((title) => list.append(el('li', null, title)));
    wrap.append(list);
    node.append(wrap);
  }
  // The knowledge-base source, as plain text (never a link built from message data).
  if (typeof custom.url === 'string' && custom.url && str(message.text).indexOf(custom.url) < 0) {
    node.append(el('p', 'msg-source', 'Kilde: ' + custom.url));
  }
  return node;
}

/** Append messages not shown yet (by id), in order; hidden user messages are only counted as seen. */
function applyTranscript(open, messages, initial) {
  const box = ui.transcript;
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  let added = 0;
  messages.forEach((message) => {
    if (!isObj(message) || message.id === undefined || message.id === null) return;
    const id = str(message.id);
    if (streamIdNewer(id, open.lastId)) open.lastId = id;
    if (open.ids.has(id)) return;
    open.ids.add(id);
    const custom = isObj(message.custom) ? message.custom : {};
    if (message.role === 'user' && custom.hidden) return;
    const node = renderMessage(message);
    if (!initial) node.classList.add('msg-new');
    box.append(node);
    added += 1;
  });
  if (initial && !box.firstChild) box.append(el('p', 'empty transcript-empty', 'Ingen meldinger ennå.'));
  if (added) {
    const placeholder = box.querySelector('.transcript-empty');
    if (placeholder) placeholder.remove();
    if (initial || nearBottom) box.scrollTop = box.scrollHeight;
  }
}

function renderNotes(open, notes) {
  const sig = JSON.stringify(notes);
  if (sig === open.notesSig) return;
  open.notesSig = sig;
  clear(ui.notes);
  notes.filter(isObj).forEach((note) => {
    const li = el('li', 'note');
    const meta = el('p', 'note-meta');
    meta.append(el('span', 'note-by', str(note.by) || 'ukjent'));
    const time = timeElement(note.ts, 'note-time');
    if (time) meta.append(document.createTextNode(' · '), time);
    li.append(meta, el('p', 'note-text', str(note.text)));
    ui.notes.append(li);
  });
  ui.notesEmpty.hidden = notes.length > 0;
}

function describeEvent(event) {
  const by = event.by ? ' av ' + str(event.by) : '';
  switch (event.event) {
    case 'created': return 'Opprettet' + (event.team ? ' for ' + teamName(event.team) : '') + (event.priority === 'urgent' ? ' (haster)' : '');
    case 'claimed': return 'Tatt' + by;
    case 'released': return 'Lagt tilbake i køen' + by;
    case 'released_on_disconnect': return 'Lagt tilbake i køen fordi veilederen mistet kontakt';
    case 'transferred': return 'Overført til ' + teamName(event.to) + by;
    case 'urgent': return 'Markert som haster';
    case 'closed': return 'Avsluttet' + by + (event.outcome ? ': ' + (OUTCOME_NAMES[event.outcome] || str(event.outcome)) : '');
    default: return str(event.event) || 'Hendelse';
  }
}

function renderEvents(open, events) {
  const sig = JSON.stringify(events);
  if (sig === open.eventsSig) return;
  open.eventsSig = sig;
  clear(ui.events);
  events.filter(isObj).forEach((event) => {
    const li = el('li', 'event');
    const time = timeElement(event.ts, 'event-time');
    if (time) li.append(time, document.createTextNode(' '));
    li.append(el('span', 'event-text', describeEvent(event)));
    ui.events.append(li);
  });
}

function renderTransferOptions() {
  const open = state.open;
  const current = open && open.ticket ? open.ticket.team : null;
  const teams = state.teams.filter((t) => isObj(t) && t.id && t.id !== current);
  const sig = JSON.stringify([current, teams.map((t) => [t.id, t.name, t.open])]);
  if (sig === transferSig) return;
  transferSig = sig;
  const select = ui.transferTeam;
  const previous = select.value;
  clear(select);
  const placeholder = el('option', null, 'Velg team');
  placeholder.value = '';
  select.append(placeholder);
  teams.forEach((team) => {
    const option = el('option', null, str(team.name || team.id) + (team.open === false ? ' (stengt nå)' : ''));
    option.value = str(team.id);
    select.append(option);
  });
  if (previous && teams.some((t) => t.id === previous)) select.value = previous;
}

function updateCounter() {
  ui.replyCount.textContent = ui.replyText.value.length + ' av ' + MAX_TEXT + ' tegn';
}

// --- Ticket actions --------------------------------------------------------------------------
function setBusy(delta) {
  state.busy = Math.max(0, state.busy + delta);
  renderControls();
}

async function ticketAction(id, action, body) {
  setBusy(1);
  try {
    return await api('tickets/' + encodeURIComponent(id) + '/' + action, { method: 'POST', body: body || {} });
  } finally {
    state.actions += 1;
    setBusy(-1);
  }
}

async function claimTicket(id) {
  if (!id || state.busy) return;
  clearMessages();
  const fromPanel = !!(state.open && state.open.id === id);
  try {
    const data = await ticketAction(id, 'claim', {});
    showStatus('Du har tatt saken.');
    state.queue = state.queue.filter((t) => str(t.id) !== id);
    renderLists();
    queuePoller.poke();
    if (state.open && state.open.id === id) {
      if (isObj(data.ticket)) {
        state.open.ticket = Object.assign({}, state.open.ticket || {}, data.ticket);
        state.open.mine = isMineTicket(state.open.ticket);
      }
      renderTicket();
      ticketPoller.poke();
      if (fromPanel) ui.replyText.focus();
    } else {
      openTicket(id);
    }
  } catch (e) {
    reportActionError(e);
    queuePoller.poke();
    if (state.open && state.open.id === id) ticketPoller.poke();
  }
}

async function onRelease() {
  const open = state.open;
  if (!open || !open.mine) return;
  clearMessages();
  try {
    await ticketAction(open.id, 'release', {});
    if (state.open === open) {
      open.mine = false;
      open.ticket = Object.assign({}, open.ticket, { status: 'queued', claimed_by: '' });
      renderTicket();
      ui.ticketClaim.focus();
      ticketPoller.poke();
    }
    showStatus('Saken er lagt tilbake i køen.');
    queuePoller.poke();
  } catch (e) {
    reportActionError(e);
    if (state.open === open) ticketPoller.poke();
  }
}

// While the caseworker writes a reply, the young person sees "Kari skriver …": tell the server at
// most every 3 s (the mark lasts 6 s there). Not through ticketAction: no busy state, no errors shown.
let typingSentAt = 0;
function onReplyTyping() {
  const open = state.open;
  const now = Date.now();
  if (!open || !open.mine || !ui.replyText.value.trim() || now - typingSentAt < 3000) return;
  typingSentAt = now;
  api('tickets/' + encodeURIComponent(open.id) + '/typing', { method: 'POST', body: {} }).catch(() => {});
}

async function onReply(event) {
  event.preventDefault();
  const open = state.open;
  if (!open || state.busy) return;
  if (!open.mine) { showError('Du må ta over saken før du kan svare.'); return; }
  const text = ui.replyText.value.trim();
  if (!text) { showError('Skriv et svar før du sender.'); ui.replyText.focus(); return; }
  if (text.length > MAX_TEXT) { showError(ERROR_TEXTS.invalid_text); ui.replyText.focus(); return; }
  clearMessages();
  try {
    typingSentAt = 0;
    const data = await ticketAction(open.id, 'reply', { text });
    if (state.open === open) {
      ui.replyText.value = '';
      updateCounter();
      if (isObj(data.message)) applyTranscript(open, [data.message], false);
      ui.transcript.scrollTop = ui.transcript.scrollHeight;
    }
    showStatus('Svar sendt');
  } catch (e) {
    reportActionError(e); // the draft stays in the text box
    if (state.open === open) ticketPoller.poke();
  }
}

async function onNote(event) {
  event.preventDefault();
  const open = state.open;
  if (!open || state.busy) return;
  const text = ui.noteText.value.trim();
  if (!text) { showError('Skriv et notat før du lagrer.'); ui.noteText.focus(); return; }
  if (text.length > MAX_TEXT) { showError(ERROR_TEXTS.invalid_text); ui.noteText.focus(); return; }
  clearMessages();
  try {
    const data = await ticketAction(open.id, 'note', { text });
    if (state.open === open) {
      ui.noteText.value = '';
      if (Array.isArray(data.notes)) renderNotes(open, data.notes);
    }
    showStatus('Notat lagret');
  } catch (e) {
    reportActionError(e);
  }
}

async function onTransfer(event) {
  event.preventDefault();
  const open = state.open;
  if (!open || !open.mine || state.busy) return;
  const team = ui.transferTeam.value;
  if (!team) { showError(ERROR_TEXTS.invalid_team); ui.transferTeam.focus(); return; }
  const note = ui.transferNote.value.trim();
  if (note.length > MAX_TEXT) { showError(ERROR_TEXTS.invalid_note); ui.transferNote.focus(); return; }
  clearMessages();
  try {
    await ticketAction(open.id, 'transfer', { team, note });
    if (state.open === open) closeTicketView();
    showStatus('Saken er overført til ' + teamName(team) + '.');
    queuePoller.poke();
    ui.queueHeading.focus();
  } catch (e) {
    reportActionError(e);
    if (state.open === open) ticketPoller.poke();
  }
}

/** Close or hand back. `seen` is the newest message loaded, so the server can refuse (409
 * new_message) if the young person wrote something the caseworker has not seen yet. */
async function finishTicket(action, body, doneText) {
  const open = state.open;
  if (!open || !open.mine || state.busy) return;
  clearMessages();
  try {
    await ticketAction(open.id, action, Object.assign({ seen: open.lastId || '0-0' }, body));
    if (state.open === open) closeTicketView();
    showStatus(doneText);
    queuePoller.poke();
    ui.queueHeading.focus();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'new_message') {
      if (state.open === open) {
        await ticketPoller.poke();
        showError(ERROR_TEXTS.new_message);
        const users = ui.transcript.querySelectorAll('.msg-user');
        const fresh = users.length ? users[users.length - 1] : null;
        if (fresh) fresh.classList.add('msg-unread');
        ui.transcript.scrollTop = ui.transcript.scrollHeight;
        ui.transcript.focus();
      }
      return;
    }
    reportActionError(e);
    if (state.open === open) ticketPoller.poke();
  }
}

function onClose(event) {
  event.preventDefault();
  const outcome = ui.closeOutcome.value;
  if (!OUTCOME_NAMES[outcome]) { showError(ERROR_TEXTS.invalid_outcome); ui.closeOutcome.focus(); return; }
  finishTicket('close', { outcome }, 'Saken er avsluttet (' + OUTCOME_NAMES[outcome].toLowerCase() + ').');
}

function onHandback() {
  finishTicket('handback', {}, 'Samtalen er gitt tilbake til chatboten.');
}

/** Ctrl/Cmd + Enter submits the form of a text area. */
function submitOnCtrlEnter(event) {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  const form = event.target.form;
  if (!form) return;
  if (typeof form.requestSubmit === 'function') form.requestSubmit();
  else form.dispatchEvent(new Event('submit', { cancelable: true }));
}

// --- Wiring ----------------------------------------------------------------------------------
ui.loginForm.addEventListener('submit', onLoginSubmit);
ui.logout.addEventListener('click', onLogout);
ui.queue.addEventListener('click', onQueueClick);
ui.mine.addEventListener('click', onMineClick);
ui.ticketClaim.addEventListener('click', () => { if (state.open) claimTicket(state.open.id); });
ui.release.addEventListener('click', onRelease);
ui.closeView.addEventListener('click', () => {
  const id = state.open && state.open.id;
  closeTicketView();
  const row = id && (mineRows.get(id) || queueRows.get(id));
  if (row) (row.button || row.open).focus(); else ui.queueHeading.focus();
});
ui.replyForm.addEventListener('submit', onReply);
ui.noteForm.addEventListener('submit', onNote);
ui.transferForm.addEventListener('submit', onTransfer);
ui.closeForm.addEventListener('submit', onClose);
ui.handback.addEventListener('click', onHandback);
ui.replyText.addEventListener('input', updateCounter);
ui.replyText.addEventListener('input', onReplyTyping);
ui.replyText.addEventListener('keydown', submitOnCtrlEnter);
ui.noteText.addEventListener('keydown', submitOnCtrlEnter);

updateCounter();
boot();
})();
