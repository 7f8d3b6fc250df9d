/**
 * Reads the text of a QR code in a PNG or JPEG image: the screenshot of a payment QR that a scammer
 * sent. Pure JavaScript (pngjs, jpeg-js, jsQR), so it runs the same on the server, in a worker and in the
 * browser. The image comes from the public, so its header is checked before any pixel is decoded: a
 * small file can declare a huge picture.
 */
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { fail, ok, type ParseResult } from './types.js';

/** Phone screenshots are 2–4 MP and camera photos 12–50 MP; 25 MP keeps RGBA under 100 MB. */
export const MAX_IMAGE_PIXELS = 25_000_000;
const MAX_JPEG_MEMORY_MB = 512;
/** jsQR's cost grows with the pixel count; larger images are also tried at half size (see below). */
const HALVE_ABOVE_PIXELS = 2_000_000;

type Format = 'png' | 'jpeg';

function detectFormat(bytes: Uint8Array): Format | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

interface Size {
  width: number;
  height: number;
}

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
function pngSize(bytes: Uint8Array): Size | null {
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (type !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height from the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array): Size | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const segmentLength = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const isStartOfFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return {
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
      };
    }
    if (marker === 0xd9 || marker === 0xda || segmentLength < 2) return null; // end, or scan data before a frame
    at += 2 + segmentLength;
  }
  return null;
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decodePixels(bytes: Uint8Array, format: Format): Rgba {
  if (format === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  }
  const image = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
    maxMemoryUsageInMB: MAX_JPEG_MEMORY_MB,
  });
  return { width: image.width, height: image.height, data: image.data };
}

/** Averages 2×2 blocks: a QR photographed close up often decodes better with less sensor noise. */
function halve(image: Rgba): Rgba {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (row: number, col: number) => image.data[(row * image.width + col) * 4 + c]!;
        const sum = at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1);
        data[(y * width + x) * 4 + c] = sum >> 2;
      }
    }
  }
  return { width, height, data };
}

function findQr(image: Rgba): string | null {
  const pixels = new Uint8ClampedArray(
    image.data.buffer,
    image.data.byteOffset,
    image.width * image.height * 4,
  );
  // attemptBoth: light-on-dark codes (dark-mode screenshots, inverted posters) are common.
  const code = jsQR(pixels, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return code && code.data ? code.data : null;
}

/**
 * The text of the QR code in a PNG or JPEG image. Codes: `qr.unsupported_format` (not PNG or JPEG),
 * `qr.too_large` (over 25 MP), `qr.corrupt_image` (cannot be decoded), `qr.not_found` (no readable
 * QR code). Never throws or rejects.
 */
export async function decodeQrImage(bytes: Uint8Array): Promise<ParseResult<string>> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    return fail('qr.unsupported_format', 'The file is empty.');
  }
  const format = detectFormat(bytes);
  if (!format) return fail('qr.unsupported_format', 'The image must be a PNG or a JPEG.');
  const size = format === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return fail('qr.corrupt_image', `The ${format.toUpperCase()} header is damaged: no image size.`);
  if (size.width === 0 || size.height === 0) return fail('qr.corrupt_image', 'The image has no pixels.');
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    return fail(
      'qr.too_large',
      `The image is ${size.width}×${size.height} pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are read.`,
    );
  }

  let image: Rgba;
  try {
    image = decodePixels(bytes, format);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(reason)) {
      return fail('qr.too_large', `The image needs more memory than allowed to decode: ${reason}`);
    }
    return fail('qr.corrupt_image', `The ${format.toUpperCase()} image cannot be decoded: ${reason}`);
  }
  if (image.width * image.height * 4 > image.data.length || image.width === 0 || image.height === 0) {
    return fail('qr.corrupt_image', 'The image decoded to fewer pixels than its size says.');
  }

  try {
    const text =
      findQr(image) ?? (image.width * image.height > HALVE_ABOVE_PIXELS ? findQr(halve(image)) : null);
    return text === null ? fail('qr.not_found', 'No readable QR code in the image.') : ok(text);
  } catch (error) {
    // jsQR is not known to throw, but a parser of public uploads must not reject on a library bug.
    return fail(
      'qr.not_found',
      `The QR decoder failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
