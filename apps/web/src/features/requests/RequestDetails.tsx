import { Alert, Anchor, Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import {
  DomainOwnerInfoAnswerBody,
  DomainOwnerInfoDetails,
  HoldAnswerBody,
  HoldDetails,
  HoldReviewAnswerBody,
  HoldReviewDetails,
  NoticeAnswerBody,
  ReleaseAnswerBody,
  ReleaseDetails,
  SimActionAnswerBody,
  SimActionDetails,
  SubscriberInfoAnswerBody,
  SubscriberInfoDetails,
  SuspiciousAccountNoticeDetails,
  TakedownAnswerBody,
  TakedownDetails,
  type AgencyRequestDetail,
} from '@khien/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { SectionCard } from '../../ui/SectionCard';
import { Fact } from '../appeals/AppealStatusCard';
import { groupHash } from '../reports/format';
import { casePath, reportPath } from '../reports/links';
import { formatVnd } from '../registry/format';
import { requestPath } from './links';
import { DataTable } from '../../ui/DataTable';

function Mono({ children }: { children: ReactNode }) {
  return (
    <Text span className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  );
}

function Phones({ phones }: { phones: readonly string[] }) {
  return (
    <Group gap={4} mt={2}>
      {phones.map((phone) => (
        <Badge key={phone} variant="outline" color="gray" tt="none" className="khien-mono">
          {phone}
        </Badge>
      ))}
    </Group>
  );
}

/** What was asked, by type: the account and amount of a hold, the numbers, the domain, the target… */
export function AskedCard({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="request-asked" title={t('requests.detail.askedTitle')} testId="request-asked">
      <Text fw={600} mb="sm" data-testid="request-type" data-type={request.type}>
        {t(`requests.type.${request.type}`)}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" data-testid="request-details">
        <DetailFacts request={request} />
        <Fact label={t('requests.detail.legalBasis')} wide>
          <span data-testid="request-legal-basis">{request.legalBasis}</span>
        </Fact>
        <Fact label={t('requests.detail.reason')} wide>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-reason">
            {request.reason}
          </Text>
        </Fact>
        {request.reportId && (
          <Fact label={t('requests.detail.report')}>
            <Anchor
              component={Link}
              to={reportPath(request.reportId)}
              className="khien-mono"
              fw={600}
              data-testid="request-report-link"
            >
              {request.reportTrackingCode ?? `${request.reportId.slice(0, 8)}…`}
            </Anchor>
          </Fact>
        )}
        {request.caseId && (
          <Fact label={t('requests.detail.case')}>
            <Anchor component={Link} to={casePath(request.caseId)} className="khien-mono">
              {`${request.caseId.slice(0, 8)}…`}
            </Anchor>
          </Fact>
        )}
        {request.parentId && (
          <Fact label={t('requests.detail.parent')}>
            <Anchor component={Link} to={requestPath(request.parentId)} data-testid="request-parent-link">
              {t('requests.detail.parentLink')}
            </Anchor>
          </Fact>
        )}
      </SimpleGrid>
    </SectionCard>
  );
}

function HoldLink({ holdRequestId }: { holdRequestId: string }) {
  const { t } = useTranslation();
  return (
    <Fact label={t('requests.detail.holdRequest')}>
      <Anchor component={Link} to={requestPath(holdRequestId)} data-testid="request-hold-link">
        {t('requests.type.hold')}
      </Anchor>
    </Fact>
  );
}

function DetailFacts({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  const details = request.details;
  switch (request.type) {
    case 'hold': {
      const parsed = HoldDetails.safeParse(details);
      if (!parsed.success) break;
      const hold = parsed.data;
      return (
        <>
          <Fact label={t('requests.detail.bank')}>{hold.account.bank}</Fact>
          <Fact label={t('requests.detail.account')}>
            <Mono>
              <span data-testid="request-account">{hold.account.account}</span>
            </Mono>
          </Fact>
          <Fact label={t('requests.detail.amount')}>
            <Text span fw={700} data-testid="request-amount">
              {formatVnd(hold.amountVnd)}
            </Text>
          </Fact>
          <Fact label={t('requests.detail.durationHours')}>
            {t('requests.detail.hours', { count: hold.durationHours })}
          </Fact>
        </>
      );
    }
    case 'release': {
      const parsed = ReleaseDetails.safeParse(details);
      if (!parsed.success) break;
      return (
        <>
          <HoldLink holdRequestId={parsed.data.holdRequestId} />
          <Fact label={t('requests.detail.releaseAmount')}>
            <Text span fw={700}>
              {formatVnd(parsed.data.amountVnd)}
            </Text>
          </Fact>
        </>
      );
    }
    case 'hold_review': {
      const parsed = HoldReviewDetails.safeParse(details);
      if (!parsed.success) break;
      return (
        <>
          <HoldLink holdRequestId={parsed.data.holdRequestId} />
          {parsed.data.holderObjection && (
            <Fact label={t('requests.detail.holderObjection')} wide>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{parsed.data.holderObjection}</Text>
            </Fact>
          )}
        </>
      );
    }
    case 'subscriber_info': {
      const parsed = SubscriberInfoDetails.safeParse(details);
      if (!parsed.success) break;
      return (
        <Fact label={t('requests.detail.phones')} wide>
          <Phones phones={parsed.data.phones} />
        </Fact>
      );
    }
    case 'domain_owner_info': {
      const parsed = DomainOwnerInfoDetails.safeParse(details);
      if (!parsed.success) break;
      return (
        <Fact label={t('requests.detail.domain')} wide>
          <Mono>{parsed.data.domain}</Mono>
        </Fact>
      );
    }
    case 'takedown': {
      const parsed = TakedownDetails.safeParse(details);
      if (!parsed.success) break;
      const takedown = parsed.data;
      return (
        <>
          <Fact label={t('requests.detail.target')} wide>
            <Mono>{takedown.target}</Mono>
          </Fact>
          <Fact label={t('requests.detail.category')}>{t(`requests.category.${takedown.category}`)}</Fact>
          <Fact label={t('requests.detail.seenAt')}>{formatDateTime(takedown.evidence.seenAt)}</Fact>
          {takedown.evidence.url && (
            <Fact label={t('requests.detail.evidenceUrl')} wide>
              <Mono>{takedown.evidence.url}</Mono>
            </Fact>
          )}
          {takedown.evidence.captureSha256 && (
            <Fact label={t('requests.detail.captureSha256')} wide>
              <Text size="sm" className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
                {groupHash(takedown.evidence.captureSha256)}
              </Text>
            </Fact>
          )}
        </>
      );
    }
    case 'sim_action': {
      const parsed = SimActionDetails.safeParse(details);
      if (!parsed.success) break;
      return (
        <>
          <Fact label={t('requests.detail.simAction')}>{t(`requests.simAction.${parsed.data.action}`)}</Fact>
          <Fact label={t('requests.detail.phones')} wide>
            <Phones phones={parsed.data.phones} />
          </Fact>
        </>
      );
    }
    case 'suspicious_account_notice': {
      const parsed = SuspiciousAccountNoticeDetails.partial().safeParse(details);
      if (!parsed.success) break;
      const notice = parsed.data;
      return (
        <>
          <Fact label={t('requests.detail.bank')}>{notice.account?.bank ?? t('common.none')}</Fact>
          <Fact label={t('requests.detail.account')}>
            <Mono>{notice.account?.account ?? t('common.none')}</Mono>
          </Fact>
          <Fact label={t('requests.detail.reasonCode')}>{notice.reasonCode ?? t('common.none')}</Fact>
          {notice.holderName ? (
            <>
              <Fact label={t('requests.detail.holderName')}>{notice.holderName}</Fact>
              <Fact label={t('requests.detail.idNumber')}>
                <Mono>{notice.idNumber ?? t('common.none')}</Mono>
              </Fact>
              {notice.ebankingPhone && (
                <Fact label={t('requests.detail.ebankingPhone')}>
                  <Mono>{notice.ebankingPhone}</Mono>
                </Fact>
              )}
            </>
          ) : (
            <Fact label={t('requests.detail.holderName')} wide>
              <Text size="sm" c="dimmed">
                {t('requests.detail.personalHidden')}
              </Text>
            </Fact>
          )}
        </>
      );
    }
  }
  return <RawFacts record={details} />;
}

/** Anything a schema did not recognise, shown as it came, rather than hidden. */
function RawFacts({ record }: { record: Record<string, unknown> }) {
  return (
    <>
      {Object.entries(record).map(([key, value]) => (
        <Fact key={key} label={key} wide>
          <Mono>{typeof value === 'string' ? value : JSON.stringify(value)}</Mono>
        </Fact>
      ))}
    </>
  );
}

/** The recipient's answer, the refusal or the cancellation. */
export function AnswerCard({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  let content: ReactNode;
  if (request.status === 'refused') {
    content = (
      <Alert color="red" variant="light" title={t('requests.detail.refusal')} data-testid="request-refusal">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{request.refusalReason}</Text>
      </Alert>
    );
  } else if (request.status === 'cancelled') {
    content = <Text c="dimmed">{t('requests.detail.cancelled')}</Text>;
  } else if (!request.answer) {
    content = <Text c="dimmed">{t('requests.detail.noAnswer')}</Text>;
  } else {
    content = (
      <Stack gap="sm">
        {request.reappeared && (
          <Alert
            color="red"
            variant="light"
            title={t('requests.reappeared.badge')}
            data-testid="request-reappeared-alert"
          >
            {t('requests.reappeared.detail', {
              count: request.reappeared.reports,
              date: formatDateTime(request.reappeared.lastReportedAt),
            })}
          </Alert>
        )}
        <AnswerFacts request={request} answer={request.answer} />
      </Stack>
    );
  }
  return (
    <SectionCard id="request-answer" title={t('requests.detail.answerTitle')} testId="request-answer-card">
      {content}
    </SectionCard>
  );
}

function Note({ note }: { note: string | undefined }) {
  const { t } = useTranslation();
  if (!note) return null;
  return (
    <Fact label={t('requests.answerView.note')} wide>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{note}</Text>
    </Fact>
  );
}

function AnswerFacts({ request, answer }: { request: AgencyRequestDetail; answer: Record<string, unknown> }) {
  const { t } = useTranslation();
  switch (request.type) {
    case 'hold': {
      const parsed = HoldAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      const hold = parsed.data;
      const asked = request.amountVnd ?? 0;
      const missing = Math.max(0, asked - hold.heldVnd);
      return (
        <Stack gap="md">
          {missing > 0 ? (
            <Alert color="orange" variant="light" data-testid="request-hold-partial">
              {t('requests.answerView.partial', { amount: formatVnd(missing) })}
            </Alert>
          ) : (
            <Alert color="teal" variant="light" data-testid="request-hold-full">
              {t('requests.answerView.full')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <Fact label={t('requests.answerView.held')}>
              <Text span fw={700} data-testid="request-held">
                {formatVnd(hold.heldVnd)}
              </Text>
            </Fact>
            <Fact label={t('requests.answerView.balance')}>{formatVnd(hold.balanceVnd)}</Fact>
            <Fact label={t('requests.answerView.confirmation')}>
              <Mono>{hold.confirmation}</Mono>
            </Fact>
            <Note note={hold.note} />
          </SimpleGrid>
          <div>
            <Text fw={700} size="sm" mb={4}>
              {t('requests.answerView.onwardTitle')}
            </Text>
            {hold.onwardTransfers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('requests.answerView.onwardEmpty')}
              </Text>
            ) : (
              <List size="sm" spacing={4} data-testid="request-onward">
                {hold.onwardTransfers.map((transfer, index) => (
                  <List.Item key={`${transfer.account}-${index}`}>
                    <Mono>
                      {transfer.bank} {transfer.account}
                    </Mono>
                    {' · '}
                    <Text span fw={600}>
                      {formatVnd(transfer.amountVnd)}
                    </Text>
                    {' · '}
                    {formatDateTime(transfer.at)}
                    {transfer.reference && (
                      <>
                        {' · '}
                        <Mono>{transfer.reference}</Mono>
                      </>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </Stack>
      );
    }
    case 'release': {
      const parsed = ReleaseAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('requests.answerView.released')}>
            <Text span fw={700}>
              {formatVnd(parsed.data.releasedVnd)}
            </Text>
          </Fact>
          <Fact label={t('requests.answerView.confirmation')}>
            <Mono>{parsed.data.confirmation}</Mono>
          </Fact>
          <Note note={parsed.data.note} />
        </SimpleGrid>
      );
    }
    case 'hold_review': {
      const parsed = HoldReviewAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('requests.answerView.decision')}>
            <Text span fw={700}>
              {t(`requests.reviewDecision.${parsed.data.decision}`)}
            </Text>
          </Fact>
          <Note note={parsed.data.note} />
        </SimpleGrid>
      );
    }
    case 'subscriber_info': {
      const parsed = SubscriberInfoAnswerBody.partial().safeParse(answer);
      if (!parsed.success) break;
      const subscribers = parsed.data.subscribers ?? [];
      return (
        <Stack gap="sm">
          {subscribers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('requests.detail.personalHidden')}
            </Text>
          ) : (
            <DataTable
              minWidth={640}
              testId="request-subscribers"
              label={t('requests.answerView.subscribersTitle')}
              head={
                <>
                  <Table.Th scope="col">{t('requests.answerView.phone')}</Table.Th>
                  <Table.Th scope="col">{t('requests.answerView.status')}</Table.Th>
                  <Table.Th scope="col">{t('requests.answerView.holderName')}</Table.Th>
                  <Table.Th scope="col">{t('requests.answerView.idNumber')}</Table.Th>
                  <Table.Th scope="col">{t('requests.answerView.registeredAt')}</Table.Th>
                  <Table.Th scope="col">{t('requests.answerView.address')}</Table.Th>
                </>
              }
            >
              {subscribers.map((row) => (
                <Table.Tr key={row.phone}>
                  <Table.Td className="khien-mono" style={{ whiteSpace: 'nowrap' }}>
                    {row.phone}
                  </Table.Td>
                  <Table.Td>{t(`requests.subscriberStatus.${row.status}`)}</Table.Td>
                  <Table.Td>{row.holderName ?? t('common.none')}</Table.Td>
                  <Table.Td className="khien-mono" style={{ whiteSpace: 'nowrap' }}>
                    {row.idNumber ?? t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    {row.registeredAt ? formatDateTime(row.registeredAt) : t('common.none')}
                  </Table.Td>
                  <Table.Td>{row.address ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
          <SimpleGrid cols={1}>
            <Note note={parsed.data.note} />
          </SimpleGrid>
        </Stack>
      );
    }
    case 'domain_owner_info': {
      const parsed = DomainOwnerInfoAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      const owner = parsed.data;
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('requests.answerView.registrant')}>
            {owner.registrant ?? t('requests.detail.personalHidden')}
          </Fact>
          <Fact label={t('requests.answerView.registrar')}>{owner.registrar ?? t('common.none')}</Fact>
          <Fact label={t('requests.answerView.hostingProvider')}>
            {owner.hostingProvider ?? t('common.none')}
          </Fact>
          <Fact label={t('requests.answerView.registeredAt')}>
            {owner.registeredAt ? formatDateTime(owner.registeredAt) : t('common.none')}
          </Fact>
          <Fact label={t('requests.answerView.ipAddresses')} wide>
            <Mono>{owner.ipAddresses.length > 0 ? owner.ipAddresses.join(', ') : t('common.none')}</Mono>
          </Fact>
          <Note note={owner.note} />
        </SimpleGrid>
      );
    }
    case 'takedown': {
      const parsed = TakedownAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('requests.answerView.doneAt')}>
            <Text span fw={700}>
              {formatDateTime(parsed.data.doneAt)}
            </Text>
          </Fact>
          <Note note={parsed.data.note} />
        </SimpleGrid>
      );
    }
    case 'sim_action': {
      const parsed = SimActionAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('requests.answerView.outcome')}>
            {t(`requests.simOutcome.${parsed.data.outcome}`)}
          </Fact>
          <Fact label={t('requests.answerView.affectedPhones')} wide>
            <Phones phones={parsed.data.affectedPhones} />
          </Fact>
          <Note note={parsed.data.note} />
        </SimpleGrid>
      );
    }
    case 'suspicious_account_notice': {
      const parsed = NoticeAnswerBody.safeParse(answer);
      if (!parsed.success) break;
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('requests.answerView.outcome')}>
            {t(`requests.noticeOutcome.${parsed.data.outcome}`)}
          </Fact>
          {parsed.data.reportId && (
            <Fact label={t('requests.answerView.reportId')}>
              <Anchor component={Link} to={reportPath(parsed.data.reportId)} className="khien-mono">
                {`${parsed.data.reportId.slice(0, 8)}…`}
              </Anchor>
            </Fact>
          )}
          <Note note={parsed.data.note} />
        </SimpleGrid>
      );
    }
  }
  return (
    <SimpleGrid cols={1}>
      <RawFacts record={answer} />
    </SimpleGrid>
  );
}
