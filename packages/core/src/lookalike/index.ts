export {
  checkLookalike,
  createLookalikeChecker,
  type LookalikeBrand,
  type LookalikeChecker,
  type LookalikeResult,
  type LookalikeTechnique,
  type LookalikeVerdict,
} from './lookalike.js';
export { BRANDS, GOV_VN_BRAND, type BrandDefinition, type BrandKind } from './data/brands.js';
export { extractHost, decodePunycode } from './host.js';
export { asciiSkeleton, foldToAscii, skeleton } from './skeleton.js';
