import { Card, Group, Stack, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

interface PublicCardProps {
  /** The card's test id; its title's id is `${name}-title`. */
  name: string;
  title: string;
  /** Beside the title: the stage in a word. */
  aside?: ReactNode;
  /** The title takes the focus when the card appears in place of the form the focus was in. */
  focus?: boolean;
  /** The stage, as `data-status`. */
  status?: string;
  children: ReactNode;
}

/** A card of the public pages (a receipt, a status): a section named by its title. */
export function PublicCard({ name, title, aside, focus = false, status, children }: PublicCardProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const titleId = `${name}-title`;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby={titleId}
      data-testid={name}
      data-status={status}
    >
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title
            order={2}
            fz="h3"
            id={titleId}
            ref={heading}
            tabIndex={focus ? -1 : undefined}
            style={focus ? { outline: 'none' } : undefined}
          >
            {title}
          </Title>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
