// The Forms adapter and the form script's code against the real Google Forms API, when an
// admin asks for it:
//   SYSTEM_FORMS=1
//   GOOGLE_APPLICATION_CREDENTIALS=<credentials allowed the forms.body scope> (or gcloud
//   application-default login with that scope)
//   npm run test:system
// It creates a form, checks that Google leaves it unpublished (as the emulator does), builds
// and publishes it as `npm run form -- create` does, and reads the publish state back. The
// Forms API cannot delete a form, so the test closes it again and prints its ID: delete it
// in Google Drive. Without SYSTEM_FORMS it is skipped, and says so.
import { afterAll, describe, expect, test } from 'vitest';
import { GoogleFormsSource } from '../../shared/adapters/forms';
import type { Call } from '../../shared/domain/calls';
import { publishForm } from '../../shared/forms/publish';

const enabled = process.env.SYSTEM_FORMS === '1';
// Unset for Google itself; set it to try the suite against the local stack's Forms emulator.
const rootUrl = process.env.GOOGLE_ROOT_URL;
const reason = 'SKIPPED: set SYSTEM_FORMS=1 (and Google credentials with the forms.body scope) to create, publish and read back a real form';
process.env.LOG_LEVEL = 'silent';

const call: Call = {
  id: 'PROVA-SISTEMA',
  title: 'Prova del sistema (es pot esborrar)',
  opens: '2026-01-01',
  deadline: '2026-12-31',
  priorityTheme: '',
  packageHours: 4,
  sessionHours: 2,
  topics: ['Energia'],
};

describe.skipIf(!enabled)(enabled ? 'the real Google Forms API' : reason, () => {
  const source = new GoogleFormsSource({ rootUrl, edit: true });
  const made: string[] = [];

  afterAll(async () => {
    for (const formId of made) {
      await source.setPublishSettings(formId, { isPublished: false, isAcceptingResponses: false }).catch(() => undefined);
      process.stdout.write(`system test: form ${formId} left unpublished; delete it in Google Drive\n`);
    }
  });

  test('a form created through the API is unpublished and takes no responses', async () => {
    const bare = await source.create({ title: 'XMESS prova del sistema', documentTitle: 'XMESS prova del sistema (es pot esborrar)' });
    made.push(bare.formId!);
    expect((await source.get(bare.formId!)).publishSettings?.publishState).toMatchObject({ isPublished: false, isAcceptingResponses: false });
  });

  test('the form script builds it, publishes it and reads back that it is published and accepting responses', async () => {
    const published = await publishForm(source, { call, pools: [] });
    made.push(published.formId);
    expect(published.publishing).toBe('published');
    expect(published.publishState).toMatchObject({ isPublished: true, isAcceptingResponses: true });
    expect((await source.get(published.formId)).publishSettings?.publishState).toMatchObject({ isPublished: true, isAcceptingResponses: true });
    expect(published.renumbered).toEqual([]);
  });
});
