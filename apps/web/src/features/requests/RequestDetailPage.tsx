import { Grid, Group, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AgencyRequestDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { requestsPath } from '../../app/navigation';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { useCan, useCurrentMe } from '../auth/me-context';
import { DetailQuery } from '../reports/DetailQuery';
import { useRequest } from './api';
import {
  EscalationBadge,
  HoldStateBadge,
  ReappearedBadge,
  RequestStatusBadge,
  TimeLeftBadge,
} from './badges';
import { ForwardPanel } from './ForwardPanel';
import { RequestActions } from './RequestActions';
import { AnswerCard, AskedCard } from './RequestDetails';
import { ChildrenCard, PartiesCard, RequestHistory } from './RequestHistory';
import { isOpenStatus } from './timeLeft';

/** `/app/yeu-cau/:requestId`: what was asked, the answer, the actions, the money trail and the history. */
export function RequestDetailPage() {
  const can = useCan();
  const { requestId = '' } = useParams();
  if (!can('request.read')) return <Forbidden />;
  return <RequestLoader key={requestId} requestId={requestId} />;
}

function RequestLoader({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const request = useRequest(requestId);
  return (
    <DetailQuery
      query={request}
      notFound={t('requests.detail.notFound')}
      back={{ to: requestsPath, label: t('requests.detail.back') }}
    >
      {(data) => <Detail request={data} />}
    </DetailQuery>
  );
}

function Detail({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentMe();
  const followsMoney =
    request.type === 'hold' &&
    request.status === 'answered' &&
    request.senderAgencyId === me.agency.id &&
    can('request.send');
  // On a phone the actions come first: a bank answering a hold must not scroll past the whole request.
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  return (
    <>
      <PageHeader
        title={t('requests.detail.title', { code: request.code })}
        description={
          <Group gap="xs" component="span">
            <RequestStatusBadge status={request.status} testId="request-status" />
            {isOpenStatus(request.status) && <TimeLeftBadge request={request} />}
            <EscalationBadge level={request.escalationLevel} />
            {request.holdState && <HoldStateBadge state={request.holdState} />}
            <ReappearedBadge reappeared={request.reappeared} />
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {!wide && <RequestActions request={request} />}
            <AskedCard request={request} />
            <AnswerCard request={request} />
            {followsMoney && <ForwardPanel request={request} />}
            <ChildrenCard request={request} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {wide && <RequestActions request={request} />}
            <PartiesCard request={request} />
            <RequestHistory request={request} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
