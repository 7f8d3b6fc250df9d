import fs from 'node:fs';
import { createRequire } from 'node:module';
import type {
  ContactChannel,
  DeadlineExtension,
  IndicatorKind,
  IndicatorStatus,
  ReportChannel,
  ReportDecision,
  ReportEventType,
  ReportStatus,
  ScamMethod,
} from '@khien/contracts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import PDFDocument from 'pdfkit';

/**
 * The case file (hồ sơ vụ việc) the police hand to the procuracy, rendered as PDF and as DOCX from plain
 * data. Both renderers draw the same blocks (`caseFileBlocks`), so the two formats say the same thing.
 * The reporter's contact details are never part of a `CaseFile`: the procuracy asks the handling unit for
 * them through official channels, and the document says so.
 */

export interface CaseFileIdentifier {
  kind: IndicatorKind;
  display: string;
  /** The identifier's status in the registry of suspicious identifiers. */
  registryStatus: IndicatorStatus;
}

export interface CaseFileTransfer {
  fromBank: string | null;
  /** The victim's own account, masked as stored (last four digits). */
  fromAccountMasked: string | null;
  toBank: string | null;
  toAccount: string;
  amountVnd: number;
  at: string | null;
  reference: string | null;
}

export interface CaseFileEvidence {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  receivedAt: string;
}

export interface CaseFileEvent {
  at: string;
  type: ReportEventType;
  toStatus: ReportStatus | null;
  decision: ReportDecision | null;
  reason: string | null;
  actorName: string | null;
  agencyName: string | null;
  /** `assigned`: the officer now handling the report (null: nobody). */
  assigneeName?: string | null;
  /** `deadline_extended`: which extension, and the new deadline. */
  extension?: DeadlineExtension | null;
  dueAt?: string | null;
}

export interface CaseFileReport {
  trackingCode: string;
  channel: ReportChannel;
  receivedAt: string;
  occurredAt: string | null;
  scamMethod: ScamMethod;
  contactChannels: ContactChannel[];
  provinceName: string;
  communeName: string | null;
  handlingUnitName: string | null;
  assignedOfficerName: string | null;
  status: ReportStatus;
  decision: ReportDecision | null;
  decidedAt: string | null;
  dueAt: string;
  extensions: DeadlineExtension[];
  totalLossVnd: number;
  /** Whether the reporter left contact details (which are not in the file). */
  anonymous: boolean;
  story: string;
  identifiers: CaseFileIdentifier[];
  /** What the reporter named that could not be read as an identifier, as written. */
  unreadable: string[];
  transfers: CaseFileTransfer[];
  evidence: CaseFileEvidence[];
  timeline: CaseFileEvent[];
}

/** A report of the case that the exporting officer may not read (handled by a unit outside their reach). */
export interface CaseFileWithheldReport {
  trackingCode: string;
  receivedAt: string;
  handlingUnitName: string | null;
}

export interface CaseFile {
  caseCode: string;
  title: string;
  /** The unit the case belongs to, as named in Khiên (e.g. "Công an thành phố Hà Nội"). */
  unitName: string;
  /** The unit above it, for the document's header (e.g. "Bộ Công an"); null when there is none. */
  superiorUnitName: string | null;
  /** Where the document is issued, for "Hà Nội, ngày … tháng … năm …"; null leaves the place out. */
  placeName: string | null;
  createdAt: string;
  createdByName: string | null;
  exportedAt: string;
  /** Who exported the file (full name, and the username in brackets). */
  exportedBy: string;
  totalLossVnd: number;
  provinceNames: string[];
  reports: CaseFileReport[];
  withheldReports: CaseFileWithheldReport[];
}

// ---------------------------------------------------------------------------------------------------------
// Vietnamese labels

const CHANNEL: Record<ReportChannel, string> = {
  online: 'Cổng tiếp nhận trực tuyến',
  hotline: 'Đường dây nóng',
  walk_in: 'Trực tiếp tại trụ sở',
  mailbox: 'Hòm thư tố giác',
  unit_transfer: 'Đơn vị khác chuyển đến',
  bank_notice: 'Thông báo của ngân hàng',
  telco_notice: 'Thông báo của doanh nghiệp viễn thông',
};

