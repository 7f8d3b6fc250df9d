/** Starts loading the check page while the person is still typing on the landing page. */
export function preloadCheckPage(): void {
  void import('./CheckPage').catch(() => undefined);
}
