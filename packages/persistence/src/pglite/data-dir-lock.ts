import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// PGlite takes no lock on its data directory, and two instances on one directory corrupt it
// (`chorus migrate` run while `chorus start` is up, two starts). This lock file refuses the second.
const LOCK_FILE = 'chorus.lock';
const lockedHere = new Set<string>();

/** Locks dataDir (which must exist) for this process; returns the unlock function. */
export function lockDataDir(dataDir: string): () => void {
  if (lockedHere.has(dataDir)) {
    throw new Error(
      `The embedded database in ${dataDir} is already open in this process. Open one Database per data ` +
        'directory and share it between services (db.forService).',
    );
  }
  const file = join(dataDir, LOCK_FILE);
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    // Our own pid in the file is a leftover of an earlier run (containers reuse pids), not a live holder.
    if (holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder}. Stop that process first; to run ` +
          'several processes on one database, use PostgreSQL (DATABASE_URL).',
        { cause: error },
      );
    }
    writeFileSync(file, String(process.pid));
  }
  lockedHere.add(dataDir);
  return () => {
    lockedHere.delete(dataDir);
    rmSync(file, { force: true });
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
