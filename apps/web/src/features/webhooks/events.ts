import type { WebhookEventType } from '@khien/contracts';

/** The key of an event's words (`request.created` → `request_created`: i18n keys cannot hold dots). */
export function eventKey(event: WebhookEventType) {
  return event.replace('.', '_') as
    | 'request_created'
    | 'request_answered'
    | 'request_refused'
    | 'request_cancelled'
    | 'request_escalated'
    | 'hold_renewed'
    | 'hold_expired';
}
