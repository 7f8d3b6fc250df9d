export {
  createIndicatorsRepository,
  type IndicatorsRepository,
  type IndicatorRow,
} from './indicators.repository.js';
export {
  createIndicatorsService,
  type IndicatorsService,
  type IndicatorChangeListener,
  type RegistryIdentifier,
  toIndicator,
} from './indicators.service.js';
export { registerIndicatorsRoutes } from './indicators.routes.js';
export { publicVerdict, type IndicatorStatus, type PublicVerdict } from './indicator.js';
export { officialIdentifiers } from './official-seed.js';
export { createAppealsService, type AppealsService } from './appeals.service.js';
export { registerAppealsRoutes } from './appeals.routes.js';
export { createImportService, type ImportService, type ImportSummary } from './import.service.js';
export { REGISTRY_CHANNEL, type RegistryChange } from './indicators.repository.js';
export { createDelegationsService, type DelegationsService } from './delegations.service.js';
