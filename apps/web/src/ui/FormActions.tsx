import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  /** The submit button's `data-testid`. */
  submitTestId: string;
  pending: boolean;
  onCancel: () => void;
  submitColor?: MantineColor | undefined;
}

/** The cancel and submit buttons at the foot of a form in a modal. */
export function FormActions({ submitLabel, submitTestId, pending, onCancel, submitColor }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={submitColor} loading={pending} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
