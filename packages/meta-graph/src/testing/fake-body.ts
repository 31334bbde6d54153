import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  readonly data: Buffer;
  readonly type: string;
  readonly name: string;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Graph reads parameters from the query string and from form, multipart or JSON bodies alike; nested JSON
 * values (attached_media, recipient) arrive as JSON strings, which is how form posts carry them too.
 */
export async function parseParams(
  raw: Buffer,
  contentType: string | undefined,
  query: URLSearchParams,
): Promise<{ params: Record<string, string>; files: Record<string, UploadedFile> }> {
  const params: Record<string, string> = Object.fromEntries(query.entries());
  const files: Record<string, UploadedFile> = {};
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) {
    return { params, files };
  }
  if (type.startsWith('application/json')) {
    const parsed = JSON.parse(raw.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      for (const [key, value] of Object.entries(parsed)) {
        params[key] = typeof value === 'string' ? value : JSON.stringify(value);
      }
    }
  } else if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        params[key] = value;
      } else {
        files[key] = { data: Buffer.from(await value.arrayBuffer()), type: value.type, name: value.name };
      }
    }
  }
  return { params, files };
}
