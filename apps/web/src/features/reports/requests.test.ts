import {
  AddCaseReportsRequest,
  AssignReportRequest,
  ChangeReportStatusRequest,
  CreateCaseRequest,
  ExtendReportDeadlineRequest,
  TransferReportRequest,
  type LinkedReport,
} from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { formatBytes, groupHash } from './format';
import { evidenceHref, reportPath } from './links';
import {
  decisionsFor,
  groupCandidates,
  groupReportIds,
  toAddReportsRequest,
  toAssignRequest,
  toCreateCaseRequest,
  toExtendRequest,
  toStatusRequest,
  toTransferRequest,
} from './requests';

const REPORT_ID = '0190f0c0-0000-7000-8000-000000000001';
const OTHER_ID = '0190f0c0-0000-7000-8000-000000000002';
const THIRD_ID = '0190f0c0-0000-7000-8000-000000000003';
const CASE_ID = '0190f0c0-0000-7000-8000-0000000000ca';

/** The text at a dotted key of a resource, or undefined. */
const textAt = (resource: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? Reflect.get(node, part) : undefined),
      resource,
    );

describe('handling requests', () => {
  it('changes the status with a decision, grounds and an optional message', () => {
    const request = toStatusRequest('decided', {
      decision: 'initiate_case',
      reason: '  Đủ căn cứ khởi tố  ',
      publicMessage: ' ',
    });
    expect(request).toEqual({
      to: 'decided',
      decision: 'initiate_case',
      reason: 'Đủ căn cứ khởi tố',
      publicMessage: undefined,
    });
    expect(ChangeReportStatusRequest.safeParse(request).success).toBe(true);
    const short = ChangeReportStatusRequest.safeParse(
      toStatusRequest('verifying', { decision: '', reason: 'ok', publicMessage: 'Đã tiếp nhận' }),
    );
    expect(short.error?.issues[0]?.message).toBe('reason.too_short');
  });

  it('offers the decisions of the status table for a move', () => {
    const report = {
      allowedTransitions: [
        { to: 'verifying' as const, decisions: [] },
        { to: 'decided' as const, decisions: ['initiate_case' as const, 'not_initiate' as const] },
      ],
    };
    expect(decisionsFor(report, 'decided')).toEqual(['initiate_case', 'not_initiate']);
    expect(decisionsFor(report, 'verifying')).toEqual([]);
    expect(decisionsFor(report, 'closed')).toEqual([]);
  });

  it('assigns, unassigns, transfers and extends as the contract says', () => {
    expect(toAssignRequest({ userId: OTHER_ID, reason: '' })).toEqual({
      userId: OTHER_ID,
      reason: undefined,
    });
    expect(toAssignRequest({ userId: '', reason: ' Nghỉ phép ' })).toEqual({
      userId: null,
      reason: 'Nghỉ phép',
    });
    expect(AssignReportRequest.safeParse(toAssignRequest({ userId: '', reason: '' })).success).toBe(true);

    expect(
      TransferReportRequest.safeParse(toTransferRequest({ agencyId: null, reason: 'Sai địa bàn' })).success,
    ).toBe(false);
    expect(
      TransferReportRequest.safeParse(toTransferRequest({ agencyId: OTHER_ID, reason: ' Sai địa bàn ' }))
        .data,
    ).toEqual({ agencyId: OTHER_ID, reason: 'Sai địa bàn' });

    const extend = toExtendRequest({ extension: 'complex', months: '1', reason: 'Phải xác minh ở 3 tỉnh' });
    expect(ExtendReportDeadlineRequest.parse(extend)).toEqual({
      extension: 'complex',
      months: 1,
      reason: 'Phải xác minh ở 3 tỉnh',
    });
    expect(
      ExtendReportDeadlineRequest.safeParse(toExtendRequest({ extension: '', months: '2', reason: 'abcde' }))
        .success,
    ).toBe(false);
  });
});

