/* Ung Veileder content-owner pages: what the pages show of the data, as lit templates rendered into
 * the page's own containers (light DOM, so admin.css and staff.css style it).
 * SECURITY: every value from the server (entries, questions young people asked, user names) goes in
 * through lit's text and attribute bindings only: nothing becomes HTML. The only hrefs are
 * same-page hash links built from encodeURIComponent(entry id). The vendored lit has no unsafeHTML. */
import { html, nothing, render, repeat } from './lit.min.js';
import { KIND_NAMES, STATUS_NAMES, actionName, auditDetail, directorateName, roleName, statusName } from './admin-texts.js';
import { formatCount, formatShare, formatWhen, num } from './admin-format.js';

const { str, isObj, arr } = window.Staff;

export { nothing, render };

export const entryHref = (id) => '#/entry/' + encodeURIComponent(id);

/** `template` (or what the function `template` makes) when `condition` holds, else nothing. */
const when = (condition, template) => (!condition ? nothing : typeof template === 'function' ? template() : template);

function badge(status) {
  return html`<span class=${'badge badge-' + (STATUS_NAMES[status] ? status : 'unknown')}>${statusName(status)}</span>`;
}

// --- Messages ----------------------------------------------------------------------------------
/** A message and its details, if any, as a list (the error banner, the import's errors). */
export function messageView(text, details) {
  const items = arr(details).filter(Boolean);
  return when(text, html`<p>${text}</p>${when(items.length, html`<ul class="error-list">${items.map((item) => html`<li>${item}</li>`)}</ul>`)}`);
}

/** A confirmation, with a same-page link ({href, text}) to follow up if given. */
export function statusView(text, link) {
  return when(text, html`<p>${text}${when(link, () => html` <a href=${link.href}>${link.text}</a>`)}</p>`);
}

// --- The entry list (keyed by entry id) ----------------------------------------------------------
export function entriesView(rows, serviceName) {
  return repeat(rows, (row) => str(row.id), (row) => {
    const id = str(row.id);
    return html`<tr class="entry-row" data-entry=${id}>
      <td class="cell-title"><a class="entry-link" href=${entryHref(id)}>${str(row.title) || id}</a></td>
      <td class="cell-id"><code>${id}</code></td>
      <td>${serviceName(str(row.service))}</td>
      <td>${directorateName(str(row.directorate))}</td>
      <td>${badge(str(row.status))}</td>
      <td class="cell-nowrap">${formatWhen(row.updated)}</td>
      <td>${str(row.author) || '–'}</td></tr>`;
  });
}

/** The entry ids to choose from (a datalist). */
export function entryIdOptions(rows) {
  return repeat(rows, (row) => str(row.id), (row) => html`<option value=${str(row.id)} label=${str(row.title)}></option>`);
}

// --- Choices -------------------------------------------------------------------------------------
/** The services a new entry may have, by directorate: [{label, services: [{id, text}]}]. */
export function serviceOptions(groups) {
  return html`<option value="">Velg tjeneste …</option>${groups.map((group) => html`<optgroup label=${group.label}>${
    group.services.map((service) => html`<option value=${service.id}>${service.text}</option>`)}</optgroup>`)}`;
}

export function directorateOptions(allText, directorates) {
  return html`<option value="">${allText}</option>${directorates.map((d) => html`<option value=${d}>${directorateName(d)}</option>`)}`;
}

export function directorateBoxes(directorates) {
  return directorates.map((d, index) => html`<div class="checkbox"><input type="checkbox" id=${'u-dir-' + index}
    name="directorates" value=${d}><label for=${'u-dir-' + index}>${`${directorateName(d)} (${d})`}</label></div>`);
}

// --- One entry ---------------------------------------------------------------------------------
/** The entry's status line: status, version, who and when, service. */
export function entryStateView(s, service) {
  const meta = [];
  if (s.version) meta.push(`Versjon ${formatCount(s.version)}`);
  if (s.updated) meta.push(`Sist endret ${formatWhen(s.updated)}`);
  if (s.author) meta.push(`Skrevet av ${str(s.author)}`);
  if (s.reviewer) meta.push(`Sist publisert av ${str(s.reviewer)}`);
  if (service) meta.push(`Tjeneste: ${service}`);
  return html`<p class="state-line"><span class="visually-hidden">Status: </span>${badge(str(s.status))}<span
    class="state-meta">${meta.join(' · ')}</span></p>`;
}

