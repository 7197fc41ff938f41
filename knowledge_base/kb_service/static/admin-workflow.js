/* Ung Veileder content-owner pages: what the entry's buttons do. Save, and move the entry through
 * the workflow (submit, publish, reject, archive), restore an old version as a new draft, and
 * discard the form's changes; the server's refusals are shown at their fields or in the banner. */
import { ApiError } from './admin-api.js';
import { api } from './admin-session.js';
import { DONE_TEXTS, describeError, reasonFields } from './admin-texts.js';
import { state } from './admin-state.js';
import { navigate } from './admin-router.js';
import { clearMessages, setError, setStatus, showError } from './admin-messages.js';
import { WORKFLOW_ACTIONS, applyPermissions, drawEntry, refreshEntry, setBusy } from './admin-entry.js';
import { bindHistory } from './admin-history.js';
import {
  ENTRY_FIELDS, addFieldError, clearFieldErrors, field, formSignature, isDirty, readForm, showFieldErrors,
} from './admin-form.js';
import { entryHref } from './admin-views.js';

const { $ } = window.Staff;
const enc = encodeURIComponent;

const ui = {
  entryHeading: $('entry-heading'), form: $('entry-form'), formHeading: $('form-heading'),
  save: $('save'), submit: $('submit'), publish: $('publish'), reject: $('reject'), archive: $('archive'),
  discard: $('discard'),
};

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

/** Restore an old version as a new draft (the form must hold no unsaved change). */
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

export function bindWorkflow() {
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!ui.save.hidden) runAction('save', ui.save);
  });
  for (const action of WORKFLOW_ACTIONS) ui[action].addEventListener('click', () => runAction(action, ui[action]));
  ui.discard.addEventListener('click', onDiscard);
  bindHistory({ onRevert: revertTo });
}
