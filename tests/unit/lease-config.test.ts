// The lease's configuration: the bucket is required of every function, its times have
// defaults and bounds, and every writer of one spreadsheet meets on the same object.
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../shared/errors';
import { leaseSettings, loadConfig } from '../../shared/runtime/config';

const BASE = { SPREADSHEET_ID: 'sheet-1', SENDGRID_API_KEY: 'SG.x', MAIL_FROM: 'a@xmess.cat', STAFF_EMAILS: 'a@xmess.cat', LEASE_BUCKET: 'p-xmess-leases' };

describe('lease configuration', () => {
  test('LEASE_BUCKET is required and named when missing or malformed', () => {
    for (const bucket of [undefined, '', 'Not_A_Bucket!']) {
      const e = (() => {
        try {
          loadConfig({ ...BASE, LEASE_BUCKET: bucket });
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).missing).toEqual(['LEASE_BUCKET']);
    }
  });

  test('60 s lease and 20 s wait by default; one object per spreadsheet', () => {
    expect(leaseSettings(loadConfig(BASE))).toEqual({ bucket: 'p-xmess-leases', name: 'xmess/requests-sheet-1.lease', leaseMs: 60_000, waitMs: 20_000 });
    expect(leaseSettings(loadConfig({ ...BASE, LEASE_SECONDS: '5', LEASE_WAIT_SECONDS: '0' }))).toMatchObject({ leaseMs: 5000, waitMs: 0 });
  });

  test.each(['4', '601', '1.5', 'soon'])('LEASE_SECONDS=%s is refused: too short to write safely, too long to wait for, or not whole seconds', (value) => {
    expect(() => loadConfig({ ...BASE, LEASE_SECONDS: value })).toThrow(ConfigError);
  });
});