/** The published version beside a draft (read only). */
export function publishedView(entry) {
  const item = (label, value, className) => when(value, html`<dt>${label}</dt><dd class=${className || nothing}>${value}</dd>`);
  const links = arr(entry.links).filter(isObj);
  return [
    item('Tittel', str(entry.title)),
    item('Spørsmål', str(entry.question)),
    item('Svar', str(entry.answer), 'pre-line'),
    item('Lenker', links.length && html`<ul class="plain-list">${links.map((link) => html`<li>${`${str(link.title)} – ${str(link.url)}`}</li>`)}</ul>`),
    item('Kontakt', str(entry.contact)),
    item('Sist kontrollert', str(entry.updated)),
  ];
}

/** The versions, newest first: each with content can be compared with the one before it that has
 * content, and all but the latest can be restored as a new draft (when the user may). */
export function versionsView(versions, { busy, canRevert, onDiff, onRevert }) {
  const sorted = versions.slice().sort((a, b) => num(a.version) - num(b.version));
  const latest = sorted.length ? num(sorted[sorted.length - 1].version) : 0;
  let previous = null;
  const rows = sorted.map((v) => {
    const row = { v, version: num(v.version), from: v.has_content ? previous : null };
    if (v.has_content) previous = row.version;
    return row;
  }).reverse();
  const button = (text, label, onClick) => html`<button type="button" class="button button-secondary button-small"
    aria-label=${label} ?disabled=${busy} @click=${onClick}>${text}</button>`;
  return repeat(rows, (row) => str(row.version), ({ v, version, from }) => html`<tr>
    <td>${formatCount(version)}</td>
    <td>${badge(str(v.status))}</td>
    <td>${actionName(v)}</td>
    <td>${str(v.who) || '–'}</td>
    <td class="cell-nowrap">${formatWhen(v.when)}</td>
    <td><div class="row-actions">${
      when(from !== null, () => button('Vis endringer', `Vis endringer fra versjon ${from} til versjon ${version}`, () => onDiff(from, version)))}${
      when(v.has_content && canRevert && version !== latest,
        () => button('Gjenopprett', `Gjenopprett versjon ${version} som nytt utkast`, () => onRevert(version)))}</div></td></tr>`);
}

function diffClass(line) {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  return 'diff-context';
}

/** A unified diff, one span a line (inside a <pre>: no white space between them). */
export function diffView(lines) {
  if (!lines.length) return html`<span class="diff-none">Ingen endringer i innholdet – bare statusen endret seg.</span>`;
  return lines.map((line) => html`<span class=${'diff-line ' + diffClass(line)}>${line || ' '}</span>`);
}

/** Audit events, newest first; `withEntry` adds a column linking each event's entry. */
export function auditView(rows, withEntry) {
  return repeat(rows, (row, index) => str(row.id) || '#' + index, (row) => {
    const id = str(row.entry_id);
    return html`<tr>
      <td class="cell-nowrap">${formatWhen(row.ts || str(row.id).split('-')[0])}</td>
      <td>${str(row.who) || '–'}</td>
      <td>${actionName(row)}</td>
      ${when(withEntry, () => html`<td>${id ? html`<a href=${entryHref(id)}>${id}</a>` : '–'}</td>`)}
      <td>${auditDetail(row)}</td></tr>`;
  });
}

// --- Unanswered questions (keyed by group id: a draft typed into one card stays) -----------------
/**
 * The groups of unanswered questions. `errors` and `busy` are per group id; `may` says which actions
 * to offer ({attach, create}); `onAttach(group, input)`, `onCreate(group)` and `onDismiss(group)`
 * are what the buttons do.
 */
