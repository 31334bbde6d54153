import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  readonly data: Buffer;
  readonly type: string;
  readonly name: string;
}

export interface ParsedBody {
  readonly params: Record<string, unknown>;
  readonly files: Record<string, UploadedFile>;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, URL-encoded and multipart bodies, as Rails accepts them; `a[b][]` keys become nested values. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) {
    return { params: {}, files: {} };
  }
  if (type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return {
      params: typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
      files: {},
    };
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
    const entries: [string, string][] = [];
    const files: Record<string, UploadedFile> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        entries.push([key, value]);
      } else {
        files[key] = { data: Buffer.from(await value.arrayBuffer()), type: value.type, name: value.name };
      }
    }
    return { params: railsParams(entries), files };
  }
  return { params: {}, files: {} };
}

export function railsParams(entries: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/u.exec(key);
    if (!match) {
      continue;
    }
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/gu)].map((part) => part[1]!)];
    let node = root;
    for (let index = 0; index < path.length; index += 1) {
      const part = path[index]!;
      if (index === path.length - 1) {
        node[part] = value;
        break;
      }
      if (path[index + 1] === '' && index + 1 === path.length - 1) {
        const list = Array.isArray(node[part]) ? (node[part] as unknown[]) : [];
        list.push(value);
        node[part] = list;
        break;
      }
      const child = node[part];
      node[part] = typeof child === 'object' && child !== null && !Array.isArray(child) ? child : {};
      node = node[part] as Record<string, unknown>;
    }
  }
  return root;
}
