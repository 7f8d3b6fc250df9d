import { Button } from '@mantine/core';

/** Adds a row to a list: full width on a phone, and its words may wrap rather than run off the card. */
export function AddRowButton({
  label,
  disabled,
  onClick,
  testId,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Button
      variant="default"
      size="md"
      w={{ base: '100%', xs: 'auto' }}
      h="auto"
      mih={42}
      py={6}
      styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
