// Protected ranges in the Sheets emulator against the reference (ProtectedRange,
// UpdateProtectedRangeRequest): updateProtectedRange applies its field mask to the range
// with that ID, and "editors are not supported with warning_only protection".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, newSpreadsheet, startSheets, type Harness } from '../support/sheets-harness';

let h: Harness;
beforeAll(async () => {
  h = await startSheets();
});
afterAll(() => h.close());

const range = { sheetId: 0, startColumnIndex: 2, endColumnIndex: 3 };
const WRITERS = ['xmess-intake@p.iam.gserviceaccount.com', 'xmess-sweep@p.iam.gserviceaccount.com'];

async function warned(id: string): Promise<number> {
  const res = await h.api.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: { requests: [{ addProtectedRange: { protectedRange: { range, description: 'calculada', warningOnly: true } } }] },
  });
  return res.data.replies![0]!.addProtectedRange!.protectedRange!.protectedRangeId!;
}
const protections = async (id: string) => (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets![0]!.protectedRanges ?? [];

describe('updateProtectedRange', () => {
  it('turns a warning into an enforced protection with its editors, keeping the rest', async () => {
    const id = await newSpreadsheet(h.api);
    const protectedRangeId = await warned(id);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ updateProtectedRange: { protectedRange: { protectedRangeId, warningOnly: false, editors: { users: WRITERS } }, fields: 'warningOnly,editors' } }] },
    });
    expect(await protections(id)).toEqual([{ protectedRangeId, range, description: 'calculada', warningOnly: false, editors: { users: WRITERS } }]);
  });

  it('needs a field mask and an existing ID', async () => {
    const id = await newSpreadsheet(h.api);
    const protectedRangeId = await warned(id);
    const update = (u: Record<string, unknown>) => h.api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ updateProtectedRange: u }] } });
    expect((await apiError(update({ protectedRange: { protectedRangeId, warningOnly: false } }))).status).toBe(400);
    expect((await apiError(update({ protectedRange: { protectedRangeId: protectedRangeId + 1, warningOnly: false }, fields: 'warningOnly' }))).error.message).toContain('No protected range');
  });
});

describe('warningOnly with editors', () => {
  it('is refused on add and on update, and nothing changes', async () => {
    const id = await newSpreadsheet(h.api);
    const add = await apiError(
      h.api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ addProtectedRange: { protectedRange: { range, warningOnly: true, editors: { users: WRITERS } } } }] },
      }),
    );
    expect(add).toMatchObject({ status: 400, error: { status: 'INVALID_ARGUMENT', message: expect.stringContaining('warning_only') } });
    expect(await protections(id)).toEqual([]);

    const protectedRangeId = await warned(id);
    const update = await apiError(
      h.api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ updateProtectedRange: { protectedRange: { protectedRangeId, editors: { users: WRITERS } }, fields: 'editors' } }] },
      }),
    );
    expect(update.status).toBe(400);
    expect((await protections(id))[0]).toEqual({ protectedRangeId, range, description: 'calculada', warningOnly: true });
  });
});
