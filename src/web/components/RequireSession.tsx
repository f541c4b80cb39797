import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from '../hooks/useSessionState';
import { Spinner } from './Spinner';

/** Shows its children to a signed-in user; sends anyone else to sign in, and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSessionState();
  const location = useLocation();
  if (session === undefined) {
    return (
      <div className="page-loading">
        <Spinner label="Opening Salon" />
      </div>
    );
  }
  if (session === null) {
    const next = location.pathname + location.search;
    return (
      <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />
    );
  }
  return children;
}
