import { Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AgencyRequestDetail } from '@khien/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, HiddenHeader } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { SectionCard } from '../../ui/SectionCard';
import { formatVnd } from '../registry/format';
import { useForwardHolds, useRecipients } from './api';
import { forwardRows, matchRecipient, toForwardBody } from './forward';
import { sendOnce, useSubmissionKey } from './useSubmissionKey';

/**
 * The money trail, hop by hop: the sender of an answered hold picks the onward transfers the bank named
 * and sends, in one action, a hold request to each receiving bank. Each row says whether it was
 * forwarded already; the bank to ask is pre-selected when its name is recognised, else Khiên finds it
 * from the bank's name, or the officer chooses it.
 */
export function ForwardPanel({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  const rows = useMemo(() => forwardRows(request, request.forwardedTransfers), [request]);
  const banks = useRecipients('hold');
  const forward = useForwardHolds(request.id);
  const key = useSubmissionKey();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [chosen, setChosen] = useState<Record<number, string>>({});
  const [legalBasis, setLegalBasis] = useState('');
  const [missing, setMissing] = useState(false);
  if (rows.length === 0) return null;

  const bankItems = banks.data?.items ?? [];
  const options = [
    { value: '', label: t('requests.forward.recipientAuto') },
    ...bankItems.map((bank) => ({
      value: bank.id,
      label: bank.shortName ? `${bank.shortName} – ${bank.name}` : bank.name,
    })),
  ];
  const recipientOf = (index: number, bank: string): string =>
    chosen[index] ?? matchRecipient(bank, bankItems) ?? '';
  const open = rows.filter((row) => !row.forwarded && row.expectedHoldVnd > 0);

  const toggle = (index: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const submit = () => {
    if (selected.size === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const picks = new Map(
      [...selected].map((index) => {
        const row = rows.find((item) => item.index === index);
        return [index, row ? recipientOf(index, row.transfer.bank) || null : null] as const;
      }),
    );
    const body = toForwardBody(picks, legalBasis);
    sendOnce(forward, key, body, {
      onSuccess: (result) => {
        setSelected(new Set());
        notifications.show({
          color: 'teal',
          message: t('requests.actions.done.forwarded', { count: result.items.length }),
        });
      },
    });
  };

  return (
    <SectionCard id="request-forward" title={t('requests.forward.title')} testId="request-forward">
      <Stack gap="sm">
        <Text size="sm">{t('requests.forward.intro')}</Text>
        <DataTable
          minWidth={720}
          testId="forward-table"
          label={t('requests.forward.title')}
          head={
            <>
              <HiddenHeader label={t('requests.forward.transfer')} />
              <Table.Th scope="col">{t('requests.forward.destination')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('requests.forward.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('requests.column.status')}</Table.Th>
              <Table.Th scope="col">{t('requests.forward.recipient')}</Table.Th>
            </>
          }
        >
          {rows.map((row) => {
            const selectable = !row.forwarded && row.expectedHoldVnd > 0;
            return (
              <Table.Tr
                key={row.index}
                data-testid="forward-row"
                data-index={row.index}
                data-forwarded={row.forwarded}
              >
                <Table.Td w={40}>
                  <Checkbox
                    aria-label={t('requests.forward.select', {
                      n: row.index + 1,
                      account: row.transfer.account,
                      bank: row.transfer.bank,
                    })}
                    checked={selected.has(row.index)}
                    disabled={!selectable}
                    onChange={() => toggle(row.index)}
                    data-testid="forward-select"
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.transfer.bank}</Text>
                  <Text size="sm" className="khien-mono">
                    {row.transfer.account}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(row.transfer.at)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatVnd(row.transfer.amountVnd)}</Text>
                  {row.expectedHoldVnd > 0 ? (
                    <Text size="xs" fw={700}>
                      {t('requests.forward.expected')}: {formatVnd(row.expectedHoldVnd)}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('requests.forward.nothingLeft')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {row.forwarded ? (
                    <Badge
                      color="teal.9"
                      variant="outline"
                      tt="none"
                      miw="max-content"
                      data-testid="forward-done"
                    >
                      ✓ {t('requests.forward.forwarded')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('requests.forward.notForwarded')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td miw={240}>
                  {selectable && (
                    <SearchableSelect
                      aria-label={t('requests.forward.recipientFor', { n: row.index + 1 })}
                      placeholder={t('requests.forward.recipientPlaceholder')}
                      data={options}
                      value={recipientOf(row.index, row.transfer.bank)}
                      onChange={(value) => setChosen((current) => ({ ...current, [row.index]: value ?? '' }))}
                      nothingFoundMessage={t('reference.nothingFound')}
                      maxDropdownHeight={240}
                      data-testid="forward-recipient"
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
        <ErrorAlert error={banks.error} />
        {open.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="forward-all-done">
            {t('requests.forward.allForwarded')}
          </Text>
        ) : (
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('requests.forward.legalBasis')}
              description={t('requests.forward.legalBasisHelp')}
              placeholder={request.legalBasis}
              maxLength={500}
              value={legalBasis}
              onChange={(event) => setLegalBasis(event.currentTarget.value)}
              style={{ flex: '1 1 18rem' }}
              data-testid="forward-legal-basis"
            />
            <Button
              onClick={submit}
              loading={forward.isPending}
              data-testid="forward-submit"
              style={{ flex: 'none' }}
            >
              {selected.size > 0
                ? t('requests.forward.submit', { count: selected.size })
                : t('requests.forward.submitNone')}
            </Button>
          </Group>
        )}
        {missing && (
          <Text size="sm" c="red.8" role="alert">
            {t('requests.forward.noneSelected')}
          </Text>
        )}
        <ErrorAlert error={forward.error} />
      </Stack>
    </SectionCard>
  );
}
