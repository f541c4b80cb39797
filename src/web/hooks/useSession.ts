import type { Session } from '../session';
import { useSessionState } from './useSessionState';

/** The signed-in session: only for pages behind the route guard. */
export const useSession = (): Session => {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession must be used behind <RequireSession>');
  return session;
};
