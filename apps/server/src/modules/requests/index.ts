export { createRequestsRepository, type RequestsRepository } from './requests.repository.js';
export { createRequestsService, type RequestsService, type StaffMessages } from './requests.service.js';
export { createWebhooksService, type WebhooksService } from './webhooks.service.js';
export { createWebhooksRepository, type WebhooksRepository } from './webhooks.repository.js';
export { createRecoveryService, type RecoveryService } from './recovery.service.js';
export { createIdempotency, type Idempotency } from './idempotency.js';
export { registerRequestsRoutes } from './requests.routes.js';
export { checkSignature, signatureOf, SIGNATURE_HEADER } from './webhook-signature.js';
