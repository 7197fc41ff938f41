/* Ung Veileder content-owner pages: the browser side of the /v1/admin API (routes/admin.py).
 * An ES module, no build step; lit (vendored in common/staff/vendor/) renders what comes from the
 * server (admin-views.js). Runs under a strict CSP (no inline script or style).
 * SECURITY: everything the server sends (entries, questions young people asked, user names) is put
 * on the page through lit's text and attribute bindings, textContent or value only. Nothing is
 * parsed as HTML, and the only hrefs set from data are same-page hash links built from
 * encodeURIComponent(entry id). */
import { ApiError, createApi } from './admin-api.js';
import {
  CHECKED_NAMES, DONE_TEXTS, describeError, directorateName, fieldText, reasonFields, roleName, statusName,
} from './admin-texts.js';
import { num, todayIso } from './admin-format.js';
import {
  covers, entryActions, forgetUserData, myDirectorates, roleMay, saveToken, serviceName, state,
} from './admin-state.js';
import {
  ENTRY_FIELDS, addFieldError, clearFieldErrors, field, fillForm, formSignature, isDirty, readForm, resetCounters,
  setFormReadOnly, showFieldErrors, updateCounters,
} from './admin-form.js';
import {
  auditView, diffView, directorateBoxes, directorateOptions, entriesView, entryHref, entryIdOptions, entryStateView,
  groupsView, messageView, nothing, publishedView, render, statsView, statusView, usersView, versionsView,
} from './admin-views.js';

// --- Configuration ---------------------------------------------------------------------------
const REQUEST_TIMEOUT_MS = 20000;
const STATUS_CLEAR_MS = 12000;
const MAX_CSV_BYTES = 5 * 1024 * 1024;
const BASE_TITLE = 'Ung Veileder innhold';

// --- Small helpers (the DOM and fetch helpers are common/staff/staff.js) -----------------------
const { $, str, isObj, arr } = window.Staff;
const enc = encodeURIComponent;

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (err) { return text; }
}

