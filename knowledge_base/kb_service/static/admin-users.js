/* Ung Veileder content-owner pages: the user accounts (administrators only): the list, and a form
 * to add one, whose refusals are shown at their fields. */
import { api } from './admin-session.js';
import { describeError, reasonFields, roleName } from './admin-texts.js';
import { state } from './admin-state.js';
import { clearMessages, setError, setStatus, showError } from './admin-messages.js';
import { directorateBoxes, render, usersView } from './admin-views.js';

const { $, isObj, arr } = window.Staff;

const ui = {
  usersDenied: $('users-denied'), usersContent: $('users-content'), usersBody: $('users-body'),
  userForm: $('user-form'), userUsername: $('u-username'), userPassword: $('u-password'), userRole: $('u-role'),
  userDirectorates: $('u-directorates'), userCreate: $('user-create'),
};
// Each field of the form that an error can be about -> its input's id.
const USER_FIELDS = { username: 'u-username', password: 'u-password', role: 'u-role', directorates: 'u-directorates-set' };

export async function renderUsers(gen) {
  const isAdmin = state.user.role === 'admin';
  ui.usersDenied.hidden = isAdmin;
  ui.usersContent.hidden = !isAdmin;
  if (!isAdmin) return;
  if (!state.filledOnce.users) {
    render(directorateBoxes(state.directorates), ui.userDirectorates);
    state.filledOnce.users = true;
  }
  await loadUsers(gen);
}

async function loadUsers(gen) {
  const data = await api('GET', '/users');
  if (gen !== state.gen) return;
  render(usersView(arr(data.users).filter(isObj)), ui.usersBody);
}

function clearUserErrors() {
  for (const [name, id] of Object.entries(USER_FIELDS)) {
    $('e-u-' + name).textContent = '';
    $(id).removeAttribute('aria-invalid');
  }
}

async function createUser(event) {
  event.preventDefault();
  clearMessages();
  clearUserErrors();
  const body = {
    username: ui.userUsername.value.trim().toLowerCase(),
    password: ui.userPassword.value,
    role: ui.userRole.value,
    directorates: [...ui.userDirectorates.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value),
  };
  const gen = state.gen;
  ui.userCreate.disabled = true;
  try {
    await api('POST', '/users', { json: body });
    if (gen !== state.gen) return;
    ui.userForm.reset();
    await loadUsers(gen);
    setStatus(`Brukeren ${body.username} er opprettet som ${roleName(body.role).toLowerCase()}.`);
    ui.userUsername.focus();
  } catch (err) {
    if (gen !== state.gen || err.handled) return;
    const names = reasonFields(err, Object.keys(USER_FIELDS));
    if (names.length) {
      const text = describeError(err);
      $('e-u-' + names[0]).textContent = text;
      for (const name of names) $(USER_FIELDS[name]).setAttribute('aria-invalid', 'true');
      const focusable = names[0] === 'directorates' ? ui.userDirectorates.querySelector('input') : $(USER_FIELDS[names[0]]);
      if (focusable) focusable.focus();
      setError('Brukeren ble ikke opprettet: ' + text);
    } else {
      showError(err);
    }
  } finally {
    ui.userCreate.disabled = false;
  }
}

export function bindUsers() {
  ui.userForm.addEventListener('submit', createUser);
}
