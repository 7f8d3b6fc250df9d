import { Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The root of every page: re-renders on language change, restores the scroll position on back. */
export function RootLayout() {
  useTranslation();
  return (
    <>
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
