/** Loads an observatory answer by URL (types from src/shared/observatory/types.ts); null skips. */
import { useEffect, useState } from 'react';
import { ApiError, getUrl } from '../../api.ts';

export function useJson<T>(url: string | null): { data: T | undefined; error: ApiError | null; loading: boolean } {
  const [state, setState] = useState<{ url: string | null; data?: T; error: ApiError | null }>({
    url: null,
    error: null,
  });
  useEffect(() => {
    if (url === null) return;
    const ctrl = new AbortController();
    getUrl(url, ctrl.signal)
      .then((data) => setState({ url, data: data as T, error: null }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ url, error: err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err)) });
      });
    return () => ctrl.abort();
  }, [url]);
  const current = state.url === url;
  return {
    // keep the previous answer on screen while the next one loads (no jump)
    data: state.data,
    error: current ? state.error : null,
    loading: url !== null && !current,
  };
}
