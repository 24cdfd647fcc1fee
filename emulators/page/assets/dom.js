// @ts-check
// The page's only way to put data on screen: elements built node by node, text set with
// textContent. The sheet and the outbox hold what people typed (`<script>`, `=IMPORTXML(…)`),
// so no data ever goes through innerHTML.

/** @type {Record<string, any>} */
export const texts = JSON.parse(document.getElementById('texts')?.textContent ?? '{}');

/** "{n} files" with {n: 3} → "3 files". */
export function fmt(template, vars = {}) {
  return String(template).replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/**
 * el('td', { className: 'x', text: value, title: note, dataset: { col: 'Total' } }, child…)
 * Props are set as DOM properties, except `attrs` (setAttribute) and `dataset`.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {Array<Node | string | null | undefined | false>} children
 * @returns {any}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'attrs') for (const [a, av] of Object.entries(v)) node.setAttribute(a, String(av));
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'innerHTML') throw new Error('innerHTML is not allowed');
    else /** @type {any} */ (node)[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Replaces an element's content. */
export function fill(parent, ...children) {
  parent.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
}

/**
 * fetch, answering { status, body } with the body parsed as JSON when it is JSON.
 * @param {string} url
 * @param {RequestInit} [init]
 */
export async function call(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, ok: res.ok, body: /** @type {any} */ (body) };
}

export const postJson = (url, value) =>
  call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

/** The status line under the header: one message at a time. */
export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = message;
  status.dataset.kind = kind;
}

/** "10:42:03" in Catalan time, whatever the browser's zone. */
export const clock = (date) =>
  new Intl.DateTimeFormat('ca-ES', { timeZone: 'Europe/Madrid', dateStyle: 'short', timeStyle: 'medium' }).format(date);
