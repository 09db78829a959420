/** Loads a GET resource, with loading/error state and a reload function. */
import { useCallback, useEffect, useState } from 'react';
import type { ArgsOf, PathOf, RequestOf, RequiredKeys, ResponseOf } from './api-contract.ts';
import { ApiError, getUrl, urlOf } from './api.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** The data a GET path answers with: ResourceOf<'/cases/:id'> is Resource<CaseDetail>. */
export type ResourceOf<P extends PathOf<'GET'>> = Resource<ResponseOf<'GET', P>>;

/** As ArgsOf, with null (skip loading) accepted; the request stays required when it has required parts. */
type GetArgs<P extends PathOf<'GET'>> = [RequiredKeys<RequestOf<'GET', P>>] extends [never]
  ? [request?: RequestOf<'GET', P> | null]
  : [request: RequestOf<'GET', P> | null];

/**
 * Loads `path` (e.g. '/cases/:id' with `{ params: { id } }`); the data type follows from the path.
 * Pass null as the request to skip loading.
 */
export function useApi<P extends PathOf<'GET'>>(path: P, ...[req]: GetArgs<P>): ResourceOf<P> {
  type T = ResponseOf<'GET', P>;
  const url = req === null ? null : urlOf(path, ...([req] as ArgsOf<'GET', P>));
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(url !== null);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    if (url === null) {
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    getUrl(url, ctrl.signal)
      .then((d) => {
        setData(d as T);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err)));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [url, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
