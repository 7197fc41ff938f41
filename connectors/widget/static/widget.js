/* Ung Veileder chat widget: browser side of the Rasa "widget" input channel (`${server}/webhooks/widget`).
 * Plain JS, no build step. Renders in an open Shadow DOM; message content never becomes HTML. */
(() => {
'use strict';
if (window.UngVeileder || document.getElementById('ung-veileder')) return;

// --- Configuration (document.currentScript is only set while this script first runs)
const script = document.currentScript;
const ds = (script && script.dataset) || {};
let origin = location.origin;
try { origin = new URL(script.src, location.href).origin; } catch (e) { /* inline script */ }
const BASE = String(ds.server || origin).replace(/\/+$/, '') + '/webhooks/widget';
const LANGS = ['nb', 'nn', 'en'];
const okLang = (l) => LANGS.indexOf(l) >= 0;
const TITLE = (ds.title || '').trim() || 'Ung Veileder';
const EXIT_URL = /^https?:\/\//i.test(ds.exitUrl || '') ? ds.exitUrl : 'https://www.yr.no';
const MAX_LEN = 1000;
const MAX_CACHE = 200;
const KEY = { session: 'ungveileder.session', messages: 'ungveileder.messages', outbox: 'ungveileder.outbox', lang: 'ungveileder.lang' };

// Theme colour: strict hex only; text on it is white or near-black, whichever reaches 4.5:1.
const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(ds.color || '').trim());
const hx = hex ? (hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1]) : '1f4e79';
const lum = [0.2126, 0.7152, 0.0722].reduce((sum, w, i) => {
  const v = parseInt(hx.substr(i * 2, 2), 16) / 255;
  return sum + w * (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
}, 0);
const WHITE_OK = 1.05 / (lum + 0.05) >= 4.5;
const ACCENT = '#' + hx;

// --- UI strings: [bokmål, nynorsk, English]
const NAMES = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };
const S = {
  launcher: ['Chat med oss', 'Chat med oss', 'Chat with us'],
  badge1: ['1 ny melding', '1 ny melding', '1 new message'],
  badgeN: ['{n} nye meldinger', '{n} nye meldingar', '{n} new messages'],
  language: ['Språk', 'Språk', 'Language'],
  del: ['Slett samtalen', 'Slett samtalen', 'Delete conversation'],
  close: ['Lukk chatten', 'Lukk chatten', 'Close chat'],
  exit: ['Forlat siden raskt', 'Forlat sida raskt', 'Leave this page quickly'],
  copy: ['Kopier koden', 'Kopier koden', 'Copy the code'],
  copied: ['Koden er kopiert', 'Koden er kopiert', 'The code is copied'],
  confirmQ: ['Vil du slette hele samtalen? Det kan ikke angres.', 'Vil du slette heile samtalen? Det kan ikkje angrast.', 'Delete the whole conversation? This cannot be undone.'],
  yes: ['Ja, slett', 'Ja, slett', 'Yes, delete'],
  no: ['Avbryt', 'Avbryt', 'Cancel'],
  deleted: ['Samtalen er slettet.', 'Samtalen er sletta.', 'The conversation is deleted.'],
  deleteFail: ['Vi klarte ikke å slette samtalen. Prøv igjen.', 'Vi klarte ikkje å slette samtalen. Prøv igjen.', 'We could not delete the conversation. Please try again.'],
  logLabel: ['Samtale', 'Samtale', 'Conversation'],
  youWrote: ['Du skrev:', 'Du skreiv:', 'You wrote:'],
  agentSaid: ['Veileder:', 'Rettleiar:', 'Adviser:'],
  agentName: ['Veileder', 'Rettleiar', 'Adviser'],
  typing: ['{t} skriver …', '{t} skriv …', '{t} is typing …'],
  inputLabel: ['Skriv meldingen din', 'Skriv meldinga di', 'Write your message'],
  placeholder: ['Skriv meldingen din her', 'Skriv meldinga di her', 'Write your message here'],
  send: ['Send', 'Send', 'Send'],
  counter: ['{n} av 1000 tegn', '{n} av 1000 teikn', '{n} of 1000 characters'],
  quick: ['Svarforslag', 'Svarforslag', 'Suggested replies'],
  retrying: ['Ikke sendt ennå – prøver igjen', 'Ikkje sendt enno – prøver igjen', 'Not sent yet – retrying'],
  failed: ['Ikke sendt.', 'Ikkje sendt.', 'Not sent.'],
  readMore: ['Les mer', 'Les meir', 'Read more'],
  newTab: ['(åpnes i ny fane)', '(opnast i ny fane)', '(opens in a new tab)'],
  fbAsk: ['Hjalp svaret?', 'Hjelpte svaret?', 'Did this help?'],
  fbUp: ['Ja, svaret hjalp', 'Ja, svaret hjelpte', 'Yes, this helped'],
  fbDown: ['Nei, svaret hjalp ikke', 'Nei, svaret hjelpte ikkje', 'No, this did not help'],
  fbYes: ['Ja', 'Ja', 'Yes'],
  fbNo: ['Nei', 'Nei', 'No'],
  fbThanks: ['Takk for tilbakemeldingen!', 'Takk for tilbakemeldinga!', 'Thanks for the feedback!'],
  fbFail: ['Vi klarte ikke å lagre tilbakemeldingen.', 'Vi klarte ikkje å lagre tilbakemeldinga.', 'We could not save your feedback.'],
  welcome: ['Hei! Her kan du spørre om skole, jobb, penger, helse og rettighetene dine. Du er anonym. Skriv spørsmålet ditt under.',
    'Hei! Her kan du spørje om skule, jobb, pengar, helse og rettane dine. Du er anonym. Skriv spørsmålet ditt under.',
    'Hi! Here you can ask about school, work, money, health and your rights. You are anonymous. Write your question below.'],
  privacy: ['Ikke skriv navn, fødselsnummer eller telefonnummer.', 'Ikkje skriv namn, fødselsnummer eller telefonnummer.', 'Do not write your name, national ID number or phone number.'],
  tooLong: ['Meldingen er for lang. Maks 1000 tegn.', 'Meldinga er for lang. Maks 1000 teikn.', 'The message is too long. Max 1000 characters.'],
  rate: ['Du sender mange meldinger på kort tid. Vent litt og prøv igjen.', 'Du sender mange meldingar på kort tid. Vent litt og prøv igjen.', 'You are sending many messages in a short time. Wait a little and try again.'],
  offline: ['Vi får ikke kontakt akkurat nå. Vi prøver igjen.', 'Vi får ikkje kontakt akkurat no. Vi prøver igjen.', 'We cannot connect right now. We will keep trying.'],
  expired: ['Samtalen var utløpt, så vi startet en ny.', 'Samtalen hadde gått ut, så vi starta ein ny.', 'The conversation had expired, so we started a new one.'],
  generic: ['Noe gikk galt. Prøv igjen litt senere.', 'Noko gjekk gale. Prøv igjen litt seinare.', 'Something went wrong. Please try again a little later.']
};

