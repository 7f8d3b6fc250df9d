import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECISION_NAMES,
  NotificationTemplateError,
  SMS_MAX_CHARACTERS,
  STAGE_NAMES,
  renderNotification,
  withoutRecipient,
  type NotificationLanguage,
  type NotificationParams,
  type RenderInput,
} from './templates.js';

const received = (overrides: Partial<RenderInput> = {}): RenderInput => ({
  template: 'report.received',
  language: 'vi',
  channel: 'email',
  params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: 'Công an tỉnh Điện Biên' },
  ...overrides,
});
const statusChanged = (params: NotificationParams, overrides: Partial<RenderInput> = {}): RenderInput => ({
  template: 'report.status_changed',
  language: 'vi',
  channel: 'email',
  params: {
    trackingCode: 'TG-7Q2M9XKD',
    status: 'decided',
    decision: 'initiate_case',
    handlingUnit: 'Công an tỉnh Điện Biên',
    message: null,
    ...params,
  },
  ...overrides,
});
const characters = (text: string) => [...text].length;
const languages: NotificationLanguage[] = ['vi', 'en'];

describe('the receipt', () => {
  it('tells the reporter in Vietnamese that the report was received and how to follow it', () => {
    const { subject, body } = renderNotification(received());
    expect(subject).toBe('Khiên: đã tiếp nhận tố giác TG-7Q2M9XKD');
    expect(body).toContain(
      'Tố giác của bạn đã được tiếp nhận và sẽ được giải quyết trong thời hạn pháp luật quy định.',
    );
    expect(body).toContain('Mã theo dõi: TG-7Q2M9XKD');
    expect(body).toContain('Giai đoạn: Đã tiếp nhận');
    expect(body).toContain('Đơn vị xử lý: Công an tỉnh Điện Biên');
    expect(body).toContain('trang Khiên, mục /to-giac/theo-doi?ma=TG-7Q2M9XKD');
    expect(body).toContain('mã bí mật');
    expect(body).toContain('Cơ quan Công an không bao giờ đề nghị bạn chuyển tiền');
  });

  it('speaks English when the reporter chose it', () => {
    const { subject, body } = renderNotification(received({ language: 'en' }));
    expect(subject).toBe('Khiên: your report TG-7Q2M9XKD has been received');
    expect(body).toContain('Your report has been received and will be dealt with');
    expect(body).toContain('Stage: Received');
    expect(body).toContain('Handling unit: Công an tỉnh Điện Biên');
    expect(body).toContain('the Khiên site at /to-giac/theo-doi?ma=TG-7Q2M9XKD');
    expect(body).not.toMatch(/Đã tiếp nhận|Tố giác/);
  });

  it('gives a full link when the site address is known, and leaves out a unit not yet assigned', () => {
    const { body } = renderNotification(
      received({
        params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: null },
        siteUrl: 'https://khien.example.vn/',
      }),
    );
    expect(body).toContain('hãy mở https://khien.example.vn/to-giac/theo-doi?ma=TG-7Q2M9XKD và nhập');
    expect(body).not.toContain('Đơn vị xử lý:');
    expect(body).not.toContain('trang Khiên, mục');
  });
});

describe('a change of stage', () => {
  it('names every stage and decision in plain words, in both languages', () => {
    for (const language of languages)
      for (const [status, stage] of Object.entries(STAGE_NAMES)) {
        const decisions = status === 'decided' ? Object.keys(DECISION_NAMES) : [null];
        for (const decision of decisions) {
          const { subject, body } = renderNotification(statusChanged({ status, decision }, { language }));
          expect(subject).toBe(
            language === 'vi'
              ? `Khiên: tố giác TG-7Q2M9XKD – ${stage.vi}`
              : `Khiên: report TG-7Q2M9XKD – ${stage.en}`,
          );
          expect(body).toContain(`${language === 'vi' ? 'Giai đoạn' : 'Stage'}: ${stage[language]}`);
          if (decision)
            expect(body).toContain(
              `${language === 'vi' ? 'Quyết định' : 'Decision'}: ${DECISION_NAMES[decision as keyof typeof DECISION_NAMES][language]}`,
            );
          else expect(body).not.toMatch(/Quyết định:|Decision:/);
        }
      }
  });

  it('uses the stage and decision names the police use', () => {
    const { body } = renderNotification(statusChanged({ status: 'decided', decision: 'not_initiate' }));
    expect(body).toContain('Tố giác của bạn đã chuyển sang giai đoạn: Đã có quyết định.');
    expect(body).toContain('Quyết định: Không khởi tố vụ án');
    expect(renderNotification(statusChanged({ status: 'verifying', decision: null })).body).toContain(
      'Giai đoạn: Đang xác minh',
    );
    expect(renderNotification(statusChanged({ decision: 'transfer' }, { language: 'en' })).body).toContain(
      'Decision: Transferred to the competent authority',
    );
  });

  it("carries the unit's public message in the e-mail, keeping its paragraphs", () => {
    const message =
      'Đơn vị đã xác minh các tài khoản.\r\n\r\n\r\n\r\nĐề nghị bạn  giữ lại biên lai chuyển tiền.';
    const { body } = renderNotification(statusChanged({ message }));
    expect(body).toContain(
      'Lời nhắn của đơn vị xử lý:\nĐơn vị đã xác minh các tài khoản.\n\nĐề nghị bạn giữ lại biên lai chuyển tiền.',
    );
  });

  it('keeps names on one line and Vietnamese letters composed, whatever the input', () => {
    const decomposed = 'Công an tỉnh\nĐiện Biên'.normalize('NFD');
    const { body } = renderNotification(statusChanged({ handlingUnit: decomposed }));
    expect(body).toContain('Đơn vị xử lý: Công an tỉnh Điện Biên\n');
  });
});

