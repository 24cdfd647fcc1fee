// The committed discovery data is what every strict check rests on: it must say where it came
// from, and every name it points to must exist. (Regenerating it from Google's documents is
// `npm run discovery -- --from DIR --check`, run by whoever refreshes the documents.)
import { describe, expect, it } from 'vitest';
import { discovery } from '../../emulators/discovery/validate';
import type { DiscoveryData, PropSpec } from '../../emulators/discovery/types';

const APIS = [
  { api: 'sheets.v4', source: 'sheets.v4.json', protoPackage: 'google.apps.sheets.v4', hasMasks: true },
  { api: 'forms.v1', source: 'forms.v1.json', protoPackage: 'google.apps.forms.v1', hasMasks: true },
  // The JSON API has no update masks (it patches with the resource itself).
  { api: 'storage.v1', source: 'storage.v1.json', protoPackage: 'google.storage.v1', hasMasks: false },
] as const;

/** Every $ref and maskOf reachable from a property, with where it was found. */
function refs(p: PropSpec, where: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (p.$ref) out.push([p.$ref, where]);
  if (p.maskOf) out.push([p.maskOf, `${where} (mask)`]);
  if (p.items) out.push(...refs(p.items, `${where}[]`));
  if (p.additionalProperties) out.push(...refs(p.additionalProperties, `${where}{}`));
  return out;
}

function dangling(d: DiscoveryData): string[] {
  const all: Array<[string, string]> = [];
  const missing: string[] = [];
  for (const [name, s] of Object.entries(d.schemas)) {
    for (const [key, p] of Object.entries(s.properties)) all.push(...refs(p, `${name}.${key}`));
    for (const r of s.required ?? []) if (!s.properties[r]) missing.push(`${name}.required → ${r}`);
  }
  for (const [id, m] of Object.entries(d.methods)) {
    if (m.request) all.push([m.request, `${id} request`]);
    if (m.response) all.push([m.response, `${id} response`]);
  }
  return [...missing, ...all.filter(([ref]) => !d.schemas[ref]).map(([ref, where]) => `${where} → ${ref}`)];
}

describe.each(APIS)('discovery data $api', ({ api, source, protoPackage, hasMasks }) => {
  const d = discovery(api);

  it('records the document and revision it was generated from', () => {
    expect(d.source).toBe(source);
    expect(d.revision).toMatch(/^\d{8}$/);
    expect(d.protoPackage).toBe(protoPackage);
  });

  it('resolves every $ref, request, response, mask target and required name', () => {
    expect(dangling(d)).toEqual([]);
  });

  it('gives every update mask the message it is relative to', () => {
    const masks = Object.entries(d.schemas).flatMap(([name, s]) =>
      Object.entries(s.properties).filter(([, p]) => p.format === 'google-fieldmask').map(([key, p]) => [`${name}.${key}`, p.maskOf]));
    expect(masks.length > 0).toBe(hasMasks);
    expect(masks.filter(([, target]) => !target)).toEqual([]);
  });

  it('describes the methods the emulator serves, with their query parameters', () => {
    const ids = Object.keys(d.methods);
    expect(ids.length).toBeGreaterThan(5);
    for (const m of Object.values(d.methods)) for (const p of Object.values(m.parameters)) expect(['query', 'path']).toContain(p.location);
    expect(d.parameters.fields?.type).toBe('string');
  });
});

it('knows the Sheets facts the strict checks quote', () => {
  const d = discovery('sheets.v4');
  expect(d.methods['sheets.spreadsheets.values.append']?.parameters.valueInputOption?.enum).toEqual(['INPUT_VALUE_OPTION_UNSPECIFIED', 'RAW', 'USER_ENTERED']);
  expect(d.schemas.BooleanCondition?.properties.type?.enum).toContain('NUMBER_BETWEEN');
  expect(d.schemas.UpdateSheetPropertiesRequest?.properties.fields?.maskOf).toBe('SheetProperties');
  expect(d.schemas.UpdateCellsRequest?.properties.fields?.maskOf).toBe('CellData');
  expect(discovery('forms.v1').schemas.UpdateItemRequest?.required).toEqual(['item', 'location', 'updateMask']);
});
