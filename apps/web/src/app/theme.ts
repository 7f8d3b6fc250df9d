import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Shade 9 in the light scheme keeps filled buttons and light badges above a 4.5:1 contrast with their
 * text (Mantine's default shade 6 blue is 3.6:1 on white).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
  },
});

/** Secondary text and placeholders darker than Mantine's defaults (3.3:1 and 2.1:1 on white). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#6c757d',
  },
  dark: {},
});
