/**
 * The screens a permission opens, in the order the menu and the home page show them. NavMenu,
 * HomePage and the route guards read this table and `/me`'s permissions, never roles: a new
 * permission shows by adding a row here.
 */
import type { Action } from '../shared/can.ts';
import type { Messages } from './i18n/it.ts';
import type { Me } from './types.ts';

interface Context {
  t: Messages;
  me: Me;
  /** unread notifications (the menu shows the count) */
  unread: number | null;
}

interface Screen {
  /** the permission that opens the screen */
  action: Action;
  to: (c: Context) => string;
  /** the link in the main menu; rows with the same path after the first are left out */
  nav?: (c: Context) => string;
  /** the card on the home page */
  tile?: (c: Context) => { title: string; text: string };
  /** NavLink's `end`: active only on this exact path */
  end?: boolean;
}

const path = (to: string) => () => to;

export const SCREENS: readonly Screen[] = [
  {
    action: 'notification.read',
    to: path('/notifiche'),
    nav: ({ t, unread }) =>
      unread ? t.notifications.navCount.replace('{count}', String(unread)) : t.notifications.nav,
  },
  {
    action: 'case.read',
    to: path('/percorsi'),
    nav: ({ t }) => t.nav.cases,
    tile: ({ t }) => ({ title: t.home.casesTitle, text: t.home.casesText }),
  },
  {
    action: 'case.read',
    to: path('/follow-up'),
    nav: ({ t }) => t.nav.followUps,
    tile: ({ t }) => ({ title: t.home.followUpsTitle, text: t.home.followUpsText }),
  },
  {
    action: 'case.write',
    to: path('/percorsi/nuovo'),
    tile: ({ t }) => ({ title: t.home.intakeTitle, text: t.home.intakeText }),
  },
  {
    action: 'referral.read',
    to: path('/invii'),
    nav: ({ t }) => t.referralNav.nav,
    tile: ({ t }) => ({ title: t.referralNav.homeTitle, text: t.referralNav.homeText }),
  },
  {
    action: 'referral.overdue_list',
    to: path('/invii/scaduti'),
    nav: ({ t }) => t.referralNav.overdueNav,
    tile: ({ t }) => ({ title: t.referralNav.overdueTitle, text: t.referralNav.overdueText }),
  },
  {
    action: 'network.read',
    to: path('/reti'),
    nav: ({ t }) => t.nav.networks,
    tile: ({ t }) => ({ title: t.home.networksTitle, text: t.home.networksText }),
  },
  {
    action: 'organisation.read',
    to: path('/organizzazioni'),
    nav: ({ t }) => t.nav.organisations,
    tile: ({ t }) => ({ title: t.home.organisationsTitle, text: t.home.organisationsText }),
  },
  {
    action: 'protocol.read',
    to: path('/protocolli'),
    nav: ({ t }) => t.nav.protocols,
    tile: ({ t }) => ({ title: t.home.protocolsTitle, text: t.home.protocolsText }),
  },
  {
    action: 'organisation.read',
    to: ({ me }) => `/organizzazioni/${encodeURIComponent(me.organisation.id)}`,
    tile: ({ t }) => ({ title: t.home.myOrgTitle, text: t.home.myOrgText }),
  },
  {
    action: 'user.manage',
    to: path('/utenti'),
    nav: ({ t }) => t.nav.users,
    tile: ({ t }) => ({ title: t.home.usersTitle, text: t.home.usersText }),
  },
  {
    action: 'directory.edit',
    to: path('/elenco-pubblico'),
    nav: ({ t }) => t.directory.nav,
    tile: ({ t }) => ({ title: t.directory.homeTitle, text: t.directory.homeText }),
  },
  // obs-report: the observatory
  {
    action: 'observatory.read',
    to: path('/osservatorio'),
    nav: ({ t }) => t.observatory.nav,
    tile: ({ t }) => ({ title: t.observatory.homeTitle, text: t.observatory.homeText }),
  },
  // net-control: the control room of her protocols
  {
    action: 'control_room.read',
    to: path('/cabina-di-regia'),
    nav: ({ t }) => t.controlRoom.nav,
    tile: ({ t }) => ({ title: t.controlRoom.homeTitle, text: t.controlRoom.homeText }),
  },
  // net-companies: companies and vacancies of the actor's networks
  {
    action: 'company.read',
    to: path('/aziende'),
    nav: ({ t }) => t.companies.nav,
    tile: ({ t }) => ({ title: t.companies.homeTitle, text: t.companies.homeText }),
  },
  {
    action: 'procedure.read',
    to: path('/procedure'),
    nav: ({ t }) => t.controlRoom.procedures.nav,
    tile: ({ t }) => ({ title: t.controlRoom.procedures.homeTitle, text: t.controlRoom.procedures.homeText }),
  },
  // training and coverage (issue 8)
  {
    action: 'training.coverage',
    to: path('/formazione'),
    nav: ({ t }) => t.training.nav,
    tile: ({ t }) => ({ title: t.training.homeTitle, text: t.training.homeText }),
  },
  {
    action: 'prevention.read',
    to: path('/prevenzione'),
    nav: ({ t }) => t.prevention.nav,
    tile: ({ t }) => ({ title: t.prevention.homeTitle, text: t.prevention.homeText }),
  },
  {
    action: 'audit.read_organisation',
    to: path('/audit'),
    nav: ({ t }) => t.nav.audit,
    tile: ({ t }) => ({ title: t.home.auditTitle, text: t.home.auditText }),
  },
  {
    // issue 12: the DPO's insider alerts (a home tile; the notification links here too)
    action: 'insider.read',
    to: path('/allerte'),
    tile: ({ t }) => ({ title: t.rights.alerts.title, text: t.rights.alerts.homeText }),
  },
  {
    action: 'audit.read_own',
    // who reads the organisation's trail finds her own actions under her name
    to: ({ me }) =>
      me.permissions.includes('audit.read_organisation') ? `/audit?actor=${encodeURIComponent(me.user.id)}` : '/audit',
    nav: ({ t }) => t.nav.myActivity,
    tile: ({ t }) => ({ title: t.home.myActivityTitle, text: t.home.myActivityText }),
  },
];

export interface NavItem {
  to: string;
  text: string;
  end?: boolean;
}

const open = (me: Me) => SCREENS.filter((s) => me.permissions.includes(s.action));

/** The main menu: home first, then each permitted screen once (by path, without the query). */
export function navLinks(c: Context): NavItem[] {
  const links: NavItem[] = [{ to: '/', text: c.t.nav.home, end: true }];
  for (const s of open(c.me)) {
    if (!s.nav) continue;
    const to = s.to(c).split('?')[0] as string;
    if (links.some((l) => l.to === to)) continue;
    links.push({ to, text: s.nav(c), end: s.end });
  }
  return links;
}

export interface Tile {
  to: string;
  title: string;
  text: string;
}

/** The home page's cards: one for each permitted screen that has one. */
export function homeTiles(c: Omit<Context, 'unread'>): Tile[] {
  const full = { ...c, unread: 0 };
  return open(c.me).flatMap((s) => (s.tile ? [{ to: s.to(full), ...s.tile(full) }] : []));
}
