/* Ung Veileder content-owner pages: the session. Logging in and out, who is logged in (/me), and
 * the API client, which carries the session's token and answers a 401 with the login form. */
import { createApi } from './admin-api.js';
import { CHECKED_NAMES, describeError, directorateName, roleName } from './admin-texts.js';
import { roleMay, saveToken, state } from './admin-state.js';
import { navigate, route, setTitle } from './admin-router.js';

const { $, str, isObj, arr } = window.Staff;

const REQUEST_TIMEOUT_MS = 20000;
const ui = {
  loading: $('loading'),
  loginView: $('login-view'), loginForm: $('login-form'),
  username: $('username'), password: $('password'), loginButton: $('login-button'),
  loginError: $('login-error'), loginStatus: $('login-status'),
  appView: $('app-view'), whoami: $('whoami'), meName: $('me-name'), meRole: $('me-role'), meDirs: $('me-dirs'),
  logout: $('logout'), nav: $('main-nav'), navNewItem: $('nav-new-item'), navUsersItem: $('nav-users-item'),
  newEntryLink: $('new-entry-link'), importForm: $('import-form'),
};
// What forgets everything the last user saw (startSession).
let forgetPage = () => {};

export const api = createApi({
  base: '/v1/admin',
  timeoutMs: REQUEST_TIMEOUT_MS,
  token: () => state.token,
  onUnauthorized: () => handleUnauthorized(),
});

/** A 401: the session is gone; log in again and come back to this page. */
function handleUnauthorized() {
  saveToken('');
  state.user = null;
  state.gen++;
  if (location.hash && location.hash !== '#/') state.returnTo = location.hash;
  showLogin('Økten er utløpt. Logg inn på nytt.', '');
}

function showLogin(errorText, statusText) {
  forgetPage();
  ui.loading.hidden = true;
  ui.appView.hidden = true;
  ui.whoami.hidden = true;
  ui.nav.hidden = true;
  ui.loginView.hidden = false;
  ui.loginError.textContent = errorText || '';
  ui.loginStatus.textContent = statusText || '';
  ui.loginButton.disabled = false;
  setTitle('Logg inn');
  (ui.username.value ? ui.password : ui.username).focus();
}

function showApp() {
  const user = state.user;
  ui.loading.hidden = true;
  ui.loginView.hidden = true;
  ui.loginError.textContent = '';
  ui.loginStatus.textContent = '';
  ui.appView.hidden = false;
  ui.whoami.hidden = false;
  ui.nav.hidden = false;
  ui.meName.textContent = user.username;
  ui.meRole.textContent = roleName(user.role);
  const dirs = user.directorates.map(directorateName);
  ui.meDirs.textContent = dirs.length ? dirs.join(', ') : (user.role === 'admin' ? 'alle direktorater' : 'ingen direktorater');
  ui.navUsersItem.hidden = user.role !== 'admin';
  ui.navNewItem.hidden = !roleMay('create');
  ui.newEntryLink.hidden = !roleMay('create');
  ui.importForm.hidden = !roleMay('create');
}

async function loadMe() {
  const data = await api('GET', '/me');
  const user = isObj(data.user) ? data.user : {};
  state.user = {
    username: str(user.username),
    role: str(user.role),
    directorates: arr(user.directorates).map(str),
    roleActions: arr(user.role_actions).map(str),
  };
  state.directorates = arr(data.directorates).map(str);
  state.services = arr(data.services).filter(isObj).map((s) => ({
    id: str(s.id), name: str(s.name) || str(s.id), owner: str(s.owner), checked: str(s.checked),
  })).filter((s) => s.id);
  state.serviceById = new Map(state.services.map((s) => [s.id, s]));
  for (const s of state.services) if (CHECKED_NAMES[s.checked]) state.knownChecked.set(s.id, s.checked);
}

async function onLogin(event) {
  event.preventDefault();
  const username = ui.username.value.trim().toLowerCase();
  const password = ui.password.value;
  ui.loginStatus.textContent = '';
  if (!username || !password) {
    ui.loginError.textContent = 'Fyll inn brukernavn og passord.';
    (username ? ui.password : ui.username).focus();
    return;
  }
  ui.loginError.textContent = '';
  ui.loginButton.disabled = true;
  try {
    const data = await api('POST', '/login', { json: { username, password }, noAuth: true });
    saveToken(str(data.token));
    ui.password.value = '';
    await loadMe();
    showApp();
    const target = state.returnTo || location.hash || '#/entries';
    state.returnTo = '';
    navigate(target === '#' || target === '#/' ? '#/entries' : target);
  } catch (err) {
    ui.password.value = '';
    if (err.handled) return;
    ui.loginError.textContent = describeError(err);
    ui.password.focus();
  } finally {
    ui.loginButton.disabled = false;
  }
}

async function onLogout() {
  try {
    await api('POST', '/logout', { quiet401: true });
  } catch (err) { /* logged out either way */ }
  saveToken('');
  state.user = null;
  state.gen++;
  state.returnTo = '';
  // The next person to log in here starts at the entry list, not on this user's last page.
  history.replaceState(null, '', location.pathname + location.search);
  showLogin('', 'Du er logget ut.');
}

export function bindSession() {
  ui.loginForm.addEventListener('submit', onLogin);
  ui.logout.addEventListener('click', onLogout);
}

/** Resume the session the stored token names, or show the login form. `forget` empties the page
 * of what the last user saw; it runs whenever the login form is shown. */
export async function startSession(forget) {
  forgetPage = forget;
  if (!state.token) {
    showLogin('', '');
    return;
  }
  try {
    await loadMe();
    showApp();
    route();
  } catch (err) {
    if (err.handled) return;   // 401: the login form is already shown
    showLogin(describeError(err), '');
  }
}