describe('text messages', () => {
  const longUnit = `Phòng Cảnh sát hình sự ${'Công an tỉnh Điện Biên '.repeat(10)}`.trim().slice(0, 200);

  it('stay within two messages for every template, stage, decision and language, even with a long unit name', () => {
    for (const language of languages)
      for (const siteUrl of [undefined, 'https://khien.congan.dienbien.gov.vn'])
        for (const status of Object.keys(STAGE_NAMES))
          for (const decision of [null, ...Object.keys(DECISION_NAMES)]) {
            const { body } = renderNotification(
              statusChanged(
                { status, decision, handlingUnit: longUnit, message: 'Lời nhắn dài. '.repeat(100) },
                { channel: 'sms', language, siteUrl },
              ),
            );
            expect(characters(body)).toBeLessThanOrEqual(SMS_MAX_CHARACTERS);
            expect(body).toContain('TG-7Q2M9XKD');
            expect(body).toContain('/to-giac/theo-doi?ma=TG-7Q2M9XKD');
          }
  });

  it('shorten a long unit name rather than the rest, and leave the message to the tracking page', () => {
    const { body } = renderNotification(
      statusChanged(
        { handlingUnit: longUnit, message: 'Mời bạn đến trụ sở làm việc.' },
        { channel: 'sms', siteUrl: 'https://khien.congan.dienbien.gov.vn' },
      ),
    );
    expect(body).toMatch(
      /^Khiên: Tố giác TG-7Q2M9XKD: Đã có quyết định – Khởi tố vụ án\. Đơn vị: Phòng Cảnh sát/,
    );
    expect(body).toContain('….');
    expect(body).not.toContain(longUnit);
    expect(body).not.toContain('Mời bạn');
    expect(body).toContain('Công an không bao giờ đề nghị chuyển tiền hay cung cấp OTP.');
  });

  it('read in full when short', () => {
    const { body } = renderNotification(received({ channel: 'sms' }));
    expect(body).toBe(
      'Khiên: Đã tiếp nhận tố giác TG-7Q2M9XKD. Đơn vị: Công an tỉnh Điện Biên. Theo dõi tại trang Khiên, ' +
        'mục /to-giac/theo-doi?ma=TG-7Q2M9XKD bằng mã theo dõi và mã bí mật. Công an không bao giờ đề nghị ' +
        'chuyển tiền hay cung cấp OTP.',
    );
  });

  it('hold for any unit name up to 200 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁẢẠẶỆỘỮ -'), maxLength: 200 }),
        fc.constantFrom(...languages),
        (unit, language) => {
          const { body } = renderNotification(
            statusChanged({ handlingUnit: unit }, { channel: 'sms', language, siteUrl: 'https://khien.vn' }),
          );
          return characters(body) <= SMS_MAX_CHARACTERS;
        },
      ),
    );
  });
});

describe('parameters', () => {
  it('are refused when the template does not take them, so no personal data is stored by accident', () => {
    for (const extra of ['secret', 'fullName', 'phone']) {
      expect(() =>
        renderNotification(
          received({ params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: null, [extra]: 'x' } }),
        ),
      ).toThrow(NotificationTemplateError);
    }
  });

  it('are checked', () => {
    const fails = (input: RenderInput, pattern: RegExp) =>
      expect(() => renderNotification(input)).toThrow(pattern);
    fails(received({ params: { trackingCode: 'tg-1', handlingUnit: null } }), /trackingCode/);
    fails(received({ params: { handlingUnit: 'Công an' } }), /trackingCode/);
    fails(
      received({ params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: 42 } }),
      /handlingUnit must be text/,
    );
    fails(statusChanged({ status: 'archived' }), /status must be one of/);
    fails(statusChanged({ decision: 'acquitted' }), /decision must be null or one of/);
    fails(statusChanged({ message: 'x'.repeat(2001) }), /message is longer than 2000/);
    fails(received({ language: 'fr' as NotificationLanguage }), /Unknown language fr/);
    fails(received({ template: 'report.deleted' as RenderInput['template'] }), /Unknown template/);
  });
});

