import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { MediaStorage } from '../../application/ports/media-storage.port.js';

/**
 * Media on the local disk (embedded mode): `<root>/<tenant>/<workspace>/<asset>` and its derivatives under
 * `<asset>.d/`. Written to a temporary name and renamed, so a crash leaves no half file under a real key.
 */
export class LocalDiskMediaStorage implements MediaStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return null;
      }
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}.d`, { force: true, recursive: true });
  }

  /** A key's segments become directories; the derivative of `a/b/c/d` lives at `a/b/c.d/d`. */
  private pathOf(key: string): string {
    const segments = key.split('/');
    if (segments.length < 3 || segments.some((s) => !/^[A-Za-z0-9-]+$/.test(s))) {
      throw new Error(`Not a media storage key: ${key}`);
    }
    const [tenant, workspace, asset, ...rest] = segments;
    const path =
      rest.length === 0
        ? join(this.root, tenant!, workspace!, asset!)
        : join(this.root, tenant!, workspace!, `${asset!}.d`, ...rest);
    if (!path.startsWith(this.root + sep)) {
      throw new Error(`Media storage key escapes the root: ${key}`);
    }
    return path;
  }
}
