/**
 * Keyboard shortcuts for signed-in users (listed on /aiuto-tastiera): `/` focuses the page's
 * search, or opens the case search (the organisations' where cases are not hers); `g` then `h`
 * goes home, to the work queues; `?` opens the list. Ignored while she types in a field.
 */
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../types.ts';

/** How long after `g` the second key counts. */
const CHORD_MS = 1500;

export const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
};

/** Focuses the first search field of the page; false when there is none. */
export function focusSearch(): boolean {
  const field = document.querySelector<HTMLInputElement>('main input[type="search"]');
  if (!field) return false;
  field.focus();
  return true;
}

/** Where `/` leads when the page has no search. */
export const searchPage = (me: Me): string => (me.permissions.includes('case.read') ? '/percorsi' : '/organizzazioni');

export function useShortcuts(me: Me | null): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pendingFocus = useRef(false);
  const gAt = useRef(0);

  useEffect(() => {
    if (!me) return;
    function onKey(e: KeyboardEvent) {
      if (!me || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const chord = Date.now() - gAt.current < CHORD_MS;
      gAt.current = 0;
      if (e.key === '/') {
        e.preventDefault();
        if (!focusSearch()) {
          pendingFocus.current = true;
          navigate(searchPage(me));
        }
      } else if (e.key === '?') {
        e.preventDefault();
        navigate('/aiuto-tastiera');
      } else if (e.key === 'g') {
        gAt.current = Date.now();
      } else if (chord && e.key === 'h') {
        e.preventDefault();
        navigate('/');
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [me, navigate]);

  // after `/` moved to the search page: focus its field once it is rendered (after the heading took focus)
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => {
    if (!pendingFocus.current) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      if (focusSearch() || ++tries > 40) {
        pendingFocus.current = false;
        return;
      }
      timer = setTimeout(attempt, 50);
    };
    timer = setTimeout(attempt, 0);
    return () => clearTimeout(timer);
  }, [pathname]);
}