// --- sessionStorage only: never localStorage, never cookies
const store = {
  get: (k) => { try { return sessionStorage.getItem(k); } catch (e) { return null; } },
  set: (k, v) => { try { sessionStorage.setItem(k, v); } catch (e) { /* full or blocked */ } },
  del: (k) => { try { sessionStorage.removeItem(k); } catch (e) { /* blocked */ } }
};
const readList = (k) => { try { const v = JSON.parse(store.get(k)); return Array.isArray(v) ? v : []; } catch (e) { return []; } };

// --- State
let lang = okLang(store.get(KEY.lang)) ? store.get(KEY.lang) : okLang(ds.lang) ? ds.lang : 'nb';
let session = store.get(KEY.session) || null;
let msgs = [];   // shown messages in order; each has a local key `_k`
let outbox = []; // unsent user messages {cid, text, lang, hidden, tries, resets}
let gen = 0;     // bumped on reset, so answers to older requests are ignored
let sending = false, retryTimer = null, retryKind = '', sessionPromise = null;
let es = null, esTimer = null, esDelay = 2000, syncing = null, syncAgain = false;
let agentTimer = null, agentTyping = false, typingWho = '';
let unread = 0, isOpen = false, quickFor = null, switchTimer = null, switchFrom = null, alertKey = '', seq = 0;
const els = new Map(); // message key -> element
const newKey = () => 'k' + (++seq);
const t = (key) => S[key][LANGS.indexOf(lang)];
// randomUUID needs a secure context; random hex otherwise.
const uuid = () => (crypto.randomUUID ? crypto.randomUUID()
  : Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => ('0' + x.toString(16)).slice(-2)).join(''));
const cpLen = (s) => Array.from(s).length;
const isHttp = (u) => typeof u === 'string' && /^https?:\/\/\S+$/i.test(u);
const isUser = (m) => m.role === 'user';
const byId = (id) => msgs.find((x) => x.id === id);
const byKey = (k) => msgs.find((x) => x._k === k);
const queued = (m) => !!m.custom.client_id && outbox.some((i) => i.cid === m.custom.client_id);

// Stream ids "ms-seq" compare as pairs of integers.
const cmpId = (a, b) => {
  const pa = a.split('-'), pb = b.split('-');
  return (pa[0] - pb[0]) || ((pa[1] || 0) - (pb[1] || 0)) || 0;
};
// A message with an id goes before the first shown message with a larger id.
const indexFor = (m) => {
  const i = m.id ? msgs.findIndex((x) => x.id && cmpId(x.id, m.id) > 0) : -1;
  return i < 0 ? msgs.length : i;
};
const place = (m) => { msgs.splice(msgs.indexOf(m), 1); msgs.splice(indexFor(m), 0, m); };

function norm(raw) {
  if (!raw || typeof raw !== 'object') return null;
  const c = raw.custom;
  const str = (a, b) => String(a != null ? a : b);
  return {
    id: typeof raw.id === 'string' && raw.id ? raw.id : null,
    role: raw.role === 'user' || raw.role === 'agent' ? raw.role : 'bot',
    text: str(raw.text, ''),
    buttons: (Array.isArray(raw.buttons) ? raw.buttons : []).filter((b) => b && (b.title != null || b.payload != null))
      .map((b) => ({ title: str(b.title, b.payload), payload: str(b.payload, b.title) })),
    custom: c && typeof c === 'object' && !Array.isArray(c) ? Object.assign({}, c) : {},
    ts: typeof raw.ts === 'number' ? raw.ts : Date.now()
  };
}

// How a user message from the server is shown: a quick-reply payload as its button title;
// internal commands such as /switch_language{...} not at all (null).
function userDisplay(m, before) {
  if (m.custom.hidden) return null;
  if (!/^\/\w+(\{[\s\S]*\})?$/.test(m.text.trim())) return m.text;
  for (let i = before.length - 1; i >= 0 && !isUser(before[i]); i--) {
    const b = before[i].buttons.find((x) => x.payload === m.text);
    if (b) return b.title;
  }
  return null;
}

// --- Persistence
function save() {
  const put = (k, v) => (v ? store.set(k, v) : store.del(k));
  put(KEY.session, session);
  put(KEY.messages, msgs.length && JSON.stringify(msgs.slice(-MAX_CACHE), (k, v) => (k === '_k' ? undefined : v)));
  put(KEY.outbox, outbox.length && JSON.stringify(outbox.map((i) => ({ cid: i.cid, text: i.text, lang: i.lang, hidden: i.hidden, display: i.display }))));
}

function load() {
  msgs = readList(KEY.messages).map((o) => {
    const m = norm(o);
    if (!m) return null;
    m._k = newKey();
    ['status', 'vote', 'payload'].forEach((f) => { if (typeof o[f] === 'string') m[f] = o[f]; });
    return m;
  }).filter(Boolean).slice(-MAX_CACHE);
  outbox = readList(KEY.outbox).filter((i) => i && typeof i.cid === 'string' && typeof i.text === 'string')
    .map((i) => ({ cid: i.cid, text: i.text, lang: okLang(i.lang) ? i.lang : lang, hidden: !!i.hidden, display: typeof i.display === 'string' ? i.display : undefined, tries: 0, resets: 0 }));
}

