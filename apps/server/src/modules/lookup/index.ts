export { createLookupService, type LookupService } from './lookup.service.js';
export { createLookupState, type LookupState } from './lookup-state.js';
export { registerLookupRoutes } from './lookup.routes.js';
export { CheckCounter } from './check-counter.js';
export { IndicatorIndex, type IndexEntry, type IndexHit } from './indicator-index.js';
export { startNotifyFeed, startNatsFeed, natsSubject } from './change-feed.js';
