import type { ReportDecision, ReportStatus } from '@khien/contracts';

/**
 * The words of the messages sent to reporters, per template, language and channel. Pure: the outbox
 * renders a message once, when it is queued, and stores the result.
 *
 * A message carries only what the reporter can already see on the public tracking page: the tracking code,
 * the stage, the decision, the handling unit and the unit's public message. Never a name, an address or
 * the secret: e-mails and text messages are read on shared phones and forwarded, and a message that
 * carried the secret would let anyone who saw it follow the report.
 */

export const NOTIFICATION_TEMPLATES = [
  'report.received',
  'report.status_changed',
  'reports.deadline_digest',
  'request.overdue',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
export type NotificationChannel = 'email' | 'sms';
export type NotificationLanguage = 'vi' | 'en';
export type NotificationParams = Record<string, string | number | null>;

export interface RenderedNotification {
  subject: string;
  body: string;
}

/** Where the public follows a report (apps/web router), with `?ma=` giving the tracking code. */
export const FOLLOW_REPORT_PATH = '/to-giac/theo-doi';
/** Two concatenated text messages of 160 characters; longer ones cost more and arrive cut on old phones. */
export const SMS_MAX_CHARACTERS = 320;

type Words = Record<NotificationLanguage, string>;

export const STAGE_NAMES: Record<ReportStatus, Words> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  verifying: { vi: 'Đang xác minh', en: 'Being verified' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export const DECISION_NAMES: Record<ReportDecision, Words> = {
  initiate_case: { vi: 'Khởi tố vụ án', en: 'Criminal case initiated' },
  not_initiate: { vi: 'Không khởi tố vụ án', en: 'No criminal case initiated' },
  suspend: { vi: 'Tạm đình chỉ giải quyết', en: 'Handling suspended' },
  transfer: { vi: 'Chuyển cơ quan có thẩm quyền', en: 'Transferred to the competent authority' },
  administrative: { vi: 'Xử lý hành chính', en: 'Administrative handling' },
};

/** A caller passed parameters that the template does not take, or values it cannot show. */
export class NotificationTemplateError extends Error {
  override name = 'NotificationTemplateError';
}

// Tracking codes of reports (TG-…) and appeals (KN-…): two letters, a dash and eight characters.
const TRACKING_CODE = /^[A-Z]{2}-[A-Z0-9]{8}$/;
const UNIT_MAX_CHARACTERS = 200;
const MESSAGE_MAX_CHARACTERS = 2000;

interface ReceivedParams {
  trackingCode: string;
  handlingUnit: string | null;
}
interface StatusChangedParams extends ReceivedParams {
  status: ReportStatus;
  decision: ReportDecision | null;
  message: string | null;
}

// Every parameter a template takes. Any other key is refused: the parameters are stored in clear in the
// outbox, so an unexpected key is where personal data would slip in.
const PARAMETERS: Record<NotificationTemplate, readonly string[]> = {
  'report.received': ['trackingCode', 'handlingUnit'],
  'report.status_changed': ['trackingCode', 'status', 'decision', 'handlingUnit', 'message'],
  'reports.deadline_digest': ['unit', 'overdue', 'dueSoon', 'codes'],
  'request.overdue': ['code', 'type', 'level', 'unit', 'minutes'],
};

/** The daily reminder to an officer: how many reports are overdue or near their deadline, and which. */
interface DigestParams {
  unit: string;
  overdue: number;
  dueSoon: number;
  codes: string[];
}
/** Tracking codes listed in one reminder; the inbox has the rest. */
export const DIGEST_MAX_CODES = 20;

function count(params: NotificationParams, key: string): number {
  const value = params[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new NotificationTemplateError(`Parameter ${key} must be a whole number`);
  return value;
}

function readDigest(params: NotificationParams): DigestParams {
  const unit = optionalText(params, 'unit', UNIT_MAX_CHARACTERS, oneLine);
  if (!unit) throw new NotificationTemplateError('Parameter unit must name the unit');
  const codes = typeof params.codes === 'string' ? params.codes.split(',').map((c) => c.trim()) : [];
  if (codes.length === 0 || codes.length > DIGEST_MAX_CODES || !codes.every((c) => TRACKING_CODE.test(c)))
    throw new NotificationTemplateError(
      `Parameter codes must list 1 to ${DIGEST_MAX_CODES} tracking codes separated by commas`,
    );
  return { unit, overdue: count(params, 'overdue'), dueSoon: count(params, 'dueSoon'), codes };
}

/** Where officers find their reports (apps/web router). */
export const INBOX_PATH = '/app/to-giac';

/**
 * The reminder an officer gets on a working morning. Only tracking codes and counts: the reports
 * themselves are read in the inbox, after signing in.
 */
function digest(
  language: NotificationLanguage,
  channel: NotificationChannel,
  p: DigestParams,
  siteUrl: string | undefined,
): RenderedNotification {
  const vi = language === 'vi';
  const base = siteUrl?.trim().replace(/\/+$/, '') ?? '';
  const inbox = `${base}${INBOX_PATH}`;
  const subject = vi
    ? `Khiên: ${p.overdue} tố giác quá hạn, ${p.dueSoon} tố giác sắp đến hạn`
    : `Khiên: ${p.overdue} reports overdue, ${p.dueSoon} near their deadline`;
  if (channel === 'sms') {
    const body = vi ? `${subject} (${p.unit}). Xem tại ${inbox}.` : `${subject} (${p.unit}). See ${inbox}.`;
    return { subject, body: truncate(body, SMS_MAX_CHARACTERS) };
  }
  const lines = [
    vi
      ? `Theo Điều 147 Bộ luật Tố tụng hình sự, các tố giác sau của ${p.unit} đã quá hạn hoặc sắp đến hạn giải quyết:`
      : `Under art. 147 of the Criminal Procedure Code, these reports of ${p.unit} are overdue or near their deadline:`,
    p.codes.map((code) => `- ${code}`).join('\n'),
    vi
      ? `Mở hộp tố giác để xem thời hạn và giải quyết: ${inbox}${base ? '' : ' (trên trang Khiên)'}`
      : `Open the inbox to see the deadlines and act: ${inbox}${base ? '' : ' (on the Khiên site)'}`,
    automatic[language],
  ];
  return { subject, body: `${lines.join('\n\n')}\n` };
}

const isKey = <T extends string>(record: Record<T, unknown>, key: unknown): key is T =>
  typeof key === 'string' && Object.hasOwn(record, key);

// Control characters (other than line breaks in the message) have no place in a message and could break
// the lines of a header.
const withoutControls = (text: string) => text.replace(/[^\P{Cc}\n]/gu, ' ');

/** One line: composed Unicode (so that Vietnamese letters count as one character each), single spaces. */
function oneLine(text: string): string {
  return withoutControls(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/** The unit's message keeps its paragraphs, without runs of blank lines. */
function paragraphs(text: string): string {
  return withoutControls(text.normalize('NFC').replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const characters = (text: string) => [...text].length;

function truncate(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function optionalText(
  params: NotificationParams,
  key: string,
  max: number,
  tidy: (text: string) => string,
): string | null {
  const value = params[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new NotificationTemplateError(`Parameter ${key} must be text`);
  const text = tidy(value);
  if (characters(text) > max)
    throw new NotificationTemplateError(`Parameter ${key} is longer than ${max} characters`);
  return text === '' ? null : text;
}

function readReceived(params: NotificationParams): ReceivedParams {
  const trackingCode = params.trackingCode;
  if (typeof trackingCode !== 'string' || !TRACKING_CODE.test(trackingCode))
    throw new NotificationTemplateError('Parameter trackingCode must be a tracking code such as TG-7Q2M9XKD');
  return { trackingCode, handlingUnit: optionalText(params, 'handlingUnit', UNIT_MAX_CHARACTERS, oneLine) };
}

function readStatusChanged(params: NotificationParams): StatusChangedParams {
  const { status, decision } = params;
  if (!isKey(STAGE_NAMES, status))
    throw new NotificationTemplateError(
      `Parameter status must be one of ${Object.keys(STAGE_NAMES).join(', ')}`,
    );
  if (decision !== null && decision !== undefined && !isKey(DECISION_NAMES, decision))
    throw new NotificationTemplateError(
      `Parameter decision must be null or one of ${Object.keys(DECISION_NAMES).join(', ')}`,
    );
  return {
    ...readReceived(params),
    status,
    decision: decision ?? null,
    message: optionalText(params, 'message', MESSAGE_MAX_CHARACTERS, paragraphs),
  };
}

/** Refuses keys the template does not take, and checks the values it does. */
export function checkParams(template: NotificationTemplate, params: NotificationParams): void {
  if (!isKey(PARAMETERS, template))
    throw new NotificationTemplateError(`Unknown template ${String(template)}`);
  const unknown = Object.keys(params).filter((key) => !PARAMETERS[template].includes(key));
  if (unknown.length > 0)
    throw new NotificationTemplateError(`Template ${template} does not take ${unknown.join(', ')}`);
  if (template === 'report.received') readReceived(params);
  else if (template === 'reports.deadline_digest') readDigest(params);
  else if (template === 'request.overdue') readOverdue(params);
  else readStatusChanged(params);
}

export interface RenderInput {
  template: NotificationTemplate;
  language: NotificationLanguage;
  channel: NotificationChannel;
  params: NotificationParams;
  /** The public address of the site, e.g. `https://khien.example.vn`; without it the path alone is shown. */
  siteUrl?: string | undefined;
}

interface Follow {
  /** The address of the tracking page, with the tracking code filled in. */
  link: string;
  /** Only the path is known: the words say it is on the Khiên site. */
  pathOnly: boolean;
}

function followOf(trackingCode: string, siteUrl: string | undefined): Follow {
  const path = `${FOLLOW_REPORT_PATH}?ma=${encodeURIComponent(trackingCode)}`;
  const base = siteUrl?.trim().replace(/\/+$/, '') ?? '';
  return { link: `${base}${path}`, pathOnly: base === '' };
}

const followSentence: Record<NotificationLanguage, (follow: Follow) => string> = {
  vi: ({ link, pathOnly }) =>
    `Để theo dõi tố giác, hãy mở ${pathOnly ? `trang Khiên, mục ${link}` : link} và nhập mã theo dõi cùng ` +
    'mã bí mật bạn được cấp khi gửi tố giác. Thư này không chứa mã bí mật; đừng đưa mã bí mật cho ai.',
  en: ({ link, pathOnly }) =>
    `To follow your report, open ${pathOnly ? `the Khiên site at ${link}` : link} and enter the tracking ` +
    'code with the secret you were given when you sent the report. This message does not contain the ' +
    'secret; do not give the secret to anyone.',
};

const warning: Words = {
  vi:
    'Cơ quan Công an không bao giờ đề nghị bạn chuyển tiền, cung cấp mã OTP hay mật khẩu qua điện thoại, ' +
    'tin nhắn hoặc mạng xã hội, kể cả để "lấy lại tiền bị lừa".',
  en:
    'The police never ask you to transfer money or to give a one-time code or a password by phone, text ' +
    'message or social network, not even to "recover the money you lost".',
};

const automatic: Words = {
  vi: 'Thư được gửi tự động từ hệ thống Khiên, vui lòng không trả lời.',
  en: 'This message was sent automatically by Khiên; please do not reply.',
};

const labels = {
  vi: { code: 'Mã theo dõi', stage: 'Giai đoạn', decision: 'Quyết định', unit: 'Đơn vị xử lý' },
  en: { code: 'Tracking code', stage: 'Stage', decision: 'Decision', unit: 'Handling unit' },
} satisfies Record<NotificationLanguage, Record<string, string>>;

function facts(language: NotificationLanguage, p: StatusChangedParams): string {
  const l = labels[language];
  return [
    `${l.code}: ${p.trackingCode}`,
    `${l.stage}: ${STAGE_NAMES[p.status][language]}`,
    p.decision ? `${l.decision}: ${DECISION_NAMES[p.decision][language]}` : null,
    p.handlingUnit ? `${l.unit}: ${p.handlingUnit}` : null,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

function email(
  template: NotificationTemplate,
  language: NotificationLanguage,
  p: StatusChangedParams,
  follow: Follow,
): RenderedNotification {
  const vi = language === 'vi';
  const stage = STAGE_NAMES[p.status][language];
  const received = template === 'report.received';
  const subject = received
    ? vi
      ? `Khiên: đã tiếp nhận tố giác ${p.trackingCode}`
      : `Khiên: your report ${p.trackingCode} has been received`
    : vi
      ? `Khiên: tố giác ${p.trackingCode} – ${stage}`
      : `Khiên: report ${p.trackingCode} – ${stage}`;
  const opening = received
    ? vi
      ? 'Tố giác của bạn đã được tiếp nhận và sẽ được giải quyết trong thời hạn pháp luật quy định.'
      : 'Your report has been received and will be dealt with within the time limits set by law.'
    : vi
      ? `Tố giác của bạn đã chuyển sang giai đoạn: ${stage}.`
      : `Your report has moved to a new stage: ${stage}.`;
  const message = p.message
    ? `${vi ? 'Lời nhắn của đơn vị xử lý' : 'Message from the handling unit'}:\n${p.message}`
    : null;
  const body = [
    opening,
    facts(language, p),
    message,
    followSentence[language](follow),
    warning[language],
    automatic[language],
  ]
    .filter((part) => part !== null)
    .join('\n\n');
  return { subject, body: `${body}\n` };
}

function sms(
  template: NotificationTemplate,
  language: NotificationLanguage,
  p: StatusChangedParams,
  follow: Follow,
): RenderedNotification {
  const vi = language === 'vi';
  const stage = STAGE_NAMES[p.status][language];
  const decision = p.decision ? DECISION_NAMES[p.decision][language] : null;
  const where = follow.pathOnly
    ? vi
      ? `trang Khiên, mục ${follow.link}`
      : `the Khiên site, ${follow.link}`
    : follow.link;
  // The unit's message is left to the tracking page: it can be long, and it is read there with the rest.
  const compose = (unit: string | null) => {
    const head =
      template === 'report.received'
        ? vi
          ? `Khiên: Đã tiếp nhận tố giác ${p.trackingCode}.`
          : `Khiên: Report ${p.trackingCode} received.`
        : `Khiên: ${vi ? 'Tố giác' : 'Report'} ${p.trackingCode}: ${stage}${decision ? ` – ${decision}` : ''}.`;
    const unitPart = unit ? (vi ? ` Đơn vị: ${unit}.` : ` Unit: ${unit}.`) : '';
    const followPart = vi
      ? ` Theo dõi tại ${where} bằng mã theo dõi và mã bí mật.`
      : ` Follow it at ${where} with the tracking code and your secret.`;
    const warn = vi
      ? ' Công an không bao giờ đề nghị chuyển tiền hay cung cấp OTP.'
      : ' The police never ask for money or one-time codes.';
    return `${head}${unitPart}${followPart}${warn}`;
  };
  let body = compose(p.handlingUnit);
  const over = characters(body) - SMS_MAX_CHARACTERS;
  if (over > 0 && p.handlingUnit) {
    // A long unit name is shortened rather than the tracking code or the warning: the reporter finds the
    // full name on the tracking page.
    const room = characters(p.handlingUnit) - over;
    body = compose(room >= 12 ? truncate(p.handlingUnit, room) : null);
  }
  if (characters(body) > SMS_MAX_CHARACTERS)
    throw new NotificationTemplateError(
      `The text message would be longer than ${SMS_MAX_CHARACTERS} characters`,
    );
  return { subject: `Khiên ${p.trackingCode}`, body };
}

/** The subject and body of a message. Throws NotificationTemplateError when the parameters do not fit. */
export function renderNotification(input: RenderInput): RenderedNotification {
  const { template, language, channel, params } = input;
  checkParams(template, params);
  if (language !== 'vi' && language !== 'en')
    throw new NotificationTemplateError(`Unknown language ${String(language)}`);
  if (template === 'reports.deadline_digest')
    return digest(language, channel, readDigest(params), input.siteUrl);
  if (template === 'request.overdue') return overdueRequest(language, readOverdue(params), input.siteUrl);
  // A receipt is the stage `received` without a decision or message, so both templates share the words.
  const p: StatusChangedParams =
    template === 'report.received'
      ? { ...readReceived(params), status: 'received', decision: null, message: null }
      : readStatusChanged(params);
  const follow = followOf(p.trackingCode, input.siteUrl);
  return channel === 'sms' ? sms(template, language, p, follow) : email(template, language, p, follow);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces the recipient's own address or number inside the parameters with `***`. The unit's public
 * message is free text written by an officer, who may quote the reporter's number back to them; the
 * message is stored in clear and a text message can be read over a shoulder. A phone number is found
 * however it is written (0912 345 678, 0912.345.678, +84 912 345 678).
 */
export function withoutRecipient(
  params: NotificationParams,
  channel: NotificationChannel,
  recipient: string,
): NotificationParams {
  const address = recipient.trim();
  // Most texts cannot contain the recipient at all; those are left alone without building a pattern.
  let mayContain: (text: string) => boolean = () => false;
  let pattern: () => RegExp = () => /$^/;
  if (channel === 'email' && address !== '') {
    const lower = address.toLowerCase();
    mayContain = (text) => text.toLowerCase().includes(lower);
    pattern = () => new RegExp(escapeRegExp(address), 'gi');
  } else if (channel === 'sms') {
    // The last nine digits are the subscriber number; the prefix may be 0, 84 or +84.
    const digits = address.replace(/\D/g, '').slice(-9);
    if (digits.length >= 6) {
      mayContain = (text) => (text.match(/\d/g)?.length ?? 0) >= digits.length;
      pattern = () =>
        new RegExp(`(?<!\\d)(?:(?:\\+?84|0)[\\s.-]?)?${digits.split('').join('[\\s.-]?')}(?!\\d)`, 'g');
    }
  }
  let compiled: RegExp | null = null;
  const masked: NotificationParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && mayContain(value)) {
      compiled ??= pattern();
      masked[key] = value.replace(compiled, '***');
    } else {
      masked[key] = value;
    }
  }
  return masked;
}

// ── Inter-agency requests left unanswered ──

/** Where staff find their agency's requests (apps/web router). */
export const REQUESTS_PATH = '/app/yeu-cau';
const REQUEST_CODE = /^YC-[A-Z0-9]{8}$/;

export const REQUEST_TYPE_NAMES: Record<string, Words> = {
  hold: { vi: 'phong tỏa, tạm dừng giao dịch', en: 'hold (freeze)' },
  release: { vi: 'giải tỏa', en: 'release' },
  hold_review: { vi: 'xem xét lại việc phong tỏa', en: 'review of a hold' },
  subscriber_info: { vi: 'cung cấp thông tin thuê bao', en: 'subscriber information' },
  domain_owner_info: { vi: 'cung cấp thông tin chủ tên miền', en: 'domain owner information' },
  takedown: { vi: 'gỡ bỏ, ngăn chặn', en: 'takedown' },
  sim_action: { vi: 'xác minh lại hoặc khóa SIM', en: 'SIM re-verification or lock' },
  suspicious_account_notice: { vi: 'thông báo tài khoản nghi ngờ', en: 'suspicious-account notice' },
};

interface OverdueParams {
  code: string;
  type: string;
  level: number;
  unit: string;
  minutes: number;
}

function readOverdue(params: NotificationParams): OverdueParams {
  const code = params.code;
  if (typeof code !== 'string' || !REQUEST_CODE.test(code))
    throw new NotificationTemplateError('Parameter code must be a request code such as YC-7Q2M9XKD');
  if (!isKey(REQUEST_TYPE_NAMES, params.type))
    throw new NotificationTemplateError(
      `Parameter type must be one of ${Object.keys(REQUEST_TYPE_NAMES).join(', ')}`,
    );
  const level = count(params, 'level');
  if (level !== 1 && level !== 2) throw new NotificationTemplateError('Parameter level must be 1 or 2');
  const unit = optionalText(params, 'unit', UNIT_MAX_CHARACTERS, oneLine);
  if (!unit) throw new NotificationTemplateError('Parameter unit must name the agency asked');
  return { code, type: params.type, level, unit, minutes: count(params, 'minutes') };
}

function duration(minutes: number, vi: boolean): string {
  if (minutes < 120) return vi ? `${minutes} phút` : `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return vi ? `${hours} giờ` : `${hours} hours`;
}

/** Staff are told a request is overdue: its code, what it asks, whom, and for how long it has waited. */
function overdueRequest(
  language: NotificationLanguage,
  p: OverdueParams,
  siteUrl: string | undefined,
): RenderedNotification {
  const vi = language === 'vi';
  const base = siteUrl?.trim().replace(/\/+$/, '') ?? '';
  const link = `${base}${REQUESTS_PATH}`;
  const what = REQUEST_TYPE_NAMES[p.type]![language];
  const late = duration(p.minutes, vi);
  const subject = vi
    ? `Khiên: yêu cầu ${p.code} (${what}) quá hạn ${late}${p.level === 2 ? ' — báo cáo cơ quan quản lý' : ''}`
    : `Khiên: request ${p.code} (${what}) overdue by ${late}${p.level === 2 ? ' — supervising authority told' : ''}`;
  const lines = [
    vi
      ? `Yêu cầu ${p.code} gửi ${p.unit} chưa được trả lời trong thời hạn quy định; đã quá hạn ${late}.`
      : `Request ${p.code} to ${p.unit} has not been answered in its time limit; it is ${late} overdue.`,
    vi
      ? `Mở danh sách yêu cầu để xử lý: ${link}${base ? '' : ' (trên trang Khiên)'}`
      : `Open the requests to act: ${link}${base ? '' : ' (on the Khiên site)'}`,
    automatic[language],
  ];
  return { subject, body: `${lines.join('\n\n')}\n` };
}