const CONTACT_CHANNEL: Record<ContactChannel, string> = {
  phone_call: 'cuộc gọi điện thoại',
  sms: 'tin nhắn SMS',
  zalo: 'Zalo',
  facebook: 'Facebook',
  telegram: 'Telegram',
  tiktok: 'TikTok',
  website: 'trang web',
  email: 'thư điện tử',
  mobile_app: 'ứng dụng điện thoại',
  in_person: 'gặp trực tiếp',
  other: 'hình thức khác',
};

const STATUS: Record<ReportStatus, string> = {
  received: 'Mới tiếp nhận',
  verifying: 'Đang kiểm tra, xác minh',
  decided: 'Đã có quyết định',
  closed: 'Đã kết thúc',
};

const DECISION: Record<ReportDecision, string> = {
  initiate_case: 'Khởi tố vụ án hình sự',
  not_initiate: 'Không khởi tố vụ án hình sự',
  suspend: 'Tạm đình chỉ việc giải quyết tố giác, tin báo',
  transfer: 'Chuyển cơ quan có thẩm quyền giải quyết',
  administrative: 'Chuyển xử lý vi phạm hành chính',
};

const SCAM_METHOD: Record<ScamMethod, string> = {
  impersonate_police_procuracy_court: 'Giả danh công an, viện kiểm sát, tòa án',
  impersonate_bank: 'Giả danh ngân hàng',
  impersonate_telco_sim_upgrade: 'Giả danh nhà mạng (nâng cấp SIM)',
  impersonate_electricity_tax: 'Giả danh điện lực, cơ quan thuế',
  fake_investment_crypto_forex: 'Đầu tư, tiền ảo, ngoại hối',
  online_task_jobs: 'Việc làm online, làm nhiệm vụ',
  fake_shop_delivery: 'Bán hàng, giao hàng giả',
  romance: 'Làm quen, tình cảm',
  loans: 'Cho vay',
  prizes: 'Trúng thưởng',
  account_rental_sale: 'Thuê, mua tài khoản ngân hàng',
  asset_recovery: 'Hứa lấy lại tiền bị lừa',
  remote_control_fake_app: 'Ứng dụng giả, điều khiển từ xa',
  sextortion: 'Tống tiền bằng hình ảnh nhạy cảm',
  fake_charity: 'Từ thiện giả',
  tickets_tours: 'Vé máy bay, tour du lịch',
  overseas_job_recruitment: 'Tuyển người đi làm nước ngoài',
  other: 'Thủ đoạn khác',
};

const IDENTIFIER_KIND: Record<IndicatorKind, string> = {
  phone: 'Số điện thoại',
  bank_account: 'Tài khoản ngân hàng',
  card: 'Thẻ',
  ewallet: 'Ví điện tử',
  url: 'Đường link',
  domain: 'Tên miền',
  social: 'Tài khoản mạng xã hội',
  email: 'Thư điện tử',
  crypto: 'Ví tiền mã hóa',
};

const REGISTRY_STATUS: Record<IndicatorStatus, string> = {
  reported: 'Được phản ánh',
  verifying: 'Đang xác minh',
  confirmed_scam: 'Đã xác minh lừa đảo',
  cleared: 'Đã gỡ bỏ',
  expired: 'Hết hiệu lực',
};

const EXTENSION: Record<DeadlineExtension, string> = {
  complex: 'gia hạn do vụ việc phức tạp (khoản 2 Điều 147 BLTTHS)',
  procuracy: 'Viện kiểm sát gia hạn (khoản 3 Điều 147 BLTTHS)',
};

const EVENT: Record<ReportEventType, string> = {
  received: 'Tiếp nhận tố giác, tin báo',
  status_changed: 'Chuyển bước giải quyết',
  assigned: 'Phân công cán bộ thụ lý',
  note: 'Ghi chú của cán bộ',
  transferred: 'Chuyển đơn vị thụ lý',
  deadline_extended: 'Gia hạn giải quyết',
  grouped: 'Gộp vào vụ việc',
  reminder: 'Nhắc hạn giải quyết',
};

export const CONTACT_NOTICE =
  'Hồ sơ này không chứa thông tin liên hệ (họ tên, số điện thoại, thư điện tử, địa chỉ) của người tố giác, ' +
  'người báo tin. Viện kiểm sát yêu cầu đơn vị thụ lý cung cấp các thông tin đó qua kênh chính thức.';

