import { createRequire } from 'node:module';
import path from 'node:path';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_NOTICE,
  formatLongDate,
  formatNumber,
  renderCaseFileDocx,
  renderCaseFilePdf,
  type CaseFile,
  type CaseFileReport,
} from './case-file.js';
import { asciiFileName, attachmentDisposition } from './case-file.routes.js';

// pdf.js reads the standard fonts (Courier, for the hashes) from its own package.
const standardFontDataUrl = `${path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts',
)}/`;

/** The text of every page, whitespace collapsed (lines of one paragraph joined by a space). */
async function pdfText(bytes: Buffer): Promise<{ pages: string[]; text: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const parts = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''));
    pages.push(parts.join('').normalize('NFC').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return { pages, text: pages.join(' ') };
}

/** The text of the DOCX body (runs joined), and its raw XML parts. */
async function docxText(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');
  const stylesXml = await read('word/styles.xml');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/footer\d*\.xml$/.test(name))
      .map(read),
  );
  const text = documentXml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ');
  return { text, stylesXml, footers: footers.join('\n') };
}

const HASH_1 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const HASH_2 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const collapse = (text: string) => text.replace(/\s+/g, ' ');

const report: CaseFileReport = {
  trackingCode: 'TG-ABCD2345',
  channel: 'online',
  receivedAt: '2026-03-02T08:00:00Z',
  occurredAt: '2026-03-01T09:30:00Z',
  scamMethod: 'impersonate_police_procuracy_court',
  contactChannels: ['phone_call', 'zalo'],
  provinceName: 'Thành phố Hà Nội',
  communeName: 'Phường Ba Đình',
  handlingUnitName: 'Công an thành phố Hà Nội',
  assignedOfficerName: 'Trần Văn Đức',
  status: 'decided',
  decision: 'initiate_case',
  decidedAt: '2026-03-05T03:00:00Z',
  dueAt: '2026-03-22T08:00:00Z',
  extensions: ['complex'],
  totalLossVnd: 50_000_000,
  anonymous: false,
  story:
    'Một người xưng là cán bộ Công an gọi điện, nói tôi liên quan đến đường dây rửa tiền và yêu cầu chuyển tiền để xác minh.',
  identifiers: [
    { kind: 'phone', display: '0987 654 321', registryStatus: 'reported' },
    { kind: 'url', display: 'congan-hanoi-vn.top/xac-minh', registryStatus: 'confirmed_scam' },
  ],
  unreadable: [],
  transfers: [
    {
      fromBank: 'Vietcombank',
      fromAccountMasked: '••••••••3445',
      toBank: 'MB',
      toAccount: '0901234567890',
      amountVnd: 45_000_000,
      at: '2026-03-01T10:00:00Z',
      reference: 'FT26060123456',
    },
  ],
  evidence: [
    {
      fileName: 'ảnh-chụp-màn-hình.png',
      mediaType: 'image/png',
      sizeBytes: 70,
      sha256: HASH_1,
      receivedAt: '2026-03-02T08:00:00Z',
    },
    {
      fileName: 'ghi-âm-cuộc-gọi.mp3',
      mediaType: 'audio/mpeg',
      sizeBytes: 1_234_567,
      sha256: HASH_2,
      receivedAt: '2026-03-02T08:00:00Z',
    },
  ],
  timeline: [
    {
      at: '2026-03-02T08:00:00Z',
      type: 'received',
      toStatus: 'received',
      decision: null,
      reason: null,
      actorName: null,
      agencyName: 'Công an thành phố Hà Nội',
    },
    {
      at: '2026-03-03T02:00:00Z',
      type: 'deadline_extended',
      toStatus: null,
      decision: null,
      reason: 'Phải xác minh ở nhiều nơi',
      actorName: 'Trần Văn Đức',
      agencyName: 'Công an thành phố Hà Nội',
      extension: 'complex',
      dueAt: '2026-05-02T08:00:00Z',
    },
    {
      at: '2026-03-05T03:00:00Z',
      type: 'status_changed',
      toStatus: 'decided',
      decision: 'initiate_case',
      reason: 'Có dấu hiệu tội lừa đảo chiếm đoạt tài sản (Điều 174 BLHS)',
      actorName: 'Trần Văn Đức',
      agencyName: 'Công an thành phố Hà Nội',
    },
  ],
};

const file: CaseFile = {
  caseCode: 'VV-ABCD2345',
  title: 'Đường dây giả danh công an gọi điện qua Zalo',
  unitName: 'Công an thành phố Hà Nội',
  superiorUnitName: 'Bộ Công an',
  placeName: 'Hà Nội',
  createdAt: '2026-03-02T08:30:00Z',
  createdByName: 'Lê Thị Hồng',
  exportedAt: '2026-03-06T02:15:00Z',
  exportedBy: 'Lê Thị Hồng (hn.lead)',
  totalLossVnd: 62_000_000,
  provinceNames: ['Hà Nội', 'Hồ Chí Minh'],
  reports: [
    report,
    // Enough reports for several pages.
    ...Array.from({ length: 3 }, (_, i) => ({
      ...report,
      trackingCode: `TG-PQRS234${i + 2}`,
      anonymous: true,
      evidence: [],
      transfers: [],
      status: 'verifying' as const,
      decision: null,
      decidedAt: null,
    })),
  ],
  withheldReports: [
    {
      trackingCode: 'TG-WXYZ6789',
      receivedAt: '2026-03-04T01:00:00Z',
      handlingUnitName: 'Công an Thành phố Hồ Chí Minh',
    },
  ],
};

