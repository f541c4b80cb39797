/**
 * The app's places, in the order the navigation shows them. Later pages ("Should meet",
 * "Movers and shakers", "Network map", "Gatherings", "Import") join this list: the sidebar groups
 * them by section, and the phone's bottom bar shows those marked `phone`.
 */
import type { IconName } from './Icon';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  /** The shorter label under the icon in the phone's bottom bar. */
  readonly short: string;
  readonly icon: IconName;
  readonly section: 'network' | 'hosting' | 'account';
  /** Shown in the phone's bottom bar (keep it to five at most). */
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
    to: '/moments/new',
    label: 'Log a moment',
    short: 'Log',
    icon: 'moment',
    section: 'hosting',
    phone: true,
  },
  {
    to: '/settings',
    label: 'Settings',
    short: 'Settings',
    icon: 'settings',
    section: 'account',
    phone: true,
  },
];

export const NAV_SECTIONS: ReadonlyArray<{
  readonly id: NavItem['section'];
  readonly label: string;
}> = [
  { id: 'network', label: 'Your network' },
  { id: 'hosting', label: 'Hosting' },
  { id: 'account', label: 'Workspace' },
];
