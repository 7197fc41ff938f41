/* Ung Veileder content-owner pages: the entry form (admin.html's #entry-form): from an entry to the
 * inputs and back, the counters, and the errors next to each field. */
import { CHECKED_NAMES, directorateName, fieldText } from './admin-texts.js';
import { charCount } from './admin-format.js';
import { covers, state } from './admin-state.js';
import { render, serviceOptions } from './admin-views.js';

const { $, str, isObj, arr } = window.Staff;

export const ENTRY_FIELDS = [
  'id', 'service', 'directorate', 'topic', 'title', 'title_nn', 'title_en', 'question', 'phrasings',
  'answer', 'answer_nn', 'answer_en', 'links', 'contact', 'checked', 'updated',
];
const TEXT_FIELDS = ['id', 'directorate', 'topic', 'title', 'title_nn', 'title_en', 'question', 'answer', 'answer_nn', 'answer_en', 'contact'];
const OPTIONAL_FIELDS = ['title_nn', 'title_en', 'answer_nn', 'answer_en', 'contact'];
const ANSWER_FIELDS = ['answer', 'answer_nn', 'answer_en'];
const MAX_ANSWER_CHARS = 500;
const MIN_PHRASINGS = 6;

export const field = (name) => $('f-' + name);

// --- Values ------------------------------------------------------------------------------------
/** The services the user works with (and `current`), by directorate, as the service choice. */
function populateServices(current) {
  const select = field('service');
  const mine = state.services.filter((s) => covers(s.owner));
  if (current && !mine.some((s) => s.id === current)) {
    mine.push(state.serviceById.get(current) || { id: current, name: current, owner: '' });
  }
  const owners = [...new Set(mine.map((s) => s.owner))].sort((a, b) => directorateName(a).localeCompare(directorateName(b), 'nb'));
  render(serviceOptions(owners.map((owner) => ({
    label: owner ? directorateName(owner) : 'Ukjent direktorat',
    services: mine.filter((s) => s.owner === owner).sort((a, b) => a.name.localeCompare(b.name, 'nb'))
      .map((s) => ({ id: s.id, text: s.name === s.id ? s.id : `${s.name} (${s.id})` })),
  }))), select);
  select.value = current || '';
}

export function fillForm(entry) {
  const e = isObj(entry) ? entry : {};
  populateServices(str(e.service));
  for (const name of TEXT_FIELDS) field(name).value = str(e[name]);
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
export function readForm() {
  const value = (name) => field(name).value;
  const entry = {};
  for (const name of ENTRY_FIELDS) entry[name] = value(name).trim();
  entry.service = value('service');
  entry.phrasings = value('phrasings').split('\n').map((line) => line.trim()).filter(Boolean);
  entry.checked = value('checked');
  entry.updated = value('updated');
  for (const name of OPTIONAL_FIELDS) if (!entry[name]) delete entry[name];
  const parsed = parseLinks(value('links'));
  entry.links = parsed.links;
  const problems = parsed.errors.map((message) => ({ field: 'links', message, local: true }));
  return { entry, problems };
}

/** The form's values as one string, to tell whether it changed since it was filled. */
export function formSignature() {
  return ENTRY_FIELDS.map((name) => field(name).value).join('\u0000');
}

export function isDirty() {
  return !!state.entry && state.entry.snapshot !== undefined && formSignature() !== state.entry.snapshot;
}

// --- Counters ----------------------------------------------------------------------------------
let overLimit = {};

/** Count the answers' characters and the phrasings; `announce` says when an answer crosses the limit. */
export function updateCounters(announce) {
  for (const name of ANSWER_FIELDS) {
    const n = charCount(field(name).value.trim());
    const counter = $('c-' + name);
    const over = n - MAX_ANSWER_CHARS;
    counter.textContent = over > 0
      ? `${n} av ${MAX_ANSWER_CHARS} tegn – ${over} tegn for mye`
      : `${n} av ${MAX_ANSWER_CHARS} tegn`;
    counter.classList.toggle('counter-over', over > 0);
    if (announce && (over > 0) !== !!overLimit[name]) {
      $('form-live').textContent = over > 0 ? `Svaret er ${over} tegn for langt.` : 'Svaret er innenfor 500 tegn.';
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

export function resetCounters() {
  overLimit = {};
}

// --- Errors ------------------------------------------------------------------------------------
export function clearFieldErrors() {
  for (const name of ENTRY_FIELDS) {
    $('e-' + name).textContent = '';
    field(name).removeAttribute('aria-invalid');
  }
}

export function addFieldError(name, message) {
  const target = $('e-' + name);
  target.textContent = target.textContent ? target.textContent + '\n' + message : message;
  field(name).setAttribute('aria-invalid', 'true');
}

/** Put each {field, message} next to its field ("links.0.url" -> "links"); return the rest as text. */
export function showFieldErrors(list) {
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

/** Read only (but for the directorate, which always is), or editable; the id only for a new entry. */
export function setFormReadOnly(readOnly) {
  for (const name of ENTRY_FIELDS) {
    const input = field(name);
    if (input.tagName === 'SELECT') input.disabled = readOnly;
    else if (name !== 'directorate') input.readOnly = readOnly;
  }
  field('id').readOnly = readOnly || (!!state.entry && state.entry.mode === 'edit');
  $('entry-form').classList.toggle('is-readonly', readOnly);
}
