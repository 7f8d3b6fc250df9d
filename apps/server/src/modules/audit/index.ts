export { createAuditRepository } from './audit.repository.js';
export {
  createAuditService,
  type AuditService,
  type AuditRecorder,
  type AuditEvent,
} from './audit.service.js';
export { registerAuditRoutes } from './audit.routes.js';
export { ChainVerifier, canonicalJson, entryHash, GENESIS_HASH } from './audit-chain.js';
