// The one file that talks to the Google Forms API. It implements the FormSource port:
// the form itself (create, get, batchUpdate), its responses (every page, since a time)
// and its push-notification watches.
import { auth as googleAuth, forms, type forms_v1 } from '@googleapis/forms';
import { UpstreamError } from '../errors';
import type { FormDoc, FormRequest, FormResponse, FormWatch, PublishState } from '../forms/form-source';
import type { FormSource } from '../ports';
import { retryConfig } from './google-retry';

export interface FormsOptions {
  /** Local emulator root (GOOGLE_ROOT_URL); unset in production. */
  rootUrl?: string;
  /** Edit the form (the form script); otherwise read responses and manage watches only. */
  edit?: boolean;
  retries?: number;
  retryDelayMs?: number;
  /** Responses per page; unset lets the API choose (at most 5000). */
  pageSize?: number;
}

// Least privilege: the functions read responses (watches accept this scope too) and the
// form itself, for its publish state (forms.get does not accept the responses scope).
const READ_SCOPES = ['https://www.googleapis.com/auth/forms.responses.readonly', 'https://www.googleapis.com/auth/forms.body.readonly'];
const EDIT_SCOPES = ['https://www.googleapis.com/auth/forms.body'];


const statusOf = (e: unknown): number | undefined =>
  (e as { response?: { status?: number } }).response?.status ?? (e as { status?: number }).status;

export class GoogleFormsSource implements FormSource {
  private readonly api: forms_v1.Forms;
  private readonly retries: number;
  private readonly delay: number;

  constructor(private readonly opts: FormsOptions = {}) {
    this.api = forms({
      version: 'v1',
      ...(opts.rootUrl
        ? { rootUrl: opts.rootUrl.endsWith('/') ? opts.rootUrl : `${opts.rootUrl}/` }
        : { auth: new googleAuth.GoogleAuth({ scopes: opts.edit ? EDIT_SCOPES : READ_SCOPES }) }),
    });
    this.retries = opts.retries ?? 5;
    this.delay = opts.retryDelayMs ?? 500;
  }

  async create(info: { title: string; documentTitle: string }): Promise<FormDoc> {
    const res = await this.call('create', () => this.api.forms.create({ requestBody: { info } }, this.retry(false)));
    return res.data as FormDoc;
  }

  async get(formId: string): Promise<FormDoc> {
    return (await this.call('get', () => this.api.forms.get({ formId }, this.retry(true)))).data as FormDoc;
  }

  async batchUpdate(formId: string, requests: FormRequest[]): Promise<void> {
    if (!requests.length) return;
    await this.call('batchUpdate', () =>
      this.api.forms.batchUpdate({ formId, requestBody: { requests: requests as forms_v1.Schema$Request[] } }, this.retry(false)),
    );
  }

  async setPublishSettings(formId: string, publishState: { isPublished: boolean; isAcceptingResponses: boolean }): Promise<PublishState> {
    // Setting the same state twice changes nothing, so a retry after a lost answer is safe.
    const res = await this.call('setPublishSettings', () =>
      this.api.forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState }, updateMask: 'publishState' } }, this.retry(true)),
    );
    return res.data.publishSettings?.publishState ?? {};
  }

  async listResponses(formId: string, since?: string): Promise<FormResponse[]> {
    const filter = since ? `timestamp > ${since}` : undefined;
    const out: FormResponse[] = [];
    let pageToken: string | undefined;
    do {
      const res = await this.call('responses.list', () =>
        this.api.forms.responses.list(
          { formId, ...(filter ? { filter } : {}), ...(this.opts.pageSize ? { pageSize: this.opts.pageSize } : {}), ...(pageToken ? { pageToken } : {}) },
          this.retry(true),
        ),
      );
      out.push(...((res.data.responses ?? []) as FormResponse[]));
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }

  async listWatches(formId: string): Promise<FormWatch[]> {
    const res = await this.call('watches.list', () => this.api.forms.watches.list({ formId }, this.retry(true)));
    return (res.data.watches ?? []) as FormWatch[];
  }

  async createWatch(formId: string, topicName: string): Promise<FormWatch> {
    const res = await this.call('watches.create', () =>
      this.api.forms.watches.create({ formId, requestBody: { watch: { target: { topic: { topicName } }, eventType: 'RESPONSES' } } }, this.retry(false)),
    );
    return res.data as FormWatch;
  }

  async renewWatch(formId: string, watchId: string): Promise<FormWatch | undefined> {
    try {
      return (await this.api.forms.watches.renew({ formId, watchId }, this.retry(true))).data as FormWatch;
    } catch (e) {
      if (statusOf(e) === 404) return undefined; // documented: an expired watch cannot be renewed
      throw this.wrap('watches.renew', e);
    }
  }

  async deleteWatch(formId: string, watchId: string): Promise<void> {
    try {
      await this.api.forms.watches.delete({ formId, watchId }, this.retry(true));
    } catch (e) {
      if (statusOf(e) !== 404) throw this.wrap('watches.delete', e); // already gone is what we wanted
    }
  }

  private retry(idempotent: boolean) {
    return retryConfig(this.retries, this.delay, idempotent);
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      throw this.wrap(what, cause);
    }
  }

  private wrap(what: string, cause: unknown): UpstreamError {
    const status = statusOf(cause);
    // 4xx other than 429 will not get better by trying again (403: the form is not shared with us).
    const transient = status === undefined || status === 429 || status >= 500;
    const apiMessage = (cause as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
    return new UpstreamError('forms', transient, {
      cause,
      message: `Forms ${what} failed${status ? ` (${status})` : ''}${apiMessage ? `: ${apiMessage}` : ''}`,
    });
  }
}
