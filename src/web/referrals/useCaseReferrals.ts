/** The referrals a centre sent for one case, each with its detail (views and reports come with it). */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import type { ReferralDetail, ReferralSummary } from './types.ts';

export interface CaseReferrals {
  items: ReferralSummary[] | undefined;
  details: Map<string, ReferralDetail>;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useCaseReferrals(caseId: string): CaseReferrals {
  const [items, setItems] = useState<ReferralSummary[] | undefined>(undefined);
  const [details, setDetails] = useState(new Map<string, ReferralDetail>());
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    (async () => {
      const list = await api.get('/referrals', { query: { box: 'outbox', caseId }, signal: ctrl.signal });
      setItems(list.items);
      const all = await Promise.all(
        list.items.map((r) =>
          api.get('/referrals/:id', { params: { id: r.id }, signal: ctrl.signal }).catch(() => null),
        ),
      );
      setDetails(new Map(all.filter((d): d is ReferralDetail => d !== null).map((d) => [d.id, d])));
      setLoading(false);
    })().catch((err: unknown) => {
      if (ctrl.signal.aborted) return;
      setError(err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err)));
      setLoading(false);
    });
    return () => ctrl.abort();
  }, [caseId, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, details, error, loading, reload };
}
