/* Ung Veileder content-owner pages: how numbers, shares and times read on the page (nb-NO). */

const { str } = window.Staff;

export const num = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : Number(value));
export const charCount = (text) => Array.from(text).length;   // code points, as the server counts them

const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short' });
const integer = new Intl.NumberFormat('nb-NO');
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });

/** A Date from epoch ms, epoch seconds or an ISO string; null when there is none. */
function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const n = num(value);
  const date = Number.isFinite(n) ? new Date(n < 1e11 ? n * 1000 : n) : new Date(str(value));
  return Number.isNaN(date.getTime()) || (Number.isFinite(n) && n <= 0) ? null : date;
}

export function formatWhen(value) {
  const date = toDate(value);
  return date ? dateTime.format(date) : '–';
}

export function formatCount(value) {
  const n = num(value);
  return Number.isFinite(n) ? integer.format(n) : '–';
}

export function formatShare(value) {
  if (value === null || value === undefined || value === '') return '–';
  const n = num(value);
  return Number.isFinite(n) ? percent.format(n) : '–';
}

export function formatMegabytes(bytes) {
  const n = num(bytes);
  return Number.isFinite(n) ? `${integer.format(Math.round(n / (1024 * 1024)))} MB` : 'grensen';
}

export function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