// --- Page elements ---------------------------------------------------------------------------
const ui = {
  loading: $('loading'),
  loginView: $('login-view'), loginForm: $('login-form'),
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
  entryHeading: $('entry-heading'), entryState: $('entry-state'), entryHint: $('entry-hint'),
  publishedPanel: $('published-panel'), publishedFields: $('published-fields'),
  form: $('entry-form'), formHeading: $('form-heading'), actionsHint: $('actions-hint'),
  save: $('save'), submit: $('submit'), publish: $('publish'), reject: $('reject'), archive: $('archive'),
  discard: $('discard'),
  versionsSection: $('versions-section'), versionsHeading: $('versions-heading'), versionsBody: $('versions-body'),
  versionsEmpty: $('versions-empty'), diffPanel: $('diff-panel'), diffHeading: $('diff-heading'), diff: $('diff'),
  diffClose: $('diff-close'),
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
// The entry's workflow actions besides saving, each a button with the action's name as its id.
const WORKFLOW_ACTIONS = ['submit', 'publish', 'reject', 'archive'];
const ACTION_BUTTONS = [ui.save, ui.submit, ui.publish, ui.reject, ui.archive, ui.discard];
// The lists lit renders into, emptied when a user logs out.
const RENDERED = [ui.entriesBody, ui.versionsBody, ui.entryAuditBody, ui.insightsList, ui.statsBody, ui.auditBody,
  ui.usersBody, ui.userDirectorates, ui.entryIds, ui.publishedFields, ui.diff, ui.entryState];

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

// --- API -------------------------------------------------------------------------------------
const api = createApi({
  base: '/v1/admin',
  timeoutMs: REQUEST_TIMEOUT_MS,
  token: () => state.token,
  onUnauthorized: () => handleUnauthorized(),
});

// --- Messages --------------------------------------------------------------------------------
let statusTimer = 0;

/** A confirmation in the role=status region; `link` = {href, text} for a follow-up. */
function setStatus(text, link) {
  clearTimeout(statusTimer);
  render(statusView(text, link), ui.appStatus);
  if (text) statusTimer = setTimeout(() => render(nothing, ui.appStatus), STATUS_CLEAR_MS);
}

/** An error in the role=alert banner, with an optional list of details. */
function setError(text, details) {
  render(messageView(text, details), ui.appError);
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
/** A 401: the session is gone; log in again and come back to this page. */
function handleUnauthorized() {
  saveToken('');
  state.user = null;
  state.gen++;
  if (location.hash && location.hash !== '#/') state.returnTo = location.hash;
  showLogin('Økten er utløpt. Logg inn på nytt.', '');
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
    saveToken(str(data.token));
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
  forgetUserData();
  for (const container of RENDERED) render(nothing, container);
  ui.form.reset();
  ui.userForm.reset();
  ui.importForm.reset();
  ui.auditFilter.reset();
  ui.textFilter.value = '';
  ui.statusFilter.value = '';
  setImportError('');
  for (const view of document.querySelectorAll('.view')) view.hidden = true;
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
  const heading = $(VIEWS[target.name].view).querySelector('h1');
  if (heading) heading.focus();
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
  render(entriesView(rows, serviceName), ui.entriesBody);
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
  render(entryIdOptions(state.entryIndex), ui.entryIds);
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
    // The file is saved through a link to the downloaded blob, clicked once and removed.
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
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
  render(messageView(text, details), ui.importError);
  if (text) ui.importFile.setAttribute('aria-invalid', 'true');
  else ui.importFile.removeAttribute('aria-invalid');
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

// --- One entry: permissions ------------------------------------------------------------------
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
  for (const action of WORKFLOW_ACTIONS) ui[action].hidden = !may.has(action);
  updateDiscard();
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

/** "Discard the changes" only for an existing entry the user may save and has changed. */
function updateDiscard() {
  const e = state.entry;
  if (e) ui.discard.hidden = e.mode === 'new' || ui.save.hidden || !isDirty();
}

function setBusy(busy) {
  state.busy = busy;
  ui.form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const button of ACTION_BUTTONS) button.disabled = busy;
  drawVersions();
}

// --- One entry: showing it -------------------------------------------------------------------
function resetEntryView(mode) {
  clearFieldErrors();
  for (const container of [ui.entryState, ui.publishedFields, ui.versionsBody, ui.entryAuditBody, ui.diff]) {
    render(nothing, container);
  }
  ui.entryHint.textContent = '';
  ui.actionsHint.textContent = '';
  ui.publishedPanel.hidden = true;
  ui.diffPanel.hidden = true;
  ui.versionsSection.hidden = mode === 'new';
  ui.entryAuditSection.hidden = mode === 'new';
  ui.versionsEmpty.hidden = true;
  ui.entryAuditEmpty.hidden = true;
  ui.form.hidden = mode !== 'new';
  resetCounters();
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
  const versions = state.entry && state.entry.id === id ? state.entry.versions : null;
  state.entry = { mode: 'edit', id, published, working, state: isObj(data.state) ? data.state : {}, versions };
  drawEntry();
}

function drawEntry() {
  const e = state.entry;
  const current = e.working || e.published || {};
  const title = str(current.title) || e.id;
  ui.entryHeading.textContent = title;
  document.title = title + ' – ' + BASE_TITLE;
  render(entryStateView(e.state, current.service ? serviceName(str(current.service)) : ''), ui.entryState);
  const both = !!(e.published && e.working);
  ui.entryHint.textContent = both
    ? 'Artikkelen er publisert, og det finnes et utkast med endringer. Den publiserte versjonen vises først.'
    : '';
  ui.publishedPanel.hidden = !both;
  if (both) render(publishedView(e.published), ui.publishedFields);
  ui.formHeading.textContent = e.working
    ? (e.published ? 'Utkast til ny versjon' : 'Utkast')
    : (str(e.state.status) === 'archived' ? 'Siste publiserte innhold (arkivert)' : 'Publisert innhold');
  ui.form.hidden = false;
  clearFieldErrors();
  fillForm(current);
  e.snapshot = formSignature();
  applyPermissions();
}

// --- One entry: the workflow -----------------------------------------------------------------
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

function onDiscard() {
  if (!state.entry || state.entry.mode !== 'edit') return;
  clearMessages();
  drawEntry();
  setStatus('Endringene er forkastet.');
  ui.formHeading.scrollIntoView({ block: 'start' });
  field('title').focus();
}

// --- One entry: versions, diff and audit -----------------------------------------------------
async function loadEntryHistory(gen, id) {
  const [versions, audit] = await Promise.allSettled([
    api('GET', `/entries/${enc(id)}/versions`),
    api('GET', '/audit?entry_id=' + enc(id)),
  ]);
  if (gen !== state.gen || !state.entry || state.entry.id !== id) return;
  if (versions.status === 'fulfilled') {
    state.entry.versions = arr(versions.value.versions).filter(isObj);
    ui.versionsEmpty.textContent = 'Ingen versjoner.';
    ui.versionsEmpty.hidden = state.entry.versions.length > 0;
  } else {
    state.entry.versions = [];
    ui.versionsEmpty.hidden = false;
    ui.versionsEmpty.textContent = 'Kunne ikke hente versjonene: ' + describeError(versions.reason);
  }
  drawVersions();
  const rows = audit.status === 'fulfilled' ? arr(audit.value.audit).filter(isObj) : [];
  render(auditView(rows, false), ui.entryAuditBody);
  ui.entryAuditEmpty.hidden = rows.length > 0;
  ui.entryAuditEmpty.textContent = audit.status === 'fulfilled'
    ? 'Ingen hendelser.'
    : 'Kunne ikke hente loggen: ' + describeError(audit.reason);
}

/** The open entry's versions, with buttons as the user may and while nothing is in flight. */
function drawVersions() {
  const versions = state.entry && state.entry.versions;
  render(versions ? versionsView(versions, {
    busy: state.busy, canRevert: entryActions().includes('revert'), onDiff: showDiff, onRevert: revertTo,
  }) : nothing, ui.versionsBody);
}

async function showDiff(from, to) {
  const e = state.entry;
  if (!e) return;
  const gen = state.gen;
  setError('');
  try {
    const data = await api('GET', `/entries/${enc(e.id)}/diff?from=${enc(from)}&to=${enc(to)}`);
    if (gen !== state.gen) return;
    ui.diffHeading.textContent = `Endringer fra versjon ${str(data.from) || from} til versjon ${str(data.to) || to}`;
    render(diffView(arr(data.diff).map(str)), ui.diff);
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
  state.entry = { mode: 'new', id: '', published: null, working: null, state: { status: null }, versions: null };
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
async function renderInsights(gen) {
  if (!state.filledOnce.insights) {
    const all = state.user.role === 'admin' ? 'Alle direktorater' : 'Alle mine direktorater';
    render(directorateOptions(all, myDirectorates()), ui.insightsDirectorate);
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
  state.insights.groups = groups;
  state.insights.errors.clear();
  drawInsights();
  ui.insightsEmpty.hidden = groups.length > 0;
  ui.insightsCount.textContent = groups.length
    ? `${groups.length} ${groups.length === 1 ? 'gruppe' : 'grupper'} med ubesvarte spørsmål.`
    : '';
}

function drawInsights() {
  const { groups, errors, busy } = state.insights;
  render(groupsView(groups, {
    may: { attach: roleMay('edit'), create: roleMay('create') }, errors, busy, serviceName,
    onAttach: attachGroup, onCreate: createFromGroup, onDismiss: dismissGroup,
  }), ui.insightsList);
}

/** Run `call` for one group with its buttons disabled meanwhile. */
async function withGroupBusy(group, call) {
  const id = str(group.id);
  state.insights.busy.add(id);
  drawInsights();
  try {
    return await call();
  } finally {
    state.insights.busy.delete(id);
    drawInsights();
  }
}

function setGroupError(group, text) {
  if (text) state.insights.errors.set(str(group.id), text);
  else state.insights.errors.delete(str(group.id));
  drawInsights();
}

async function attachGroup(group, input) {
  clearMessages();
  setGroupError(group, '');
  const entryId = input.value.trim();
  if (!entryId) {
    setGroupError(group, 'Skriv eller velg ID-en til artikkelen.');
    input.focus();
    return;
  }
  const gen = state.gen;
  try {
    await withGroupBusy(group, async () => {
      await api('POST', `/insights/unanswered/${enc(str(group.id))}/attach`, { json: { entry_id: entryId } });
      if (gen !== state.gen) return;
      state.entryIndex = null;
      await loadInsights(gen);
    });
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
    setGroupError(group, text);
    setError('Formuleringen ble ikke lagt til: ' + text);
    if (input.isConnected) input.focus();
  }
}

function createFromGroup(group) {
  const example = str(group.example);
  state.prefill = { question: example, phrasing: example, service: str(group.service) };
  navigate('#/new');
}

async function dismissGroup(group) {
  clearMessages();
  const gen = state.gen;
  try {
    await withGroupBusy(group, async () => {
      await api('POST', `/insights/unanswered/${enc(str(group.id))}/dismiss`, { json: {} });
      if (gen === state.gen) await loadInsights(gen);
    });
    if (gen !== state.gen) return;
    ui.insightsHeading.focus();
    setStatus(`Avvist: «${str(group.example)}».`);
  } catch (err) {
    if (gen === state.gen) showError(err);
  }
}

// --- Stats ------------------------------------------------------------------------------------
async function renderStats(gen) {
  const data = await api('GET', '/insights/stats');
  if (gen !== state.gen) return;
  const rows = arr(data.directorates).filter(isObj);
  render(statsView(rows), ui.statsBody);
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
  const rows = arr(data.audit).filter(isObj);
  render(auditView(rows, true), ui.auditBody);
  ui.auditEmpty.hidden = rows.length > 0;
}

// --- Users ------------------------------------------------------------------------------------
const USER_FIELDS = { username: 'u-username', password: 'u-password', role: 'u-role', directorates: 'u-directorates-set' };

async function renderUsers(gen) {
  const isAdmin = state.user.role === 'admin';
  ui.usersDenied.hidden = isAdmin;
  ui.usersContent.hidden = !isAdmin;
  if (!isAdmin) return;
  if (!state.filledOnce.users) {
    render(directorateBoxes(state.directorates), ui.userDirectorates);
    state.filledOnce.users = true;
  }
  await loadUsers(gen);
}

async function loadUsers(gen) {
  const data = await api('GET', '/users');
  if (gen !== state.gen) return;
  render(usersView(arr(data.users).filter(isObj)), ui.usersBody);
}

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
  for (const action of WORKFLOW_ACTIONS) ui[action].addEventListener('click', () => runAction(action, ui[action]));
  ui.discard.addEventListener('click', onDiscard);
  ui.form.addEventListener('input', () => {
    updateCounters(true);
    updateDiscard();
  });
  field('service').addEventListener('change', () => {
    onServiceChange(true);
    updateDiscard();
  });
  field('checked').addEventListener('change', () => { state.checkedTouched = true; });
  ui.diffClose.addEventListener('click', () => {
    ui.diffPanel.hidden = true;
    ui.versionsHeading.focus();
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
