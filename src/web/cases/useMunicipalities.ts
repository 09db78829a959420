/** The municipalities of the networks (public reference data), loaded once and kept in memory. */
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Municipality } from '../types.ts';

let cache: Promise<Municipality[]> | null = null;

async function load(): Promise<Municipality[]> {
  const { items } = await api.get('/networks');
  const details = await Promise.all(items.map((n) => api.get('/networks/:id', { params: { id: n.id } })));
  const byCode = new Map<string, Municipality>();
  for (const d of details) for (const m of d.municipalities) byCode.set(m.istatCode, m);
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

export function useMunicipalities(): { list: Municipality[]; failed: boolean } {
  const [list, setList] = useState<Municipality[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    cache ??= load();
    cache.then(
      (l) => live && setList(l),
      () => {
        cache = null;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { list, failed };
}
