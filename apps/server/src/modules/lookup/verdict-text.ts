import type { CheckItem, PublicVerdict, ScamMethod } from '@khien/contracts';

/**
 * The plain words a citizen reads for each verdict, in Vietnamese first and English. Most answers say
 * the same few things: those texts are made once and frozen, so that answers share them and the answer
 * writer keeps their JSON (answer-writer.ts).
 */
type Text = CheckItem['reasons'][number];
const t = (code: string, vi: string, en: string): Text => Object.freeze({ code, vi, en });
/** A text of one answer only (it names what was checked): not kept. */
const own = (code: string, vi: string, en: string): Text => ({ code, vi, en });

export const METHOD_NAMES: Record<ScamMethod, { vi: string; en: string }> = {
  impersonate_police_procuracy_court: {
    vi: 'giả danh công an, viện kiểm sát, tòa án',
    en: 'impersonating police, procuracy or court',
  },
  impersonate_bank: { vi: 'giả danh ngân hàng', en: 'impersonating a bank' },
  impersonate_telco_sim_upgrade: {
    vi: 'giả danh nhà mạng, "nâng cấp SIM"',
    en: 'impersonating a telco ("SIM upgrade")',
  },
  impersonate_electricity_tax: {
    vi: 'giả danh điện lực, cơ quan thuế',
    en: 'impersonating the electricity company or tax office',
  },
  fake_investment_crypto_forex: {
    vi: 'đầu tư, tiền ảo, ngoại hối giả',
    en: 'fake investment, crypto or forex',
  },
  online_task_jobs: { vi: 'việc làm online, "làm nhiệm vụ"', en: 'online "task" jobs' },
  fake_shop_delivery: { vi: 'bán hàng, giao hàng giả', en: 'fake shops and deliveries' },
  romance: { vi: 'làm quen, tình cảm', en: 'romance' },
  loans: { vi: 'cho vay', en: 'loans' },
  prizes: { vi: 'trúng thưởng', en: 'prizes' },
  account_rental_sale: { vi: 'thuê, mua tài khoản ngân hàng', en: 'renting or buying bank accounts' },
  asset_recovery: { vi: '"lấy lại tiền bị lừa"', en: '"we recover your lost money"' },
  remote_control_fake_app: { vi: 'ứng dụng giả, điều khiển từ xa', en: 'fake apps and remote control' },
  sextortion: { vi: 'tống tiền bằng hình ảnh nhạy cảm', en: 'sextortion' },
  fake_charity: { vi: 'từ thiện giả', en: 'fake charity' },
  tickets_tours: { vi: 'vé máy bay, tour du lịch', en: 'tickets and tours' },
  overseas_job_recruitment: {
    vi: 'tuyển người đi làm nước ngoài, "việc nhẹ lương cao"',
    en: 'recruitment to work abroad',
  },
  other: { vi: 'thủ đoạn khác', en: 'other methods' },
};

const GOV_VN = t(
  'official.gov_vn',
  'Đây là tên miền của cơ quan nhà nước (.gov.vn).',
  'This is a Vietnamese government domain (.gov.vn).',
);
const officialTexts = new Map<string, Text>();
function officialText(who: string): Text {
  let text = officialTexts.get(who);
  if (text === undefined) {
    text = t(
      'official.allowlist',
      `Đây là thông tin chính thức của ${who}.`,
      `This is an official identifier of ${who}.`,
    );
    officialTexts.set(who, text);
  }
  return text;
}
const CONFIRMED = t(
  'registry.confirmed',
  'Cơ quan Công an đã xác minh đây là thông tin dùng để lừa đảo.',
  'The police have confirmed this is used for fraud.',
);
// By report count, for the counts most entries have.
const reportedTexts: Text[] = [];
const REPORTED_TEXTS_KEPT = 1000;
function reportedText(n: number): Text {
  const kept = Number.isInteger(n) && n < REPORTED_TEXTS_KEPT;
  const existing = kept ? reportedTexts[n] : undefined;
  if (existing) return existing;
  const text = (kept ? t : own)(
    'registry.reported',
    `Đã có ${n} người phản ánh là lừa đảo; đang chờ Công an xác minh.`,
    `Reported as fraud by ${n} people; not yet verified by the police.`,
  );
  if (kept) reportedTexts[n] = text;
  return text;
}
const REPORTED_BY_AGENCY = t(
  'registry.reported_by_agency',
  'Đã có trong danh sách cảnh báo lừa đảo; chưa được Công an xác minh.',
  'On a fraud warning list; not yet verified by the police.',
);
const NO_DATA = t(
  'no_data',
  'Chưa có phản ánh nào về thông tin này. Điều đó không có nghĩa là an toàn.',
  'Nothing has been reported about this yet. That does not mean it is safe.',
);
const SHARED_HOST = t(
  'shared_host',
  'Trang này nằm trên một nền tảng lớn nhưng ai cũng có thể đăng nội dung: hãy kiểm tra kỹ người đăng.',
  'This page is on a well-known platform where anyone can publish: check who published it.',
);
function methodsText(methods: readonly ScamMethod[], make: typeof t): Text {
  const vi = methods.map((m) => METHOD_NAMES[m].vi).join('; ');
  const en = methods.map((m) => METHOD_NAMES[m].en).join('; ');
  return make('methods', `Thủ đoạn đã được phản ánh: ${vi}.`, `Methods reported: ${en}.`);
}
// By methods array, for the frozen arrays the index shares between its entries.
const methodsTexts = new WeakMap<readonly ScamMethod[], Text>();
function sharedMethodsText(methods: readonly ScamMethod[]): Text {
  if (!Object.isFrozen(methods)) return methodsText(methods, own);
  let text = methodsTexts.get(methods);
  if (text === undefined) {
    text = methodsText(methods, t);
    methodsTexts.set(methods, text);
  }
  return text;
}

