/**
 * The evidence files of a report, checked in the browser with the server's limits before anything is sent
 * (the server checks again, by content). A phone on a slow connection should not upload 20 MB to be told no.
 */

export const evidenceLimits = {
  maxFiles: 10,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 25 * 1024 * 1024,
} as const;

/** The accepted kinds, by extension and by the media types browsers and phones give them. */
const accepted: Record<string, readonly string[]> = {
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  pdf: ['application/pdf'],
  mp3: ['audio/mpeg', 'audio/mp3'],
  m4a: ['audio/mp4', 'audio/x-m4a', 'audio/m4a', 'audio/aac'],
  ogg: ['audio/ogg', 'application/ogg'],
  oga: ['audio/ogg'],
  opus: ['audio/ogg', 'audio/opus'],
  wav: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  amr: ['audio/amr', 'audio/3gpp'],
};

const acceptedTypes = new Set(Object.values(accepted).flat());

/** For the file picker: what it offers first. Anything else picked is refused with a reason. */
export const evidenceAccept = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'audio/*',
  ...Object.keys(accepted).map((extension) => `.${extension}`),
].join(',');

export interface FileLike {
  name: string;
  size: number;
  type: string;
  lastModified?: number;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Whether a file looks like an accepted kind: by its media type, or by its extension when the phone gives
 * no type or a vague one (`application/octet-stream` for a voice memo).
 */
export function evidenceTypeAllowed(file: FileLike): boolean {
  const type = file.type.toLowerCase();
  if (acceptedTypes.has(type)) return true;
  const vague = type === '' || type === 'application/octet-stream';
  return vague && extensionOf(file.name) in accepted;
}

export type EvidenceRefusal = 'type' | 'size' | 'total' | 'count' | 'duplicate';

const sameFile = (a: FileLike, b: FileLike) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/** Adds the chosen files to those already there, in order, refusing each one that breaks a limit. */
export function addEvidence<T extends FileLike>(
  current: readonly T[],
  added: readonly T[],
): { files: T[]; refused: { file: T; reason: EvidenceRefusal }[] } {
  const files = [...current];
  const refused: { file: T; reason: EvidenceRefusal }[] = [];
  let total = totalBytes(files);
  for (const file of added) {
    const reason: EvidenceRefusal | null = files.some((kept) => sameFile(kept, file))
      ? 'duplicate'
      : !evidenceTypeAllowed(file)
        ? 'type'
        : file.size > evidenceLimits.maxFileBytes
          ? 'size'
          : files.length >= evidenceLimits.maxFiles
            ? 'count'
            : total + file.size > evidenceLimits.maxTotalBytes
              ? 'total'
              : null;
    if (reason) {
      refused.push({ file, reason });
      continue;
    }
    files.push(file);
    total += file.size;
  }
  return { files, refused };
}

export function totalBytes(files: readonly FileLike[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

/** A size people read: "820 kB", "1,5 MB" (in the page's locale; 1 MB = 1024 × 1024 bytes, as the limits). */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024), 0)} kB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
