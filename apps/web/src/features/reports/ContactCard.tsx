import { Alert, Anchor, Button, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReportContact, ReportDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionCard } from '../../ui/SectionCard';
import { Fact } from '../appeals/AppealStatusCard';
import { useCan, useCurrentMe } from '../auth/me-context';
import { useRevealContact } from './api';

/**
 * The reporter's contact details: personal data for the handling unit only. Nothing is read until the
 * officer asks, the page says beforehand that the read is logged, and hiding forgets the answer.
 */
export function ContactCard({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentMe();
  const reveal = useRevealContact(report.id);
  const handlingUnit = report.handlingAgencyId !== null && report.handlingAgencyId === me.agency.id;
  const refused = isApiError(reveal.error, 'not_found') || isApiError(reveal.error, 'auth.forbidden');

  let body;
  if (!report.hasContact) body = <Text size="sm">{t('reports.contact.anonymous')}</Text>;
  else if (!can('report.contact') || !handlingUnit || refused)
    body = <Text size="sm">{t('reports.contact.noAccess')}</Text>;
  else if (reveal.data)
    body = (
      <Stack gap="sm">
        <ContactDetails contact={reveal.data} report={report} />
        <Alert color="gray" variant="light" p="xs" data-testid="report-contact-logged">
          <Text size="sm">{t('reports.contact.logged')}</Text>
        </Alert>
        <Button variant="default" onClick={() => reveal.reset()} w="fit-content">
          {t('reports.contact.hide')}
        </Button>
      </Stack>
    );
  else
    body = (
      <Stack gap="sm">
        <Text size="sm" data-testid="report-contact-notice">
          {t('reports.contact.notice')}
        </Text>
        <ErrorAlert error={reveal.error} />
        <Button
          variant="outline"
          color="orange.9"
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          w="fit-content"
          data-testid="report-contact-reveal"
        >
          {t('reports.contact.reveal')}
        </Button>
      </Stack>
    );

  return (
    <SectionCard id="report-contact" title={t('reports.contact.title')}>
      {body}
    </SectionCard>
  );
}

function ContactDetails({ contact, report }: { contact: ReportContact; report: ReportDetail }) {
  const { t } = useTranslation();
  const accounts = contact.transfersFrom.filter((transfer) => transfer.fromAccount);
  return (
    <SimpleGrid cols={1} spacing="xs" data-testid="report-contact">
      {contactRows(contact).map(({ key, value, href }) => (
        <Fact key={key} label={t(`reports.contact.${key}`)}>
          {value && href ? (
            <Anchor href={href} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Anchor>
          ) : (
            (value ?? t('common.none'))
          )}
        </Fact>
      ))}
      {accounts.length > 0 && (
        <Fact label={t('reports.contact.fromAccounts')}>
          <List size="sm" spacing={2}>
            {accounts.map((transfer) => {
              const index = report.transfers.findIndex((item) => item.id === transfer.transferId);
              return (
                <List.Item key={transfer.transferId}>
                  {t('reports.contact.transferN', { n: index + 1 })}:{' '}
                  <Text span className="khien-mono">
                    {transfer.fromAccount}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Fact>
      )}
    </SimpleGrid>
  );
}

/** The reporter's details in the order an officer calls back: name, phone, e-mail, address. */
function contactRows(contact: ReportContact) {
  return [
    { key: 'fullName', value: contact.fullName, href: null },
    {
      key: 'phone',
      value: contact.phone,
      href: contact.phone && `tel:${contact.phone.replace(/[^\d+]/g, '')}`,
    },
    { key: 'email', value: contact.email, href: contact.email && `mailto:${contact.email}` },
    { key: 'address', value: contact.address, href: null },
  ] as const;
}
