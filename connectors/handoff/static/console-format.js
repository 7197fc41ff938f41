/* Ung Veileder caseworker console: how times, waits and languages read on the page, and the
 * order of Redis stream ids (the transcript's message ids). */
import { LANG_NAMES } from './console-texts.js';

const { str } = window.Staff;

export const langName = (lang) => LANG_NAMES[lang] || str(lang) || 'ukjent språk';
export const minutes = (seconds) => Math.floor(Math.max(0, Number(seconds) || 0) / 60);
export const waitingText = (seconds) => 'venter ' + minutes(seconds) + ' min';

/** A time of day today, else a short date and time; '' for no time. */
export function formatTime(ts) {
  const n = Number(ts);
  if (!Number.isFinite(n) || n <= 0) return '';
  const date = new Date(n);
  const sameDay = date.toDateString() === new Date().toDateString();
  try {
    return sameDay
      ? date.toLocaleTimeString('nb-NO', { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString('nb-NO', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  } catch (e) {
    return date.toISOString();
  }
}

/** Redis stream ids ("<ms>-<seq>"): is a newer than b? */
export function streamIdNewer(a, b) {
  if (!b) return true;
  const pa = str(a).split('-').map(Number);
  const pb = str(b).split('-').map(Number);
  if ((pa[0] || 0) !== (pb[0] || 0)) return (pa[0] || 0) > (pb[0] || 0);
  return (pa[1] || 0) > (pb[1] || 0);
}
