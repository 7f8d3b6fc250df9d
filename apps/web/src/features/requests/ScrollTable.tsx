import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollTableProps {
  minWidth: number;
  /** The table's `data-testid`. */
  testId: string;
  /** Names the scrolling region for screen readers ("Các lần chuyển tiền đi tiếp"…). */
  label: string;
  head: ReactNode;
  children: ReactNode;
  highlightOnHover?: boolean;
  verticalSpacing?: MantineSpacing;
}

/**
 * The striped table of ui/DataTable, whose sideways scrolling on a phone can also be done from the
 * keyboard: the scrolling region takes the focus and is named (WCAG 2.1.1).
 */
export function ScrollTable({
  minWidth,
  testId,
  label,
  head,
  children,
  highlightOnHover = false,
  verticalSpacing = 'sm',
}: ScrollTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
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