/** What both formats must say, with Vietnamese diacritics intact. */
const EXPECTED = [
  'BỘ CÔNG AN',
  'CÔNG AN THÀNH PHỐ HÀ NỘI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Hà Nội, ngày 06 tháng 3 năm 2026',
  'HỒ SƠ VỤ VIỆC',
  'VV-ABCD2345',
  'Đường dây giả danh công an gọi điện qua Zalo',
  'I. THÔNG TIN CHUNG',
  'II. DANH SÁCH TỐ GIÁC, TIN BÁO',
  'III. NỘI DUNG TỪNG TỐ GIÁC, TIN BÁO',
  'IV. TỐ GIÁC, TIN BÁO DO ĐƠN VỊ KHÁC THỤ LÝ',
  'TG-WXYZ6789',
  'Lê Thị Hồng (hn.lead)',
  'Cổng tiếp nhận trực tuyến',
  'Giả danh công an, viện kiểm sát, tòa án',
  'cuộc gọi điện thoại, Zalo',
  'Phường Ba Đình, Thành phố Hà Nội',
  'Khởi tố vụ án hình sự',
  'Đang kiểm tra, xác minh',
  '62.000.000 đồng',
  '45.000.000',
  'Một người xưng là cán bộ Công an gọi điện',
  'Đã xác minh lừa đảo',
  'congan-hanoi-vn.top/xac-minh',
  'Vietcombank ••••••••3445',
  'MB 0901234567890',
  'FT26060123456',
  'ảnh-chụp-màn-hình.png',
  'ghi-âm-cuộc-gọi.mp3',
  '1.234.567 byte',
  `SHA-256: ${HASH_1}`,
  `SHA-256: ${HASH_2}`,
  'Có dấu hiệu tội lừa đảo chiếm đoạt tài sản (Điều 174 BLHS)',
  'Phải xác minh ở nhiều nơi',
  'hạn mới 02/05/2026',
  'Không để lại thông tin liên hệ (ẩn danh)',
  'NGƯỜI XUẤT HỒ SƠ',
  collapse(CONTACT_NOTICE),
];

// Rendering parses the embedded font (about half a second); give room on a busy machine.
describe('the case file for the procuracy', () => {
  it('formats dates and sums the Vietnamese way, in Vietnam’s time', () => {
    expect(formatNumber(1_234_567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
    expect(formatLongDate('2026-02-01T18:00:00Z')).toBe('ngày 02 tháng 02 năm 2026');
    expect(formatLongDate('2026-11-20T00:00:00Z')).toBe('ngày 20 tháng 11 năm 2026');
  });

  it('renders a PDF in Vietnamese with an embedded font, the evidence hashes and page numbers', async () => {
    const bytes = await renderCaseFilePdf(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The font is embedded (a subset of Noto Serif), so every reader shows the diacritics.
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    expect(bytes.toString('latin1')).toMatch(/NotoSerif-Regular/);
    const { pages, text } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const expected of EXPECTED) expect(text).toContain(expected);
    pages.forEach((page, i) => expect(page).toContain(`Trang ${i + 1}/${pages.length}`));
  }, 30_000);

  it('renders a DOCX in Vietnamese with the same content and page numbers in the footer', async () => {
    const bytes = await renderCaseFileDocx(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const { text, stylesXml, footers } = await docxText(bytes);
    for (const expected of EXPECTED) expect(text).toContain(expected);
    expect(stylesXml).toContain('w:lang w:val="vi-VN"');
    expect(stylesXml).toContain('Times New Roman');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toContain('Hồ sơ vụ việc VV-ABCD2345');
  }, 30_000);

  it('leaves section IV out when every report could be read', async () => {
    const { text } = await docxText(await renderCaseFileDocx({ ...file, withheldReports: [] }));
    expect(text).not.toContain('DO ĐƠN VỊ KHÁC THỤ LÝ');
    expect(text).toContain('Số tố giác, tin báo: 4');
  }, 30_000);

  it('names the download safely for every client', () => {
    expect(asciiFileName('Hồ sơ vụ việc VV-ABCD2345.pdf')).toBe('Ho-so-vu-viec-VV-ABCD2345.pdf');
    expect(asciiFileName('Đường dây.docx')).toBe('Duong-day.docx');
    expect(attachmentDisposition('Hồ sơ vụ việc VV-ABCD2345.pdf')).toBe(
      'attachment; filename="Ho-so-vu-viec-VV-ABCD2345.pdf"; ' +
        "filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20v%E1%BB%A5%20vi%E1%BB%87c%20VV-ABCD2345.pdf",
    );
  });
});
