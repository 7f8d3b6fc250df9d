import { Button } from '@mantine/core';

/** Removes one row of a list; its label names the row ("Xóa thông tin 2"), the button says "Bỏ". */
export function RowRemoveButton({
  label,
  text,
  onClick,
}: {
  label: string;
  text: string;
  onClick: () => void;
}) {
  return (
    <Button
      variant="subtle"
      color="red"
      c="red.9"
      size="compact-md"
      aria-label={label}
      onClick={onClick}
      style={{ flex: 'none' }}
    >
      {text}
    </Button>
  );
}
