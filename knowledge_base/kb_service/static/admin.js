/* Ung Veileder content-owner pages: the browser side of the /v1/admin API (routes/admin.py).
 * An ES module, no build step; lit (vendored in common/staff/vendor/) renders what comes from the
 * server (admin-views.js). Runs under a strict CSP (no inline script or style).
 * SECURITY: everything the server sends (entries, questions young people asked, user names) is put
 * on the page through lit's text and attribute bindings, textContent or value only. Nothing is
 * parsed as HTML, and the only hrefs set from data are same-page hash links built from
 * encodeURIComponent(entry id).
 *
 * This module puts the page together: each view's module renders it when its route is shown
 * (admin-router.js), each binds its own controls, and a logout or an expired session
 * (admin-session.js) empties the page of everything the last user saw. */
import { forgetUserData } from './admin-state.js';
import { clearMessages } from './admin-messages.js';
import { hideViews, startRouter } from './admin-router.js';
import { bindSession, startSession } from './admin-session.js';
import { bindEntries, renderEntries } from './admin-entries.js';
import { bindCsv, setImportError } from './admin-csv.js';
import { bindEntry, renderEntry, renderNew } from './admin-entry.js';
import { bindWorkflow } from './admin-workflow.js';
import { bindInsights, renderInsights } from './admin-insights.js';
import { renderStats } from './admin-stats.js';
import { bindAudit, renderAudit } from './admin-audit.js';
import { bindUsers, renderUsers } from './admin-users.js';
import { nothing, render } from './admin-views.js';

const { $ } = window.Staff;

// Every container lit renders into, and every form and filter: emptied when a user logs out.
const RENDERED = ['entries-body', 'versions-body', 'entry-audit-body', 'insights-list', 'stats-body', 'audit-body',
  'users-body', 'u-directorates', 'entry-ids', 'published-fields', 'diff', 'entry-state'];
const FORMS = ['entry-form', 'user-form', 'import-form', 'audit-filter'];
const FILTERS = ['text-filter', 'status-filter'];

/** Forget everything the last user saw. */
function forgetPage() {
  clearMessages();
  forgetUserData();
  for (const id of RENDERED) render(nothing, $(id));
  for (const id of FORMS) $(id).reset();
  for (const id of FILTERS) $(id).value = '';
  setImportError('');
  hideViews();
}

bindSession();
startRouter({
  entries: renderEntries, entry: renderEntry, new: renderNew, insights: renderInsights,
  stats: renderStats, audit: renderAudit, users: renderUsers,
});
bindEntries();
bindCsv();
bindWorkflow();
bindEntry();
bindInsights();
bindAudit();
bindUsers();
startSession(forgetPage);
