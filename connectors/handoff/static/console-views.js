/* Ung Veileder caseworker console: what the page shows of the data, as lit templates rendered into
 * the page's own containers (light DOM, so console.css and staff.css style it).
 * SECURITY: every value from the server (above all what young people wrote) goes in through lit's
 * text and attribute bindings only: nothing becomes HTML, nothing is linkified, no href is set from
 * data. The vendored lit has no unsafeHTML. */
import { html, nothing, render, repeat } from './lit.min.js';
import { KIND_TAGS, OUTCOME_NAMES } from './console-texts.js';
import { formatTime, langName, minutes, waitingText } from './console-format.js';

const { str, isObj, arr } = window.Staff;

/**
 * Render into a container and keep the focus where it was: a focused element that lit moved gets
 * it back; one that is gone hands it to `fallback` (the list's heading).
 */
export function renderKeepingFocus(template, container, fallback) {
  const active = document.activeElement;
  const hadFocus = active && container.contains(active);
  render(template, container);
  if (hadFocus && document.activeElement !== active) {
    if (active.isConnected) active.focus();
    else fallback.focus();
  }
}

export { nothing, render };

const when = (condition, template) => (condition ? template : nothing);

function timeView(ts, className) {
  const text = formatTime(ts);
  if (!text) return nothing;
  return html`<time class=${className} datetime=${new Date(Number(ts)).toISOString()}>${text}</time>`;
}

// --- Header: the caseworker's teams ------------------------------------------------------------
// The templates put no white space between elements and one binding in each text, so the page's
// text is what it was when it was built by hand (the layout and what a screen reader reads).
export function teamsView(teams) {
  if (!teams.length) return nothing;
  return html`<span class="me-teams-label">Team: </span>${teams.map((team, i) => html`${when(i > 0, ', ')}<span
    class="me-team">${str(team.name || team.id)}</span>${
    team.open === true ? html`<span class="team-open"> (åpent)</span>`
      : team.open === false ? html`<span class="team-closed"> (stengt nå)</span>` : nothing}${
    when(typeof team.waiting === 'number', html`<span class="team-waiting">${` · ${team.waiting} venter`}</span>`)}`)}`;
}

// --- The queue and "Mine saker" (keyed by ticket id: rows move, they are not made anew) ---------
const classes = (...names) => names.filter(Boolean).join(' ');

function ticketInfo(ticket, forMine, teamName) {
  const urgent = ticket.priority === 'urgent';
  const wait = forMine ? 'startet for ' + minutes(ticket.waiting_seconds) + ' min siden' : waitingText(ticket.waiting_seconds);
  return html`<span class=${urgent ? 'badge badge-urgent' : 'badge badge-normal'}>${urgent ? 'Haster' : 'Vanlig'}</span>${
    when(ticket.overdue, html`<span class="badge badge-overdue">Over tiden!</span>`)}<span
    class="row-team">${teamName(ticket.team)}</span><span
    class="row-lang">${langName(ticket.lang)}</span><span
    class="row-wait">${wait}</span>${
    when(ticket.offline, html`<span class="row-offline">utenfor åpningstid</span>`)}`;
}

/** The queue: urgent first, then oldest (the server's order). `busy` disables claiming. */
export function queueView(tickets, { openId, busy, teamName }) {
  return repeat(tickets, (ticket) => str(ticket.id), (ticket) => {
    const id = str(ticket.id);
    const infoId = 'queue-info-' + id;
    const selected = id === openId;
    return html`<li class=${classes('ticket-row', ticket.priority === 'urgent' && 'urgent', ticket.overdue && 'overdue',
      ticket.offline && 'offline', selected && 'selected')} data-ticket=${id}><p
      class="row-info" id=${infoId}>${ticketInfo(ticket, false, teamName)}</p><div
      class="row-actions"><button type="button" class="button button-secondary button-small open-button" data-ticket=${id}
        aria-describedby=${infoId} aria-current=${selected ? 'true' : nothing}>Les</button><button
        type="button" class="button button-primary button-small claim-button" data-ticket=${id}
        aria-describedby=${infoId} ?disabled=${busy}>Ta saken</button></div></li>`;
  });
}

/** The caseworker's own tickets: each row is one button that opens it. */
export function mineView(tickets, { openId, teamName }) {
  return repeat(tickets, (ticket) => str(ticket.id), (ticket) => {
    const id = str(ticket.id);
    const selected = id === openId;
    return html`<li class=${classes('ticket-row mine-row', ticket.priority === 'urgent' && 'urgent', selected && 'selected')}
      data-ticket=${id}><button type="button" class="row-button open-button" data-ticket=${id}
      aria-current=${selected ? 'true' : nothing}><span class="row-info">${ticketInfo(ticket, true, teamName)}</span></button></li>`;
  });
}

