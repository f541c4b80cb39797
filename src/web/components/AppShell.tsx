import { NavLink, Outlet, useLocation } from 'react-router';
import { AccountMenu } from './AccountMenu';
import { Icon } from './Icon';
import { MORE_ITEM, NAV_ITEMS, NAV_SECTIONS } from './navigation';

const PHONE_ITEMS = NAV_ITEMS.filter((item) => item.phone);

/**
 * The frame around every signed-in page: a sidebar on wide screens, and on a phone a compact
 * header with a bottom bar within thumb's reach. Both carry the account menu (workspace, sign out).
 */
export function AppShell() {
  const { pathname } = useLocation();
  // "More" stays lit on the places only it leads to (circles, the map, import, settings).
  const elsewhere = !PHONE_ITEMS.some((item) => pathname.startsWith(item.to));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Salon</span>
        </div>
        <nav aria-label="Main">
          {NAV_SECTIONS.map((section) => {
            const items = NAV_ITEMS.filter((item) => item.section === section.id);
            if (items.length === 0) return null;
            return (
              <div className="nav-section" key={section.id}>
                <p className="nav-section-label">{section.label}</p>
                <ul>
                  {items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} className="nav-link">
                        <Icon name={item.icon} />
                        <span>{item.label}</span>
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
        <AccountMenu placement="sidebar" />
      </aside>

      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Salon</span>
        </div>
        <AccountMenu placement="topbar" />
      </header>

      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>

      <nav className="tabbar" aria-label="Main (compact)">
        {PHONE_ITEMS.map((item) => (
          <NavLink key={item.to} to={item.to} className="tab">
            <Icon name={item.icon} size={22} />
            <span>{item.short}</span>
          </NavLink>
        ))}
        <NavLink
          to={MORE_ITEM.to}
          className={({ isActive }) => (isActive || elsewhere ? 'tab active' : 'tab')}
        >
          <Icon name={MORE_ITEM.icon} size={22} />
          <span>{MORE_ITEM.short}</span>
        </NavLink>
      </nav>
    </div>
  );
}