// ---------------------------------------------------------------------------------------------------------
// Formatting (Vietnam's time zone, Vietnamese number style)

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function vietnamParts(iso: string) {
  const d = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  return {
    day: d.getUTCDate(),
    month: d.getUTCMonth() + 1,
    year: d.getUTCFullYear(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** 02/03/2026 */
export function formatDate(iso: string): string {
  const p = vietnamParts(iso);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** 09:30 02/03/2026 (Vietnam time) */
export function formatDateTime(iso: string): string {
  const p = vietnamParts(iso);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "ngày 02 tháng 3 năm 2026": days below 10 and the months January and February take a leading zero. */
export function formatLongDate(iso: string): string {
  const p = vietnamParts(iso);
  return `ngày ${pad(p.day)} tháng ${p.month < 3 ? pad(p.month) : p.month} năm ${p.year}`;
}

/** 50.000.000 */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export const formatVnd = (n: number) => `${formatNumber(n)} đồng`;

// ---------------------------------------------------------------------------------------------------------
// The document as blocks, shared by both renderers

export interface TableColumn {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A row of cells, or one line across the whole table (for an evidence file's hash). */
export type TableLine = { cells: string[] } | { across: string; monospace: boolean };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'paragraph'; text: string; italic?: boolean; indent?: boolean }
  | { kind: 'table'; columns: TableColumn[]; rows: TableLine[] };

/** The first column of every table: the row's number (số thứ tự). */
const NUMBER_COLUMN: TableColumn = { title: 'STT', width: 0.07, align: 'center' };

/** A table of what a report lists, or "Không có." when it lists nothing. */
function tableOrNone(count: number, table: () => Extract<Block, { kind: 'table' }>): Block {
  return count === 0 ? { kind: 'paragraph', text: 'Không có.', italic: true } : table();
}

const dash = '—';
const or = (value: string | null | undefined) => (value && value.trim() !== '' ? value : dash);

function eventText(event: CaseFileEvent): string {
  switch (event.type) {
    case 'status_changed': {
      const to = event.toStatus ? STATUS[event.toStatus] : dash;
      return event.decision ? `${to}: ${DECISION[event.decision]}` : `Chuyển sang: ${to}`;
    }
    case 'assigned':
      return event.assigneeName ? `${EVENT.assigned}: ${event.assigneeName}` : 'Bỏ phân công cán bộ thụ lý';
    case 'transferred':
      return `${EVENT.transferred}: ${or(event.agencyName)}`;
    case 'deadline_extended':
      return [
        `${EVENT.deadline_extended}: ${event.extension ? EXTENSION[event.extension] : dash}`,
        event.dueAt ? `hạn mới ${formatDate(event.dueAt)}` : null,
      ]
        .filter(Boolean)
        .join('; ');
    default:
      return EVENT[event.type];
  }
}

function place(report: CaseFileReport): string {
  return report.communeName ? `${report.communeName}, ${report.provinceName}` : report.provinceName;
}

function reportBlocks(report: CaseFileReport, index: number): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `${index + 1}. Tố giác, tin báo ${report.trackingCode}` },
    {
      kind: 'facts',
      rows: [
        ['Mã tố giác', report.trackingCode],
        ['Nguồn tiếp nhận', CHANNEL[report.channel]],
        ['Thời điểm tiếp nhận', formatDateTime(report.receivedAt)],
        ['Thời điểm xảy ra', report.occurredAt ? formatDateTime(report.occurredAt) : dash],
        ['Phương thức, thủ đoạn', SCAM_METHOD[report.scamMethod]],
        [
          'Đối tượng liên hệ qua',
          report.contactChannels.length > 0
            ? report.contactChannels.map((c) => CONTACT_CHANNEL[c]).join(', ')
            : dash,
        ],
        ['Địa bàn', place(report)],
        ['Đơn vị thụ lý', or(report.handlingUnitName)],
        ['Cán bộ thụ lý', or(report.assignedOfficerName)],
        ['Tình trạng giải quyết', STATUS[report.status]],
        [
          'Quyết định',
          report.decision
            ? `${DECISION[report.decision]}${report.decidedAt ? ` (${formatDate(report.decidedAt)})` : ''}`
            : 'Chưa có',
        ],
        [
          'Hạn giải quyết',
          [formatDate(report.dueAt), ...report.extensions.map((e) => EXTENSION[e])].join('; '),
        ],
        ['Tổng thiệt hại', formatVnd(report.totalLossVnd)],
        [
          'Người tố giác',
          report.anonymous
            ? 'Không để lại thông tin liên hệ (ẩn danh)'
            : 'Có thông tin liên hệ (không đưa vào hồ sơ)',
        ],
      ],
    },
    { kind: 'heading', level: 3, text: 'a) Nội dung tố giác, tin báo' },
    { kind: 'paragraph', text: report.story, indent: true },
    { kind: 'heading', level: 3, text: 'b) Định danh của đối tượng' },
  ];
  blocks.push(
    tableOrNone(report.identifiers.length, () => ({
      kind: 'table',
      columns: [
        NUMBER_COLUMN,
        { title: 'Loại', width: 0.23 },
        { title: 'Định danh', width: 0.44 },
        { title: 'Tình trạng trong danh sách nghi vấn', width: 0.26 },
      ],
      rows: report.identifiers.map((identifier, i) => ({
        cells: [
          String(i + 1),
          IDENTIFIER_KIND[identifier.kind],
          identifier.display,
          REGISTRY_STATUS[identifier.registryStatus],
        ],
      })),
    })),
  );
  if (report.unreadable.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Thông tin người tố giác cung cấp nhưng không nhận dạng được: ${report.unreadable.join('; ')}.`,
      italic: true,
    });
  }
  blocks.push({ kind: 'heading', level: 3, text: 'c) Giao dịch chuyển tiền' });
  blocks.push(
    tableOrNone(report.transfers.length, () => ({
      kind: 'table',
      columns: [
        NUMBER_COLUMN,
        { title: 'Từ tài khoản (của bị hại)', width: 0.21 },
        { title: 'Đến tài khoản nhận', width: 0.24 },
        { title: 'Số tiền (đồng)', width: 0.16, align: 'right' },
        { title: 'Thời gian', width: 0.16 },
        { title: 'Mã giao dịch', width: 0.16 },
      ],
      rows: report.transfers.map((t, i) => ({
        cells: [
          String(i + 1),
          [t.fromBank, t.fromAccountMasked].filter(Boolean).join(' ') || dash,
          [t.toBank, t.toAccount].filter(Boolean).join(' '),
          formatNumber(t.amountVnd),
          t.at ? formatDateTime(t.at) : dash,
          or(t.reference),
        ],
      })),
    })),
  );
  blocks.push({ kind: 'heading', level: 3, text: 'd) Tài liệu, chứng cứ kèm theo' });
  blocks.push(
    tableOrNone(report.evidence.length, () => ({
      kind: 'table',
      columns: [
        NUMBER_COLUMN,
        { title: 'Tên tệp', width: 0.37 },
        { title: 'Loại tệp', width: 0.18 },
        { title: 'Dung lượng', width: 0.17, align: 'right' },
        { title: 'Thời điểm tiếp nhận', width: 0.21 },
      ],
      rows: report.evidence.flatMap((e, i): TableLine[] => [
        {
          cells: [
            String(i + 1),
            e.fileName,
            e.mediaType,
            `${formatNumber(e.sizeBytes)} byte`,
            formatDateTime(e.receivedAt),
          ],
        },
        { across: `SHA-256: ${e.sha256}`, monospace: true },
      ]),
    })),
  );
  blocks.push({ kind: 'heading', level: 3, text: 'đ) Quá trình giải quyết' });
  blocks.push({
    kind: 'table',
    columns: [
      NUMBER_COLUMN,
      { title: 'Thời gian', width: 0.16 },
      { title: 'Nội dung', width: 0.27 },
      { title: 'Lý do, căn cứ', width: 0.3 },
      { title: 'Người thực hiện', width: 0.2 },
    ],
    rows: report.timeline.map((event, i) => ({
      cells: [
        String(i + 1),
        formatDateTime(event.at),
        eventText(event),
        or(event.reason),
        [event.actorName, event.agencyName].filter(Boolean).join(', ') || dash,
      ],
    })),
  });
  return blocks;
}

/** The body of the document, after the header and before the signature. */
export function caseFileBlocks(file: CaseFile): Block[] {
  const evidenceCount = file.reports.reduce((sum, r) => sum + r.evidence.length, 0);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'I. THÔNG TIN CHUNG' },
    {
      kind: 'facts',
      rows: [
        ['Mã vụ việc', file.caseCode],
        ['Tên vụ việc', file.title],
        ['Đơn vị lập hồ sơ', file.unitName],
        [
          'Ngày lập vụ việc',
          `${formatDate(file.createdAt)}${file.createdByName ? `, do ${file.createdByName} lập` : ''}`,
        ],
        ['Số tố giác, tin báo', formatNumber(file.reports.length + file.withheldReports.length)],
        ['Số tài liệu, chứng cứ', formatNumber(evidenceCount)],
        ['Tổng thiệt hại', formatVnd(file.totalLossVnd)],
        ['Địa bàn', file.provinceNames.join(', ') || dash],
        ['Thời điểm xuất hồ sơ', formatDateTime(file.exportedAt)],
        ['Người xuất hồ sơ', file.exportedBy],
      ],
    },
    { kind: 'paragraph', text: CONTACT_NOTICE, italic: true },
    { kind: 'heading', level: 1, text: 'II. DANH SÁCH TỐ GIÁC, TIN BÁO' },
    {
      kind: 'table',
      columns: [
        NUMBER_COLUMN,
        { title: 'Mã tố giác', width: 0.15 },
        { title: 'Ngày tiếp nhận', width: 0.13 },
        { title: 'Phương thức, thủ đoạn', width: 0.22 },
        { title: 'Địa bàn', width: 0.15 },
        { title: 'Tình trạng', width: 0.13 },
        { title: 'Thiệt hại (đồng)', width: 0.15, align: 'right' },
      ],
      rows: file.reports.map((r, i) => ({
        cells: [
          String(i + 1),
          r.trackingCode,
          formatDate(r.receivedAt),
          SCAM_METHOD[r.scamMethod],
          place(r),
          r.decision ? DECISION[r.decision] : STATUS[r.status],
          formatNumber(r.totalLossVnd),
        ],
      })),
    },
    { kind: 'heading', level: 1, text: 'III. NỘI DUNG TỪNG TỐ GIÁC, TIN BÁO' },
    ...file.reports.flatMap(reportBlocks),
  ];
  if (file.withheldReports.length > 0) {
    blocks.push(
      { kind: 'heading', level: 1, text: 'IV. TỐ GIÁC, TIN BÁO DO ĐƠN VỊ KHÁC THỤ LÝ' },
      {
        kind: 'paragraph',
        text:
          'Các tố giác, tin báo sau thuộc vụ việc nhưng do đơn vị ngoài địa bàn của người xuất hồ sơ thụ lý; ' +
          'nội dung của chúng không đưa vào hồ sơ này và do đơn vị thụ lý cung cấp.',
        italic: true,
      },
      {
        kind: 'table',
        columns: [
          NUMBER_COLUMN,
          { title: 'Mã tố giác', width: 0.2 },
          { title: 'Thời điểm tiếp nhận', width: 0.25 },
          { title: 'Đơn vị thụ lý', width: 0.48 },
        ],
        rows: file.withheldReports.map((r, i) => ({
          cells: [String(i + 1), r.trackingCode, formatDateTime(r.receivedAt), or(r.handlingUnitName)],
        })),
      },
    );
  }
  blocks.push(
    { kind: 'heading', level: 3, text: 'Ghi chú' },
    {
      kind: 'paragraph',
      text: '- Số tài khoản của bị hại được che, chỉ hiện bốn chữ số cuối.',
    },
    {
      kind: 'paragraph',
      text:
        '- Mã băm SHA-256 của mỗi tệp chứng cứ được tính khi hệ thống tiếp nhận tệp; tệp bàn giao kèm hồ sơ ' +
        'phải cho cùng mã băm.',
    },
    {
      kind: 'paragraph',
      text: '- Hồ sơ được xuất từ hệ thống Khiên; mỗi lần xuất hồ sơ được ghi vào nhật ký hệ thống.',
    },
  );
  return blocks;
}

/** The lines of the document's header: the unit (left) and the national motto (right). */
function headerOf(file: CaseFile) {
  return {
    superior: file.superiorUnitName?.toLocaleUpperCase('vi') ?? null,
    unit: file.unitName.toLocaleUpperCase('vi'),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: `${file.placeName ? `${file.placeName}, ` : ''}${formatLongDate(file.exportedAt)}`,
    title: 'HỒ SƠ VỤ VIỆC',
    subtitle: `Mã vụ việc: ${file.caseCode} - ${file.title}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// PDF (pdfkit, with Noto Serif embedded)

const fontRequire = createRequire(import.meta.url);
/** Noto Serif (SIL Open Font License 1.1), from the npm package @expo-google-fonts/noto-serif. */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | null = null;
/** The font files, resolved through node_modules from this file (or from the bundle in dist/), read once. */
export function caseFileFonts(): Record<FontName, Buffer> {
  fonts ??= {
    regular: fs.readFileSync(fontRequire.resolve(FONT_FILES.regular)),
    bold: fs.readFileSync(fontRequire.resolve(FONT_FILES.bold)),
    italic: fs.readFileSync(fontRequire.resolve(FONT_FILES.italic)),
  };
  return fonts;
}

const MM = 72 / 25.4;
const PDF_MARGINS = { top: 20 * MM, bottom: 22 * MM, left: 30 * MM, right: 15 * MM };
const BODY_SIZE = 11;
const TABLE_SIZE = 9;

export async function renderCaseFilePdf(file: CaseFile): Promise<Buffer> {
  const exportedAt = new Date(file.exportedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: PDF_MARGINS,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Hồ sơ vụ việc ${file.caseCode}`,
      Subject: file.title,
      Author: file.unitName,
      Creator: 'Khiên',
      Producer: 'Khiên',
      CreationDate: exportedAt,
      ModDate: exportedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = caseFileFonts();
  doc.registerFont('regular', font.regular);
  doc.registerFont('bold', font.bold);
  doc.registerFont('italic', font.italic);

  const left = PDF_MARGINS.left;
  const width = doc.page.width - PDF_MARGINS.left - PDF_MARGINS.right;
  const header = headerOf(file);

  // Header: the unit on the left, the national motto on the right, each centred in its column.
  const top = doc.y;
  const leftWidth = width * 0.42;
  const rightX = left + width * 0.42;
  const rightWidth = width * 0.58;
  doc.font('regular').fontSize(11);
  let leftY = top;
  if (header.superior) {
    doc.text(header.superior, left, leftY, { width: leftWidth, align: 'center' });
    leftY = doc.y;
  }
  doc.font('bold').text(header.unit, left, leftY, { width: leftWidth, align: 'center' });
  leftY = doc.y + 2;
  doc
    .moveTo(left + leftWidth * 0.35, leftY)
    .lineTo(left + leftWidth * 0.65, leftY)
    .lineWidth(0.6)
    .stroke();
  doc.font('bold').fontSize(11).text(header.nation, rightX, top, { width: rightWidth, align: 'center' });
  doc.text(header.motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString(header.motto);
  const lineY = doc.y + 2;
  doc
    .moveTo(rightX + (rightWidth - mottoWidth) / 2, lineY)
    .lineTo(rightX + (rightWidth + mottoWidth) / 2, lineY)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('italic')
    .fontSize(11)
    .text(header.dateLine, rightX, lineY + 8, { width: rightWidth, align: 'center' });
  doc.y = Math.max(leftY, doc.y) + 24;

  doc.font('bold').fontSize(16).text(header.title, left, doc.y, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(header.subtitle, left, doc.y + 4, { width, align: 'center' });
  doc.moveDown(1);

  const ensureSpace = (height: number) => {
    if (doc.y + height > doc.page.height - PDF_MARGINS.bottom) doc.addPage();
  };

  for (const block of caseFileBlocks(file)) {
    doc.x = left;
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? 12 : block.level === 2 ? 11.5 : BODY_SIZE;
        // Keep a heading with the start of what follows it.
        ensureSpace(block.level === 3 ? 70 : 100);
        doc.moveDown(block.level === 3 ? 0.3 : 0.7);
        doc
          .font(block.level === 3 ? 'italic' : 'bold')
          .fontSize(size)
          .text(block.text, left, doc.y, { width });
        doc.moveDown(0.2);
        break;
      }
      case 'facts': {
        const labelWidth = width * 0.3;
        doc.fontSize(BODY_SIZE);
        for (const [label, value] of block.rows) {
          const height = Math.max(
            doc.font('regular').heightOfString(`${label}:`, { width: labelWidth - 6 }),
            doc.font('bold').heightOfString(value, { width: width - labelWidth }),
          );
          ensureSpace(height);
          const y = doc.y;
          doc.font('regular').text(`${label}:`, left, y, { width: labelWidth - 6 });
          doc.font('bold').text(value, left + labelWidth, y, { width: width - labelWidth });
          doc.y = y + height + 1;
        }
        break;
      }
      case 'paragraph':
        doc
          .font(block.italic ? 'italic' : 'regular')
          .fontSize(BODY_SIZE)
          .text(block.text, left, doc.y, {
            width,
            align: 'justify',
            indent: block.indent ? 20 : 0,
            paragraphGap: 3,
          });
        break;
      case 'table': {
        ensureSpace(TABLE_SIZE * 6);
        const columnWidths = block.columns.map((c) => c.width * width);
        const cellPadding = 3;
        const headerRow = block.columns.map((c) => ({
          text: c.title,
          type: 'TH' as const,
          font: { src: 'bold', size: TABLE_SIZE },
          backgroundColor: '#eeeeee',
          align: { x: 'center' as const, y: 'center' as const },
        }));
        const rows = block.rows.map((row) =>
          'cells' in row
            ? row.cells.map((text, i) => ({
                text,
                align: { x: block.columns[i]?.align ?? ('left' as const), y: 'top' as const },
              }))
            : [
                {
                  text: row.across,
                  colSpan: block.columns.length,
                  font: row.monospace ? { src: 'Courier', size: 8 } : { src: 'regular', size: TABLE_SIZE },
                },
              ],
        );
        doc.font('regular').fontSize(TABLE_SIZE);
        doc.table({
          position: { x: left, y: doc.y },
          columnStyles: columnWidths,
          // Cells without a font of their own use the document's (regular, TABLE_SIZE).
          defaultStyle: { padding: cellPadding, border: 0.5, borderColor: '#555555' },
          data: [headerRow, ...rows],
        });
        doc.x = left;
        doc.moveDown(0.5);
        break;
      }
    }
  }

  // Signature.
  ensureSpace(90);
  doc.moveDown(1.5);
  const signX = left + width * 0.5;
  const signWidth = width * 0.5;
  doc.font('bold').fontSize(BODY_SIZE).text('NGƯỜI XUẤT HỒ SƠ', signX, doc.y, {
    width: signWidth,
    align: 'center',
  });
  doc.font('italic').text('(Ký, ghi rõ họ tên)', signX, doc.y, { width: signWidth, align: 'center' });
  doc.moveDown(3);
  doc.font('bold').text(file.exportedBy, signX, doc.y, { width: signWidth, align: 'center' });

  // Page numbers and the case code at the foot of every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PDF_MARGINS.bottom + 12;
    doc
      .font('regular')
      .fontSize(9)
      .text(`Hồ sơ vụ việc ${file.caseCode}`, left, y, { width: width / 2, lineBreak: false });
    doc.text(`Trang ${i + 1}/${range.count}`, left + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------------------
// DOCX (docx): Times New Roman 13 pt, the usual face of Vietnamese administrative documents

const TWIPS_PER_MM = 1440 / 25.4;
const DOCX_PAGE = { width: 11906, height: 16838 };
const DOCX_MARGINS = {
  top: Math.round(20 * TWIPS_PER_MM),
  bottom: Math.round(20 * TWIPS_PER_MM),
  left: Math.round(30 * TWIPS_PER_MM),
  right: Math.round(15 * TWIPS_PER_MM),
};
const DOCX_TEXT_WIDTH = DOCX_PAGE.width - DOCX_MARGINS.left - DOCX_MARGINS.right;
const DOCX_FONT = 'Times New Roman';
/** Sizes in half-points. */
const DOCX_BODY = 26;
const DOCX_TABLE = 22;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
  font?: string;
}
const run = (text: string, { underline, ...style }: RunStyle = {}) =>
  new TextRun({ text, ...style, ...(underline ? { underline: {} } : {}) });

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function centred(children: ParagraphChild[], spacingAfter = 0) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
}

function docxHeader(file: CaseFile): Table {
  const header = headerOf(file);
  const leftWidth = Math.round(DOCX_TEXT_WIDTH * 0.42);
  const rightWidth = DOCX_TEXT_WIDTH - leftWidth;
  const unitLines = [
    ...(header.superior ? [centred([run(header.superior)])] : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [run(header.unit, { bold: true })],
    }),
  ];
  const nationLines = [
    centred([run(header.nation, { bold: true, size: 24 })]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(header.motto, { bold: true, underline: true })],
    }),
    centred([run(header.dateLine, { italics: true })]),
  ];
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: leftWidth, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: unitLines,
          }),
          new TableCell({
            width: { size: rightWidth, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: nationLines,
          }),
        ],
      }),
    ],
  });
}

const DOCX_ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function docxTable(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = block.columns.map((c) => Math.round(c.width * DOCX_TEXT_WIDTH));
  const cell = (
    text: string,
    width: number,
    options: {
      bold?: boolean;
      align?: 'left' | 'center' | 'right';
      span?: number;
      font?: string;
      size?: number;
      shade?: boolean;
    } = {},
  ) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(options.span ? { columnSpan: options.span } : {}),
      ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: DOCX_ALIGN[options.align ?? 'left'],
          children: [
            run(text, {
              bold: options.bold,
              size: options.size ?? DOCX_TABLE,
              ...(options.font ? { font: options.font } : {}),
            }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) =>
          cell(c.title, widths[i]!, { bold: true, align: 'center', shade: true }),
        ),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children:
              'cells' in row
                ? row.cells.map((text, i) => cell(text, widths[i]!, { align: block.columns[i]?.align }))
                : [
                    cell(row.across, DOCX_TEXT_WIDTH, {
                      span: block.columns.length,
                      ...(row.monospace ? { font: 'Courier New', size: 18 } : {}),
                    }),
                  ],
          }),
      ),
    ],
  });
}

function docxFacts(block: Extract<Block, { kind: 'facts' }>): Table {
  const labelWidth = Math.round(DOCX_TEXT_WIDTH * 0.3);
  const valueWidth = DOCX_TEXT_WIDTH - labelWidth;
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    borders: TableBorders.NONE,
    rows: block.rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: labelWidth, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [new Paragraph({ children: [run(`${label}:`)] })],
            }),
            new TableCell({
              width: { size: valueWidth, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [new Paragraph({ children: [run(value, { bold: true })] })],
            }),
          ],
        }),
    ),
  });
}

function docxBlock(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: block.level === 3 ? 120 : 240, after: 80 },
          children: [
            run(block.text, {
              bold: block.level !== 3,
              italics: block.level === 3,
              size: block.level === 1 ? 26 : DOCX_BODY,
            }),
          ],
        }),
      ];
    case 'facts':
      return [docxFacts(block)];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 60, after: 60 },
          ...(block.indent ? { indent: { firstLine: 567 } } : {}),
          // One run per line of the text, so that line breaks in the story are kept.
          children: block.text
            .split('\n')
            .map(
              (line, i) => new TextRun({ text: line, italics: block.italic, ...(i > 0 ? { break: 1 } : {}) }),
            ),
        }),
      ];
    case 'table':
      return [docxTable(block), new Paragraph({ spacing: { after: 60 }, children: [] })];
  }
}

export async function renderCaseFileDocx(file: CaseFile): Promise<Buffer> {
  const header = headerOf(file);
  const half = Math.round(DOCX_TEXT_WIDTH / 2);
  const document = new Document({
    creator: file.exportedBy,
    title: `Hồ sơ vụ việc ${file.caseCode}`,
    subject: file.title,
    description: 'Hồ sơ vụ việc xuất từ hệ thống Khiên',
    styles: {
      default: { document: { run: { font: DOCX_FONT, size: DOCX_BODY, language: { value: 'vi-VN' } } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: DOCX_PAGE,
            margin: DOCX_MARGINS,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: DOCX_TEXT_WIDTH }],
                children: [
                  run(`Hồ sơ vụ việc ${file.caseCode}`, { size: 18 }),
                  new TextRun({
                    size: 18,
                    children: ['\tTrang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          docxHeader(file),
          new Paragraph({ spacing: { before: 360 }, children: [] }),
          centred([run(header.title, { bold: true, size: 32 })], 80),
          centred([run(header.subtitle, { bold: true })], 240),
          ...caseFileBlocks(file).flatMap(docxBlock),
          new Table({
            width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: [half, DOCX_TEXT_WIDTH - half],
            borders: TableBorders.NONE,
            rows: [
              new TableRow({
                cantSplit: true,
                children: [
                  new TableCell({
                    width: { size: half, type: WidthType.DXA },
                    borders: NO_BORDERS,
                    children: [new Paragraph({ children: [] })],
                  }),
                  new TableCell({
                    width: { size: DOCX_TEXT_WIDTH - half, type: WidthType.DXA },
                    borders: NO_BORDERS,
                    children: [
                      centred([run('NGƯỜI XUẤT HỒ SƠ', { bold: true })], 0),
                      centred([run('(Ký, ghi rõ họ tên)', { italics: true })], 1200),
                      centred([run(file.exportedBy, { bold: true })]),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
