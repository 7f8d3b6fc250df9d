import { officialBankDomains } from '@khien/core';

export interface OfficialSeed {
  input: string;
  kind?: 'phone' | 'domain';
  organisation: string;
  category: 'bank' | 'ewallet' | 'telco' | 'government' | 'platform' | 'hotline' | 'other';
  source: string;
}

/**
 * Official identifiers the platform ships with: emergency numbers, the telcos' customer-care numbers, and
 * the official web domains of banks from the reference data in @khien/core. Administrators
 * add the rest (bank hotlines, government hotlines) through the allowlist, with their source.
 */
export function officialIdentifiers(): OfficialSeed[] {
  const seeds: OfficialSeed[] = [
    {
      input: '113',
      kind: 'phone',
      organisation: 'Công an (cảnh sát 113)',
      category: 'government',
      source: 'national emergency numbers',
    },
    {
      input: '114',
      kind: 'phone',
      organisation: 'Cứu hỏa, cứu nạn (114)',
      category: 'government',
      source: 'national emergency numbers',
    },
    {
      input: '115',
      kind: 'phone',
      organisation: 'Cấp cứu y tế (115)',
      category: 'government',
      source: 'national emergency numbers',
    },
    {
      input: '111',
      kind: 'phone',
      organisation: 'Tổng đài quốc gia bảo vệ trẻ em (111)',
      category: 'government',
      source: 'national emergency numbers',
    },
    {
      input: '112',
      kind: 'phone',
      organisation: 'Tìm kiếm cứu nạn (112)',
      category: 'government',
      source: 'national emergency numbers',
    },
    {
      input: '18008098',
      kind: 'phone',
      organisation: 'Viettel',
      category: 'telco',
      source: 'telco customer care',
    },
    {
      input: '18001091',
      kind: 'phone',
      organisation: 'VinaPhone',
      category: 'telco',
      source: 'telco customer care',
    },
    {
      input: '18001090',
      kind: 'phone',
      organisation: 'MobiFone',
      category: 'telco',
      source: 'telco customer care',
    },
  ];
  for (const entry of officialBankDomains()) {
    // A renamed bank's former domain may lapse and be registered by someone else: not official.
    if (entry.status !== 'current') continue;
    seeds.push({
      input: entry.domain,
      kind: 'domain',
      organisation: entry.bankName,
      category: 'bank',
      source: 'reference: bank official domains (MIT, see packages/core/src/identifiers/data/banks)',
    });
  }
  return seeds;
}
