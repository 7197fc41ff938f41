/* Ung Veileder content-owner pages: the open entry's history. Its versions (each to compare with
 * the one before, or to restore), the diff between two of them, and its events in the audit log. */
import { api } from './admin-session.js';
import { describeError } from './admin-texts.js';
import { entryActions, state } from './admin-state.js';
import { setError, showError } from './admin-messages.js';
import { auditView, diffView, nothing, render, versionsView } from './admin-views.js';

const { $, str, isObj, arr } = window.Staff;
const enc = encodeURIComponent;

const ui = {
  versionsSection: $('versions-section'), entryAuditSection: $('entry-audit-section'),
  versionsHeading: $('versions-heading'), versionsBody: $('versions-body'), versionsEmpty: $('versions-empty'),
  diffPanel: $('diff-panel'), diffHeading: $('diff-heading'), diff: $('diff'), diffClose: $('diff-close'),
  entryAuditBody: $('entry-audit-body'), entryAuditEmpty: $('entry-audit-empty'),
};
// What a version's restore button does (bindHistory): the workflow's revert.
let revertTo = () => {};

/** Empty the history for the next entry; a new one has none to show. */
export function resetHistory(mode) {
  for (const container of [ui.versionsBody, ui.entryAuditBody, ui.diff]) render(nothing, container);
  ui.diffPanel.hidden = true;
  ui.versionsSection.hidden = mode === 'new';
  ui.entryAuditSection.hidden = mode === 'new';
  ui.versionsEmpty.hidden = true;
  ui.entryAuditEmpty.hidden = true;
}

export async function loadEntryHistory(gen, id) {
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
export function drawVersions() {
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

/** `onRevert(version)`: what restoring a version does. */
export function bindHistory({ onRevert }) {
  revertTo = onRevert;
  ui.diffClose.addEventListener('click', () => {
    ui.diffPanel.hidden = true;
    ui.versionsHeading.focus();
  });
}