describe('grouping into a case', () => {
  const linked = (id: string, caseId: string | null): LinkedReport => ({
    id,
    trackingCode: `TG-${id.slice(-8).toUpperCase()}`,
    provinceCode: '11',
    status: 'received',
    receivedAt: '2026-11-20T00:00:00.000Z',
    scamMethod: 'loans',
    handlingAgencyName: null,
    caseId,
    sharedIdentifiers: ['0905 111 222'],
  });

  it('opens a case with the report and the linked reports in no case yet', () => {
    const report = {
      id: REPORT_ID,
      caseId: null,
      linkedReports: [linked(OTHER_ID, null), linked(THIRD_ID, CASE_ID)],
    };
    const { candidates, preselected } = groupCandidates(report);
    expect(candidates.map((item) => item.id)).toEqual([OTHER_ID, THIRD_ID]);
    expect(preselected).toEqual([OTHER_ID]);
    const ids = groupReportIds(report, preselected);
    expect(ids).toEqual([REPORT_ID, OTHER_ID]);
    const request = toCreateCaseRequest(
      { mode: 'new', title: ' Đường dây vay tiền ', caseId: null, reason: ' Cùng số điện thoại ' },
      ids,
    );
    expect(CreateCaseRequest.parse(request)).toEqual({
      title: 'Đường dây vay tiền',
      reportIds: [REPORT_ID, OTHER_ID],
      reason: 'Cùng số điện thoại',
    });
  });

  it('adds only the others to the report’s own case', () => {
    const report = {
      id: REPORT_ID,
      caseId: CASE_ID,
      linkedReports: [linked(OTHER_ID, null), linked(THIRD_ID, CASE_ID)],
    };
    const { candidates, preselected } = groupCandidates(report);
    expect(candidates.map((item) => item.id)).toEqual([OTHER_ID]);
    expect(groupReportIds(report, preselected)).toEqual([OTHER_ID]);
    expect(
      AddCaseReportsRequest.safeParse(
        toAddReportsRequest({ mode: 'existing', title: '', caseId: CASE_ID, reason: 'Cùng tài khoản' }, [
          OTHER_ID,
        ]),
      ).success,
    ).toBe(true);
    expect(groupReportIds(report, [])).toEqual([]);
  });
});

describe('format and links', () => {
  it('writes sizes the Vietnamese and the English way', () => {
    expect(formatBytes(512, 'vi-VN')).toBe('512 B');
    expect(formatBytes(1536, 'vi-VN')).toBe('1,5 KB');
    expect(formatBytes(1_258_291, 'en-GB')).toBe('1.2 MB');
  });

  it('groups a hash for reading by eye', () => {
    expect(groupHash('a'.repeat(64)).split(' ')).toHaveLength(8);
  });

  it('links to the report and to its evidence', () => {
    expect(reportPath(REPORT_ID)).toBe(`/app/to-giac/${REPORT_ID}`);
    expect(evidenceHref(REPORT_ID, OTHER_ID)).toBe(`/api/reports/${REPORT_ID}/evidence/${OTHER_ID}`);
  });
});

describe('messages', () => {
  it('has Vietnamese and English words for the codes of reports and cases', () => {
    const errorCodes = [
      'report.transition_not_allowed',
      'report.decision_required',
      'report.extension_not_allowed',
      'report.transfer_target_invalid',
      'report.assignee_invalid',
      'report.unknown_area',
      'case.not_found',
      'case.report_out_of_reach',
    ];
    const fieldCodes = ['title.too_short', 'reason.too_short', 'amount.invalid', 'account.too_short'];
    const keys = [
      ...errorCodes.map((code) => `errors.${code}`),
      ...fieldCodes.map((code) => `fieldErrors.${code}`),
    ];
    for (const resource of [vi, en]) {
      expect(keys.filter((key) => typeof textAt(resource, key) !== 'string')).toEqual([]);
    }
  });

  it('says the deadline in words, Vietnamese first', () => {
    expect(vi.reports.deadline.overdueBy_other).toBe('Quá hạn {{count}} ngày');
    expect(vi.reports.status.verifying).toBe('Đang kiểm tra, xác minh');
    expect(en.reports.deadline.daysLeft_one).toBe('{{count}} day left');
  });
});
