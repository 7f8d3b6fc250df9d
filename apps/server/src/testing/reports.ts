import type { Agency } from '@khien/contracts';
import type { Platform } from '../platform.js';
import type { Session } from './platform.js';

/** What the tests of reports share: an evidence file, a multipart upload, the police units of two provinces. */

/** The smallest valid PNG (1×1): evidence judged by its content. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da636460f80f0000030101002818dd8d0000000049454e44ae426082',
  'hex',
);

/** A report as the public form sends it with files: its JSON in `report`, each file in `evidence`. */
export function reportUpload(report: object, files: Array<{ name: string; type: string; bytes: Buffer }>) {
  const boundary = 'khien-test-boundary';
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n`,
    ),
  ];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="evidence"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** An agency created by the platform operator's administrator through the real route. */
export async function createAgency(platform: Platform, admin: Session, payload: object): Promise<Agency> {
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/agencies',
    headers: { cookie: admin.cookie },
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`agency: ${response.statusCode} ${response.body}`);
  return response.json() as Agency;
}

/** The provincial police of Hà Nội (01) and of Hồ Chí Minh City (79), and a bank. */
export async function twoProvincesAndABank(platform: Platform, admin: Session) {
  return {
    hanoiPolice: await createAgency(platform, admin, {
      name: 'Công an thành phố Hà Nội',
      type: 'police_province',
      scopeLevel: 'province',
      provinceCode: '01',
    }),
    hcmPolice: await createAgency(platform, admin, {
      name: 'Công an Thành phố Hồ Chí Minh',
      type: 'police_province',
      scopeLevel: 'province',
      provinceCode: '79',
    }),
    bankAgency: await createAgency(platform, admin, {
      name: 'Ngân hàng thử',
      type: 'commercial_bank',
      scopeLevel: 'national',
    }),
  };
}
