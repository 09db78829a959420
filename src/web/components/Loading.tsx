/** Loading indicator and error message for API resources. */
import type { ApiError } from '../api.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Notice } from './Notice.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t.common.loading}
    </p>
  );
}

export function LoadError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const text = error.status === 403 ? t.common.forbidden : error.status === 404 ? t.common.notFound : t.common.error;
  return <Notice kind="danger">{text}</Notice>;
}

/** Shows loading or error for a resource; renders children only when data is there. */
export function ResourceState({ loading, error }: { loading: boolean; error: ApiError | null }) {
  if (error) return <LoadError error={error} />;
  if (loading) return <Loading />;
  return null;
}

/**
 * A list's result count, announced to screen readers (role=status), and its empty message.
 * Nothing until the data is there.
 */
export function ResultsSummary({ count, empty }: { count: number | null; empty: string }) {
  const { t } = useI18n();
  return (
    <>
      <p role="status" className="fw-semibold">
        {count === null ? '' : count === 1 ? t.common.resultOne : fmt(t.common.results, { count })}
      </p>
      {count === 0 ? <p>{empty}</p> : null}
    </>
  );
}
