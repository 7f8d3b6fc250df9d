/**
 * The original carrier of each Vietnamese mobile number range, by the leading digits of the national
 * significant number (the digits after +84 or the trunk 0). The longest matching prefix wins, so '30'
 * (MobiFone) overrides '3' (Viettel).
 *
 * "Original" because a number keeps its digits when its owner moves to another operator (chuyển mạng giữ
 * số, since 2021): the prefix names the operator the range was allocated to, not necessarily today's.
 *
 * Derived from google/libphonenumber `resources/carrier/en/84.txt` at commit
 * 5931383d44cc9d839edcd1d11b6a19d4d12a4574, Copyright (C) 2013 The Libphonenumber Authors, licensed under
 * the Apache License, Version 2.0 (full text in LICENSE.Apache-2.0 beside this file). Changes made: the
 * country code 84 is dropped from each prefix, and the carrier names are spelled as the operators spell
 * their brands ("Vinaphone" → VinaPhone, "G-Mobile" → Gmobile, "Indochina Telecom" → Itelecom).
 */
export type MobileCarrier =
  | 'Viettel'
  | 'VinaPhone'
  | 'MobiFone'
  | 'Vietnamobile'
  | 'Gmobile'
  | 'Itelecom'
  | 'Reddi';

export const MOBILE_CARRIER_BY_PREFIX: Readonly<Record<string, MobileCarrier>> = {
  '3': 'Viettel',
  '30': 'MobiFone',
  '51': 'MobiFone',
  '52': 'Vietnamobile',
  '55': 'Reddi',
  '56': 'Vietnamobile',
  '58': 'Vietnamobile',
  '59': 'Gmobile',
  '7': 'MobiFone',
  '81': 'VinaPhone',
  '82': 'VinaPhone',
  '83': 'VinaPhone',
  '84': 'VinaPhone',
  '85': 'VinaPhone',
  '86': 'Viettel',
  '87': 'VinaPhone',
  '88': 'VinaPhone',
  '89': 'MobiFone',
  '90': 'MobiFone',
  '91': 'VinaPhone',
  '92': 'Vietnamobile',
  '93': 'MobiFone',
  '94': 'VinaPhone',
  '96': 'Viettel',
  '97': 'Viettel',
  '98': 'Viettel',
  '993': 'Gmobile',
  '994': 'Gmobile',
  '995': 'Gmobile',
  '996': 'Gmobile',
  '997': 'Gmobile',
  '998': 'Itelecom',
  '999': 'Itelecom',
};
