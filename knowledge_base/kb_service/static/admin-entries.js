/* Ung Veileder content-owner pages: the entry list with its status and text filters, and the
 * index of every entry the user sees (the entry-id choices, and what a new entry borrows). */
import { api } from './admin-session.js';
import { directorateName, statusName } from './admin-texts.js';
import { serviceName, state } from './admin-state.js';
import { navigate } from './admin-router.js';
import { showError } from './admin-messages.js';
import { entriesView, entryHref, entryIdOptions, render } from './admin-views.js';

const { $, str, isObj, arr } = window.Staff;
const enc = encodeURIComponent;

const ui = {
  statusFilter: $('status-filter'), textFilter: $('text-filter'),
  entriesCount: $('entries-count'), entriesBody: $('entries-body'), entriesEmpty: $('entries-empty'),
  entryIds: $('entry-ids'),
};

export async function renderEntries(gen) {
  ui.statusFilter.value = state.list.status;
  ui.textFilter.value = state.list.text;
  await loadEntries(gen);
}

export async function loadEntries(gen) {
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

/** Every entry the user sees (fetched once, until a change sets state.entryIndex to null). */
export async function ensureEntryIndex() {
  if (state.entryIndex) return state.entryIndex;
  const data = await api('GET', '/entries');
  setEntryIndex(arr(data.entries));
  return state.entryIndex;
}

export function bindEntries() {
  ui.statusFilter.addEventListener('change', () => {
    state.list.status = ui.statusFilter.value;
    loadEntries(state.gen).catch(showError);
  });
  ui.textFilter.addEventListener('input', () => {
    state.list.text = ui.textFilter.value;
    drawEntries();
  });
  ui.entriesBody.addEventListener('click', onEntryRowClick);
}
