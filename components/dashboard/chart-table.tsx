'use client';

import Link from 'next/link';
import { useState } from 'react';
import { TableScroll } from '@/components/table-scroll';

/** A chart's numbers as a table: compact text the server formatted, one row per bar or line point. */
export type TableView = { columns: string[]; rows: { key: string; cells: string[]; href?: string }[] };

/**
 * The table view of a chart, for screen readers and copying. It is built in the
 * browser when opened, from the compact rows it is given, so the page's HTML
 * does not carry every chart's numbers a second time.
 */
export function ChartTable(props: { id: string; summary: string; label: string; table: TableView }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-2 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-red-800 max-sm:py-2.5">{props.summary}</summary>
      {open && (
        <TableScroll label={props.label}>
          <table className="figure-table" data-table={props.id}>
            <thead>
              <tr>
                {props.table.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.table.rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) => (
                    <td key={i}>{i === 0 && r.href ? <Link href={r.href}>{c}</Link> : c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </details>
  );
}
