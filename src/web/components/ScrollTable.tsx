/**
 * A table that scrolls sideways on narrow screens. When it overflows, the scrolling wrapper is a
 * named region reachable by keyboard (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
import { Table } from 'design-react-kit';
import { type ReactNode, useEffect, useRef, useState } from 'react';

interface Props {
  /** The table's caption text: the region's name. */
  label: string;
  children: ReactNode;
  size?: 'sm';
  className?: string;
}

export function ScrollTable({ label, children, size, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const table = <Table size={size}>{children}</Table>;
  const classes = `table-responsive ${className ?? ''}`;
  // Same element type in both branches: React keeps the node (and the observer on it).
  return overflows ? (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: an overflowing table must be reachable to scroll it by keyboard
    // biome-ignore lint/a11y/useSemanticElements: a region only while the table overflows, on the same node
    <div ref={ref} className={classes} tabIndex={0} role="region" aria-label={label}>
      {table}
    </div>
  ) : (
    <div ref={ref} className={classes}>
      {table}
    </div>
  );
}
