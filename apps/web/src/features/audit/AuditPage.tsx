import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '@khien/contracts';
import { useCan } from '../auth/me-context';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { useAuditEntries, useVerifyAuditChain } from './api';
import { AuditEntryModal } from './AuditEntryModal';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { filtersFrom, formValuesFrom, paramsFrom } from './filters';
import { VerifyChainButton, VerifyChainResult } from './VerifyChain';

const pageSize = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, pageSize);
  const entries = useAuditEntries(filters);
  const verify = useVerifyAuditChain();
  const [open, setOpen] = useState<AuditEntry | null>(null);

  const setOffset = (offset: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (offset > 0) next.set('offset', String(offset));
      else next.delete('offset');
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={can('audit.verify') && <VerifyChainButton verify={verify} />}
      />
      <VerifyChainResult verify={verify} />
      <AuditFilterForm
        key={params.toString()}
        initialValues={formValuesFrom(params)}
        onApply={(values) => setParams(paramsFrom(values, params))}
        onClear={() => setParams(new URLSearchParams())}
      />
      <PagedResults query={entries} limit={pageSize} offset={filters.offset} onOffsetChange={setOffset}>
        {(items) => <AuditTable entries={items} onOpen={setOpen} />}
      </PagedResults>
      <AuditEntryModal entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
