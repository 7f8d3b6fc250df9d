import { CreateReportRequest, CreateStaffReportRequest } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import {
  emptyReport,
  fieldId,
  fieldOrder,
  formFieldOf,
  identifierRow,
  isReportCode,
  localDateTimeToIso,
  localDay,
  normaliseReportCode,
  orderedErrorFields,
  reportFormData,
  toReportRequest,
  toStaffReportRequest,
  transferRow,
  type ReportValues,
} from './requests';
import { reportErrors, serverReportErrors, staffRules } from './validate';

const story = 'Có người gọi xưng là nhân viên ngân hàng, bảo tôi chuyển tiền để “xác minh tài khoản”.';

function filled(overrides: Partial<ReportValues> = {}): ReportValues {
  return {
    ...emptyReport({ identifiers: ['0905 333 444'], scamMethod: 'impersonate_bank' }, 'vi'),
    story,
    provinceCode: '11',
    anonymous: true,
    ...overrides,
  };
}

/** The server's answer to a request its schema refuses. */
function refused(errors: { path: string; message: string }[]): ApiError {
  return new ApiError({ status: 400, code: 'validation.failed', title: 'Bad Request', errors });
}

describe('emptyReport', () => {
  it('starts with the prefilled identifiers, or one empty row to type in', () => {
    const prefilled = emptyReport(
      { identifiers: ['0905 333 444', 'https://a.vn'], scamMethod: 'loans' },
      'en',
    );
    expect(prefilled.identifiers.map((row) => row.value)).toEqual(['0905 333 444', 'https://a.vn']);
    expect(prefilled.scamMethod).toBe('loans');
    expect(prefilled.language).toBe('en');
    const empty = emptyReport({ identifiers: [], scamMethod: null }, 'vi');
    expect(empty.identifiers.map((row) => row.value)).toEqual(['']);
    expect(empty.scamMethod).toBe('');
    expect(new Set([...prefilled.identifiers, ...empty.identifiers].map((row) => row.key)).size).toBe(3);
  });
});

describe('toReportRequest', () => {
  it('leaves out blank rows, empty optional fields and, when anonymous, the contact', () => {
    const transfer = { ...transferRow(), toBank: ' MB Bank ', toAccount: ' 0123456789 ', amount: '5000000' };
    const { request, rows } = toReportRequest(
      filled({
        identifiers: [
          identifierRow('  '),
          identifierRow(' 0905 333 444 '),
          identifierRow('https://vcb-hotro.com'),
        ],
        transfers: [transferRow(), transfer],
        channels: ['phone_call', 'zalo'],
        fullName: 'Typed before choosing anonymous',
      }),
    );
    expect(rows).toEqual({ identifiers: [1, 2], transfers: [1] });
    expect(CreateReportRequest.parse(request)).toEqual({
      scamMethod: 'impersonate_bank',
      channels: ['phone_call', 'zalo'],
      identifiers: ['0905 333 444', 'https://vcb-hotro.com'],
      transfers: [{ toBank: 'MB Bank', toAccount: '0123456789', amountVnd: 5_000_000 }],
      story,
      provinceCode: '11',
      language: 'vi',
    });
  });

  it('sends the contact, the day, the transfer time and an edited total', () => {
    const { request } = toReportRequest(
      filled({
        anonymous: false,
        fullName: ' Nguyễn Thị Hoa ',
        phone: '0912 000 111',
        email: '',
        occurredAt: '2026-11-20',
        communeCode: '03151',
        transfers: [{ ...transferRow(), toAccount: '0123456789', amount: '2000000', at: '2026-11-20T09:30' }],
        totalLoss: '2500000',
        totalLossEdited: true,
      }),
    );
    const parsed = CreateReportRequest.parse(request);
    expect(parsed.contact).toEqual({ fullName: 'Nguyễn Thị Hoa', phone: '0912 000 111' });
    expect(parsed.occurredAt).toBe('2026-11-20');
    expect(parsed.communeCode).toBe('03151');
    expect(parsed.totalLossVnd).toBe(2_500_000);
    expect(parsed.transfers[0]?.at).toBe(new Date('2026-11-20T09:30').toISOString());
  });

  it('lets the server add up the transfers while the total was not changed', () => {
    const { request } = toReportRequest(filled({ totalLoss: '999', totalLossEdited: false }));
    expect(request.totalLossVnd).toBeUndefined();
    expect(
      toReportRequest(filled({ totalLoss: '', totalLossEdited: true })).request.totalLossVnd,
    ).toBeUndefined();
  });
});

