import { Table, VisuallyHidden, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps {
  minWidth: number;
  /** The table's `data-testid`. */
  testId: string;
  /** The header cells. */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  highlightOnHover?: boolean;
  verticalSpacing?: MantineSpacing;
  /**
   * Names the scrolling region for screen readers ("Các lần chuyển tiền đi tiếp"…); with a name, the
   * region also takes the focus, so that it can be scrolled from the keyboard (WCAG 2.1.1).
   */
  label?: string;
}

/** A striped table that scrolls sideways on narrow screens. */
export function DataTable({
  minWidth,
  testId,
  head,
  children,
  highlightOnHover = false,
  verticalSpacing = 'sm',
  label,
}: DataTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      {...(label
        ? { scrollAreaProps: { viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } } }
        : {})}
    >
      <Table
        striped
        highlightOnHover={highlightOnHover}
        verticalSpacing={verticalSpacing}
        data-testid={testId}
      >
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The header of a column of row buttons: named for screen readers only. */
export function HiddenHeader({ label }: { label: string }) {
  return (
    <Table.Th scope="col">
      <VisuallyHidden>{label}</VisuallyHidden>
    </Table.Th>
  );
}
