export * from './common.js';
export * from './agencies.js';
export * from './auth.js';
export * from './audit.js';
export * from './reference.js';
export * from './system.js';
export * from './jobs.js';
export * from './indicators.js';
