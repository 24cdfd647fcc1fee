// The page's one HTML document. Its fixed words come from ca-page.ts; the texts the script
// needs travel in a JSON data block (never executed, so the strict CSP allows it).
import { caPage } from '../../shared/i18n/ca-page';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside <script>: "<" escaped so no text can close the element early. */
const jsonBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function pageHtml(): string {
  const t = caPage;
  const tab = (id: string, label: string, selected: boolean) =>
    `<button type="button" role="tab" id="tab-${id}" aria-controls="view-${id}" aria-selected="${selected}" data-view="${id}">${esc(label)}</button>`;
  const view = (id: string, hidden: boolean) =>
    `<section role="tabpanel" id="view-${id}" aria-labelledby="tab-${id}"${hidden ? ' hidden' : ''}></section>`;
  return `<!doctype html>
<html lang="ca">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page/page.css">
<script type="application/json" id="texts">${jsonBlock(t.client)}</script>
<script type="module" src="/page/main.js"></script>
</head>
<body>
<header>
  <h1>${esc(t.heading)}</h1>
  <p class="intro">${esc(t.intro)}</p>
  <div class="toolbar">
    <nav role="tablist">${tab('form', t.views.form, true)}${tab('sheet', t.views.sheet, false)}${tab('mail', t.views.mail, false)}</nav>
    <div class="actions">
      <button type="button" id="sweep">${esc(t.actions.sweep)}</button>
      <button type="button" id="reset" class="secondary">${esc(t.actions.reset)}</button>
      <p id="last-sweep" class="last-sweep"></p>
    </div>
  </div>
  <p id="status" role="status" aria-live="polite"></p>
</header>
<noscript>${esc(t.noScript)}</noscript>
<main>${view('form', false)}${view('sheet', true)}${view('mail', true)}</main>
</body>
</html>
`;
}
