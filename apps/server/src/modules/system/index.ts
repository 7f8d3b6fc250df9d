export { registerSystemRoutes, type SystemProbes } from './system.routes.js';