// --- DOM helpers
// Text or aria-label that follows the UI language (re-applied by applyStrings).
const tr = (el, key) => { el.setAttribute('data-i18n', key); el.textContent = t(key); return el; };
const trLabel = (el, key) => { el.setAttribute('data-i18n-label', key); el.setAttribute('aria-label', t(key)); return el; };
// h('div.a.b', attrs, kids): element with classes a b; special attrs: text, i18n, label (aria-label key), click.
function h(tag, attrs, kids) {
  const parts = tag.split('.');
  const el = document.createElement(parts[0]);
  if (parts[1]) el.className = parts.slice(1).join(' ');
  Object.keys(attrs || {}).forEach((a) => {
    const v = attrs[a];
    if (v == null || v === false) return;
    if (a === 'text') el.textContent = v;
    else if (a === 'i18n') tr(el, v);
    else if (a === 'label') trLabel(el, v);
    else if (a === 'click') el.addEventListener('click', v);
    else el.setAttribute(a, v === true ? '' : v);
  });
  (kids || []).forEach((c) => el.append(c));
  return el;
}
const btn = (cls, attrs, kids) => h('button', Object.assign({ type: 'button', class: cls }, attrs), kids);

function link(href, text, cls) {
  const a = h('a', { class: cls, target: '_blank', rel: 'noopener noreferrer', 'aria-describedby': 'uv-newtab', text: text });
  if (isHttp(href)) a.href = href;
  return a;
}

// Plain text, with http(s) URLs and Norwegian phone numbers turned into links (built as elements,
// never HTML). Numbers: 110/112/113, 116 xxx, 0xxxx, "800 33 321" and "55 55 33 33" forms.
const TEL = '(?<![\\d-])(?:11[023]|116 ?\\d{3}|0\\d{4}|\\d{3} \\d{2} \\d{3}|\\d{2} \\d{2} \\d{2} \\d{2})(?![\\d-])';
function linkify(parent, text) {
  const re = new RegExp('https?:\\/\\/[^\\s<>"\']+|' + TEL, 'gi');
  let last = 0, m;
  while ((m = re.exec(text))) {
    let a;
    if (/^h/i.test(m[0])) {
      const url = m[0].replace(/[.,;:!?)\]}»”’]+$/, '');
      a = link(url, url);
      re.lastIndex = m.index + url.length;
    } else {
      a = h('a', { class: 'tel', href: 'tel:' + m[0].replace(/ /g, ''), text: m[0] });
    }
    parent.append(text.slice(last, m.index), a);
    last = re.lastIndex;
  }
  parent.append(text.slice(last));
}