describe('toStaffReportRequest', () => {
  it('adds how the report came in, sends a time of day as an instant and each identifier once', () => {
    const { request, rows } = toStaffReportRequest(
      filled({
        channel: 'hotline',
        occurredAt: '2026-11-20T09:30',
        identifiers: ['0905 333 444', '', ' 0905 333 444 ', 'https://a.vn'].map((value) =>
          identifierRow(value),
        ),
        story: 'Gọi hỏi',
      }),
    );
    expect(rows.identifiers).toEqual([0, 3]);
    expect(CreateStaffReportRequest.parse(request)).toMatchObject({
      channel: 'hotline',
      occurredAt: new Date(2026, 10, 20, 9, 30).toISOString(),
      identifiers: ['0905 333 444', 'https://a.vn'],
      story: 'Gọi hỏi',
    });
    expect(toReportRequest(filled()).request).not.toHaveProperty('channel');
  });
});

describe('errors by field', () => {
  it('finds what the server would refuse, beside the row it comes from', () => {
    const errors = reportErrors(
      filled({
        scamMethod: '',
        story: 'Bị lừa',
        provinceCode: null,
        identifiers: [identifierRow(''), identifierRow('0905 333 444')],
        transfers: [transferRow(), { ...transferRow(), toAccount: '12', amount: '0' }],
        anonymous: false,
        fullName: 'H',
      }),
    );
    expect(errors).toEqual({
      scamMethod: vi.fieldErrors.required,
      story: vi.fieldErrors.story.too_short,
      provinceCode: vi.fieldErrors.required,
      'transfers.1.toAccount': 'Số tài khoản, số ví cần ít nhất 4 ký tự.',
      'transfers.1.amount': 'Số tiền phải lớn hơn 0 đồng.',
      fullName: vi.fieldErrors.name.too_short,
      phone: 'Cần ít nhất số điện thoại hoặc email để liên lạc với bạn.',
    });
    expect(reportErrors(filled())).toEqual({});
  });

  it('asks staff for a channel and a story of 5 characters, in the intake words', () => {
    expect(reportErrors(filled({ story: 'Gọi' }), staffRules)).toEqual({
      channel: vi.fieldErrors.required,
      story: vi.reports.intake.storyTooShort,
    });
    expect(reportErrors(filled({ channel: 'walk_in', story: 'Gọi hỏi' }), staffRules)).toEqual({});
    const tooShort = refused([
      { path: 'body.story', message: 'story.too_short' },
      { path: 'body.channel', message: 'Invalid option' },
    ]);
    expect(serverReportErrors(tooShort, { identifiers: [], transfers: [] }, staffRules)).toEqual({
      story: vi.reports.intake.storyTooShort,
      channel: 'Invalid option',
    });
  });

  it('puts the server field errors on the form rows of the request that was sent', () => {
    const rows = { identifiers: [1, 3], transfers: [2] };
    const error = refused([
      { path: 'body.transfers.0.amountVnd', message: 'amount.invalid' },
      { path: '/body/identifiers/1', message: 'Too long' },
      { path: 'body.contact.email', message: 'email.invalid' },
      { path: 'body.totalLossVnd', message: 'amount.invalid' },
      { path: 'body.report', message: 'Unreadable' },
    ]);
    expect(serverReportErrors(error, rows)).toEqual({
      'transfers.2.amount': 'Số tiền phải lớn hơn 0 đồng.',
      'identifiers.3.value': 'Too long',
      email: expect.any(String),
      totalLoss: 'Số tiền phải lớn hơn 0 đồng.',
    });
    const tooLarge = new ApiError({ status: 413, code: 'evidence.too_large', title: 'Payload Too Large' });
    expect(serverReportErrors(tooLarge, rows)).toEqual({ evidence: vi.errors.evidence.too_large });
    expect(serverReportErrors(new Error('boom'), rows)).toEqual({});
  });

  it('maps request paths to form fields', () => {
    const rows = { identifiers: [0, 2], transfers: [1] };
    expect(formFieldOf('identifiers.1', rows)).toBe('identifiers.2.value');
    expect(formFieldOf('identifiers', rows)).toBe('identifiers');
    expect(formFieldOf('identifiers.7', rows)).toBe('identifiers');
    expect(formFieldOf('transfers.0.at', rows)).toBe('transfers.1.at');
    expect(formFieldOf('transfers.0', rows)).toBe('transfers');
    expect(formFieldOf('contact.phone', rows)).toBe('phone');
    expect(formFieldOf('contact', rows)).toBe('fullName');
    expect(formFieldOf('story', rows)).toBe('story');
    expect(fieldId('transfers.1.amount')).toBe('report-transfers-1-amount');
  });

  it('lists errors in the order of the fields on screen', () => {
    const order = fieldOrder({ identifiers: [identifierRow()], transfers: [transferRow()] });
    expect(order.slice(0, 5)).toEqual([
      'scamMethod',
      'occurredAt',
      'channels',
      'identifiers.0.value',
      'identifiers',
    ]);
    expect(order).toContain('transfers.0.amount');
    expect(
      orderedErrorFields({ phone: 'x', story: 'y', other: 'z', scamMethod: 'w', email: null }, order),
    ).toEqual(['scamMethod', 'story', 'phone', 'other']);
  });
});