// --- The open ticket ---------------------------------------------------------------------------
export function ticketMetaView(t, teamName) {
  const urgent = t.priority === 'urgent';
  const created = formatTime(t.created);
  const item = (className, text) => html`<li class=${className}>${text}</li>`;
  return [
    item(urgent ? 'badge badge-urgent' : 'badge badge-normal', urgent ? 'Haster' : 'Vanlig prioritet'),
    when(t.overdue, item('badge badge-overdue', 'Over tiden!')),
    item('meta-item', 'Team: ' + teamName(t.team)),
    item('meta-item', 'Språk: ' + langName(t.lang)),
    when(t.service, item('meta-item', 'Tjeneste: ' + str(t.service))),
    when(created, item('meta-item', 'Opprettet ' + created)),
    when(t.status === 'queued', item('meta-item', waitingText(t.waiting_seconds))),
    when(t.offline, item('meta-item meta-offline', 'utenfor åpningstid')),
  ];
}

function speakerLabel(role, custom, meName) {
  if (role === 'user') return 'Ungdom';
  if (role === 'bot') return 'Chatbot';
  if (role === 'agent') {
    const name = str(custom.name);
    if (name && name === meName) return 'Du (veileder)';
    return name ? 'Veileder ' + name : 'Veileder';
  }
  return 'Ukjent';
}

function messageView(message, { fresh, unread, meName }) {
  const role = /^[a-z]+$/.test(str(message.role)) ? message.role : 'other';
  const custom = isObj(message.custom) ? message.custom : {};
  const tag = role === 'user' && custom.payload ? 'Trykket på knapp' : KIND_TAGS[custom.kind];
  const buttons = arr(message.buttons).map((b) => (isObj(b) ? str(b.title || b.payload) : str(b))).filter(Boolean);
  const text = str(message.text);
  // The knowledge-base source, as plain text (never a link built from message data).
  const source = typeof custom.url === 'string' && custom.url && text.indexOf(custom.url) < 0 ? custom.url : '';
  return html`<div class=${classes('msg', 'msg-' + role, fresh && 'msg-new', unread && 'msg-unread')}
    data-id=${str(message.id)}><p class="msg-head"><span class="msg-speaker">${speakerLabel(role, custom, meName)}</span>${
    when(tag, html`<span class=${custom.kind === 'crisis' ? 'msg-tag msg-tag-crisis' : 'msg-tag'}>${tag}</span>`)}${
    timeView(message.ts, 'msg-time')}</p><p class="msg-text">${text}</p>${
    when(buttons.length, html`<div class="msg-buttons"><span class="msg-buttons-label">Svarknapper som ble vist: </span><ul
      class="msg-buttons-list">${buttons.map((title) => html`<li>${title}</li>`)}</ul></div>`)}${
    when(source, html`<p class="msg-source">${'Kilde: ' + source}</p>`)}</div>`;
}

/**
 * The transcript: `shown` is [{message, fresh}] in order (fresh: arrived after the first load),
 * `unread` the ids to mark as not yet read; before the first load nothing, then a placeholder
 * until there is a message.
 */
export function transcriptView({ shown, unread, loaded, meName }) {
  return html`${when(loaded && !shown.length, html`<p class="empty transcript-empty">Ingen meldinger ennå.</p>`)}${
    repeat(shown, (item) => str(item.message.id), (item) => messageView(item.message,
      { fresh: item.fresh, unread: unread.has(str(item.message.id)), meName }))}`;
}

export function notesView(notes) {
  return notes.filter(isObj).map((note) => {
    const time = timeView(note.ts, 'note-time');
    return html`<li class="note"><p class="note-meta"><span class="note-by">${str(note.by) || 'ukjent'}</span>${
      time === nothing ? nothing : html`${' · '}${time}`}</p><p class="note-text">${str(note.text)}</p></li>`;
  });
}

function describeEvent(event, teamName) {
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

export function eventsView(events, teamName) {
  return events.filter(isObj).map((event) => {
    const time = timeView(event.ts, 'event-time');
    return html`<li class="event">${time === nothing ? nothing : html`${time}${' '}`}<span
      class="event-text">${describeEvent(event, teamName)}</span></li>`;
  });
}

/** The teams a ticket can go to, keyed by id so a choice made stays while the list refreshes. */
export function transferOptionsView(teams) {
  return html`<option value="">Velg team</option>${repeat(teams, (team) => str(team.id), (team) => html`<option
    value=${str(team.id)}>${str(team.name || team.id) + (team.open === false ? ' (stengt nå)' : '')}</option>`)}`;
}
