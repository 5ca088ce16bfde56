/**
 * Around every table: a table wider than its card scrolls sideways inside the
 * card, never the page. The box is a named region that takes focus, so a
 * keyboard can scroll it too; on paper it does not clip (printed tables fit A4).
 * `relative` keeps absolutely placed content (screen-reader-only text) inside
 * the box too, else it would widen the page.
 */
export function TableScroll({ label, className = '', children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto overscroll-x-contain focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 print:overflow-visible ${className}`}
      data-table-scroll
    >
      {children}
    </div>
  );
}
