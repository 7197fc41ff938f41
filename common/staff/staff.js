/* Ung Veileder staff pages (the caseworker console and the content-owner pages): the DOM and fetch
 * helpers both use. A classic script, loaded before each page's own; it defines one global,
 * `Staff`, and nothing else. Plain JS under a strict CSP (no inline script or style).
 * SECURITY: el() sets text with textContent only; nothing here parses HTML. */
(() => {
'use strict';

// --- DOM ---------------------------------------------------------------------------------------
const $ = (id) => document.getElementById(id);

/** An element with optional class and text (textContent: never parsed as HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// --- Untrusted values (what the server sends is checked before it is used) ---------------------
const str = (value) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const isObj = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const arr = (value) => (Array.isArray(value) ? value : []);

// --- Fetch -------------------------------------------------------------------------------------
/** A JSON body, or null when the body is not JSON or cannot be read. */
async function readJson(response) {
  if (!(response.headers.get('content-type') || '').includes('json')) return null;
  try { return await response.json(); } catch (err) { return null; }
}

/**
 * One HTTP request with a time limit that covers the body too; never cached, never redirected.
 * `read(response)` turns the body into `data` (readJson unless given).
 * Resolves to {response, status, data, error}: `error` is the body's error object on a refusal
 * ({} when it has none), null on success. When no answer came: {response: null, status: 0,
 * failure: 'timeout' | 'network'}. It never rejects; each page turns the outcome into its own errors.
 */
async function request(url, init, { timeoutMs, read = readJson }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, Object.assign({ cache: 'no-store', redirect: 'error' }, init, { signal: controller.signal }));
    const data = await read(response);
    const error = response.ok ? null : isObj(data) && isObj(data.error) ? data.error : {};
    return { response, status: response.status, data, error };
  } catch (err) {
    return { response: null, status: 0, failure: err && err.name === 'AbortError' ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

window.Staff = Object.freeze({ $, el, clear, str, isObj, arr, readJson, request });
})();
