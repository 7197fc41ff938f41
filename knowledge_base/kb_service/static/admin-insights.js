/* Ung Veileder content-owner pages: the questions the bot could not answer, grouped. A group's
 * example becomes a phrasing of an entry, or the start of a new entry, or is dismissed. */
import { ApiError } from './admin-api.js';
import { api } from './admin-session.js';
import { describeError, fieldText } from './admin-texts.js';
import { myDirectorates, roleMay, serviceName, state } from './admin-state.js';
import { navigate } from './admin-router.js';
import { clearMessages, setError, setStatus, showError } from './admin-messages.js';
import { ensureEntryIndex } from './admin-entries.js';
import { directorateOptions, entryHref, groupsView, render } from './admin-views.js';

const { $, str, isObj, arr } = window.Staff;
const enc = encodeURIComponent;

const ui = {
  insightsHeading: $('insights-heading'), insightsDirectorate: $('insights-directorate'), insightsCount: $('insights-count'),
  insightsList: $('insights-list'), insightsEmpty: $('insights-empty'),
};

export async function renderInsights(gen) {
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

export function bindInsights() {
  ui.insightsDirectorate.addEventListener('change', () => loadInsights(state.gen).catch(showError));
}
