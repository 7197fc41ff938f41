/* Ung Veileder caseworker console: the client of the console's API (/webhooks/caseworker/api/),
 * on top of the shared request helper (common/staff/staff.js). */

const { str, isObj, request } = window.Staff;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

/**
 * An API client: `call(path, {method, body})` resolves to the JSON object answered or rejects with
 * an ApiError (status 0 when no answer came). JSON both ways; POSTs carry the CSRF token (except
 * login). `session` is what the page knows of its session:
 *   csrf()            the current token;
 *   id()              a number that changes on every login and logout;
 *   onUnauthorized()  a 401 for the session still current (the page shows the login form);
 *   refresh()         fetch the current token (on a 403 csrf answer, then the call is tried once more).
 */
export function createApi({ base, timeoutMs, session }) {
  async function call(path, options) {
    const opts = options || {};
    const method = opts.method || 'GET';
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (path !== 'login') headers['X-CSRF-Token'] = session.csrf() || '';
      init.body = JSON.stringify(opts.body || {});
    }
    const sessionAtStart = session.id();
    const { response, status, data, error, failure } = await request(
      new URL('api/' + path, base).href, init, { timeoutMs });
    if (failure) throw new ApiError(0, failure);
    if (response.ok) return isObj(data) ? data : {};

    const code = typeof error.code === 'string' ? error.code : 'http_' + status;
    if (status === 401 && path !== 'login') {
      if (sessionAtStart === session.id()) session.onUnauthorized();
      throw new ApiError(401, 'unauthorized', str(error.message));
    }
    if (status === 403 && code === 'csrf' && path !== 'login' && !opts.retried) {
      // The token changed (e.g. a new login in another tab): fetch the current one and try once more.
      await session.refresh();
      return call(path, Object.assign({}, opts, { retried: true }));
    }
    throw new ApiError(status, code, str(error.message));
  }
  return call;
}
