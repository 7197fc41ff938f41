/* Ung Veileder caseworker console: browser side of /webhooks/caseworker/ (see ../console.py).
 * An ES module, no build step; lit (vendored in common/staff/vendor/) renders what comes from the
 * server (console-views.js). Runs under a strict CSP (no inline script or style).
 * SECURITY: everything the server sends is put on the page through lit's text and attribute
 * bindings or textContent only. Nothing becomes HTML, nothing is linkified, no href is set from data. */
import { ApiError, createApi } from './console-api.js';
import { createPoller } from './console-poller.js';
import { ERROR_TEXTS, OUTCOME_NAMES, errorText } from './console-texts.js';
import { streamIdNewer } from './console-format.js';
import {
  eventsView, mineView, nothing, notesView, queueView, render, renderKeepingFocus, teamsView, ticketMetaView,
  transcriptView, transferOptionsView,
} from './console-views.js';

// --- Configuration ---------------------------------------------------------------------------
const BASE = new URL('.', location.href);          // the page URL ends with a slash
const QUEUE_INTERVAL_MS = 3000;                     // also the presence heartbeat
const TICKET_INTERVAL_MS = 2000;
const REQUEST_TIMEOUT_MS = 15000;
const STATUS_CLEAR_MS = 8000;
const MAX_TEXT = 2000;

// --- Small helpers (the DOM and fetch helpers are common/staff/staff.js) -----------------------
const { $, str, isObj, arr } = window.Staff;

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
  open: null,          // the open ticket: see openTicket()
  busy: 0,             // ticket actions in flight
  actions: 0,          // completed ticket actions; a poll that raced one is dropped (the next is fresh)
};

