export { createReferenceRepository } from './reference.repository.js';
export { createReferenceService, type ReferenceService } from './reference.service.js';
export { registerReferenceRoutes } from './reference.routes.js';
export { shippedAdminUnits, type AdminUnits } from './admin-units.js';
