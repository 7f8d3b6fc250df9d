import { Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../agencies/AgencySelect';
import { useCan } from '../auth/me-context';
import { emptyAuditForm, type AuditFormValues } from './filters';

interface AuditFilterFormProps {
  initialValues: AuditFormValues;
  onApply: (values: AuditFormValues) => void;
  onClear: () => void;
}

export function AuditFilterForm({ initialValues, onApply, onClear }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const can = useCan();
  const form = useForm<AuditFormValues>({ initialValues });

  return (
    <Card withBorder padding="md" mb="md" component="section" aria-label={t('audit.filters')}>
      <form onSubmit={form.onSubmit(onApply)}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label={t('audit.action')}
              placeholder={t('audit.actionPlaceholder')}
              spellCheck={false}
              autoCapitalize="none"
              data-testid="audit-action"
              {...form.getInputProps('action')}
            />
            <TextInput
              label={t('audit.from')}
              type="date"
              data-testid="audit-from"
              {...form.getInputProps('from')}
            />
            <TextInput
              label={t('audit.to')}
              type="date"
              data-testid="audit-to"
              {...form.getInputProps('to')}
            />
            {can('agency.list') && (
              <AgencySelect
                label={t('audit.agency')}
                placeholder={t('audit.agencyPlaceholder')}
                clearable
                data-testid="audit-agency"
                {...form.getInputProps('agencyId')}
              />
            )}
          </SimpleGrid>
          <Group justify="space-between" align="flex-end">
            <div role="group" aria-labelledby="audit-personal-label">
              <Text size="sm" fw={500} mb={4} id="audit-personal-label">
                {t('audit.personalData')}
              </Text>
              <SegmentedControl
                data={[
                  { value: '', label: t('common.all') },
                  { value: 'true', label: t('audit.personalYes') },
                  { value: 'false', label: t('audit.personalNo') },
                ]}
                data-testid="audit-personal"
                {...form.getInputProps('personal')}
              />
            </div>
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  form.setValues(emptyAuditForm);
                  onClear();
                }}
              >
                {t('common.clearFilters')}
              </Button>
              <Button type="submit" data-testid="audit-apply">
                {t('audit.apply')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
