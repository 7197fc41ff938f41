/* Ung Veileder content-owner pages: the page's two message regions, the confirmation
 * (role=status, cleared after a while) and the error banner (role=alert). */
import { describeError } from './admin-texts.js';
import { messageView, nothing, render, statusView } from './admin-views.js';

const { $ } = window.Staff;

const STATUS_CLEAR_MS = 12000;
const appStatus = $('app-status');
const appError = $('app-error');
let statusTimer = 0;

/** A confirmation in the role=status region; `link` = {href, text} for a follow-up. */
export function setStatus(text, link) {
  clearTimeout(statusTimer);
  render(statusView(text, link), appStatus);
  if (text) statusTimer = setTimeout(() => render(nothing, appStatus), STATUS_CLEAR_MS);
}

/** An error in the role=alert banner, with an optional list of details. */
export function setError(text, details) {
  render(messageView(text, details), appError);
}

export function showError(err) {
  if (err && err.handled) return;
  setError(describeError(err));
}

export function clearMessages() {
  setError('');
  setStatus('');
}
