import type { BilingualText, Rule, RuleCondition, RuleSet } from '@khien/contracts';
import { deepFreeze } from './freeze.js';

/**
 * The rule set Khiên ships with, for banks that have not written their own (`bank: '*'`). Plain data: a
 * bank copies it into a draft, changes what it wants, runs it in shadow and publishes it. DEFAULT-RULES.md
 * beside this file says the same in plain words.
 */

const LARGE_VND = 10_000_000;
const VERY_LARGE_VND = 20_000_000;

const is = (fact: string, value: string | number | boolean): RuleCondition => ({ fact, op: 'eq', value });
const atLeast = (fact: string, value: number): RuleCondition => ({ fact, op: 'gte', value });
const below = (fact: string, value: number): RuleCondition => ({ fact, op: 'lt', value });
const listedButUnconfirmed = (fact: string): RuleCondition => ({
  fact,
  op: 'in',
  value: ['reported', 'verifying'],
});
const biometricRequired: RuleCondition = {
  any: [is('biometricRequiredByTransfer', true), is('biometricRequiredByDailyTotal', true)],
};

export const DEFAULT_RULES: Rule[] = [
  {
    id: 'payee_confirmed_scam',
    description: {
      vi: 'Tài khoản hoặc ví nhận đã được cơ quan chức năng xác nhận là lừa đảo: chặn giao dịch.',
      en: 'The payee account or wallet is confirmed as a scam by the authorities: block the transfer.',
    },
    when: is('payeeListedStatus', 'confirmed_scam'),
    action: 'block',
    score: 100,
    reasons: ['payee_listed_scam'],
  },
  {
    id: 'payee_phone_confirmed_scam',
    description: {
      vi: 'Số điện thoại của người nhận đã được xác nhận dùng để lừa đảo: tạm giữ để kiểm tra.',
      en: "The payee's phone number is confirmed as used in scams: hold the transfer for review.",
    },
    when: is('payeePhoneListedStatus', 'confirmed_scam'),
    action: 'hold',
    score: 60,
    reasons: ['payee_phone_listed_scam'],
  },
  {
    id: 'payee_reported_high_confidence',
    description: {
      vi: 'Tài khoản nhận bị phản ánh, đang xác minh, với độ tin cậy từ 70 trở lên: tạm giữ để kiểm tra.',
      en: 'The payee account is reported or being verified with a confidence of 70 or more: hold for review.',
    },
    when: { all: [listedButUnconfirmed('payeeListedStatus'), atLeast('payeeListedConfidence', 70)] },
    action: 'hold',
    score: 50,
    reasons: ['payee_listed_suspicious'],
  },
  {
    id: 'payee_reported',
    description: {
      vi: 'Tài khoản nhận bị phản ánh hoặc đang xác minh, độ tin cậy dưới 70: cảnh báo người chuyển.',
      en: 'The payee account is reported or being verified with a confidence below 70: warn the payer.',
    },
    when: { all: [listedButUnconfirmed('payeeListedStatus'), below('payeeListedConfidence', 70)] },
    action: 'warn',
    score: 25,
    reasons: ['payee_listed_suspicious'],
  },
  {
    id: 'payee_phone_reported',
    description: {
      vi: 'Số điện thoại của người nhận bị phản ánh hoặc đang xác minh: cảnh báo người chuyển.',
      en: "The payee's phone number is reported or being verified: warn the payer.",
    },
    when: listedButUnconfirmed('payeePhoneListedStatus'),
    action: 'warn',
    score: 20,
    reasons: ['payee_phone_listed_suspicious'],
  },
  {
    id: 'payee_linked_to_listed_person',
    description: {
      vi: 'Người nhận là người có liên quan đến tài khoản đã bị phản ánh: cảnh báo người chuyển.',
      en: 'The payee is a person linked to a listed account: warn the payer.',
    },
    when: is('payeeLinkedToListedPerson', true),
    action: 'warn',
    score: 20,
    reasons: ['payee_linked_to_listed'],
  },
  {
    id: 'cop_no_match',
    description: {
      vi: 'Tên chủ tài khoản theo ngân hàng nhận không khớp với tên người chuyển thấy: cảnh báo.',
      en: "The holder's name at the payee's bank does not match the name the payer was shown: warn.",
    },
    when: is('copResult', 'no_match'),
    action: 'warn',
    score: 30,
    reasons: ['name_mismatch'],
  },
  {
    id: 'cop_close_match',
    description: {
      vi: 'Tên chủ tài khoản chỉ gần khớp (viết tắt, sai chính tả): cảnh báo nhẹ để người chuyển kiểm tra lại.',
      en: "The holder's name only nearly matches (initials, a typo): a light warning to check again.",
    },
    when: is('copResult', 'close_match'),
    action: 'warn',
    score: 10,
    reasons: ['name_close_match'],
  },
  {
    id: 'credentials_changed_large_amount',
    description: {
      vi: 'Thiết bị hoặc số điện thoại nhận OTP vừa thay đổi, và số tiền vượt ngưỡng của Quyết định 2345: yêu cầu xác thực sinh trắc học.',
      en: 'The device or the OTP phone changed recently and the amount is above the Decision 2345 threshold: require a biometric check.',
    },
    when: {
      all: [
        { any: [is('deviceChangedRecently', true), is('otpPhoneChangedRecently', true)] },
        biometricRequired,
        is('biometricVerified', false),
      ],
    },
    action: 'step_up',
    score: 30,
    reasons: ['device_or_otp_changed'],
  },
  {
    id: 'biometric_threshold_2345',
    description: {
      vi: 'Giao dịch trên 10 triệu đồng, hoặc tổng trong ngày trên 20 triệu đồng, chưa xác thực sinh trắc học: yêu cầu xác thực (Quyết định 2345/QĐ-NHNN).',
      en: 'A transfer above 10 million VND, or a daily total above 20 million VND, without a biometric check: require one (Decision 2345/QĐ-NHNN).',
    },
    when: { all: [biometricRequired, is('biometricVerified', false)] },
    action: 'step_up',
    score: 0,
    reasons: ['biometric_required'],
  },
  {
    id: 'foreign_ip_new_payee_large_amount',
    description: {
      vi: 'Giao dịch từ IP nước ngoài hoặc mạng ẩn danh, tới người nhận mới, từ 10 triệu đồng: tạm giữ để kiểm tra.',
      en: 'A transfer from a foreign IP or an anonymising network, to a new payee, of 10 million VND or more: hold for review.',
    },
    when: {
      all: [
        { any: [is('ipForeign', true), is('ipAnonymising', true)] },
        is('payeeNew', true),
        atLeast('amountVnd', LARGE_VND),
      ],
    },
    action: 'hold',
    score: 40,
    reasons: ['foreign_ip'],
  },
  {
    id: 'anonymising_ip',
    description: {
      vi: 'Giao dịch qua mạng ẩn danh (Tor, VPN công cộng, máy chủ thuê): cảnh báo.',
      en: 'A transfer through an anonymising network (Tor, a public VPN, a hosting provider): warn.',
    },
    when: is('ipAnonymising', true),
    action: 'warn',
    score: 15,
    reasons: ['anonymising_ip'],
  },
  {
    id: 'payee_fan_in',
    description: {
      vi: 'Tài khoản nhận đã nhận tiền từ 10 người khác nhau trở lên trong 24 giờ (dấu hiệu tài khoản trung gian): tạm giữ.',
      en: 'The payee account received money from 10 or more different senders in 24 hours (a mule sign): hold.',
    },
    when: atLeast('payeeFanIn24h', 10),
    action: 'hold',
    score: 35,
    reasons: ['payee_mule_pattern'],
  },
  {
    id: 'new_payee_account_fan_in',
    description: {
      vi: 'Tài khoản nhận mở chưa đến 30 ngày đã nhận tiền từ 5 người trở lên trong 24 giờ: tạm giữ.',
      en: 'A payee account opened less than 30 days ago received money from 5 or more senders in 24 hours: hold.',
    },
    when: { all: [below('payeeAccountAgeDays', 30), atLeast('payeeFanIn24h', 5)] },
    action: 'hold',
    score: 35,
    reasons: ['payee_mule_pattern'],
  },
  {
    id: 'payer_pass_through',
    description: {
      vi: 'Người chuyển đã nhận từ 5 triệu đồng trong 24 giờ và đang chuyển đi 80–120% số đó: tạm giữ (tài khoản trung gian).',
      en: 'The payer received 5 million VND or more in 24 hours and is sending out 80–120% of it: hold (a pass-through account).',
    },
    when: {
      all: [
        atLeast('payerInSum24h', 5_000_000),
        { fact: 'payerPassThroughRatio', op: 'between', value: [0.8, 1.2] },
      ],
    },
    action: 'hold',
    score: 35,
    reasons: ['payer_pass_through'],
  },
  {
    id: 'payee_pass_through',
    description: {
      vi: 'Tài khoản nhận đã nhận từ 5 triệu đồng của 3 người trở lên trong 24 giờ và đã chuyển đi 80–120% số đó: tạm giữ.',
      en: 'The payee account received 5 million VND or more from 3 or more senders in 24 hours and passed on 80–120% of it: hold.',
    },
    when: {
      all: [
        atLeast('payeeInSum24h', 5_000_000),
        atLeast('payeeFanIn24h', 3),
        { fact: 'payeePassThroughRatio', op: 'between', value: [0.8, 1.2] },
      ],
    },
    action: 'hold',
    score: 30,
    reasons: ['payee_mule_pattern'],
  },
  {
    id: 'payer_fan_out',
    description: {
      vi: 'Người chuyển đã chuyển cho 10 người nhận khác nhau trở lên trong 24 giờ: cảnh báo.',
      en: 'The payer paid 10 or more different payees in 24 hours: warn.',
    },
    when: atLeast('payerFanOut24h', 10),
    action: 'warn',
    score: 20,
    reasons: ['many_payees'],
  },
  {
    id: 'payer_velocity',
    description: {
      vi: 'Người chuyển đã thực hiện 10 giao dịch trở lên trong một giờ: cảnh báo.',
      en: 'The payer made 10 or more transfers in one hour: warn.',
    },
    when: atLeast('payerOutCount1h', 10),
    action: 'warn',
    score: 15,
    reasons: ['high_velocity'],
  },
  {
    id: 'impossible_travel',
    description: {
      vi: 'Vị trí IP của giao dịch quá xa giao dịch trước so với thời gian giữa hai lần: yêu cầu xác thực lại.',
      en: "The transfer's IP location is too far from the previous transfer's for the time between them: re-verify.",
    },
    when: is('impossibleTravel', true),
    action: 'step_up',
    score: 30,
    reasons: ['impossible_travel'],
  },
  {
    id: 'dormant_account_woken',
    description: {
      vi: 'Tài khoản không hoạt động từ 180 ngày trở lên nay chuyển từ 5 triệu đồng: yêu cầu xác thực lại.',
      en: 'An account idle for 180 days or more now sends 5 million VND or more: re-verify.',
    },
    when: { all: [is('payerDormantReactivated', true), atLeast('amountVnd', 5_000_000)] },
    action: 'step_up',
    score: 25,
    reasons: ['dormant_account'],
  },
  {
    id: 'new_payee_account_large_amount',
    description: {
      vi: 'Tài khoản nhận mở chưa đến 7 ngày, người chuyển chưa từng chuyển tới, từ 10 triệu đồng: cảnh báo.',
      en: 'A payee account opened less than 7 days ago, never paid before by this payer, 10 million VND or more: warn.',
    },
    when: {
      all: [below('payeeAccountAgeDays', 7), is('payeeNew', true), atLeast('amountVnd', LARGE_VND)],
    },
    action: 'warn',
    score: 15,
    reasons: ['new_payee_account'],
  },
  {
    id: 'night_new_payee_large_amount',
    description: {
      vi: 'Từ 0 giờ đến 4 giờ 59 sáng, tới người nhận mới, từ 10 triệu đồng: cảnh báo.',
      en: 'Between midnight and 4:59 am, to a new payee, 10 million VND or more: warn.',
    },
    when: {
      all: [
        { fact: 'hourOfDay', op: 'between', value: [0, 4] },
        is('payeeNew', true),
        atLeast('amountVnd', LARGE_VND),
      ],
    },
    action: 'warn',
    score: 10,
    reasons: ['unusual_hour'],
  },
  {
    id: 'new_payer_account_large_amount',
    description: {
      vi: 'Tài khoản của người chuyển mở chưa đến 7 ngày và chuyển từ 20 triệu đồng: cảnh báo.',
      en: "The payer's account was opened less than 7 days ago and sends 20 million VND or more: warn.",
    },
    when: { all: [below('payerAccountAgeDays', 7), atLeast('amountVnd', VERY_LARGE_VND)] },
    action: 'warn',
    score: 15,
    reasons: ['new_payer_account'],
  },
];

