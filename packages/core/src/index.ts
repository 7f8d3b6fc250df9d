export { foldVietnamese } from './text.js';
export * from './identifiers/index.js';
export { checkLookalike, type LookalikeResult } from './lookalike/index.js';
export * from './imports/index.js';
