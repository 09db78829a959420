/**
 * The unread count shown in the navigation. It is fetched when the user moves to another page and
 * when the inbox changes, never on a timer: a poll would count as activity and keep an idle
 * session alive past its 15 minutes.
 */
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../api.ts';

const CHANGED = 'percorsi:notifications-changed';

/** Tells the navigation to fetch the count again (after marking as read). */
export function unreadChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function useUnreadCount(signedIn: boolean): number | null {
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const onChange = () => setTick((n) => n + 1);
    window.addEventListener(CHANGED, onChange);
    return () => window.removeEventListener(CHANGED, onChange);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname and tick are the triggers
  useEffect(() => {
    if (!signedIn) {
      setCount(null);
      return;
    }
    const ctrl = new AbortController();
    api
      .get('/notifications', { query: { unread: true, limit: 1 }, signal: ctrl.signal })
      .then((d) => setCount(d.unread))
      .catch(() => {
        // the navigation works without the count
      });
    return () => ctrl.abort();
  }, [signedIn, pathname, tick]);

  return count;
}