/** The texts shown to the payer, naming the reason, by reason code. */
export const DEFAULT_REASON_TEXTS: Record<string, BilingualText> = {
  payee_listed_scam: {
    vi: 'Tài khoản nhận đã được cơ quan chức năng xác nhận là tài khoản lừa đảo. Giao dịch bị chặn để bảo vệ bạn.',
    en: 'The payee account has been confirmed by the authorities as a scam account. The transfer is blocked to protect you.',
  },
  payee_phone_listed_scam: {
    vi: 'Số điện thoại của người nhận đã được xác nhận dùng để lừa đảo. Giao dịch được tạm giữ để ngân hàng kiểm tra.',
    en: "The payee's phone number has been confirmed as used in scams. The transfer is held for the bank to check.",
  },
  payee_listed_suspicious: {
    vi: 'Tài khoản nhận đã bị phản ánh có dấu hiệu lừa đảo. Hãy dừng lại và kiểm tra kỹ trước khi chuyển tiền.',
    en: 'The payee account has been reported as possibly fraudulent. Stop and check carefully before you send money.',
  },
  payee_phone_listed_suspicious: {
    vi: 'Số điện thoại của người nhận đã bị phản ánh có dấu hiệu lừa đảo. Hãy kiểm tra kỹ trước khi chuyển tiền.',
    en: "The payee's phone number has been reported as possibly used in scams. Check carefully before you send money.",
  },
  payee_linked_to_listed: {
    vi: 'Người nhận có liên quan đến một tài khoản đã bị phản ánh lừa đảo. Hãy kiểm tra kỹ trước khi chuyển tiền.',
    en: 'The payee is linked to an account reported for fraud. Check carefully before you send money.',
  },
  name_mismatch: {
    vi: 'Tên chủ tài khoản nhận không khớp với tên bạn thấy. Hãy xác minh với người nhận qua một kênh khác trước khi chuyển tiền.',
    en: "The payee account holder's name does not match the name you were shown. Confirm with the payee through another channel before you send money.",
  },
  name_close_match: {
    vi: 'Tên chủ tài khoản nhận chỉ gần khớp với tên bạn thấy. Hãy kiểm tra lại tên người nhận.',
    en: "The payee account holder's name only nearly matches the name you were shown. Check the payee's name again.",
  },
  device_or_otp_changed: {
    vi: 'Thiết bị hoặc số điện thoại nhận OTP của bạn vừa thay đổi. Cần xác thực sinh trắc học trước khi chuyển khoản lớn.',
    en: 'Your device or the phone receiving your OTPs changed recently. A biometric check is needed before a large transfer.',
  },
  biometric_required: {
    vi: 'Theo Quyết định 2345/QĐ-NHNN, giao dịch này cần xác thực sinh trắc học.',
    en: 'Under Decision 2345/QĐ-NHNN, this transfer needs a biometric check.',
  },
  foreign_ip: {
    vi: 'Giao dịch được thực hiện từ địa chỉ IP ở nước ngoài hoặc qua mạng ẩn danh, tới người nhận mới, với số tiền lớn. Giao dịch được tạm giữ để ngân hàng kiểm tra.',
    en: 'The transfer comes from a foreign IP address or an anonymising network, to a new payee, for a large amount. It is held for the bank to check.',
  },
  anonymising_ip: {
    vi: 'Giao dịch được thực hiện qua mạng ẩn danh (VPN, Tor). Nếu không phải bạn, hãy liên hệ ngay với ngân hàng.',
    en: 'The transfer comes through an anonymising network (VPN, Tor). If this is not you, contact your bank at once.',
  },
  payee_mule_pattern: {
    vi: 'Tài khoản nhận có dấu hiệu tài khoản trung gian: nhận tiền từ nhiều người và chuyển đi ngay. Giao dịch được tạm giữ để ngân hàng kiểm tra.',
    en: 'The payee account looks like a money mule: it receives money from many people and passes it on at once. The transfer is held for the bank to check.',
  },
  payer_pass_through: {
    vi: 'Tài khoản của bạn đang chuyển đi gần hết số tiền vừa nhận. Nếu có người nhờ bạn nhận hộ rồi chuyển tiền đi, đó có thể là lừa đảo hoặc rửa tiền.',
    en: 'Your account is sending out nearly all the money it just received. If someone asked you to receive money and pass it on, it may be a scam or money laundering.',
  },
  many_payees: {
    vi: 'Tài khoản của bạn đã chuyển tiền cho nhiều người nhận khác nhau trong 24 giờ qua. Nếu không phải bạn, hãy liên hệ ngay với ngân hàng.',
    en: 'Your account has paid many different payees in the last 24 hours. If this is not you, contact your bank at once.',
  },
  high_velocity: {
    vi: 'Tài khoản của bạn đã thực hiện nhiều giao dịch trong một giờ qua. Nếu không phải bạn, hãy liên hệ ngay với ngân hàng.',
    en: 'Your account has made many transfers in the last hour. If this is not you, contact your bank at once.',
  },
  impossible_travel: {
    vi: 'Giao dịch này đến từ một nơi quá xa so với giao dịch trước của bạn. Cần xác thực lại để chắc chắn đó là bạn.',
    en: 'This transfer comes from a place too far from your previous one. Verify again to make sure it is you.',
  },
  dormant_account: {
    vi: 'Tài khoản đã lâu không hoạt động nay chuyển số tiền lớn. Cần xác thực lại để chắc chắn đó là bạn.',
    en: 'A long-idle account is now sending a large amount. Verify again to make sure it is you.',
  },
  new_payee_account: {
    vi: 'Tài khoản nhận mới được mở gần đây. Kẻ lừa đảo thường dùng tài khoản mới mở để nhận tiền.',
    en: 'The payee account was opened recently. Scammers often use newly opened accounts to receive money.',
  },
  unusual_hour: {
    vi: 'Bạn đang chuyển số tiền lớn cho người nhận mới vào ban đêm. Nếu có người đang hối thúc bạn, hãy dừng lại.',
    en: 'You are sending a large amount to a new payee at night. If someone is rushing you, stop.',
  },
  new_payer_account: {
    vi: 'Tài khoản của bạn mới được mở và đang chuyển số tiền lớn. Nếu có người hướng dẫn bạn mở tài khoản để chuyển tiền, hãy dừng lại.',
    en: 'Your account was opened recently and is sending a large amount. If someone told you to open it to send money, stop.',
  },
};

/** Frozen, like every published rule set: a bank changes a copy (`reviseRuleSet`). */
export const DEFAULT_RULE_SET: RuleSet = deepFreeze({
  id: 'khien-default',
  bank: '*',
  version: 1,
  status: 'published',
  publishedAt: '2026-11-26T00:00:00.000Z',
  rules: DEFAULT_RULES,
  reasonTexts: DEFAULT_REASON_TEXTS,
  // Several weak signs together: from 40 points at least a warning, from 80 a hold.
  scoreActions: [
    { minScore: 80, action: 'hold' },
    { minScore: 40, action: 'warn' },
  ],
});
