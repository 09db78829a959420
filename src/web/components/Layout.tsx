/** Page frame: skip links, header, <main id="main">, footer; the keyboard shortcuts when signed in. */
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { useShortcuts } from '../keyboard/useShortcuts.ts';
import { Loading } from './Loading.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { SkipLinks } from './SkipLinks.tsx';

export function Layout() {
  const { me } = useAuth();
  useShortcuts(me ?? null);
  return (
    <>
      <SkipLinks />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="container main-content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </>
  );
}