/** Lists of shared texts, by their texts in order, each ending where its list is kept. */
interface ListNode {
  list?: Text[];
  next: Map<Text, ListNode>;
}
const lists: ListNode = { next: new Map() };

/**
 * The same reasons as one frozen list shared by every answer giving them (the writer keeps its JSON),
 * when they are all shared texts; otherwise the list as it is.
 */
function sharedList(reasons: Text[]): Text[] {
  let node = lists;
  for (const reason of reasons) {
    if (!Object.isFrozen(reason)) return reasons;
    let next = node.next.get(reason);
    if (next === undefined) node.next.set(reason, (next = { next: new Map() }));
    node = next;
  }
  // Frozen: the contract's type is mutable, but answers are only read.
  return (node.list ??= Object.freeze(reasons) as Text[]);
}

export function reasonsFor(input: {
  verdict: PublicVerdict;
  reportCount: number | null;
  methods: readonly ScamMethod[];
  official: { organisation: string } | null;
  imitates: { brand: string; officialDomains: string[] } | null;
  govVn: boolean;
  /** A well-known site where anyone can publish pages (Google Sites, Facebook, Zalo). */
  sharedHost?: boolean;
}): Text[] {
  const reasons: Text[] = [];
  switch (input.verdict) {
    case 'official':
      if (input.govVn && !input.official) reasons.push(GOV_VN);
      else reasons.push(officialText(input.official?.organisation ?? ''));
      break;
    case 'confirmed_scam':
      reasons.push(CONFIRMED);
      break;
    case 'suspicious':
      if (input.imitates) {
        reasons.push(
          own(
            'lookalike',
            `Địa chỉ này giả mạo ${input.imitates.brand}. Trang chính thức: ${input.imitates.officialDomains.join(', ')}.`,
            `This address imitates ${input.imitates.brand}. The official site: ${input.imitates.officialDomains.join(', ')}.`,
          ),
        );
      } else {
        const n = input.reportCount ?? 0;
        reasons.push(n > 0 ? reportedText(n) : REPORTED_BY_AGENCY);
      }
      break;
    case 'no_data':
      reasons.push(NO_DATA);
      break;
  }
  if (input.sharedHost) reasons.push(SHARED_HOST);
  if (input.methods.length > 0 && input.verdict !== 'official')
    reasons.push(sharedMethodsText(input.methods));
  return sharedList(reasons);
}

function adviceTexts(verdict: PublicVerdict): Text[] {
  const stop = t(
    'stop',
    'Dừng liên lạc. Không chuyển tiền, không cung cấp mã OTP, mật khẩu.',
    'Stop all contact. Do not transfer money or share OTP codes or passwords.',
  );
  const bank = t(
    'call_bank',
    'Nếu đã chuyển tiền: gọi ngay số tổng đài in trên thẻ hoặc trang web chính thức của ngân hàng để đề nghị tạm khóa giao dịch.',
    "If you have already paid: call the number printed on your card or on your bank's official website at once and ask them to stop the transfer.",
  );
  const report = t(
    'report',
    'Trình báo với Công an (gọi 113 hoặc đến Công an xã, phường nơi gần nhất).',
    'Report it to the police (call 113 or go to the nearest commune police).',
  );
  switch (verdict) {
    case 'confirmed_scam':
    case 'suspicious':
      return [stop, bank, report];
    case 'official':
      return [
        t(
          'official_caution',
          'Kẻ gian có thể giả mạo số điện thoại, tên hiển thị. Ngân hàng và cơ quan nhà nước không bao giờ đề nghị bạn chuyển tiền hay cung cấp OTP.',
          'Scammers can fake caller numbers and names. Banks and the authorities never ask you to transfer money or share an OTP.',
        ),
      ];
    case 'no_data':
      return [
        t(
          'be_careful',
          'Hãy cẩn trọng: không chuyển tiền cho người lạ, không mở đường link lạ.',
          'Be careful: do not pay strangers or open unknown links.',
        ),
        t(
          'report_if',
          'Nếu bạn bị lừa hoặc nghi ngờ, hãy phản ánh để cảnh báo người khác.',
          'If you were scammed or suspect fraud, report it to warn others.',
        ),
      ];
  }
}

// The advice depends on the verdict alone: written once, shared by every answer (answers are only read).
const ADVICE: Record<PublicVerdict, readonly Text[]> = {
  confirmed_scam: Object.freeze(adviceTexts('confirmed_scam')),
  suspicious: Object.freeze(adviceTexts('suspicious')),
  official: Object.freeze(adviceTexts('official')),
  no_data: Object.freeze(adviceTexts('no_data')),
};

export function adviceFor(verdict: PublicVerdict): Text[] {
  return ADVICE[verdict] as Text[];
}

const SEVERITY: Record<PublicVerdict, number> = { official: 0, no_data: 1, suspicious: 2, confirmed_scam: 3 };

/** The most serious verdict among the items (official only when every item is official). */
export function overallVerdict(verdicts: PublicVerdict[]): PublicVerdict {
  if (verdicts.length === 0) return 'no_data';
  return verdicts.reduce((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst), verdicts[0]!);
}
