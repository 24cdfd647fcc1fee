// The watch's life as the sweep sees it, against the Forms emulator with a clock the test
// moves: created when missing, renewed within 48 h of expiry, recreated once expired
// (gone from the list, or NOT_FOUND on renew), a suspension reported once a day; and the
// form's publish state, reported on every sweep while a call is open and the form is closed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createFormsEmulator, type FormsEmulator } from '../../emulators/forms';
import { GoogleFormsSource } from '../../shared/adapters/forms';
import { createLogger } from '../../shared/log';
import type { FormsJournal, KnownState, ResponseIntake, TakeCounts } from '../../shared/pipeline/form-responses';
import { createFormsWatch, type FormsWatchDeps } from '../../shared/pipeline/forms-watch';
import type { LogEntry } from '../../shared/domain/log-entry';
import type { Call } from '../../shared/domain/calls';
import { OPEN } from '../../shared/forms/publish';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const TOPIC = 'projects/xmess/topics/forms-responses';
let clock = T0;
let emulator: FormsEmulator;
let server: Server;
let source: GoogleFormsSource;
let formId = '';
let log: LogEntry[];

beforeEach(async () => {
  clock = T0;
  log = [];
  emulator = createFormsEmulator({ now: () => clock });
  server = createServer((req, res) => void emulator.handle(req, res).then((ok) => ok || res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  source = new GoogleFormsSource({ rootUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, retryDelayMs: 1 });
  formId = (await source.create({ title: 'Sol·licituds', documentTitle: 'Sol·licituds' })).formId!;
  await source.setPublishSettings(formId, OPEN); // as npm run form leaves it
});
afterEach(() => new Promise((r) => server.close(r)));

const counts: TakeCounts = { listed: 0, created: 0, duplicates: 0, invalid: 0, edits: 0, skipped: 0, deferred: 0 };
const intake: ResponseIntake = { take: async (responses) => ({ ...counts, listed: responses.length }) };
const journal: FormsJournal = {
  readKnown: async (): Promise<KnownState> => ({ rows: new Map(), keys: new Map(log.map((e) => [e.key, e.at])) }),
  appendLog: async (entries) => void log.push(...entries),
};
const watchFor = (over: Partial<FormsWatchDeps> = {}) =>
  createFormsWatch({ source, formId, topicName: TOPIC, intake, journal, logger: createLogger('silent'), now: () => new Date(clock), ...over });

describe('ensureWatch', () => {
  test('creates the watch when there is none, then leaves it alone while it has time left', async () => {
    const first = await watchFor().ensureWatch();
    expect(first).toMatchObject({ action: 'created', notes: [], watch: { state: 'ACTIVE', eventType: 'RESPONSES' } });
    clock += 4 * DAY; // three days left
    expect((await watchFor().ensureWatch()).action).toBe('none');
  });

  test('renews a watch expiring within 48 hours, for seven more days', async () => {
    const { watch } = await watchFor().ensureWatch();
    clock += 5.5 * DAY;
    const renewed = await watchFor().ensureWatch();
    expect(renewed).toMatchObject({ action: 'renewed', watch: { id: watch!.id } });
    expect(Date.parse(renewed.watch!.expireTime!)).toBe(clock + 7 * DAY);
  });

  test('an expired watch is recreated: gone from the list, or NOT_FOUND when renewed', async () => {
    const { watch } = await watchFor().ensureWatch();
    clock += 8 * DAY;
    const again = await watchFor().ensureWatch();
    expect(again.action).toBe('created');
    expect(again.watch!.id).not.toBe(watch!.id);

    // Listed just before it expired, renewed just after: NOT_FOUND, so a new one.
    const listedEarlier = await source.listWatches(formId);
    clock += 7 * DAY;
    const racing = watchFor({ source: { ...bind(source), listWatches: async () => listedEarlier } });
    const recreated = await racing.ensureWatch();
    expect(recreated.action).toBe('recreated');
    expect(recreated.notes.map((n) => n.text).join(' ')).toContain('havia caducat');
    expect((await source.listWatches(formId)).map((w) => w.id)).toEqual([recreated.watch!.id]);
  });

  test('moves the watch to the configured topic', async () => {
    await source.createWatch(formId, 'projects/xmess/topics/old-topic');
    const moved = await watchFor().ensureWatch();
    expect(moved.action).toBe('created');
    expect((await source.listWatches(formId)).map((w) => w.target?.topic?.topicName)).toEqual([TOPIC]);
  });

  test('a suspended watch is reactivated when its cause is gone, and staff are told', async () => {
    const { watch } = await watchFor().ensureWatch();
    emulator.suspendWatch(formId, watch!.id!, { errorType: 'OTHER_ERRORS' });
    const report = await watchFor().ensureWatch();
    expect(report.action).toBe('renewed');
    expect(report.watch?.state).toBe('ACTIVE');
    expect(report.notes[0]?.text).toMatch(/estava suspès .*reactivat/);
  });

  test('without a topic there is no watch; a refusal becomes a note, not an exception', async () => {
    expect(await watchFor({ topicName: undefined }).ensureWatch()).toEqual({ action: 'none', notes: [] });
    const refused = await watchFor({ formId: 'no-such-form-0000' }).ensureWatch();
    expect(refused.action).toBe('failed');
    expect(refused.notes[0]?.text).toContain('No s’ha pogut crear o renovar');
  });
});

describe('the sweep step', () => {
  test('a watch that stays suspended is reported once a day, not on every sweep', async () => {
    const { watch } = await watchFor().ensureWatch();
    emulator.suspendWatch(formId, watch!.id!, { errorType: 'PROJECT_NOT_AUTHORIZED', persists: true });
    const first = await watchFor().sweepStep();
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('el projecte no té permís per publicar al tema de Pub/Sub');
    expect(await watchFor().sweepStep()).toEqual([]);
    clock += DAY;
    expect(await watchFor().sweepStep()).toHaveLength(1);
    expect(log.filter((e) => e.kind === 'resum')).toHaveLength(2);
  });

  test('a form the API refuses to list (deleted, no longer shared) is reported once a day, as responses not arriving', async () => {
    const gone = watchFor({ formId: 'no-such-form-0000' }); // every call answers 404, as when the form is gone
    const first = await gone.sweepStep();
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('no arriben al full');
    expect(first[0]).toContain('(404)');
    expect(await gone.sweepStep()).toEqual([]);
    clock += DAY;
    expect(await gone.sweepStep()).toHaveLength(1);
  });

  test('a healthy watch and no responses cost the workspace nothing', async () => {
    await watchFor().ensureWatch();
    let reads = 0;
    const counting = watchFor({ journal: { ...journal, readKnown: async () => (reads++, journal.readKnown()) } });
    expect(await counting.sweepStep()).toEqual([]);
    expect(reads).toBe(0);
  });
});

describe('the publish state in the sweep step', () => {
  // 2026-03-02 is inside the first call and after the second.
  const call = (id: string, opens: string, deadline: string): Call => ({ id, title: id, opens, deadline, priorityTheme: '', packageHours: 4, sessionHours: 2, topics: [] });
  const openCall = [call('2026-03', '2026-02-15', '2026-03-15')];
  const pastCall = [call('2025-09', '2025-09-01', '2025-09-30')];
  const gets = () => emulator.counters().byMethod['forms.get'] ?? 0;

  test.each([
    ['unpublished', { isPublished: false, isAcceptingResponses: false }, 'no està publicat'],
    ['published but closed to responses', { isPublished: true, isAcceptingResponses: false }, 'està publicat però no accepta respostes'],
  ])('a form %s is named once in every sweep’s notes while the call is open', async (_name, state, text) => {
    await watchFor().ensureWatch();
    await source.setPublishSettings(formId, state);
    for (let sweep = 0; sweep < 3; sweep++) {
      const notes = await watchFor().sweepStep(undefined, openCall);
      expect(notes).toEqual([expect.stringContaining(text)]);
      expect(notes[0]).toContain(`npm run form -- update --form ${formId}`);
    }
    // Not a remembered digest item: it comes back until the form is open again.
    expect(log).toEqual([]);
    await source.setPublishSettings(formId, OPEN);
    expect(await watchFor().sweepStep(undefined, openCall)).toEqual([]);
  });

  test('comes before the other notes of the same sweep, once', async () => {
    const { watch } = await watchFor().ensureWatch();
    emulator.suspendWatch(formId, watch!.id!, { errorType: 'OTHER_ERRORS', persists: true });
    await source.setPublishSettings(formId, { isPublished: false, isAcceptingResponses: false });
    const notes = await watchFor().sweepStep(undefined, openCall);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('no està publicat');
    expect(notes[1]).toContain('suspès');
  });

  test('outside an open call a closed form is not reported, nor even read', async () => {
    await watchFor().ensureWatch();
    await source.setPublishSettings(formId, { isPublished: false, isAcceptingResponses: false });
    const before = gets();
    expect(await watchFor().sweepStep(undefined, pastCall)).toEqual([]);
    expect(await watchFor().sweepStep(undefined, [])).toEqual([]);
    expect(gets()).toBe(before);
    // Without the calls (no sweep state at hand) it checks.
    expect(await watchFor().sweepStep()).toHaveLength(1);
  });

  test('an open form, a legacy form and a failed read say nothing', async () => {
    await watchFor().ensureWatch();
    expect(await watchFor().publishCheck()).toEqual([]);
    emulator.makeLegacy(formId);
    expect(await watchFor().publishCheck()).toEqual([]);
    expect(await watchFor({ formId: 'no-such-form-0000', topicName: undefined }).publishCheck()).toEqual([]);
  });
});

/** The adapter's methods as plain functions, so one can be swapped in a test. */
function bind(s: GoogleFormsSource): FormsWatchDeps['source'] {
  return {
    get: s.get.bind(s),
    listWatches: s.listWatches.bind(s),
    createWatch: s.createWatch.bind(s),
    renewWatch: s.renewWatch.bind(s),
    deleteWatch: s.deleteWatch.bind(s),
    listResponses: s.listResponses.bind(s),
  };
}
