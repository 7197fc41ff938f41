/* Ung Veileder content-owner pages: the hash routes (#/entries, #/entry/<id>, #/new, ...), which
 * view each shows, and the page title. Each view's renderer is registered by admin.js. */
import { state } from './admin-state.js';
import { setError, setStatus, showError } from './admin-messages.js';

const { $ } = window.Staff;

const BASE_TITLE = 'Ung Veileder innhold';
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
const nav = $('main-nav');
// view name -> async (gen, target) => {}: what shows it (startRouter)
let renderers = { notfound: async () => {} };

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (err) { return text; }
}

/** "<text> – Ung Veileder innhold" */
export function setTitle(text) {
  document.title = text + ' – ' + BASE_TITLE;
}

function parseRoute() {
  const path = location.hash.replace(/^#/, '').split('?')[0];
  if (path === '' || path === '/') return { name: 'entries' };
  const entry = /^\/entry\/([^/]+)\/?$/.exec(path);
  if (entry) return { name: 'entry', id: safeDecode(entry[1]) };
  const name = path.replace(/^\//, '').replace(/\/$/, '');
  return VIEWS[name] && name !== 'entry' && name !== 'notfound' ? { name } : { name: 'notfound' };
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;   // the hashchange listener routes
}

function showView(name) {
  const info = VIEWS[name];
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== info.view;
  for (const link of nav.querySelectorAll('a[data-nav]')) {
    if (link.dataset.nav === info.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  setTitle(info.title);
}

export function hideViews() {
  for (const view of document.querySelectorAll('.view')) view.hidden = true;
}

/** Show the view the hash names for the logged-in user; a later route drops this one's answers. */
export async function route() {
  if (!state.user) return;
  const target = parseRoute();
  const gen = ++state.gen;
  setError('');
  if (!state.pending) setStatus('');
  state.entry = null;
  showView(target.name);
  try {
    await renderers[target.name](gen, target);
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

/** Route with `views` ({name: renderer} for every view but notfound), and on each hash change. */
export function startRouter(views) {
  renderers = { ...views, notfound: renderers.notfound };
  window.addEventListener('hashchange', () => route());
}
