import { AgencyType, ScopeLevel } from '@khien/contracts';

/** The agency types in the order a person looks for them: police first, the platform operator last. */
export const agencyTypesInOrder: AgencyType[] = [
  ...AgencyType.options.filter((type) => type !== 'platform_operator'),
  'platform_operator',
];

export const scopeLevels: ScopeLevel[] = [...ScopeLevel.options];

/** The scope an agency of this type usually has, offered until the person picks one. */
export function suggestedScope(type: AgencyType): ScopeLevel {
  if (type === 'platform_operator') return 'national';
  if (type === 'police_commune') return 'commune';
  return 'province';
}