// --- Styles
const CSS = `
:host{all:initial}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.uv{--accent:${ACCENT};--on:${WHITE_OK ? '#fff' : '#0b0c0c'};--ink:${WHITE_OK ? ACCENT : '#0b0c0c'};font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:max(16px,1rem);color:#1a1a1a}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
button,select,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer;min-height:2.75em;padding:.25em .875em;border-radius:.5em;border:2px solid currentColor;background:none}
:focus-visible{outline:3px solid #0b0c0c;outline-offset:0;box-shadow:0 0 0 6px #fff}
.launcher,.panel{position:fixed;right:1em;bottom:1em;z-index:2147483000}
.launcher{display:flex;align-items:center;gap:.5em;min-height:3em;padding:.5em 1.25em;border-color:#fff;border-radius:1.5em;background:var(--accent);color:var(--on);font-weight:700;box-shadow:0 .25em 1em rgba(0,0,0,.3)}
.badge{min-width:1.5em;padding:.125em .375em;border-radius:.75em;background:#b3261e;color:#fff;box-shadow:0 0 0 2px #fff;font-size:.875em;line-height:1.25}
.panel{display:flex;flex-direction:column;width:25em;max-width:calc(100% - 2em);height:40em;max-height:calc(100% - 2em);background:#fff;border:1px solid #6b6b6b;border-radius:.75em;box-shadow:0 .5em 2em rgba(0,0,0,.3);overflow:hidden}
.panel>*{flex:none}
.header{position:relative;padding:.625em 1em .75em;background:var(--accent);color:var(--on)}
.title{margin:0 3.25em .5em 0;min-height:2.2em;display:flex;align-items:center;font-size:1.125em;line-height:1.3;overflow-wrap:anywhere}
.header-actions,.lang-wrap,.confirm-buttons,.quick-replies,.feedback,.composer-row{display:flex;flex-wrap:wrap;align-items:center;gap:.5em}
.quick-exit{border-color:#fff;background:#b3261e;color:#fff;font-weight:700}
.lang-select{min-height:2.75em;max-width:100%;padding:.25em .5em;border:2px solid var(--on);border-radius:.5em;background:#fff;color:#1a1a1a}
.close-button{position:absolute;top:.5em;right:.5em;width:1.833em;height:1.833em;min-height:0;padding:0;font-size:1.5em;line-height:1}
.confirm-row{padding:.75em 1em;background:#fff4e5;border-bottom:2px solid #8a5300}
.confirm-text{margin:0 0 .5em}
.cancel-delete{background:#fff;font-weight:600}
.confirm-delete{background:#b3261e;border-color:#b3261e;color:#fff;font-weight:600}
.welcome{margin:1em 1em 0;padding:.75em 1em;background:#eef1f4;border-radius:.75em}
.welcome p{margin:0}
.welcome .privacy-note{margin-top:.5em;font-size:.875em;font-weight:600;color:#3d3d3d}
.panel>.log{flex:1 1 auto;min-height:4em;overflow:hidden auto;padding:.75em 1em;display:flex;flex-direction:column;gap:.625em;overscroll-behavior:contain}
.log:focus-visible{outline-offset:-3px;box-shadow:none}
.message{display:flex;flex-direction:column;align-items:flex-start;flex:none;max-width:100%}
.message-user{align-items:flex-end}
.message.empty .bubble{display:none}
.bubble,.typing-bubble{max-width:88%;padding:.5em .875em;border:1px solid transparent;border-radius:1em 1em 1em .25em;background:#eef1f4;overflow-wrap:anywhere}
.message-user .bubble{background:var(--accent);color:var(--on);border-radius:1em 1em .25em 1em}
.message-agent .bubble{background:#fdf3e1;border-color:#8a5300}
.text{white-space:pre-wrap}
.bubble a{color:#0a4a8a}
.message-user .bubble a{color:inherit}
.read-more-wrap{margin:.375em 0 0}
.sender{margin:0 .25em .125em;font-size:.875em;font-weight:700;color:#6b4100}
.message-status{margin-top:.25em;font-size:.875em;font-weight:600;color:#a4161a}
.message-status:empty{display:none}
.feedback{gap:.375em;margin-top:.375em;font-size:.875em;color:#3d3d3d}
.feedback button{min-width:2.75em;padding:0 .5em;border:1px solid #6b6b6b;background:#fff}
.feedback [aria-pressed="true"]{background:var(--accent);border-color:var(--accent);color:var(--on)}
.feedback [aria-pressed="false"]:disabled{opacity:.55}
.feedback-thanks{font-weight:600;color:#1d5c2e}
.typing{padding:0 1em .5em}.typing-text{margin-left:.5em;font-size:.875em;color:#4a4f55}
.typing-bubble{display:inline-flex;gap:.3em;padding:.75em .875em}
.dot{width:.5em;height:.5em;border-radius:50%;background:#3d3d3d;animation:uv-blink 1.2s infinite}
.dot+.dot{animation-delay:.2s}.dot+.dot+.dot{animation-delay:.4s}
@keyframes uv-blink{0%,80%,100%{opacity:.25}40%{opacity:1;transform:translateY(-.2em)}}
.quick-replies{max-height:35%;overflow-y:auto;padding:.5em 1em;border-top:1px solid #c4c9cf}
.quick-reply,.copy-code{max-width:100%;border-color:var(--ink);border-radius:1.375em;color:var(--ink);font-weight:600;text-align:left;overflow-wrap:anywhere}
.alert,.status{margin:.5em 1em 0;padding:.5em .75em;border-left:.25em solid}
.alert{color:#a4161a;background:#fdecea}
.status{background:#eef1f4;border-color:var(--ink)}
.alert:empty,.status:empty{margin:0;padding:0;border:0}
.composer{margin:0;padding:.75em 1em 1em;border-top:1px solid #c4c9cf}
.input{display:block;width:100%;min-height:3.2em;max-height:9em;resize:vertical;padding:.5em .75em;border:2px solid #6b6b6b;border-radius:.5em;background:#fff;line-height:1.4}
.input::placeholder{color:#595959;opacity:1}
.input[aria-invalid="true"]{border-color:#a4161a}
.composer-row{justify-content:space-between;margin-top:.5em}
.counter{font-size:.875em;color:#3d3d3d}
.counter.over{color:#a4161a;font-weight:700}
.send-button{padding:.25em 1.5em;border-color:var(--accent);background:var(--accent);color:var(--on);font-weight:700}
@media (max-width:480px){.panel{inset:0;width:100%;max-width:100%;height:100vh;height:100dvh;max-height:none;border:0;border-radius:0}}
@media (max-height:500px){.panel{top:0;height:auto;max-height:none}}
@media (max-width:480px),(max-height:500px){.header{padding:.375em .75em}.title{margin:0 2.5em .25em 0;min-height:0;font-size:1em}.header-actions{gap:.375em}.header button:not(.close-button),.lang-select{min-height:2.25em;padding:.125em .5em;font-size:.875em}.lang-wrap label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}.close-button{top:.25em}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
@media (forced-colors:active){.quick-exit,.badge{border:1px solid}}`;

// --- Build the UI
let root, wrap, launcher, badge, panel, langSel, delBtn, confirmRow, confirmText, confirmYes,
  welcome, log, typing, typingText, quick, alertEl, statusEl, textarea, counter;

