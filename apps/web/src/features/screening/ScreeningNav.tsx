import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { decisionsPath, flagsPath, reviewsPath, ruleSetsPath } from './links';

const pages = [
  { to: reviewsPath, key: 'reviews', testId: 'screening-nav-reviews' },
  { to: flagsPath, key: 'flags', testId: 'screening-nav-flags' },
  { to: decisionsPath, key: 'decisions', testId: 'screening-nav-decisions' },
  { to: ruleSetsPath, key: 'ruleSets', testId: 'screening-nav-rule-sets' },
] as const;

/** The screening pages, one menu entry: the current one is marked in words for screen readers too. */
export function ScreeningNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('screening.section.label')} gap="xs" mb="md">
      {pages.map((page) => {
        const current = pathname === page.to || pathname === `${page.to}/`;
        return (
          <Button
            key={page.key}
            component={Link}
            to={page.to}
            variant={current ? 'filled' : 'default'}
            size="compact-md"
            aria-current={current ? 'page' : undefined}
            data-testid={page.testId}
          >
            {t(`screening.section.${page.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
