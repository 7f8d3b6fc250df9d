import { Alert, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { PublicCard } from './PublicCard';

interface StatusCardProps {
  /** The card's test id; its title's id is `${name}-title`. */
  name: string;
  /** The stage, as `data-status`. */
  status: string;
  title: string;
  /** The stage in a word, beside the title. */
  badge: ReactNode;
  /** Said when the time limit has passed without a decision. */
  overdue: string | null;
  /** The dates and the like, two by two on a wider screen. */
  facts: ReactNode;
  /** What comes after the facts: the history, the button that asks again. */
  after: ReactNode;
  /** The stage and what it means. */
  children: ReactNode;
}

/** Where a report or an appeal stands, for the one who sent it. */
export function StatusCard({ name, status, title, badge, overdue, facts, after, children }: StatusCardProps) {
  return (
    <PublicCard name={name} title={title} aside={badge} status={status}>
      {children}
      {overdue && (
        <Alert color="orange" variant="light">
          {overdue}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {facts}
      </SimpleGrid>
      {after}
    </PublicCard>
  );
}
