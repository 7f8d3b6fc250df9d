import { Alert, Button, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { splitFieldErrors } from './errors';
import { errorText, fieldMessageText } from './messages';

interface ErrorAlertProps {
  error: unknown;
  /** Fields whose errors the form already shows beside them. */
  fields?: readonly string[];
  onRetry?: () => void;
}

/** A readable message for a failed call, with the field errors no form field shows. */
export function ErrorAlert({ error, fields = [], onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const others = error instanceof ApiError ? splitFieldErrors(error.fieldErrors, fields).others : [];
  return (
    <Alert color="red" variant="light" title={t('errors.title')}>
      {errorText(error)}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              {e.path ? `${e.path}: ` : ''}
              {fieldMessageText(e.message)}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button variant="outline" color="red" size="xs" mt="sm" onClick={onRetry} display="block">
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
