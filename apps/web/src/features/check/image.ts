import { CheckResponse } from '@khien/contracts';
import { useMutation } from '@tanstack/react-query';
import { ApiError, problemFromResponse } from '../../api/problem';

/** The server's upload limit (apps/server http/app.ts: multipart fileSize). */
export const maxImageBytes = 8 * 1024 * 1024;
/** What the QR reader decodes (packages/core identifiers/qr-image.ts). */
export const imageAccept = 'image/png,image/jpeg';

/**
 * Why a chosen file cannot be sent, or null. A file without a type (some phones give none) goes to the
 * server, which reads the bytes and answers `qr.unsupported_format` if need be.
 */
export function imageProblem(file: { size: number; type: string }): 'too_large' | 'wrong_type' | null {
  if (file.size > maxImageBytes) return 'too_large';
  if (file.type && !imageAccept.split(',').includes(file.type)) return 'wrong_type';
  return null;
}

/** The multipart body of an image check: the `image`, and the text of the box as `q` when there is one. */
export function imageCheckBody(file: Blob, text: string, name = 'qr'): FormData {
  const body = new FormData();
  body.append('image', file, name);
  const q = text.trim();
  if (q) body.append('q', q);
  return body;
}

export interface ImageCheck {
  file: File;
  text: string;
}

/**
 * POSTs the picture to the same check as the text (`/api/public/check`, multipart/form-data). The JSON
 * client sends JSON only, so this one call builds its request itself and reads the answer the same way.
 */
export async function checkImage({ file, text }: ImageCheck): Promise<CheckResponse> {
  let response: Response;
  try {
    response = await fetch('/api/public/check', {
      method: 'POST',
      headers: { accept: 'application/json, application/problem+json' },
      body: imageCheckBody(file, text, file.name || 'qr'),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network.unreachable', title: 'Network error' });
  }
  const bodyText = await response.text().catch(() => '');
  if (!response.ok) throw problemFromResponse(response.status, response.statusText, bodyText);
  const parsed = CheckResponse.safeParse(bodyText ? JSON.parse(bodyText) : undefined);
  if (!parsed.success) {
    console.error('Unexpected answer from POST /api/public/check (image)', parsed.error);
    throw new ApiError({ status: response.status, code: 'response.invalid', title: 'Unexpected answer' });
  }
  return parsed.data;
}

/** A picture is checked once, when it is chosen: nothing about it is kept in the address or a cache. */
export function useImageCheck() {
  return useMutation({ mutationFn: checkImage });
}

/** The QR reader's code in a 422 `check.image_unreadable` (errors[0].message), if any. */
export function unreadableImageCode(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'check.image_unreadable') return null;
  return error.fieldErrors[0]?.message ?? null;
}
