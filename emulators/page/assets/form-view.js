// @ts-check
// Formulari: the request form, drawn from the definition the server derives from
// shared/domain/form.ts, submitted through the door a real response uses. Field errors
// are the intake schema's own Catalan messages, shown next to their fields.
import { call, el, fill, postJson, texts } from './dom.js';

const T = texts.form;

/** @param {HTMLElement} root */
export function mountForm(root) {
  /** @type {any} */
  let def;

  async function load() {
    fill(root, el('p', { text: texts.loading }));
    const r = await call('/local/form');
    if (!r.ok) return fill(root, el('p', { className: 'error', text: texts.loadFailed.replace('{what}', '/local/form') }));
    def = r.body;
    render();
  }

  function render() {
    const form = el('form', { id: 'request-form', noValidate: true }, el('div', { className: 'form-errors error', attrs: { role: 'alert' } }));
    let commitments = null;
    for (const q of def.questions) {
      if (q.kind !== 'commitment') {
        form.append(field(q));
        continue;
      }
      if (!commitments) {
        commitments = el('fieldset', { className: 'field commitments', dataset: { key: 'commitments' } },
          el('legend', {}, def.commitments.label, el('span', { className: 'req', text: ' *', title: T.required })),
          el('p', { className: 'help', text: def.commitments.help }));
        form.append(commitments);
      }
      commitments.append(el('label', { className: 'check' }, el('input', { type: 'checkbox', name: q.key }), ` ${q.label}`));
    }
    commitments?.append(el('p', { className: 'error', id: 'err-commitments' }));
    // A closed Google Form shows its message instead of the questions' send button.
    const closed = def.door.kind === 'forms' && !def.door.accepting;
    form.append(el('button', { type: 'submit', className: 'primary', text: T.submit, disabled: closed }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit(form);
    });
    fill(root, banner(), notice(), el('div', { id: 'form-result', attrs: { role: 'status' } }), form);
  }

  /** The data-protection notice, before the questions, as the Google Form's description shows it. */
  function notice() {
    const [title, ...lines] = def.privacy ?? [];
    if (!title) return null;
    return el('section', { className: 'privacy help', attrs: { 'aria-label': title } },
      el('h3', { text: title }), ...lines.map((l) => el('p', { text: l })));
  }

  function banner() {
    if (!def.call) return el('p', { className: 'call error', text: T.noCall });
    const c = def.call;
    return el('div', { className: 'call' },
      el('p', {}, el('strong', { text: `${T.callOpen} ` }), `${c.title} (${c.id}) · `, el('strong', { text: `${T.callDeadline} ` }), c.deadline),
      c.priorityTheme ? el('p', {}, el('strong', { text: `${T.callPriority} ` }), c.priorityTheme) : null,
      c.basesUrl ? el('p', {}, el('a', { href: c.basesUrl, text: T.callBases, attrs: { target: '_blank', rel: 'noopener' } })) : null,
      c.late ? el('p', { className: 'error', text: T.callClosed }) : null,
      def.door.kind === 'forms' && !def.door.accepting ? el('p', { className: 'error form-closed', attrs: { role: 'alert' }, text: T.closed }) : null,
      el('p', { className: 'help', text: T.door[def.door.kind] }));
  }

  function field(q) {
    const id = `q-${q.key}`;
    const described = `help-${q.key} err-${q.key}`;
    const mark = q.required ? el('span', { className: 'req', text: ' *', title: T.required }) : null;
    const help = el('p', { className: 'help', id: `help-${q.key}`, text: q.help });
    const error = el('p', { className: 'error', id: `err-${q.key}` });
    const common = { id, name: q.key, attrs: { 'aria-describedby': described, ...(q.required ? { 'aria-required': 'true' } : {}) } };
    if (q.choices && q.kind !== 'topic') {
      // Radio buttons, as the Google Form shows them.
      return el('fieldset', { className: 'field', dataset: { key: q.key } },
        el('legend', {}, q.label, mark), help,
        ...q.choices.map((c) => el('label', { className: 'check' }, el('input', { type: 'radio', name: q.key, value: c.value }), ` ${c.label}`)),
        error);
    }
    let control;
    if (q.choices) {
      control = el('select', common, el('option', { value: '', text: T.choose }), ...q.choices.map((c) => el('option', { value: c.value, text: c.label })));
    } else if (q.kind === 'text') {
      control = el('textarea', { ...common, rows: 3, maxLength: q.max ?? 4000 });
    } else {
      control = el('input', { ...common, type: q.kind === 'email' ? 'email' : 'text', maxLength: q.max ?? 200 });
    }
    return el('div', { className: 'field', dataset: { key: q.key } }, el('label', { htmlFor: id }, q.label, mark), help, control, error);
  }

  /** The intake contract's JSON: typed values, empty optional answers left out. */
  function contractBody(form) {
    const data = new FormData(form);
    /** @type {Record<string, any>} */
    const body = { submissionId: `web-${crypto.randomUUID()}`, submittedAt: new Date().toISOString(), commitments: {} };
    for (const q of def.questions) {
      const raw = data.get(q.key);
      if (q.kind === 'commitment') body.commitments[q.key] = raw !== null;
      else if (q.kind === 'yesNo') { if (raw !== null) body[q.key] = raw === 'true'; }
      else if (raw !== null && (raw !== '' || q.required)) body[q.key] = String(raw);
    }
    return body;
  }

  /** The same answers as a Google Form response: option texts, keyed by question ID. */
  function formsAnswers(form) {
    const data = new FormData(form);
    /** @type {Record<string, string[]>} */
    const answers = {};
    for (const q of def.questions) {
      const raw = data.get(q.key);
      if (raw === null || raw === '') continue;
      const choice = q.choices?.find((c) => c.value === raw);
      answers[q.formQuestionId] = [q.kind === 'commitment' ? q.formValue : (choice?.formValue ?? String(raw))];
    }
    return answers;
  }

  async function submit(form) {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = T.sending;
    showErrors(form, {}, []);
    try {
      const body = contractBody(form);
      let r;
      if (def.door.kind === 'forms') {
        // A Google Form refuses an incomplete response before sending it; the schema plays that part.
        r = await postJson('/local/check', body);
        if (r.ok) r = await postJson(def.door.action, { answers: formsAnswers(form) });
      } else {
        r = await postJson(def.door.action, body);
      }
      if (r.status === 400 && r.body?.fieldErrors) return showErrors(form, r.body.fieldErrors, r.body.formErrors ?? [], r.body.error);
      // Closed since the page loaded: the Forms API says FAILED_PRECONDITION.
      if (r.body?.error?.status === 'FAILED_PRECONDITION') return result('error', T.closed);
      if (!r.ok) return result('error', `${T.otherError} (${r.status}): ${r.body?.error?.message ?? r.body?.error ?? ''}`);
      form.reset();
      if (def.door.kind === 'forms') return result('ok', T.sentToForm, [T.responseId, r.body.responseId]);
      const flags = (r.body.flags ?? []).map((f) => T.flagNames[f] ?? f).join(', ') || T.noFlags;
      result('ok', r.status === 200 ? T.duplicate : T.created, [T.reference, r.body.reference], [T.flags, flags]);
    } finally {
      button.disabled = false;
      button.textContent = T.submit;
    }
  }

  function result(kind, message, ...pairs) {
    const box = root.querySelector('#form-result');
    fill(box, el('div', { className: `result ${kind}` }, el('p', { text: message }),
      ...pairs.map(([k, v]) => el('p', {}, el('strong', { text: `${k} ` }), el('span', { className: 'value', text: v })))));
    box.scrollIntoView({ block: 'nearest' });
  }

  function showErrors(form, fieldErrors, formErrors, message) {
    for (const p of form.querySelectorAll('p.error')) p.textContent = '';
    for (const f of form.querySelectorAll('.field')) f.classList.remove('invalid');
    const top = form.querySelector('.form-errors');
    top.textContent = '';
    const unplaced = [...formErrors];
    for (const [key, messages] of Object.entries(fieldErrors)) {
      const slot = form.querySelector(`#err-${CSS.escape(key)}`);
      if (!slot) unplaced.push(...messages);
      else {
        slot.textContent = messages.join(' ');
        slot.closest('.field')?.classList.add('invalid');
      }
    }
    if (message || unplaced.length) {
      top.textContent = [message ?? T.invalid, ...unplaced].join(' ');
      top.scrollIntoView({ block: 'center' });
      root.querySelector('#form-result')?.replaceChildren();
    }
  }

  return { refresh: load };
}
