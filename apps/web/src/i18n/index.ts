import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'khien.language';

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

/** Vietnamese unless the person chose English earlier on this device. */
export function initialLanguage(stored: string | null): Language {
  return stored === 'en' ? 'en' : 'vi';
}

function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    return null; // storage can be disabled (private mode, policies): fall back to Vietnamese
  }
}

function reflectLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function setLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // the choice still applies to this page; it is only not remembered
  }
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** The BCP 47 locale for dates and numbers of the current language. */
export function currentLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
}

i18n.on('languageChanged', reflectLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(readStoredLanguage()),
  fallbackLng: 'vi',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
reflectLanguage(i18n.language);

export { i18n };
