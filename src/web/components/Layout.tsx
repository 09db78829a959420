/** Page frame: skip links, header, <main id="main">, footer. */
import { Outlet } from 'react-router-dom';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { SkipLinks } from './SkipLinks.tsx';

export function Layout() {
  return (
    <>
      <SkipLinks />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="container main-content">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}
