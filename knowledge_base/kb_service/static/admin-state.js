/* Ung Veileder content-owner pages: what the page knows (memory only, but for the token in
 * sessionStorage), and what the user may do as the server says (the buttons only follow; the
 * server still decides). */

const { str, arr } = window.Staff;

const TOKEN_KEY = 'uvadmin.token';

function loadToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (err) { return ''; }
}

export function saveToken(token) {
  state.token = token;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (err) { /* storage disabled: the token lives in memory only */ }
}

/** What one user's pages know; forgotten on logout (a new user starts from this). */
function fresh() {
  return {
    list: { status: '', text: '', rows: [] },
    entryIndex: null,          // every entry the user sees (for the datalist and defaults)
    entry: null,               // the open entry: {mode, id, published, working, state, snapshot, versions}
    prefill: null,             // values for the next "new entry" form (from an unanswered question)
    pending: null,             // a confirmation to show once the next page has rendered
    knownChecked: new Map(),   // service id -> its "checked" level, learned from entries and errors
    insights: { groups: [], errors: new Map(), busy: new Set() },   // per group id: its error, a call in flight
    filledOnce: { insights: false, users: false },
  };
}

export const state = {
  token: loadToken(),
  user: null,                // {username, role, directorates, roleActions}
  directorates: [],          // every directorate (from /me)
  services: [],              // [{id, name, owner, checked}]
  serviceById: new Map(),
  gen: 0,                    // bumped on every route render and on logout: late answers are dropped
  listSeq: 0,
  busy: false,
  checkedTouched: false,
  returnTo: '',
  ...fresh(),
};

/** Forget everything the last user saw. */
export function forgetUserData() {
  Object.assign(state, fresh());
}

export function serviceName(id) {
  const service = state.serviceById.get(id);
  return service && service.name ? str(service.name) : str(id);
}

/** Whether the user works with `directorate`'s services (the services a new entry may have). */
export function covers(directorate) {
  const user = state.user;
  return !!user && (user.role === 'admin' || user.directorates.includes(directorate));
}

/** Whether the role may do `action` to some entry: /me's role_actions. */
export function roleMay(action) {
  return !!state.user && state.user.roleActions.includes(action);
}

/** What the user may do to the open entry now: its state's allowed_actions (per user, status,
 * author and directorate); for a new one, `create` when the role may. */
export function entryActions() {
  const e = state.entry;
  if (!e) return [];
  if (e.mode === 'new') return roleMay('create') ? ['create'] : [];
  return arr(e.state.allowed_actions).map(str);
}

export function myDirectorates() {
  return state.user.role === 'admin' && !state.user.directorates.length ? state.directorates : state.user.directorates;
}