describe('reportFormData', () => {
  it('sends the report as JSON first, then each file as evidence', () => {
    const request = CreateReportRequest.parse(toReportRequest(filled()).request);
    const files = [
      new File([new Uint8Array([0x89, 0x50])], 'bien-lai.png', { type: 'image/png' }),
      new File(['%PDF'], 'sao-ke.pdf', { type: 'application/pdf' }),
    ];
    const body = reportFormData(request, files);
    expect([...body.keys()]).toEqual(['report', 'evidence', 'evidence']);
    expect(JSON.parse(body.get('report') as string)).toEqual(request);
    expect(body.getAll('evidence').map((file) => (file as File).name)).toEqual([
      'bien-lai.png',
      'sao-ke.pdf',
    ]);
  });
});

describe('tracking codes and times', () => {
  it('reads a code as it is typed or read out on the phone', () => {
    expect(normaliseReportCode('TG-7Q2M9XKD')).toBe('TG-7Q2M9XKD');
    expect(normaliseReportCode(' tg 7q2m 9xkd ')).toBe('TG-7Q2M9XKD');
    expect(normaliseReportCode('tg7q2m9xkd')).toBe('TG-7Q2M9XKD');
    expect(normaliseReportCode('7q2m9xkd')).toBe('TG-7Q2M9XKD');
    expect(normaliseReportCode(' kn-7q2m9xkd ')).toBe('KN-7Q2M9XKD');
    expect(isReportCode('TG-7Q2M9XKD')).toBe(true);
    expect(isReportCode('KN-7Q2M9XKD')).toBe(false);
    expect(isReportCode('tg-7q2m9xkd')).toBe(false);
  });

  it('turns the device time of a transfer into an instant and ignores what is not a time', () => {
    expect(localDateTimeToIso('2026-11-20T09:30')).toBe(new Date(2026, 10, 20, 9, 30).toISOString());
    expect(localDateTimeToIso('')).toBeUndefined();
    expect(localDateTimeToIso('hôm qua')).toBeUndefined();
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('messages', () => {
  it('has words in both languages for the codes a report can be refused with', () => {
    for (const resource of [vi, en]) {
      expect(Object.keys(resource.errors.report)).toEqual(
        expect.arrayContaining(['duplicate', 'not_found', 'unknown_area']),
      );
      expect(Object.keys(resource.errors.evidence)).toEqual(['too_large', 'type_not_allowed', 'too_many']);
      for (const group of [
        'story',
        'province',
        'commune',
        'amount',
        'account',
        'identifiers',
        'transfers',
      ] as const)
        expect(resource.fieldErrors[group], group).toBeDefined();
    }
    expect(vi.reportForm.status.received).toBe('Đã tiếp nhận');
    expect(vi.reportForm.reportNow).toBe('Tố giác ngay');
    expect(en.reportForm.reportNow).toBe('Report it');
  });
});