function build() {
  const host = h('div', { id: 'ung-veileder' });
  root = host.attachShadow({ mode: 'open' });
  badge = h('span.badge', { role: 'img', hidden: true });
  launcher = btn('launcher', { 'aria-haspopup': 'dialog', click: () => open(true) },
    [h('span.launcher-label', { i18n: 'launcher' }), badge]);
  langSel = h('select', { id: 'uv-lang', class: 'lang-select' }, LANGS.map((l) => h('option', { value: l, lang: l, text: NAMES[l] })));
  langSel.addEventListener('change', () => setLang(langSel.value, true));
  delBtn = btn('delete-button', { i18n: 'del', 'aria-controls': 'uv-confirm', 'aria-expanded': 'false', click: showConfirm });
  confirmText = h('p.confirm-text', { tabindex: '-1', i18n: 'confirmQ' });
  confirmYes = btn('confirm-delete', { i18n: 'yes', click: doDelete });
  confirmRow = h('div.confirm-row', { id: 'uv-confirm', hidden: true }, [confirmText,
    h('div.confirm-buttons', null, [confirmYes, btn('cancel-delete', { i18n: 'no', click: () => hideConfirm(true) })])]);
  welcome = h('div.welcome', null, [h('p.welcome-text', { i18n: 'welcome' }), h('p.privacy-note', { i18n: 'privacy' })]);
  log = h('div.log', { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', label: 'logLabel' });
  typingText = h('span.visually-hidden.typing-text');
  const dot = () => h('span.dot');
  typing = h('div.typing', { role: 'status', hidden: true }, [h('span.typing-bubble', { 'aria-hidden': 'true' }, [dot(), dot(), dot()]), typingText]);
  quick = h('div.quick-replies', { role: 'group', hidden: true, label: 'quick' });
  alertEl = h('div.alert', { role: 'alert' });
  statusEl = h('div.status', { role: 'status' });
  textarea = h('textarea', { id: 'uv-input', class: 'input', rows: '2', 'aria-describedby': 'uv-counter', autocomplete: 'off' });
  counter = h('span', { id: 'uv-counter', class: 'counter' });
  const form = h('form.composer', null, [
    h('label', { for: 'uv-input', class: 'visually-hidden input-label', i18n: 'inputLabel' }),
    textarea, h('div.composer-row', null, [counter, btn('send-button', { i18n: 'send', click: submitText })])
  ]);
  // Header: title, then the quick exit as the first control; the close button is last in tab order.
  panel = h('div', { id: 'uv-panel', class: 'panel', role: 'dialog', 'aria-label': TITLE, lang: lang, hidden: true }, [
    h('div.header', null, [
      h('h2.title', { text: TITLE }),
      h('div.header-actions', null, [
        btn('quick-exit', { i18n: 'exit', click: quickExit }),
        h('div.lang-wrap', null, [h('label', { for: 'uv-lang', i18n: 'language' }), langSel]),
        delBtn
      ]),
      btn('close-button', { label: 'close', click: () => close(true) }, [h('span', { 'aria-hidden': 'true', text: '×' })])
    ]),
    confirmRow, welcome, log, typing, quick, alertEl, statusEl, form,
    h('span', { id: 'uv-newtab', hidden: true, i18n: 'newTab' })
  ]);
  wrap = h('div.uv', { lang: lang }, [launcher, panel]);
  root.append(h('style', { text: CSS }), wrap);
  document.body.appendChild(host);

  form.addEventListener('submit', (e) => { e.preventDefault(); submitText(); });
  textarea.addEventListener('input', updateCounter);
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); submitText(); }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.isComposing) return;
    e.preventDefault();
    escAt = e.timeStamp;
    if (!confirmRow.hidden) hideConfirm(true); else close(true);
  });
  // Esc twice (the second within 0.8 s of one the widget handled) is the quick exit, as on many
  // safety sites; a single Esc still just closes.
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.timeStamp !== escAt && e.timeStamp - escAt < 800) quickExit();
  });
}

let escAt = -1e9;

// --- Rendering
function buildMessage(m) {
  const c = m.custom, user = isUser(m);
  const el = h('div.message.message-' + m.role, { 'data-role': m.role, 'data-kind': String(c.kind || '') });
  if (m.role === 'agent') el.append(h('div.sender', { 'aria-hidden': 'true', i18n: 'agentName' }));
  // Visually hidden speaker prefix for screen readers, then the text.
  const prefix = m.role === 'bot' ? h('span', { text: TITLE + ':' }) : h('span', { i18n: user ? 'youWrote' : 'agentSaid' });
  prefix.className = 'visually-hidden sr-prefix';
  const textLang = c.answer_lang || c.lang;
  const text = h('span.text', { lang: !user && okLang(textLang) ? textLang : null });
  linkify(text, m.text);
  const bubble = h('div.bubble', null, [prefix, ' ', text]);
  const more = !user && c.kind === 'answer' && isHttp(c.url) && m.text.indexOf(c.url) < 0;
  if (more) bubble.append(h('p.read-more-wrap', null, [tr(link(c.url, '', 'read-more'), 'readMore')]));
  // The pickup code, one tap to copy (the text has it on a line of its own too).
  if (!user && typeof c.pickup === 'string') {
    const b = btn('copy-code', { i18n: 'copy', click: () => navigator.clipboard.writeText(c.pickup).then(() => tr(b, 'copied'), () => {}) });
    bubble.append(h('p.read-more-wrap', null, [b]));
  }
  if (!m.text.trim() && !more) el.classList.add('empty');
  el.append(bubble);
  if (user) el.append(h('div.message-status'));
  if (m.role === 'bot' && c.kind === 'answer' && c.entry_id) el.append(buildFeedback(m));
  return el;
}

function updateMessage(el, m) {
  if (m.id) el.setAttribute('data-id', m.id); else el.removeAttribute('data-id');
  if (!isUser(m)) return;
  el.setAttribute('data-status', m.status || 'sent');
  const st = el.querySelector('.message-status');
  const key = m.status === 'retrying' ? 'retrying' : m.status === 'error' ? 'failed' : null;
  if (st.getAttribute('data-i18n') === key) return;
  if (key) tr(st, key); else { st.removeAttribute('data-i18n'); st.textContent = ''; }
}

function markVoted(box, vote, focus) {
  box.querySelectorAll('button').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.classList.contains('feedback-' + vote)));
    b.disabled = true;
  });
  let thanks = box.querySelector('.feedback-thanks');
  if (!thanks) box.append(thanks = h('span.feedback-thanks', { tabindex: '-1', i18n: 'fbThanks' }));
  if (focus) thanks.focus(); // the pressed button just became disabled
}

function buildFeedback(m) {
  const k = m._k;
  const box = h('div.feedback', null, [h('span.feedback-ask', { i18n: 'fbAsk' })]);
  let busy = false;
  // Words, not emoji: they read the same everywhere, also where no emoji font is installed.
  [['up', 'fbYes', 'fbUp'], ['down', 'fbNo', 'fbDown']].forEach(([vote, word, label]) => {
    box.append(btn('feedback-' + vote, { label: label, 'aria-pressed': 'false', click: () => {
      const cur = byKey(k), g = gen;
      if (busy || !cur || cur.vote || !session) return;
      busy = true;
      const fail = () => { busy = false; showAlert('fbFail'); };
      api('POST', '/feedback', { session: session, entry_id: String(cur.custom.entry_id), message_id: cur.id || null, vote: vote }).then((r) => {
        if (g !== gen) return;
        if (!r.ok) return fail();
        busy = false;
        const now = byKey(k);
        if (now) now.vote = vote;
        markVoted(box, vote, true);
        save();
      }, fail);
    } }, [h('span', { 'aria-hidden': 'true', i18n: word })]));
  });
  if (m.vote) markVoted(box, m.vote, false);
  return box;
}

