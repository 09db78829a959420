/**
 * Loads a page of the caseload with POST /cases/search: the search text travels in the body, never in
 * a URL. Reloads when the request changes.
 */
import { useEffect, useState } from 'react';
import type { BodyInput, BodyOf, ResponseOf } from '../../api-contract.ts';
import { ApiError, api } from '../../api.ts';

export type CaseloadRequest = BodyInput<BodyOf<'POST', '/cases/search'>>;
type CaseList = ResponseOf<'POST', '/cases/search'>;

export function useCaseload(body: CaseloadRequest) {
  const [data, setData] = useState<CaseList | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(body);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request's JSON is the trigger
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    api
      .post('/cases/search', { body, signal: ctrl.signal })
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err)));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [key]);
  return { data, error, loading };
}
