export { createAgenciesRepository, type AgenciesRepository } from './agencies.repository.js';
export { createAgenciesService, type AgenciesService, toAgency } from './agencies.service.js';
export { registerAgenciesRoutes } from './agencies.routes.js';
export { parseApiKey, hashApiKey, sameHash, totpRequired, scopeProblem } from './agency.js';
