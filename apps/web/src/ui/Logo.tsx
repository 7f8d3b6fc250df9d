import { Group, Text } from '@mantine/core';

/** The shield mark and the name; the mark is decorative (the name is the text). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <path
          d="M32 4 8 13v17c0 15 10 25 24 30 14-5 24-15 24-30V13L32 4Z"
          fill="var(--mantine-color-blue-9)"
        />
        <path
          d="m22 32 7 7 13-14"
          fill="none"
          stroke="#fff"
          strokeWidth="6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text component="span" fw={800} fz="lg" c="blue.9">
        Khiên
      </Text>
    </Group>
  );
}
