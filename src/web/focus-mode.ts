/**
 * Marks focus that comes from a mouse/touch with data-focus-mouse="true", so bootstrap-italia
 * shows its strong focus ring only to keyboard users (what design-react-kit's track-focus does).
 */
export function trackFocusMode(): void {
  let pointer = false;
  document.addEventListener(
    'pointerdown',
    () => {
      pointer = true;
    },
    true,
  );
  document.addEventListener(
    'keydown',
    () => {
      pointer = false;
    },
    true,
  );
  document.addEventListener('focusin', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLElement)) return;
    if (pointer) el.setAttribute('data-focus-mouse', 'true');
    else el.removeAttribute('data-focus-mouse');
  });
  document.addEventListener('focusout', (e) => {
    if (e.target instanceof HTMLElement) e.target.removeAttribute('data-focus-mouse');
  });
}
