export { foldVietnamese } from './text.js';
