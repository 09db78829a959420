/** Moves focus to an element whenever `key` changes (a wizard's step heading), not on arrival. */
import { type RefObject, useEffect, useRef } from 'react';

export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: unknown) {
  const seen = useRef(key);
  useEffect(() => {
    if (Object.is(seen.current, key)) return;
    seen.current = key;
    ref.current?.focus();
  }, [ref, key]);
}