describe("removing the recipient's own address or number", () => {
  it('masks an e-mail address in any letter case', () => {
    const masked = withoutRecipient(
      { trackingCode: 'TG-7Q2M9XKD', message: 'Chúng tôi đã gửi thư tới Nguoi.To.Giac@example.VN hôm qua.' },
      'email',
      'nguoi.to.giac@example.vn',
    );
    expect(masked).toEqual({ trackingCode: 'TG-7Q2M9XKD', message: 'Chúng tôi đã gửi thư tới *** hôm qua.' });
  });

  it('masks a phone number however it is written, and leaves other numbers alone', () => {
    for (const written of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678']) {
      const { message } = withoutRecipient(
        { message: `Đã gọi số ${written}; số tài khoản 1234567890 đã bị phong tỏa.` },
        'sms',
        '+84912345678',
      );
      expect(message).toBe('Đã gọi số ***; số tài khoản 1234567890 đã bị phong tỏa.');
    }
    const other = withoutRecipient({ message: 'Số 0912345679 và 10912345678' }, 'sms', '0912345678');
    expect(other.message).toBe('Số 0912345679 và 10912345678');
  });

  it('leaves numbers and empty values as they are', () => {
    expect(withoutRecipient({ count: 3, unit: null }, 'sms', '0912345678')).toEqual({ count: 3, unit: null });
  });
});

describe('the daily deadline reminder to officers', () => {
  const params = {
    unit: 'Công an thành phố Hà Nội',
    overdue: 2,
    dueSoon: 1,
    codes: 'TG-7Q2M9XKD, TG-ABCDEFGH, TG-23456789',
  };

  it('lists the tracking codes and counts, in Vietnamese and English, with the inbox', () => {
    const vi = renderNotification({
      template: 'reports.deadline_digest',
      language: 'vi',
      channel: 'email',
      params,
      siteUrl: 'https://khien.example.vn/',
    });
    expect(vi.subject).toBe('Khiên: 2 tố giác quá hạn, 1 tố giác sắp đến hạn');
    expect(vi.body).toContain('Điều 147');
    expect(vi.body).toContain('- TG-ABCDEFGH');
    expect(vi.body).toContain('https://khien.example.vn/app/to-giac');
    const en = renderNotification({
      template: 'reports.deadline_digest',
      language: 'en',
      channel: 'email',
      params,
    });
    expect(en.subject).toBe('Khiên: 2 reports overdue, 1 near their deadline');
    expect(en.body).toContain('/app/to-giac (on the Khiên site)');
    const sms = renderNotification({
      template: 'reports.deadline_digest',
      language: 'vi',
      channel: 'sms',
      params,
    });
    expect([...sms.body].length).toBeLessThanOrEqual(320);
  });

  it('refuses anything but tracking codes and whole counts', () => {
    const render = (changes: Record<string, string | number | null>) =>
      renderNotification({
        template: 'reports.deadline_digest',
        language: 'vi',
        channel: 'email',
        params: { ...params, ...changes },
      });
    expect(() => render({ codes: 'TG-7Q2M9XKD, 0912345678' })).toThrow(NotificationTemplateError);
    expect(() => render({ codes: '' })).toThrow(NotificationTemplateError);
    expect(() => render({ overdue: -1 })).toThrow(NotificationTemplateError);
    expect(() => render({ dueSoon: 1.5 })).toThrow(NotificationTemplateError);
    expect(() => render({ unit: null })).toThrow(NotificationTemplateError);
    expect(() => render({ reporter: 'Nguyễn Văn A' })).toThrow(NotificationTemplateError);
  });
});

describe('the message about an overdue inter-agency request', () => {
  const params = {
    code: 'YC-7Q2M9XKD',
    type: 'hold',
    level: 1,
    unit: 'Ngân hàng TMCP Ngoại thương Việt Nam',
    minutes: 45,
  };
  const render = (changes: Record<string, string | number | null> = {}, language: 'vi' | 'en' = 'vi') =>
    renderNotification({
      template: 'request.overdue',
      language,
      channel: 'email',
      params: { ...params, ...changes },
      siteUrl: 'https://khien.example.vn',
    });

  it('names the request, what it asks, whom and how late, with the inbox', () => {
    const vi = render();
    expect(vi.subject).toBe('Khiên: yêu cầu YC-7Q2M9XKD (phong tỏa, tạm dừng giao dịch) quá hạn 45 phút');
    expect(vi.body).toContain('gửi Ngân hàng TMCP Ngoại thương Việt Nam');
    expect(vi.body).toContain('https://khien.example.vn/app/yeu-cau');
    const en = render({ level: 2, minutes: 300 }, 'en');
    expect(en.subject).toBe(
      'Khiên: request YC-7Q2M9XKD (hold (freeze)) overdue by 5 hours — supervising authority told',
    );
  });

  it('refuses anything but a request code, a known type and levels 1 or 2', () => {
    expect(() => render({ code: 'TG-7Q2M9XKD' })).toThrow(NotificationTemplateError);
    expect(() => render({ type: 'wiretap' })).toThrow(NotificationTemplateError);
    expect(() => render({ level: 3 })).toThrow(NotificationTemplateError);
    expect(() => render({ unit: '' })).toThrow(NotificationTemplateError);
    expect(() => render({ holder: 'Nguyễn Văn A' })).toThrow(NotificationTemplateError);
  });
});
