// The submissions of the intake benchmark (bench-reports): citizen reports as the public form sends them,
// each one different, and a 200 KB evidence picture, as multipart/form-data bodies.
//
// Report `serial` (a non-negative integer below 10^7 per run, offset by the run) names:
//   - 3 identifiers: a mobile number, a link on a real TLD (.top, .xyz, .online, .site, .shop, .click), and
//     a bank account written as people write it ("MB 0901234567890");
//   - 2 transfers to bank accounts, with amounts;
//   - a story of about 400 characters, province '01' (Hà Nội), a contact (name and phone).
// About one identifier in eight (per kind) comes from a pool of 2,000 per kind instead of being new, as
// when several victims of one campaign name the same hotline or mule account: those reports add a source
// to an existing registry entry instead of creating one. The pools of the different kinds and of the two
// transfers are disjoint, and each report names its identifiers in the same order of kinds, so that no two
// submissions lock registry entries in opposite orders. Everything is a pure function of `serial`.
import { PNG } from 'pngjs';
import { METHODS, random } from './dataset.js';

const PREFIXES = ['91', '38', '90', '97', '70', '77', '81', '86', '98', '35'];
const WORDS = ['nhanqua', 'quatang', 'khuyenmai', 'trungthuong', 'hoantien', 'vaytien', 'vieclam', 'dautu'];
const TLDS = ['top', 'xyz', 'online', 'site', 'shop', 'click'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Thu Dung', 'Hoàng Quốc Huy'];
const POOL = 2000;
/** Reports of one run are numbered below this; runs are offset by multiples of it. */
export const SERIALS_PER_RUN = 10_000_000;

/** The baseline's table (scripts/bench/reports-store-server.ts), in the benchmark's own database. */
export const STORE_TABLE = 'bench_report_store';

export const BOUNDARY = '----khien-bench-7d1f3a';
export const EVIDENCE_FILE_NAME = 'anh-chup-man-hinh.png';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** murmur3's finaliser: every bit of the result depends on every bit of x. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A pooled value (index < POOL) or a fresh one, per kind: pooled with probability 1/8. */
function pick(serial: number, salt: number): { pooled: boolean; n: number } {
  const h = mix(serial * 8 + salt);
  return h >>> 29 === 0 ? { pooled: true, n: h % POOL } : { pooled: false, n: serial };
}

/** The public form's JSON for report `serial` (a CreateReportRequest). */
export function reportFor(serial: number) {
  const phone = pick(serial, 1);
  // Fresh numbers use subscriber numbers from 2,000 up; pooled ones the first 2,000 of a prefix.
  const phoneNumber = phone.pooled
    ? `0${PREFIXES[phone.n % 10]}${pad(phone.n, 7)}`
    : `0${PREFIXES[Math.floor(serial / 9_000_000) % 10]}${pad(2000 + (serial % 9_000_000), 7)}`;
  const site = pick(serial, 2);
  const link = site.pooled
    ? `https://${WORDS[site.n % WORDS.length]}-vip${site.n}.${TLDS[site.n % TLDS.length]}/nhan-qua`
    : `https://${WORDS[serial % WORDS.length]}-${serial}.${TLDS[serial % TLDS.length]}/dang-nhap?ma=${serial % 997}`;
  const account = pick(serial, 3);
  // 13 digits: pooled ones start 0900…, fresh ones 0901… (serial below 10^9).
  const accountText = `MB ${account.pooled ? `0900${pad(account.n, 9)}` : `0901${pad(serial, 9)}`}`;
  const transfers = [4, 5].map((salt, k) => {
    const target = pick(serial, salt);
    return {
      fromBank: 'Vietcombank',
      fromAccount: `10${pad(serial, 10)}`,
      toBank: k === 0 ? 'Techcombank' : 'VPBank',
      toAccount: target.pooled ? `19${k}9${pad(target.n, 10)}` : `19${k}8${pad(serial, 10)}`,
      amountVnd: 1_000_000 + (mix(serial * 8 + salt + 2) % 50) * 500_000,
      reference: `FT${pad(serial, 10)}${k}`,
    };
  });
  const method = METHODS[serial % METHODS.length]!;
  const day = 1 + (serial % 28);
  return {
    scamMethod: method,
    occurredAt: `2026-10-${pad(day, 2)}`,
    channels: ['phone_call', 'zalo'],
    identifiers: [phoneNumber, link, accountText],
    transfers,
    story:
      `Ngày ${day}/10/2026 tôi nhận được cuộc gọi từ số ${phoneNumber}, người gọi xưng là nhân viên ngân hàng, ` +
      `nói tài khoản của tôi đang bị khóa và gửi qua Zalo đường link ${link} để "xác minh". Sau khi nhập ` +
      `thông tin, tôi được hướng dẫn chuyển tiền sang hai tài khoản để "bảo đảm an toàn". Tôi đã chuyển ` +
      `hai lần rồi mới biết là bị lừa. Mã hồ sơ của tôi: ${serial}.`,
    provinceCode: '01',
    contact: {
      fullName: NAMES[serial % NAMES.length]!,
      phone: `0912${pad(serial % 1_000_000, 6)}`,
    },
    language: 'vi',
  };
}

/**
 * A real PNG of about `bytes` bytes: valid signature, IHDR, IDAT and IEND, random RGB pixels (which do not
 * compress, like a photo's or a screenshot's compressed data, so neither PostgreSQL's TOAST compression
 * nor anything else makes them cheaper to store than real evidence).
 */
export function evidencePng(bytes = 200 * 1024, seed = 3): Buffer {
  const width = 256;
  const height = Math.max(1, Math.round(bytes / (width * 3 + 1)));
  const png = new PNG({ width, height, colorType: 2 });
  const next = random(seed);
  for (let k = 0; k < png.data.length; k += 4) {
    const v = Math.floor(next() * 4294967296);
    png.data[k] = v & 255;
    png.data[k + 1] = (v >>> 8) & 255;
    png.data[k + 2] = (v >>> 16) & 255;
    png.data[k + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 1 });
}

/** The multipart body's parts around the evidence bytes: [before, after]; the report JSON goes in `before`. */
export function multipartFor(report: unknown): [Buffer, Buffer] {
  const before =
    // A plain text field, as browsers send FormData strings.
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="evidence"; filename="${EVIDENCE_FILE_NAME}"\r\n` +
    `Content-Type: image/png\r\n\r\n`;
  return [Buffer.from(before, 'utf8'), Buffer.from(`\r\n--${BOUNDARY}--\r\n`, 'latin1')];
}
