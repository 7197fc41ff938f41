/* Ung Veileder caseworker console: polling with one request in flight per poller, which keeps
 * going after errors. */

/**
 * Call `fn` every `interval` ms while started; `onSuccess()` after a poll that resolved,
 * `onError(error)` after one that rejected.
 */
export function createPoller(fn, interval, { onSuccess, onError }) {
  let active = false;
  let inFlight = false;
  let again = false;
  let timer = 0;
  let waiters = [];

  function schedule(delay) {
    clearTimeout(timer);
    timer = 0;
    if (active) timer = setTimeout(run, delay);
  }

  async function run() {
    timer = 0;
    if (!active) return;
    if (inFlight) { again = true; return; }
    inFlight = true;
    again = false;
    const done = waiters;
    waiters = [];
    try {
      await fn();
      onSuccess();
    } catch (e) {
      onError(e);
    } finally {
      inFlight = false;
    }
    done.forEach((resolve) => resolve());
    if (active) schedule(again ? 0 : interval);
  }

  return {
    start() { active = true; schedule(0); },
    stop() {
      active = false;
      again = false;
      clearTimeout(timer);
      timer = 0;
      waiters.splice(0).forEach((resolve) => resolve());
    },
    /** Poll now (or right after the request in flight); resolves when that poll is done. */
    poke() {
      return new Promise((resolve) => {
        if (!active) { resolve(); return; }
        waiters.push(resolve);
        if (inFlight) again = true; else schedule(0);
      });
    },
  };
}