// Keyed render: reuse message elements, add new ones, drop removed ones, keep DOM order.
function render() {
  if (!log) return;
  msgs = msgs.slice(-MAX_CACHE);
  const seen = new Set();
  let prev = null, added = 0, firstBot = null;
  msgs.forEach((m) => {
    let el = els.get(m._k);
    if (!el) { els.set(m._k, el = buildMessage(m)); added++; if (!firstBot && !isUser(m)) firstBot = el; }
    updateMessage(el, m);
    seen.add(m._k);
    const want = prev ? prev.nextSibling : log.firstChild;
    if (el !== want) log.insertBefore(el, want);
    prev = el;
  });
  els.forEach((el, k) => { if (!seen.has(k)) { el.remove(); els.delete(k); } });
  welcome.hidden = msgs.length > 0;
  // Quick replies: the buttons of the last message only, when it is not the user's.
  const last = msgs[msgs.length - 1];
  const src = last && !isUser(last) && last.buttons.length ? last : null;
  if ((src && src._k) !== quickFor) {
    quickFor = src && src._k;
    const hadFocus = quick.contains(root.activeElement);
    quick.textContent = '';
    quick.hidden = !src;
    (src ? src.buttons : []).forEach((b) => quick.append(btn('quick-reply', { text: b.title, click: () => { clearAlert(); send(b.payload, b.title); } })));
    if (hadFocus) textarea.focus();
  }
  if (added) scrollDown();
  watchAgent();
  // A long new answer is read from its start, not its end (not when a whole history arrives).
  const gap = firstBot && added < 4 ? firstBot.getBoundingClientRect().top - log.getBoundingClientRect().top : 0;
  if (gap < 0) log.scrollTop += gap - 8;
}

const scrollDown = () => { log.scrollTop = log.scrollHeight; };

function setTyping(on, who) {
  typingWho = on ? who || TITLE : '';
  typing.hidden = !on;
  typingText.textContent = on ? t('typing').replace('{t}', typingWho) : '';
  // A caseworker's name is shown beside the dots; the bot's "typing" is read out only.
  typingText.classList.toggle('visually-hidden', !on || typingWho === TITLE);
  if (on) scrollDown();
}

// While a caseworker is in the conversation (joined, until the hand-back), ask every 3 s whether
// they are writing, and show "Kari skriver …" as the bot's typing dots.
const agentIn = () => { for (let i = msgs.length - 1; i >= 0; i--) { const k = msgs[i].custom.kind; if (k === 'handback') return false; if (k === 'joined' || k === 'agent') return true; } return false; };
function watchAgent() {
  const on = !!session && agentIn();
  if (on && !agentTimer) agentTimer = setInterval(pollAgent, 3000);
  if (!on && agentTimer) { clearInterval(agentTimer); agentTimer = null; if (agentTyping) { agentTyping = false; setTyping(false); } }
}
function pollAgent() {
  if (!session || sending) return;
  api('GET', '/typing?session=' + encodeURIComponent(session)).then((r) => {
    const name = r.ok && r.data && r.data.typing ? String(r.data.name || '').slice(0, 40) : '';
    if (name || agentTyping) setTyping(!!name, name);
    agentTyping = !!name;
  }, () => {});
}

function updateCounter() {
  const n = cpLen(textarea.value);
  counter.textContent = t('counter').replace('{n}', n);
  counter.classList.toggle('over', n > MAX_LEN);
  if (n > MAX_LEN) textarea.setAttribute('aria-invalid', 'true'); else textarea.removeAttribute('aria-invalid');
}

function updateBadge() {
  badge.hidden = !unread;
  badge.textContent = unread > 99 ? '99+' : String(unread);
  badge.setAttribute('aria-label', unread === 1 ? t('badge1') : t('badgeN').replace('{n}', unread));
}

function showAlert(key) {
  alertKey = key;
  tr(alertEl, key);
}
const clearAlert = () => { alertKey = ''; alertEl.removeAttribute('data-i18n'); alertEl.textContent = ''; };
const clearStatus = () => { statusEl.removeAttribute('data-i18n'); statusEl.textContent = ''; };

function applyStrings() {
  wrap.setAttribute('lang', lang);
  panel.setAttribute('lang', lang);
  langSel.value = lang;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.getAttribute('data-i18n')); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label'))); });
  textarea.placeholder = t('placeholder');
  updateCounter();
  updateBadge();
  if (!typing.hidden) setTyping(true, typingWho);
}

// --- Language
function setLang(l, byUser) {
  if (!okLang(l)) return;
  const before = lang;
  lang = l;
  store.set(KEY.lang, l);
  if (wrap) applyStrings();
  if (!byUser || l === before) return;
  // Tell the bot once the choice has settled (arrow keys on a <select> fire change per step).
  if (!switchTimer) switchFrom = before;
  clearTimeout(switchTimer);
  switchTimer = setTimeout(() => {
    switchTimer = null;
    if (lang !== switchFrom) send('/switch_language' + JSON.stringify({ lang: lang }), null);
  }, 500);
}

// A bot or agent message not seen before: count it as unread and follow the bot's language,
// unless the user's own switch is still on its way.
function noteNew(m) {
  if (isUser(m)) return;
  if (agentTyping && m.custom.kind === 'agent') { agentTyping = false; setTyping(false); }
  if (!isOpen) { unread++; updateBadge(); }
  const l = m.custom.lang;
  if (m.role === 'bot' && okLang(l) && l !== lang && !switchTimer && !outbox.some((i) => i.hidden)) setLang(l, false);
}

// --- Network
// Resolves {ok, status, data, retryAfter}; rejects on network errors and timeouts.
function api(method, path, body, timeout) {
  const opt = { method: method, credentials: 'omit', cache: 'no-store' };
  // text/plain keeps cross-site requests "simple" (no CORS preflight); the server reads JSON anyway.
  if (body) { opt.headers = { 'Content-Type': 'text/plain;charset=UTF-8' }; opt.body = JSON.stringify(body); }
  if (timeout && window.AbortSignal && AbortSignal.timeout) opt.signal = AbortSignal.timeout(timeout);
  return fetch(BASE + path, opt).then((res) => res.text().then((txt) => {
    let data = null;
    try { data = JSON.parse(txt); } catch (e) { /* not JSON */ }
    return { ok: res.ok, status: res.status, data: data, retryAfter: parseFloat(res.headers.get('Retry-After')) };
  }));
}

