export {
  createLineReader,
  splitCsvLine,
  type ImportEntry,
  type ImportFormat,
  type ImportLine,
} from './import-formats.js';
