import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { focusField } from './focus';
import { fieldId } from './requests';

interface ErrorSummaryProps {
  /** Errors by form field, in the order the fields are shown. */
  errors: { path: string; label: string; message: string }[];
}

/**
 * What stops the report from being sent, listed at the top of the form: each entry names the field and
 * links to it (WCAG 3.3.1), so nobody has to hunt down a long form on a small screen.
 */
export function ErrorSummary({ errors }: ErrorSummaryProps) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={t('reportForm.errorSummaryTitle')}
      data-testid="report-error-summary"
    >
      <List size="sm" spacing={4}>
        {errors.map(({ path, label, message }) => (
          <List.Item key={path}>
            <Anchor
              href={`#${fieldId(path)}`}
              c="red.9"
              fw={600}
              underline="always"
              onClick={(event) => {
                event.preventDefault();
                focusField(path);
              }}
            >
              {label}: {message}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('reportForm.errorSummaryKept')}
      </Text>
    </Alert>
  );
}
