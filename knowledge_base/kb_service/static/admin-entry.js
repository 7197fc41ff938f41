/* Ung Veileder content-owner pages: one entry, as it is or new. Its state and published version,
 * the form filled from it, the buttons for what the server allows now (and why others are
 * missing), and the form's service choice, which sets the directorate and the "checked" level. */
import { CHECKED_NAMES } from './admin-texts.js';
import { todayIso } from './admin-format.js';
import { api } from './admin-session.js';
import { covers, entryActions, roleMay, serviceName, state } from './admin-state.js';
import { setTitle } from './admin-router.js';
import { ensureEntryIndex } from './admin-entries.js';
import { drawVersions, loadEntryHistory, resetHistory } from './admin-history.js';
import {
  clearFieldErrors, field, fillForm, formSignature, isDirty, resetCounters, setFormReadOnly, updateCounters,
} from './admin-form.js';
import { entryStateView, nothing, publishedView, render } from './admin-views.js';

const { $, str, isObj } = window.Staff;
const enc = encodeURIComponent;

const ui = {
  entryHeading: $('entry-heading'), entryState: $('entry-state'), entryHint: $('entry-hint'),
  publishedPanel: $('published-panel'), publishedFields: $('published-fields'),
  form: $('entry-form'), formHeading: $('form-heading'), actionsHint: $('actions-hint'),
  save: $('save'), submit: $('submit'), publish: $('publish'), reject: $('reject'), archive: $('archive'),
  discard: $('discard'),
};
// The entry's workflow actions besides saving, each a button with the action's name as its id.
export const WORKFLOW_ACTIONS = ['submit', 'publish', 'reject', 'archive'];
const ACTION_BUTTONS = [ui.save, ui.submit, ui.publish, ui.reject, ui.archive, ui.discard];

// --- Permissions -------------------------------------------------------------------------------
/** Show the buttons for the actions the server allows now, and say why others are missing. */
export function applyPermissions() {
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

/** While a change is in flight, no button can start another. */
export function setBusy(busy) {
  state.busy = busy;
  ui.form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const button of ACTION_BUTTONS) button.disabled = busy;
  drawVersions();
}

// --- Showing it --------------------------------------------------------------------------------
function resetEntryView(mode) {
  clearFieldErrors();
  for (const container of [ui.entryState, ui.publishedFields]) render(nothing, container);
  resetHistory(mode);
  ui.entryHint.textContent = '';
  ui.actionsHint.textContent = '';
  ui.publishedPanel.hidden = true;
  ui.form.hidden = mode !== 'new';
  resetCounters();
  setBusy(false);
}

export async function renderEntry(gen, target) {
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

/** The entry again, and its history, after a change. */
export async function refreshEntry(gen, id) {
  await loadEntry(gen, id);
  if (gen === state.gen) loadEntryHistory(gen, id);
}

/** The open entry as loaded: the form holds it again (a discard draws it anew). */
export function drawEntry() {
  const e = state.entry;
  const current = e.working || e.published || {};
  const title = str(current.title) || e.id;
  ui.entryHeading.textContent = title;
  setTitle(title);
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

// --- A new one -----------------------------------------------------------------------------------
export async function renderNew() {
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

export function bindEntry() {
  ui.form.addEventListener('input', () => {
    updateCounters(true);
    updateDiscard();
  });
  field('service').addEventListener('change', () => {
    onServiceChange(true);
    updateDiscard();
  });
  field('checked').addEventListener('change', () => { state.checkedTouched = true; });
}