function ensureSession() {
  if (session) return Promise.resolve(session);
  const g = gen;
  return sessionPromise || (sessionPromise = api('POST', '/session', {}).then((r) => {
    if (g !== gen) throw { status: 0 };
    if (!r.ok || !r.data || typeof r.data.session !== 'string' || !r.data.session) { r.phase = 'session'; throw r; }
    session = r.data.session;
    save();
    openStream();
    return session;
  }).finally(() => { sessionPromise = null; }));
}

// Queue a message. `display` is what the user sees; null sends it unseen (language switch).
function send(payload, display) {
  const cid = uuid();
  if (display != null) {
    msgs.push({ id: null, role: 'user', text: display, buttons: [], custom: { client_id: cid }, ts: Date.now(), _k: newKey(),
      status: retryTimer ? 'retrying' : 'sending', payload: payload !== display ? payload : undefined });
  }
  outbox.push({ cid: cid, text: payload, lang: lang, hidden: display == null, display: display != null && display !== payload ? display : undefined, tries: 0, resets: 0 });
  clearStatus();
  render();
  save();
  if (retryKind === 'net') retryNow(); else pump();
}

function submitText() {
  const text = textarea.value.trim();
  if (!text) return textarea.focus();
  if (cpLen(text) > MAX_LEN) { showAlert('tooLong'); return textarea.focus(); }
  clearAlert();
  textarea.value = '';
  updateCounter();
  send(text, text);
  textarea.focus();
}

function setStatusOf(cid, status) {
  const m = msgs.find((x) => isUser(x) && x.custom.client_id === cid);
  if (m) m.status = status;
}

function retryIn(ms) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => { retryTimer = null; pump(); }, ms);
}
function retryNow() {
  clearTimeout(retryTimer);
  retryTimer = null;
  pump();
}

// Sends the outbox in order, one message at a time; a retry reuses the same client_id.
function pump() {
  if (sending || retryTimer || !outbox.length) return;
  const item = outbox[0], g = gen;
  sending = true;
  setTyping(true);
  ensureSession()
    .then((sid) => api('POST', '/message', { session: sid, message: item.text, client_id: item.cid, display: item.display, metadata: { lang: item.lang } }, 40000))
    .catch((err) => (err && typeof err.status === 'number' ? err : { status: 0 }))
    .then((r) => { if (g === gen) posted(item, r); });
}

function posted(item, r) {
  sending = false;
  setTyping(false);
  const code = r.data && r.data.error && r.data.error.code;
  const retry = (ms) => {
    outbox.forEach((i) => { if (!i.hidden) setStatusOf(i.cid, 'retrying'); });
    render();
    save();
    retryIn(ms);
  };
  if (r.ok) {
    outbox.shift();
    retryKind = '';
    setStatusOf(item.cid, undefined);
    ((r.data && r.data.messages) || []).forEach((m) => addIncoming(m, item.cid));
    if (alertKey === 'offline' || alertKey === 'rate') clearAlert();
  } else if (r.phase !== 'session' && (r.status === 404 || code === 'invalid_session' || code === 'unknown_session') && item.resets < 2) {
    item.resets++; // expired or deleted: start a new session and resend
    expire();
  } else if (r.status === 429) {
    retryKind = 'rate';
    showAlert('rate');
    return retry(Math.min(Math.max(r.retryAfter || 5, 1), 120) * 1000);
  } else if (!r.status || r.status >= 500) {
    retryKind = 'net';
    if (++item.tries > 1 && alertKey !== 'offline') showAlert('offline');
    return retry(Math.min(1000 * Math.pow(2, item.tries - 1), 15000));
  } else {
    // Retrying will not help: drop it and say so.
    outbox.shift();
    if (!item.hidden) setStatusOf(item.cid, 'error');
    showAlert(code === 'message_too_long' || r.status === 413 ? 'tooLong' : 'generic');
  }
  render();
  save();
  pump();
}

// A user message from the server: find our copy by id, client_id, or the text of one without id.
function mergeUser(m, hint) {
  const c = m.custom.client_id || hint;
  let local = c && msgs.find((x) => isUser(x) && x.custom.client_id === c);
  if (hint && !local) return true; // our own unseen command
  const same = m.id && byId(m.id);
  if (!local && !same && m.text) local = msgs.find((x) => isUser(x) && !x.id && x.status !== 'error' && (x.payload || x.text) === m.text);
  if (local && same && same !== local) msgs.splice(msgs.indexOf(same), 1); // keep ours: it has the shown text
  const target = local || same;
  if (target && m.id && target.id !== m.id) { target.id = m.id; place(target); }
  return !!target;
}

function addIncoming(raw, hint) {
  const m = norm(raw);
  if (!m) return;
  if (isUser(m)) {
    if (mergeUser(m, hint) || (m.text = userDisplay(m, msgs)) == null) return;
  } else if (m.id && byId(m.id)) return;
  m._k = newKey();
  msgs.splice(indexFor(m), 0, m);
  noteNew(m);
}

