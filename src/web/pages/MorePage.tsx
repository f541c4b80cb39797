import { Link } from 'react-router';
import { Icon } from '../components/Icon';
import { NAV_ITEMS, NAV_SECTIONS } from '../components/navigation';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSession } from '../hooks/useSession';

/** On a phone, every place the bottom bar has no room for, grouped as the sidebar groups them. */
export function MorePage() {
  useDocumentTitle('More');
  const { workspace } = useSession();
  return (
    <div className="page page-narrow">
      <h1>More</h1>
      <p className="page-lead muted">{workspace.name}</p>
      {NAV_SECTIONS.map((section) => {
        const items = NAV_ITEMS.filter((item) => item.section === section.id);
        if (items.length === 0) return null;
        return (
          <nav key={section.id} className="more-section" aria-label={section.label}>
            <h2 className="more-label">{section.label}</h2>
            <ul className="more-list">
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="more-link">
                    <Icon name={item.icon} />
                    <span>{item.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        );
      })}
    </div>
  );
}
