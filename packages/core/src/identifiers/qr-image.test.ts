import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_PAYLOAD,
  NAPAS_CARD_PAYLOAD,
  gradient,
  renderQr,
  toJpeg,
  toPng,
} from './fixtures/qr/generate.js';
import { MAX_IMAGE_PIXELS, decodeQrImage } from './qr-image.js';
import { parseVietQr } from './vietqr.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/qr/${name}`, import.meta.url)));

async function decoded(bytes: Uint8Array): Promise<string> {
  const result = await decodeQrImage(bytes);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

async function codeOf(bytes: Uint8Array): Promise<string> {
  const result = await decodeQrImage(bytes);
  return result.ok ? 'ok' : result.code;
}

/** A PNG signature and an IHDR chunk declaring width × height, with no pixel data after it. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

describe('decodeQrImage on committed fixtures', () => {
  it('reads a VietQR from a PNG and from a JPEG', async () => {
    expect(FIXTURE_PAYLOAD).toMatch(/^000201/);
    expect(await decoded(fixture('vietqr-vcb.png'))).toBe(FIXTURE_PAYLOAD);
    expect(await decoded(fixture('vietqr-vcb.jpg'))).toBe(FIXTURE_PAYLOAD);
  });

  it('reads a light-on-dark code', async () => {
    expect(await decoded(fixture('vietqr-vcb-inverted.png'))).toBe(FIXTURE_PAYLOAD);
  });

  it('feeds parseVietQr end to end', async () => {
    const qr = parseVietQr(await decoded(fixture('vietqr-vcb.png')));
    expect(qr.ok && qr.value.identifiers.map((i) => i.key)).toEqual(['bank_account:970436:0011004455667']);
    expect(qr.ok && qr.value.amount).toBe(50000);
    const card = parseVietQr(await decoded(fixture('napas-card.png')));
    expect(card.ok && card.value.card).toBe('9704 03•• •••• 4567');
  });

  it('says when there is no QR code', async () => {
    expect(await codeOf(fixture('no-qr.jpg'))).toBe('qr.not_found');
  });

  it('keeps fixtures commit-sized', () => {
    for (const name of [
      'vietqr-vcb.png',
      'vietqr-vcb.jpg',
      'vietqr-vcb-inverted.png',
      'napas-card.png',
      'no-qr.jpg',
    ]) {
      expect(fixture(name).length, name).toBeLessThan(50_000);
    }
  });
});

describe('decodeQrImage on images rendered here', () => {
  it('reads a code in a large photo-like image, at full or half size', async () => {
    // 1600 × 1600 grey gradient with the code pasted in the middle: over the 2 MP half-size threshold.
    const page = gradient(1600, 1600);
    const code = renderQr(NAPAS_CARD_PAYLOAD, { scale: 12 });
    const left = Math.floor((page.width - code.width) / 2);
    for (let y = 0; y < code.height; y++) {
      page.data.set(
        code.data.subarray(y * code.width * 4, (y + 1) * code.width * 4),
        ((y + left) * page.width + left) * 4,
      );
    }
    expect(await decoded(toJpeg(page, 75))).toBe(NAPAS_CARD_PAYLOAD);
  });

  it('reads UTF-8 text', async () => {
    const text = 'Thanh toán hóa đơn';
    expect(await decoded(toPng(renderQr(text)))).toBe(text);
  });
});

describe('decodeQrImage failure codes', () => {
  it.each([
    ['empty', new Uint8Array(0), 'qr.unsupported_format'],
    ['GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 'qr.unsupported_format'],
    ['text', new TextEncoder().encode('000201010211'), 'qr.unsupported_format'],
    ['PNG signature only', pngHeader(10, 10).subarray(0, 8), 'qr.corrupt_image'],
    ['PNG header without pixels', pngHeader(100, 100), 'qr.corrupt_image'],
    ['PNG of zero size', pngHeader(0, 100), 'qr.corrupt_image'],
    ['PNG declaring 100 000 × 100 000', pngHeader(100_000, 100_000), 'qr.too_large'],
    ['PNG declaring just over the limit', pngHeader(5001, 5000), 'qr.too_large'],
    ['JPEG markers only', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'qr.corrupt_image'],
  ])('%s → %s', async (_name, bytes, code) => {
    expect(await codeOf(bytes)).toBe(code);
  });

  it('checks a JPEG’s declared size before decoding it', async () => {
    const jpeg = toJpeg(gradient(16, 16));
    // Patch the SOF0 height and width fields to 10 000 × 10 000.
    const patched = new Uint8Array(jpeg);
    for (let at = 2; at < patched.length - 9;) {
      const marker = patched[at + 1]!;
      if (marker === 0xc0) {
        patched.set([0x27, 0x10, 0x27, 0x10], at + 5);
        break;
      }
      at += 2 + ((patched[at + 2]! << 8) | patched[at + 3]!);
    }
    expect(await codeOf(patched)).toBe('qr.too_large');
    expect(MAX_IMAGE_PIXELS).toBe(25_000_000);
  });

  it('reports a truncated image as corrupt', async () => {
    const png = fixture('vietqr-vcb.png');
    expect(await codeOf(png.subarray(0, png.length / 2))).toBe('qr.corrupt_image');
    const jpeg = fixture('vietqr-vcb.jpg');
    expect(['qr.corrupt_image', 'qr.not_found']).toContain(await codeOf(jpeg.subarray(0, 400)));
  });

  it('never throws or rejects on random bytes, with or without an image signature', async () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const jpeg = [0xff, 0xd8, 0xff];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom([], png, jpeg),
        fc.uint8Array({ maxLength: 2048 }),
        async (prefix, tail) => {
          const result = await decodeQrImage(new Uint8Array([...prefix, ...tail]));
          expect(result.ok ? 'ok' : result.code).toMatch(/^(ok|qr\.[a-z_]+)$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws when a real image is damaged', async () => {
    const original = fixture('vietqr-vcb.png');
    await fc.assert(
      fc.asyncProperty(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
        const damaged = new Uint8Array(original);
        damaged[at] = byte;
        const result = await decodeQrImage(damaged);
        expect(result.ok ? 'ok' : result.code).toMatch(/^(ok|qr\.[a-z_]+)$/);
      }),
      { numRuns: 100 },
    );
  });
});
