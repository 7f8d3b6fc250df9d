import { Card, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  /** Names the section; its title's id is `${id}-title`. */
  id: string;
  title: string;
  children: ReactNode;
  padding?: MantineSpacing;
  testId?: string;
}

/** A card that is a page section, labelled by its heading. */
export function SectionCard({ id, title, children, padding = 'md', testId }: SectionCardProps) {
  return (
    <Card
      withBorder
      padding={padding}
      component="section"
      aria-labelledby={`${id}-title`}
      data-testid={testId}
    >
      <Title order={2} fz="h4" mb="sm" id={`${id}-title`}>
        {title}
      </Title>
      {children}
    </Card>
  );
}
