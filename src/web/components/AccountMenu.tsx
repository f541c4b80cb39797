import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../hooks/useSession';

/**
 * Who is signed in and in which workspace, where people look for it: a button that opens a menu
 * to switch workspace, open Settings or sign out. A menu button (aria-expanded, role="menu");
 * arrow keys move between items, Escape closes it and returns focus to the button.
 */
/** The items of an open menu, in order. */
const itemsOf = (menu: HTMLElement | null): HTMLElement[] => [
  ...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []),
];

export function AccountMenu({ placement }: { placement: 'sidebar' | 'topbar' }) {
  const { me, workspace, selectWorkspace, signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const who = me.user.name || me.user.email;

  useEffect(() => {
    if (!open) return;
    itemsOf(menu.current)[0]?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = itemsOf(menu.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move) {
      event.preventDefault();
      all[(at + move + all.length) % all.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? all[0] : all.at(-1))?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  return (
    <div className={`account account-${placement}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`${who} · ${workspace.name}`}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="account-avatar" aria-hidden="true">
          {who.slice(0, 1).toUpperCase()}
        </span>
        <span className="account-text">
          <span className="account-name">{who}</span>
          <span className="account-workspace">{workspace.name}</span>
        </span>
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          className="account-menu"
          role="menu"
          aria-label="Account"
          tabIndex={-1}
          onKeyDown={onMenuKey}
        >
          {me.workspaces.length > 1 ? (
            // biome-ignore lint/a11y/useSemanticElements: a menu groups its items with role="group".
            <div role="group" aria-label="Workspaces">
              <p className="account-menu-label" aria-hidden="true">
                Workspaces
              </p>
              {me.workspaces.map((w) => (
                <button
                  key={w.id}
                  type="button"
                  role="menuitemradio"
                  aria-checked={w.id === workspace.id}
                  className="account-menu-item"
                  tabIndex={-1}
                  onClick={choose(() => selectWorkspace(w.id))}
                >
                  {w.name}
                </button>
              ))}
            </div>
          ) : null}
          <button
            type="button"
            role="menuitem"
            className="account-menu-item"
            tabIndex={-1}
            onClick={choose(() => navigate('/settings'))}
          >
            Settings
          </button>
          <button
            type="button"
            role="menuitem"
            className="account-menu-item"
            tabIndex={-1}
            onClick={choose(() => {
              signOut();
            })}
          >
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