// The server's history is the truth; reuse what is shown already; unsent messages stay last.
function reconcile(list) {
  const old = msgs.slice(), used = new Set(), next = [], fresh = [];
  const pick = (pred) => { const e = old.find((x) => !used.has(x) && pred(x)); if (e) used.add(e); return e; };
  list.forEach((raw) => {
    const m = norm(raw);
    if (!m || (m.id && next.some((x) => x.id === m.id))) return;
    const c = m.custom.client_id, user = isUser(m);
    const e = (m.id && pick((x) => x.id === m.id)) || (user && (
      (c && pick((x) => isUser(x) && x.custom.client_id === c)) ||
      (m.text && pick((x) => isUser(x) && !x.id && x.status !== 'error' && (x.payload || x.text) === m.text))));
    if (e) {
      m._k = e._k;
      m.vote = e.vote;
      if (user) {
        Object.assign(m, { text: e.text, payload: e.payload, status: queued(e) ? e.status : undefined });
        if (e.custom.client_id) m.custom.client_id = e.custom.client_id;
      }
    } else {
      if (user && (m.text = userDisplay(m, next)) == null) return;
      m._k = newKey();
      fresh.push(m);
    }
    next.push(m);
  });
  msgs = next.concat(old.filter((e) => !used.has(e) && queued(e)));
  fresh.forEach(noteNew);
  render();
  save();
}

function sync() {
  if (!session) return Promise.resolve();
  if (syncing) { syncAgain = true; return syncing; }
  const sid = session, g = gen;
  syncing = api('GET', '/history?session=' + encodeURIComponent(sid)).then((r) => {
    if (g !== gen || sid !== session) return;
    if (r.status === 404) expire();
    else if (r.ok && r.data && Array.isArray(r.data.messages)) reconcile(r.data.messages);
  }, () => { /* offline: keep what is shown */ }).then(() => {
    syncing = null;
    if (syncAgain) { syncAgain = false; return sync(); }
  });
  return syncing;
}

function openStream() {
  if (es || !session || !window.EventSource) return;
  clearTimeout(esTimer);
  const after = msgs.reduce((best, m) => (m.id && (!best || cmpId(m.id, best) > 0) ? m.id : best), null);
  const src = es = new EventSource(BASE + '/stream?session=' + encodeURIComponent(session) + (after ? '&after=' + encodeURIComponent(after) : ''));
  let opened = false;
  src.addEventListener('message', (ev) => {
    if (es !== src) return;
    let data;
    try { data = JSON.parse(ev.data); } catch (e) { return; }
    if (data && !data.id && ev.lastEventId) data.id = ev.lastEventId;
    addIncoming(data);
    render();
    save();
  });
  src.onopen = () => {
    if (es !== src) return;
    esDelay = 2000;
    if (opened) sync(); // reconnected by EventSource: fill any gap
    opened = true;
  };
  src.onerror = () => {
    // EventSource reconnects by itself; only a closed stream (e.g. 404) needs help.
    if (es !== src || src.readyState !== 2) return;
    closeStream();
    esTimer = setTimeout(() => sync().then(() => { if (session) openStream(); }), esDelay);
    esDelay = Math.min(esDelay * 2, 60000);
  };
}

function closeStream() {
  if (es) es.close();
  es = null;
  clearTimeout(esTimer);
}

// The server no longer knows the session: forget it and keep only unsent messages.
function expire() {
  const had = msgs.some((m) => !queued(m));
  closeStream();
  session = null;
  msgs = msgs.filter(queued);
  render();
  save();
  if (had) tr(statusEl, 'expired');
}

// Forget the whole conversation in this tab (callers delete it on the server).
function resetAll() {
  gen++;
  clearTimeout(retryTimer);
  clearTimeout(switchTimer);
  retryTimer = switchTimer = sessionPromise = session = null;
  retryKind = '';
  sending = false;
  closeStream();
  outbox = [];
  msgs = [];
  unread = 0;
  [KEY.session, KEY.messages, KEY.outbox].forEach(store.del);
  setTyping(false);
  clearAlert();
  clearStatus();
  render();
  updateBadge();
}

// --- Delete and quick exit
function showConfirm() {
  clearStatus();
  confirmRow.hidden = false;
  delBtn.setAttribute('aria-expanded', 'true');
  confirmText.focus();
}
function hideConfirm(focusBack) {
  confirmRow.hidden = true;
  confirmYes.disabled = false;
  delBtn.setAttribute('aria-expanded', 'false');
  if (focusBack) delBtn.focus();
}
function doDelete() {
  const done = () => { resetAll(); hideConfirm(false); tr(statusEl, 'deleted'); textarea.focus(); };
  const fail = () => { confirmYes.disabled = false; showAlert('deleteFail'); };
  if (!session) return done();
  confirmYes.disabled = true;
  api('POST', '/delete', { session: session }).then((r) => (r.ok || r.status === 404 ? done() : fail()), fail);
}

function quickExit() {
  const sid = session;
  resetAll();
  store.del(KEY.lang);
  panel.hidden = true;
  if (sid) {
    const body = JSON.stringify({ session: sid });
    let sent = false;
    try { sent = navigator.sendBeacon(BASE + '/delete', new Blob([body], { type: 'text/plain;charset=UTF-8' })); } catch (e) { /* fall back */ }
    if (!sent) fetch(BASE + '/delete', { method: 'POST', body: body, keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }).catch(() => {});
  }
  location.replace(EXIT_URL);
}

// --- Open / close
function open(focus) {
  if (!panel || isOpen) return;
  isOpen = true;
  panel.hidden = false;
  launcher.hidden = true;
  unread = 0;
  updateBadge();
  scrollDown();
  if (focus) textarea.focus();
}
function close(focusLauncher) {
  if (!panel || !isOpen) return;
  const inside = panel.contains(root.activeElement);
  isOpen = false;
  hideConfirm(false);
  panel.hidden = true;
  launcher.hidden = false;
  if (focusLauncher || inside) launcher.focus();
}

// --- Start
let wantOpen = /^(true|1|yes)$/i.test(ds.open || '');
window.UngVeileder = Object.freeze({
  open: () => { if (panel) open(true); else wantOpen = true; },
  close: () => { if (panel) close(false); else wantOpen = false; }
});

function init() {
  if (document.getElementById('ung-veileder')) return;
  load();
  build();
  applyStrings();
  render();
  window.addEventListener('online', () => {
    retryNow();
    if (!es) openStream();
    sync();
  });
  if (session) { openStream(); sync(); }
  pump();
  if (wantOpen) open(false);
}

if (document.body) init(); else document.addEventListener('DOMContentLoaded', init);
})();
