/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces. "Sin Suối Hồ",
 * "sin suoi ho" and "SIN  SUOI HO" fold to the same string. Đ/đ do not decompose under NFD, hence the
 * explicit mapping.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
