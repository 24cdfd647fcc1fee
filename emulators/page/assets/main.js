// @ts-check
// The page's shell: three views behind tabs, plus the sweep and reset buttons.
import { call, clock, fmt, postJson, say, texts } from './dom.js';
import { mountForm } from './form-view.js';
import { mountMail } from './mail-view.js';
import { mountSheet } from './sheet-view.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const views = {
  form: mountForm($('view-form')),
  sheet: mountSheet($('view-sheet')),
  mail: mountMail($('view-mail')),
};
let active = 'form';
let formDrawn = false;

function show(name) {
  active = name;
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const on = /** @type {HTMLElement} */ (tab).dataset.view === name;
    tab.setAttribute('aria-selected', String(on));
    $(`view-${/** @type {HTMLElement} */ (tab).dataset.view}`).hidden = !on;
  }
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
  // The sheet and the outbox change behind the page's back, so they are read on every
  // visit; the form is drawn once, so half-typed answers survive a look at the sheet.
  if (name !== 'form' || !formDrawn) void views[name].refresh();
  formDrawn ||= name === 'form';
}

for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => show(/** @type {HTMLElement} */ (tab).dataset.view ?? 'form'));
}

// The sweep is what Cloud Scheduler calls every few minutes; here a person presses it. The
// time of the last one is kept in the browser, which is the only one pressing it here.
const LAST_SWEEP = 'xmess:lastSweep';
function showLastSweep() {
  const saved = localStorage.getItem(LAST_SWEEP);
  const el = $('last-sweep');
  if (!saved) return (el.textContent = texts.lastSweepNever);
  const { at, result } = JSON.parse(saved);
  el.textContent = `${texts.lastSweep} ${clock(new Date(at))}${result ? ` · ${result}` : ''}`;
}

$('sweep').addEventListener('click', async () => {
  const button = /** @type {HTMLButtonElement} */ ($('sweep'));
  button.disabled = true;
  say(texts.sweeping);
  try {
    const r = await call('/sweep', { method: 'POST' });
    if (!r.ok) return say(`${texts.sweepFailed} (${r.status})`, 'error');
    const summary = Object.entries(texts.sweepSummary).map(([k, t]) => fmt(t, { n: r.body?.[k] ?? 0 })).join(', ');
    localStorage.setItem(LAST_SWEEP, JSON.stringify({ at: new Date().toISOString(), result: summary }));
    showLastSweep();
    say('');
    if (active !== 'form') await views[active].refresh();
  } finally {
    button.disabled = false;
  }
});

$('reset').addEventListener('click', async () => {
  if (!confirm(texts.resetConfirm)) return;
  say(texts.resetting);
  const r = await postJson('/local/reset', {});
  if (!r.ok) return say(fmt(texts.loadFailed, { what: '/local/reset' }), 'error');
  localStorage.removeItem(LAST_SWEEP);
  showLastSweep();
  await Promise.all([views.form.refresh(), active === 'form' ? undefined : views[active].refresh()]);
  say(texts.resetDone);
});

showLastSweep();
show(['form', 'sheet', 'mail'].includes(location.hash.slice(1)) ? location.hash.slice(1) : 'form');
