// The data-protection notice: read from the Configuració tab's rows, a blank or missing
// setting falls back to the default wording, so no email goes out with half a notice.
import { describe, expect, test } from 'vitest';
import { privacyLines } from '../../shared/emails/privacy-notice';
import { caPrivacy, DEFAULT_PRIVACY } from '../../shared/i18n/ca-privacy';
import { parsePrivacy, SEED_SETTINGS } from '../../shared/workspace/settings';

const s = caPrivacy.settings;

describe('parsePrivacy', () => {
  test('the seed rows read back as the default', () => {
    expect(parsePrivacy(SEED_SETTINGS)).toEqual(DEFAULT_PRIVACY);
  });

  test('a network’s own wording wins; blank and missing settings take the default', () => {
    const read = parsePrivacy([
      [s.controller, '  Consorci de Prova  '],
      [s.purpose, ''],
      [s.retentionYears, '2,5'],
      ['Una altra cosa', 'x'],
    ]);
    expect(read).toEqual({ ...DEFAULT_PRIVACY, controller: 'Consorci de Prova', retentionYears: 2.5 });
  });

  test.each([['zero', 0], ['text', 'molts'], ['negative', -1]])('retention years that are not a positive number (%s) take the default', (_, v) => {
    expect(parsePrivacy([[s.retentionYears, v]]).retentionYears).toBe(DEFAULT_PRIVACY.retentionYears);
  });
});

describe('the notice', () => {
  test('names the six elements a notice must have, each once, with the retention period', () => {
    const lines = privacyLines({ ...DEFAULT_PRIVACY, retentionYears: 4 });
    expect(lines[0]).toBe(caPrivacy.title);
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(Object.values(caPrivacy.labels));
    expect(lines.join('\n')).toContain('fins a 4 anys després que acabin les sessions');
    expect(privacyLines({ ...DEFAULT_PRIVACY, retentionYears: 1 }).join('\n')).toContain('fins a un any');
  });
});
