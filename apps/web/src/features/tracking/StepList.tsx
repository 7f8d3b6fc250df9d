import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface StepListProps {
  /** Names the list ("Progress"). */
  label: string;
  /** The steps in order: a key (`data-step`) and the words. */
  steps: ReadonlyArray<{ key: string; label: string }>;
  /** The index of the step it is at. */
  current: number;
  /** Whether the step it is at is done too: the last one, reached. */
  finished: boolean;
  testId?: string;
}

/**
 * The steps of a report or an appeal, as an ordered list. Each step says in words whether it is done or
 * current; the numbers, ticks and colours only repeat it.
 */
export function StepList({ label, steps, current, finished, testId }: StepListProps) {
  const { t } = useTranslation();
  return (
    <Box
      component="ol"
      aria-label={label}
      m={0}
      p={0}
      data-testid={testId}
      style={{
        listStyle: 'none',
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(7.5rem, 1fr))',
        gap: 'var(--mantine-spacing-xs)',
      }}
    >
      {steps.map((step, index) => {
        const done = index < current || (index === current && finished);
        const here = index === current;
        return (
          <Group
            component="li"
            key={step.key}
            gap={8}
            wrap="nowrap"
            aria-current={here ? 'step' : undefined}
            data-step={step.key}
            data-state={done ? 'done' : here ? 'current' : 'todo'}
            p={6}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              border: `2px solid var(--mantine-color-${here ? 'blue-8' : done ? 'teal-8' : 'gray-4'})`,
            }}
          >
            <Box
              aria-hidden="true"
              w={26}
              h={26}
              fw={700}
              fz="sm"
              c={done || here ? 'white' : 'gray.8'}
              bg={done ? 'teal.8' : here ? 'blue.8' : 'gray.1'}
              style={{ borderRadius: '50%', display: 'grid', placeItems: 'center', flex: 'none' }}
            >
              {done ? '✓' : index + 1}
            </Box>
            <Text size="sm" fw={here ? 700 : 500} lh={1.25}>
              {step.label}
              {(done || here) && (
                <VisuallyHidden>{` (${t(done ? 'reportForm.follow.done' : 'reportForm.follow.current')})`}</VisuallyHidden>
              )}
            </Text>
          </Group>
        );
      })}
    </Box>
  );
}
