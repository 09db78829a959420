/** The page's single <h1>: sets document.title and receives focus after a route change. */
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';

let lastPath: string | null = null;

interface PageTitleProps {
  /** Plain text used for document.title. */
  title: string;
  children?: ReactNode;
  /** Change it to move focus to the heading again (e.g. a new step of a form). */
  focusKey?: string;
  className?: string;
}

export function PageTitle({ title, children, focusKey, className }: PageTitleProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const firstStep = useRef(true);

  useEffect(() => {
    document.title = `${title} — ${t.app.titleSuffix}`;
  }, [title, t]);

  // Focus the heading when we arrive from another route (not on the first page load, so
  // the skip links stay the first thing a keyboard user reaches).
  useEffect(() => {
    if (lastPath !== null && lastPath !== pathname) ref.current?.focus();
    lastPath = pathname;
  }, [pathname]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    ref.current?.focus();
  }, [focusKey]);

  return (
    <h1 ref={ref} tabIndex={-1} className={className ?? 'page-title'}>
      {children ?? title}
    </h1>
  );
}
