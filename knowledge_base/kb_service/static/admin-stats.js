/* Ung Veileder content-owner pages: how the bot answers, per directorate (searches, answered and
 * sure shares, thumbs, handoffs). */
import { api } from './admin-session.js';
import { state } from './admin-state.js';
import { render, statsView } from './admin-views.js';

const { $, isObj, arr } = window.Staff;

const ui = { statsBody: $('stats-body'), statsEmpty: $('stats-empty') };

export async function renderStats(gen) {
  const data = await api('GET', '/insights/stats');
  if (gen !== state.gen) return;
  const rows = arr(data.directorates).filter(isObj);
  render(statsView(rows), ui.statsBody);
  ui.statsEmpty.hidden = rows.length > 0;
}
