import { describe, expect, it } from 'vitest';
import { ApiError, problemFromResponse } from '../../api/problem';
import { imageCheckBody, imageProblem, maxImageBytes, unreadableImageCode } from './image';

describe('imageProblem', () => {
  it('refuses what the server would refuse, before sending it', () => {
    expect(imageProblem({ size: 2048, type: 'image/png' })).toBeNull();
    expect(imageProblem({ size: 2048, type: 'image/jpeg' })).toBeNull();
    expect(imageProblem({ size: maxImageBytes, type: 'image/jpeg' })).toBeNull();
    expect(imageProblem({ size: maxImageBytes + 1, type: 'image/jpeg' })).toBe('too_large');
    expect(imageProblem({ size: 2048, type: 'image/heic' })).toBe('wrong_type');
    expect(imageProblem({ size: 2048, type: 'application/pdf' })).toBe('wrong_type');
  });

  it('lets the server judge a file without a type', () => {
    expect(imageProblem({ size: 2048, type: '' })).toBeNull();
  });
});

describe('imageCheckBody', () => {
  it('sends the image as `image` and the text as `q` only when there is one', () => {
    const image = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const alone = imageCheckBody(image, '   ');
    expect(alone.get('image')).toBeInstanceOf(Blob);
    expect(alone.has('q')).toBe(false);
    const withText = imageCheckBody(image, ' chuyển khoản giúp mình ', 'ma-qr.png');
    expect(withText.get('q')).toBe('chuyển khoản giúp mình');
    expect((withText.get('image') as File).name).toBe('ma-qr.png');
  });
});

describe('unreadableImageCode', () => {
  it('reads the QR code of a 422 and nothing else', () => {
    const unreadable = problemFromResponse(
      422,
      'Unprocessable Entity',
      JSON.stringify({
        code: 'check.image_unreadable',
        title: 'Unprocessable Entity',
        errors: [{ path: '/body/image', message: 'qr.not_found' }],
      }),
    );
    expect(unreadableImageCode(unreadable)).toBe('qr.not_found');
    expect(
      unreadableImageCode(new ApiError({ status: 413, code: 'request.too_large', title: 'x' })),
    ).toBeNull();
    expect(unreadableImageCode(new Error('x'))).toBeNull();
  });
});