export function groupsView(groups, { may, errors, busy, serviceName, onAttach, onCreate, onDismiss }) {
  return repeat(groups, (group) => str(group.id), (group, index) => {
    const prefix = 'g' + index;
    const example = str(group.example);
    const error = errors.get(str(group.id)) || '';
    const kinds = isObj(group.kinds) ? group.kinds : {};
    const bits = [];
    if (group.service) bits.push(`Tjeneste: ${serviceName(str(group.service))}`);
    if (group.directorate) bits.push(`Direktorat: ${directorateName(str(group.directorate))}`);
    if (group.last_seen) bits.push(`Sist sett ${formatWhen(group.last_seen)}`);
    const others = [...new Set(arr(group.questions).map(str).filter((q) => q && q !== example))];
    const button = (text, kind, onClick) => html`<button type="button" class=${'button button-small ' + kind}
      aria-describedby=${prefix + '-heading'} ?disabled=${busy.has(str(group.id))} @click=${onClick}>${text}</button>`;
    return html`<li class="group-card">
      <h2 class="group-heading" id=${prefix + '-heading'}>${`«${example || '(uten eksempel)'}»`}</h2>
      <p class="group-meta"><strong>${`${formatCount(num(group.count) || 0)} spørsmål`}</strong>${
        when(bits.length, () => html`<span>${' · ' + bits.join(' · ')}</span>`)}</p>
      <ul class="kind-list" aria-label="Hvorfor spørsmålene er med">${Object.keys(KIND_NAMES).map((key) => html`<li
        class=${'kind kind-' + key}><span class="kind-name">${KIND_NAMES[key] + ': '}</span><strong>${
        formatCount(num(kinds[key]) || 0)}</strong></li>`)}</ul>
      ${when(others.length, () => html`<details class="group-questions"><summary>${`Andre spørsmål i gruppen (${others.length})`}</summary><ul>${
        others.map((question) => html`<li>${question}</li>`)}</ul></details>`)}
      <div class="group-actions">
        ${when(may.attach, () => html`<div class="field"><label for=${prefix + '-entry'}>Artikkel-ID</label><p class="hint"
          id=${prefix + '-hint'}>Artikkelen som skulle ha svart. Eksempelet blir en ny formulering i utkastet.</p><input
          type="text" id=${prefix + '-entry'} list="entry-ids" autocomplete="off" autocapitalize="none" spellcheck="false"
          aria-describedby=${`${prefix}-hint ${prefix}-error`} aria-invalid=${error ? 'true' : nothing}></div>`)}
        <div class="row-actions">${
          when(may.attach, () => button('Legg til som formulering', 'button-primary',
            (event) => onAttach(group, event.currentTarget.closest('.group-card').querySelector('input'))))}${
          when(may.create, () => button('Lag ny artikkel', 'button-secondary', () => onCreate(group)))}${
          button('Avvis', 'button-secondary', () => onDismiss(group))}</div>
        <p class="field-error" id=${prefix + '-error'} aria-live="polite">${error || nothing}</p>
      </div></li>`;
  });
}

// --- Statistics and users ----------------------------------------------------------------------
export function statsView(rows) {
  return repeat(rows, (row) => str(row.directorate), (row) => html`<tr>
    <th scope="row">${directorateName(str(row.directorate))}</th>
    <td class="num">${formatCount(row.searches)}</td>
    <td class="num">${formatShare(row.answered_share)}</td>
    <td class="num">${formatShare(row.confident_share)}</td>
    <td class="num">${formatCount(row.thumbs_up)}</td>
    <td class="num">${formatCount(row.thumbs_down)}</td>
    <td class="num">${formatCount(row.handoffs)}</td></tr>`);
}

export function usersView(users) {
  return repeat(users, (user) => str(user.username), (user) => {
    const dirs = arr(user.directorates).map((d) => directorateName(str(d)));
    return html`<tr>
      <td>${str(user.username)}</td>
      <td>${roleName(str(user.role))}</td>
      <td>${dirs.length ? dirs.join(', ') : (user.role === 'admin' ? 'Alle' : '–')}</td></tr>`;
  });
}
