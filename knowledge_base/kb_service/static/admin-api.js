/* Ung Veileder content-owner pages: the client of the admin API (/v1/admin, routes/admin.py), on
 * top of the shared request helper (common/staff/staff.js). */

import { num } from './admin-format.js';

const { str, isObj, arr, readJson, request } = window.Staff;

/** A refused or failed call: `code` is the kind, `reason` what exactly went wrong (the code when
 * the server names nothing more exact), `params` its details, `fields` each invalid field as
 * {field, code, params, row, column}. The server's English `message` is kept for the console only.
 * `handled`: a 401 the page has already answered by showing the login form. */
export class ApiError extends Error {
  constructor(status, code, { reason, params, message, fields } = {}) {
    super(message || reason || code);
    this.status = status;
    this.code = code;
    this.reason = reason || code;
    this.params = isObj(params) ? params : {};
    this.fields = fields || [];
    this.handled = false;
  }
}

function downloadName(disposition) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || '');
  const name = match ? match[1].replace(/[^\w.-]/g, '_') : '';
  return name || 'kb-entries.csv';
}

/**
 * An API client: `call(method, path, opts)` resolves to the JSON object answered or rejects with an
 * ApiError (status 0 when no answer came). opts: json (a body to send as JSON), text + contentType
 * (a raw body), noAuth (login), quiet401 (do not show the login form), download (resolve to
 * {blob, filename}). `token()` is the bearer token; `onUnauthorized()` is called on a 401.
 */
export function createApi({ base, timeoutMs, token, onUnauthorized }) {
  return async function call(method, path, opts = {}) {
    const headers = { Accept: opts.download ? 'text/csv, */*' : 'application/json' };
    if (!opts.noAuth && token()) headers.Authorization = 'Bearer ' + token();
    let body;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.text !== undefined) {
      headers['Content-Type'] = opts.contentType || 'text/plain; charset=utf-8';
      body = opts.text;
    }
    // A download's body is the file (read within the time limit); anything else's is JSON.
    const read = opts.download
      ? async (response) => (response.ok
        ? { blob: await response.blob(), filename: downloadName(response.headers.get('content-disposition')) }
        : readJson(response))
      : readJson;
    const { response, status, data, error, failure } = await request(
      base + path, { method, headers, body, credentials: 'omit' }, { timeoutMs, read });
    if (failure) throw new ApiError(0, failure);
    if (response.ok && opts.download) return data;
    if (response.ok) return isObj(data) ? data : {};
    const code = str(error.code) || (status === 404 ? 'not_found' : 'http_' + status);
    const fields = arr(error.fields).filter(isObj).map((f) => ({
      field: str(f.field), code: str(f.code), params: isObj(f.params) ? f.params : {}, row: num(f.row) || 0, column: str(f.column),
    }));
    const refusal = new ApiError(status, code, {
      reason: str(error.reason), params: error.params, message: str(error.message), fields,
    });
    if (status === 401 && !opts.noAuth) {
      if (!opts.quiet401) onUnauthorized();
      refusal.handled = true;
    }
    throw refusal;
  };
}
