import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../shared/app-error.js';

/** Evidence a report may carry: pictures, PDF documents and recordings, judged by content, not by name. */
const ACCEPTED: Record<string, string> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
  'audio/mpeg': 'audio/mpeg',
  'audio/mp4': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/ogg': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/amr': 'audio/amr',
};

export const EVIDENCE_LIMITS = {
  files: 10,
  fileBytes: 10 * 1024 * 1024,
  totalBytes: 25 * 1024 * 1024,
} as const;

export interface EvidenceUpload {
  fileName: string;
  bytes: Buffer;
}

export interface CheckedEvidence {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  bytes: Buffer;
}

/** A file name safe to show and to offer back as a download name. */
export function safeFileName(name: string, fallbackExtension: string): string {
  const base = name
    .normalize('NFC')
    .replace(/[\\/]/g, '_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(-120);
  return base || `chung-cu.${fallbackExtension}`;
}

/** Files up to this size are hashed at once; larger ones on the thread pool. */
const HASH_INLINE_BYTES = 1024 * 1024;

/**
 * SHA-256 of a file. A large file (up to 10 MB) is hashed through WebCrypto, on libuv's thread pool, so
 * that it does not hold up the requests the server is answering meanwhile. A small one (most photos and
 * screenshots) is hashed at once: at about 0.6 µs per KB that costs less than handing it to the pool,
 * which copies it first and answers through a promise.
 */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (bytes.length <= HASH_INLINE_BYTES) return crypto.createHash('sha256').update(bytes).digest('hex');
  return Buffer.from(await crypto.webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/**
 * Checks every file before anything is stored: the count and sizes against the limits, the type by its
 * content (a renamed executable is refused whatever its name says), and records its SHA-256.
 */
export async function checkEvidence(files: readonly EvidenceUpload[]): Promise<CheckedEvidence[]> {
  if (files.length > EVIDENCE_LIMITS.files) {
    throw new AppError('evidence.too_many', `At most ${EVIDENCE_LIMITS.files} evidence files per report`);
  }
  let total = 0;
  const checked: CheckedEvidence[] = [];
  for (const file of files) {
    total += file.bytes.length;
    if (file.bytes.length > EVIDENCE_LIMITS.fileBytes || total > EVIDENCE_LIMITS.totalBytes) {
      throw new AppError(
        'evidence.too_large',
        'Each evidence file may be up to 10 MB, and all of them together up to 25 MB',
      );
    }
    const detected = file.bytes.length > 0 ? await fileTypeFromBuffer(file.bytes) : undefined;
    const mediaType = detected ? ACCEPTED[detected.mime] : undefined;
    if (!detected || !mediaType) {
      throw new AppError(
        'evidence.type_not_allowed',
        `${safeFileName(file.fileName, 'bin')}: only pictures (JPEG, PNG, WebP), PDF or recordings (MP3, M4A, OGG, WAV, AMR) are accepted`,
      );
    }
    checked.push({
      fileName: safeFileName(file.fileName, detected.ext),
      mediaType,
      sizeBytes: file.bytes.length,
      sha256: await sha256Hex(file.bytes),
      bytes: file.bytes,
    });
  }
  return checked;
}
