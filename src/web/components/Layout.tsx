/** Page frame: skip links, header, <main id="main">, footer. */
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { Loading } from './Loading.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { SkipLinks } from './SkipLinks.tsx';

export function Layout() {
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