function teamName(id) {
  const team = state.teams.find((t) => isObj(t) && t.id === id);
  return team && team.name ? str(team.name) : str(id);
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

/** Show an action's error, unless it logged us out (the login form says so already). */
function reportActionError(error) {
  if (!error || error.code === 'unauthorized' || error.status === 401) return;
  showError(errorText(error));
}

function setConnection(text) {
  if (ui.connection.textContent !== text) ui.connection.textContent = text;
}

// --- API -------------------------------------------------------------------------------------
const api = createApi({
  base: BASE,
  timeoutMs: REQUEST_TIMEOUT_MS,
  session: {
    csrf: () => state.csrf,
    id: () => state.session,
    onUnauthorized: () => onUnauthorized(),
    refresh: () => refreshMe(),
  },
});

async function refreshMe() {
  const data = await api('me');
  if (typeof data.csrf === 'string') state.csrf = data.csrf;
  if (isObj(data.caseworker)) state.me = data.caseworker;
  if (Array.isArray(data.teams)) state.teams = data.teams;
  renderHeader();
  return data;
}

// --- Polling ---------------------------------------------------------------------------------
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

const pollOutcome = { onSuccess: () => setConnection(''), onError: pollFailed };
const queuePoller = createPoller(pollQueue, QUEUE_INTERVAL_MS, pollOutcome);
const ticketPoller = createPoller(pollTicket, TICKET_INTERVAL_MS, pollOutcome);

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
  closeTicketView();   // renders the lists, empty now
  render(teamsView([]), ui.meTeams);
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
  let mine = state.teams.filter((t) => isObj(t) && t.mine);
  if (!mine.length) mine = arr(state.me.teams).map((id) => ({ id, name: teamName(id), open: null }));
  render(teamsView(mine), ui.meTeams);
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

/** Both lists, in place (lit's repeat keeps each row and so focus and scroll), counts and title. */
function renderLists() {
  const openId = state.open ? state.open.id : null;
  renderKeepingFocus(queueView(state.queue, { openId, busy: state.busy > 0, teamName }), ui.queue, ui.queueHeading);
  renderKeepingFocus(mineView(state.mine, { openId, teamName }), ui.mine, ui.mineHeading);

  ui.queueEmpty.hidden = state.queue.length > 0;
  ui.mineEmpty.hidden = state.mine.length > 0;
  ui.queueCount.textContent = state.queue.length ? '(' + state.queue.length + ')' : '';
  ui.mineCount.textContent = state.mine.length ? '(' + state.mine.length + ')' : '';
  const urgent = state.queue.filter((t) => t.priority === 'urgent').length;
  document.title = (state.queue.length ? '(' + state.queue.length + (urgent ? ', ' + urgent + ' haster' : '') + ') ' : '') + baseTitle;
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

/** The button that opens a ticket's row, in "Mine saker" first, else in the queue. */
function rowButton(id) {
  const buttons = [...ui.mine.querySelectorAll('.open-button'), ...ui.queue.querySelectorAll('.open-button')];
  return buttons.find((button) => button.dataset.ticket === id) || null;
}

// --- The open ticket -------------------------------------------------------------------------
function openTicket(id) {
  if (!id || !state.loggedIn) return;
  if (state.open && state.open.id === id) {
    ui.ticketHeading.focus();
    ticketPoller.poke();
    return;
  }
  state.open = {
    id,
    ticket: null,
    ids: new Set(),      // every message id seen, hidden ones too
    shown: [],           // [{message, fresh}] on the page, in order
    unread: new Set(),   // ids marked as not read yet (a refused close or hand-back)
    lastId: null,
    mine: false,
    loaded: false,
  };
  ui.ticket.dataset.ticket = id;
  // Drafts belong to the previous conversation: never let them go to someone else.
  ui.replyText.value = '';
  ui.noteText.value = '';
  ui.transferNote.value = '';
  updateCounter();
  clearTicketLists();
  render(transferOptionsView([]), ui.transferTeam);   // choices for the previous ticket must not carry over
  ui.transferTeam.value = '';
  ui.closeOutcome.value = 'answered';
  ui.ticketPlaceholder.hidden = true;
  ui.ticketBody.hidden = false;
  ui.ticketHeading.textContent = 'Sak';
  ui.ticketState.textContent = 'Henter saken …';
  ui.transcript.setAttribute('aria-busy', 'true');
  renderControls();   // and the lists, with this ticket's row selected
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
  clearTicketLists();
  ui.replyText.value = '';
  ui.noteText.value = '';
  ui.transferNote.value = '';
  updateCounter();
  renderLists();
}

/** Empty the transcript, notes, events and facts (a ticket opened anew or none open). */
function clearTicketLists() {
  render(transcriptView({ shown: [], unread: new Set(), loaded: false, meName: '' }), ui.transcript);
  render(notesView([]), ui.notes);
  render(eventsView([], teamName), ui.events);
  render(nothing, ui.ticketMeta);
}

const meName = () => (state.me ? str(state.me.name) : '');

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
  const initial = !open.loaded;
  const wasMine = open.mine;
  open.ticket = data.ticket;
  open.mine = isMineTicket(data.ticket);
  if (open.loaded && wasMine && !open.mine) {
    showError(data.ticket.status === 'closed'
      ? 'Saken er avsluttet.'
      : 'Du har ikke lenger denne saken. Den er lagt tilbake i køen eller tatt av en annen veileder.');
  }
  open.loaded = true;
  applyTranscript(open, arr(data.transcript), initial);
  renderNotes(open, arr(data.notes));
  render(eventsView(arr(data.events), teamName), ui.events);
  ui.transcript.setAttribute('aria-busy', 'false');
  renderTicket();
}

/** Add messages not shown yet (by id), in order; hidden user messages are only counted as seen. */
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
    open.shown.push({ message, fresh: !initial });
    added += 1;
  });
  renderTranscript(open);
  if (added && (initial || nearBottom)) box.scrollTop = box.scrollHeight;
}

function renderTranscript(open) {
  render(transcriptView({ shown: open.shown, unread: open.unread, loaded: open.loaded, meName: meName() }), ui.transcript);
}

function renderNotes(open, notes) {
  render(notesView(notes), ui.notes);
  ui.notesEmpty.hidden = notes.length > 0;
}

function renderTicket() {
  const open = state.open;
  if (!open || !open.ticket) { renderControls(); return; }
  const t = open.ticket;
  const urgent = t.priority === 'urgent';
  ui.ticketHeading.textContent = (urgent ? 'Haster: ' : '') + 'Sak fra ' + teamName(t.team);
  render(ticketMetaView(t, teamName), ui.ticketMeta);

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

  renderLists();   // the queue's claim buttons follow `busy` too
}

/** The teams the open ticket can go to (all but its own). */
function renderTransferOptions() {
  const open = state.open;
  const current = open && open.ticket ? open.ticket.team : null;
  const teams = state.teams.filter((t) => isObj(t) && t.id && t.id !== current);
  render(transferOptionsView(teams), ui.transferTeam);
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
        const users = open.shown.filter((item) => item.message.role === 'user');
        if (users.length) open.unread.add(str(users[users.length - 1].message.id));
        renderTranscript(open);
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
  const button = id && rowButton(id);
  if (button) button.focus(); else ui.queueHeading.focus();
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
