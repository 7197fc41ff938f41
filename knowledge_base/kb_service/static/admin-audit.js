/* Ung Veileder content-owner pages: the audit log, newest first, for every entry the user sees or
 * filtered to one (each event worded from its code in admin-texts.js). */
import { api } from './admin-session.js';
import { state } from './admin-state.js';
import { setError, showError } from './admin-messages.js';
import { ensureEntryIndex } from './admin-entries.js';
import { auditView, render } from './admin-views.js';

const { $, isObj, arr } = window.Staff;
const enc = encodeURIComponent;

const ui = { auditFilter: $('audit-filter'), auditEntry: $('audit-entry'), auditBody: $('audit-body'), auditEmpty: $('audit-empty') };

export async function renderAudit(gen) {
  ensureEntryIndex().catch(() => {});
  await loadAudit(gen);
}

async function loadAudit(gen) {
  const entryId = ui.auditEntry.value.trim();
  const data = await api('GET', '/audit' + (entryId ? '?entry_id=' + enc(entryId) : ''));
  if (gen !== state.gen) return;
  const rows = arr(data.audit).filter(isObj);
  render(auditView(rows, true), ui.auditBody);
  ui.auditEmpty.hidden = rows.length > 0;
}

export function bindAudit() {
  ui.auditFilter.addEventListener('submit', (event) => {
    event.preventDefault();
    setError('');
    loadAudit(state.gen).catch(showError);
  });
}
