import type { MobileCarrier } from './mobile-carriers.js';

/**
 * The 2018 conversion of 11-digit mobile numbers to 10 digits: Quyết định 798/QĐ-BTTTT (25/5/2018) of the
 * Ministry of Information and Communications, as reproduced on thaibinh.gov.vn (ItemID=37113, 06/06/2018).
 * Public facts from a state decision. The prefix changes and the last 7 digits stay, e.g.
 * 0169 567 8945 → 039 567 8945. Conversion from 15/9/2018; the old forms stopped working in 2019, but
 * people still paste them from old contacts, screenshots and posters.
 *
 * Variants seen in other public code but absent from the decision (0182 → 052, 016966 → 03966, 0199 only
 * for some fifth digits) are deliberately left out.
 */
export interface PrefixConversion {
  carrier: MobileCarrier;
  /** Old prefix with the trunk 0, followed by 7 subscriber digits. */
  oldPrefix: string;
  /** New prefix with the trunk 0, followed by the same 7 digits. */
  newPrefix: string;
}

export const MOBILE_PREFIX_CONVERSION_2018: readonly PrefixConversion[] = [
  { carrier: 'MobiFone', oldPrefix: '0120', newPrefix: '070' },
  { carrier: 'MobiFone', oldPrefix: '0121', newPrefix: '079' },
  { carrier: 'MobiFone', oldPrefix: '0122', newPrefix: '077' },
  { carrier: 'MobiFone', oldPrefix: '0126', newPrefix: '076' },
  { carrier: 'MobiFone', oldPrefix: '0128', newPrefix: '078' },
  { carrier: 'VinaPhone', oldPrefix: '0123', newPrefix: '083' },
  { carrier: 'VinaPhone', oldPrefix: '0124', newPrefix: '084' },
  { carrier: 'VinaPhone', oldPrefix: '0125', newPrefix: '085' },
  { carrier: 'VinaPhone', oldPrefix: '0127', newPrefix: '081' },
  { carrier: 'VinaPhone', oldPrefix: '0129', newPrefix: '082' },
  { carrier: 'Viettel', oldPrefix: '0162', newPrefix: '032' },
  { carrier: 'Viettel', oldPrefix: '0163', newPrefix: '033' },
  { carrier: 'Viettel', oldPrefix: '0164', newPrefix: '034' },
  { carrier: 'Viettel', oldPrefix: '0165', newPrefix: '035' },
  { carrier: 'Viettel', oldPrefix: '0166', newPrefix: '036' },
  { carrier: 'Viettel', oldPrefix: '0167', newPrefix: '037' },
  { carrier: 'Viettel', oldPrefix: '0168', newPrefix: '038' },
  { carrier: 'Viettel', oldPrefix: '0169', newPrefix: '039' },
  { carrier: 'Vietnamobile', oldPrefix: '0186', newPrefix: '056' },
  { carrier: 'Vietnamobile', oldPrefix: '0188', newPrefix: '058' },
  { carrier: 'Gmobile', oldPrefix: '0199', newPrefix: '059' },
];

/**
 * The same decision moved the VSAT (satellite) range 099 2xx xxxx to 067 2xx xxxx: same length, same last
 * 7 digits. 0992 is no longer allocated, so the old form cannot be mistaken for a current number.
 */
export const VSAT_PREFIX_CONVERSION_2018 = { oldPrefix: '0992', newPrefix: '0672' } as const;
