// The two single-request upload forms of objects.insert (the discovery document's
// mediaUpload.protocols.simple at /upload/storage/v1/b/{bucket}/o):
//   uploadType=media      the body is the object, its Content-Type the object's, name in the query;
//   uploadType=multipart  multipart/related: a JSON Object resource, then the object's bytes.
// Resumable uploads are not modelled (the lease writes a few hundred bytes).
import { checkObjectResource } from '../discovery/storage-hook';
import { invalid, required } from './errors';

export interface Upload {
  name: string;
  data: Buffer;
  contentType: string;
  metadata?: Record<string, string>;
}

const ALLOWED_RESOURCE = ['name', 'contentType', 'metadata', 'cacheControl', 'contentDisposition', 'contentEncoding', 'contentLanguage', 'customTime'];

export function parseUpload(uploadType: string | null, query: URLSearchParams, contentType: string, body: Buffer): Upload {
  if (uploadType === 'media') {
    const name = query.get('name');
    if (!name) throw required('Required');
    return { name, data: body, contentType: contentType || 'application/octet-stream' };
  }
  if (uploadType === 'multipart') return parseMultipart(query, contentType, body);
  if (uploadType === 'resumable') throw invalid('Resumable uploads are not supported by the local emulator.');
  throw invalid(`Invalid upload type: ${uploadType ?? '(none)'}`);
}

function parseMultipart(query: URLSearchParams, contentType: string, body: Buffer): Upload {
  const m = /^multipart\/related;\s*boundary="?([^";]+)"?/i.exec(contentType);
  if (!m) throw invalid('Invalid multipart request with 0 mime parts.');
  const text = body.toString('latin1'); // byte-preserving, so the media part survives as is
  const parts = text.split(`--${m[1]}`).slice(1, -1).map(splitPart);
  if (parts.length !== 2) throw invalid(`Invalid multipart request with ${parts.length} mime parts.`);
  const [meta, media] = parts as [Part, Part];
  let resource: Record<string, unknown>;
  try {
    resource = JSON.parse(Buffer.from(meta.body, 'latin1').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw invalid('Metadata part is too large or not valid JSON.');
  }
  checkObjectResource(resource);
  // Fields the Object resource has but the emulator does not model are refused too.
  for (const k of Object.keys(resource)) if (!ALLOWED_RESOURCE.includes(k)) throw invalid(`The local emulator does not model the object field ${k}.`);
  const name = typeof resource.name === 'string' && resource.name ? resource.name : query.get('name');
  if (!name) throw required('Required');
  const metadata = resource.metadata;
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Object.values(metadata).some((v) => typeof v !== 'string'))) {
    throw invalid('Invalid value for metadata: values must be strings.');
  }
  return {
    name,
    data: Buffer.from(media.body, 'latin1'),
    contentType: (typeof resource.contentType === 'string' && resource.contentType) || media.contentType || 'application/octet-stream',
    ...(metadata ? { metadata: metadata as Record<string, string> } : {}),
  };
}

interface Part {
  contentType: string;
  body: string;
}

function splitPart(raw: string): Part {
  const start = raw.replace(/^\r\n/, '');
  const gap = start.indexOf('\r\n\r\n');
  if (gap < 0) throw invalid('Invalid multipart request: a part has no headers.');
  const headers = start.slice(0, gap);
  const contentType = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? '';
  return { contentType, body: start.slice(gap + 4).replace(/\r\n$/, '') };
}
