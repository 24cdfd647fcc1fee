// The one file that talks to Cloud Storage: the LeaseStore port on one bucket, with the
// JSON API's generation preconditions (cloud.google.com/storage/docs/request-preconditions)
// as the compare-and-set Sheets lacks — how Terraform's GCS backend locks its state.
//   create  objects.insert uploadType=media, ifGenerationMatch=0 → 412 when one exists;
//   read    objects.get alt=media: the body, and its generation from x-goog-generation;
//   remove  objects.delete ifGenerationMatch=<ours> → 412 when another took it over.
import { auth as googleAuth, storage, type storage_v1 } from '@googleapis/storage';
import { UpstreamError } from '../errors';
import type { LeaseRecord, LeaseStore } from '../ports';
import { retryConfig } from './google-retry';

export interface StorageOptions {
  bucket: string;
  /** Local emulator root (GOOGLE_ROOT_URL); unset in production. */
  rootUrl?: string;
  retries?: number;
  retryDelayMs?: number;
}

const SCOPES = ['https://www.googleapis.com/auth/devstorage.read_write'];
/** gaxios gives fetch Headers; older typings say a plain record. */
function header(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(v) ? v[0] : v;
}
const statusOf = (e: unknown): number | undefined =>
  (e as { response?: { status?: number } }).response?.status ?? (e as { status?: number }).status;

export class GcsLeaseStore implements LeaseStore {
  private readonly api: storage_v1.Storage;
  private readonly root?: string;

  constructor(private readonly opts: StorageOptions) {
    this.root = opts.rootUrl && (opts.rootUrl.endsWith('/') ? opts.rootUrl : `${opts.rootUrl}/`);
    this.api = storage({ version: 'v1', ...(this.root ? { rootUrl: this.root } : { auth: new googleAuth.GoogleAuth({ scopes: SCOPES }) }) });
  }

  /**
   * Per-call options: the client builds upload URLs from the call's own rootUrl, never from
   * the one given at construction, so without it an upload would go to storage.googleapis.com.
   * Retries: a 429 was refused and may be repeated; a 5xx may have been applied, so the
   * lease reads the object back instead (its body names the holder).
   */
  private options(idempotent: boolean) {
    return { ...(this.root && { rootUrl: this.root }), ...retryConfig(this.opts.retries ?? 3, this.opts.retryDelayMs ?? 200, idempotent) };
  }

  async create(name: string, body: string): Promise<string | 'held'> {
    try {
      const res = await this.api.objects.insert(
        { bucket: this.opts.bucket, name, ifGenerationMatch: '0', media: { mimeType: 'application/json', body } },
        this.options(false),
      );
      return String(res.data.generation);
    } catch (e) {
      if (statusOf(e) === 412) return 'held';
      throw this.upstream(e, 'create');
    }
  }

  async read(name: string): Promise<LeaseRecord | undefined> {
    try {
      const res = await this.api.objects.get({ bucket: this.opts.bucket, object: name, alt: 'media' }, { ...this.options(true), responseType: 'text' });
      const generation = header(res.headers, 'x-goog-generation') ?? (await this.generationOf(name));
      if (!generation) return undefined;
      return { generation, body: String(res.data) };
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw this.upstream(e, 'read');
    }
  }

  /** Fallback when a download carries no generation header: the metadata has it. */
  private async generationOf(name: string): Promise<string | undefined> {
    const res = await this.api.objects.get({ bucket: this.opts.bucket, object: name }, this.options(true));
    return res.data.generation ?? undefined;
  }

  async remove(name: string, generation: string): Promise<boolean> {
    try {
      // Deleting with our generation is safe to repeat: once gone, it answers 404, not another's lease.
      await this.api.objects.delete({ bucket: this.opts.bucket, object: name, ifGenerationMatch: generation }, this.options(true));
      return true;
    } catch (e) {
      const status = statusOf(e);
      if (status === 412 || status === 404) return false;
      throw this.upstream(e, 'remove');
    }
  }

  private upstream(cause: unknown, what: string): UpstreamError {
    const status = statusOf(cause);
    const transient = status === undefined || status === 429 || status >= 500;
    return new UpstreamError('storage', transient, { cause, message: `Cloud Storage lease ${what} failed${status ? ` (${status})` : ''}` });
  }
}
