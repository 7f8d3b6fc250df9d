import fs from 'node:fs';
import path from 'node:path';

export class DataDirectoryInUseError extends Error {}

/**
 * PGlite does not lock its data folder, and two processes writing it would corrupt it. The lock file
 * holds the owner's pid; a lock whose process is gone is stale and taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'khien.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirectoryInUseError(
          `The data folder ${dataDir} is in use by another Khiên process (pid ${owner}). ` +
            'Stop that process, or set KHIEN_DATA_DIR to another folder.',
        );
      }
      fs.unlinkSync(file);
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
