/**
 * The app's places, in the order the navigation shows them. Later pages ("Gatherings", …) join
 * this list: the sidebar groups them by section, and the phone's bottom bar shows those marked
 * `phone`, then "More", which lists every place.
 */
import type { IconName } from './Icon';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  /** The shorter label under the icon in the phone's bottom bar. */
  readonly short: string;
  readonly icon: IconName;
  readonly section: 'network' | 'hosting' | 'account';
  /** Shown in the phone's bottom bar (four at most: "More" is the fifth). */
  readonly phone: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    to: '/people',
    label: 'People',
    short: 'People',
    icon: 'people',
    section: 'network',
    phone: true,
  },
  {
    to: '/introductions',
    label: 'Introductions to make',
    short: 'Intros',
    icon: 'introductions',
    section: 'network',
    phone: true,
  },
  {
    to: '/movers',
    label: 'Movers and shakers',
    short: 'Movers',
    icon: 'movers',
    section: 'network',
    phone: true,
  },
  {
    to: '/circles',
    label: 'Circles',
    short: 'Circles',
    icon: 'circles',
    section: 'network',
    phone: false,
  },
  {
    to: '/map',
    label: 'Network map',
    short: 'Map',
    icon: 'map',
    section: 'network',
    phone: false,
  },
  {
    to: '/gatherings',
    label: 'Gatherings',
    short: 'Tables',
    icon: 'table',
    section: 'hosting',
    phone: false,
  },
  {
    to: '/moments/new',
    label: 'Log a moment',
    short: 'Log',
    icon: 'moment',
    section: 'hosting',
    phone: true,
  },
  {
    to: '/moments',
    label: 'Moments',
    short: 'Moments',
    icon: 'moment',
    section: 'hosting',
    phone: false,
  },
  {
    to: '/import',
    label: 'Import contacts',
    short: 'Import',
    icon: 'import',
    section: 'account',
    phone: false,
  },
  {
    to: '/settings',
    label: 'Settings',
    short: 'Settings',
    icon: 'settings',
    section: 'account',
    phone: false,
  },
];

/** The phone's last tab: every place, for those the bottom bar has no room for. */
export const MORE_ITEM = { to: '/more', label: 'More', short: 'More', icon: 'more' } as const;

export const NAV_SECTIONS: ReadonlyArray<{
  readonly id: NavItem['section'];
  readonly label: string;
}> = [
  { id: 'network', label: 'Your network' },
  { id: 'hosting', label: 'Hosting' },
  { id: 'account', label: 'Workspace' },
];
