import { isApiError } from '../../api/problem';
import { serverFieldErrors, translate } from '../../ui/messages';

/**
 * The server's field errors for a form whose identifier is in its `input` field.
 * The parser's code (`phone.too_short`…) is for machines: the field says the identifier was not recognised,
 * the alert shows the parser's explanation.
 */
export function identifierFieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  const errors = serverFieldErrors(error, fields);
  if (isApiError(error, 'indicator.unrecognised'))
    errors.input = translate({ key: 'indicators.unrecognisedField' });
  return errors;
}
