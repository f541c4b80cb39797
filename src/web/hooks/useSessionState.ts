import { useContext } from 'react';
import { SessionContext, type SessionState } from '../session';

/** The session state, signed in or not: for the sign-in pages and the route guard. */
export const useSessionState = (): SessionState => {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState must be used inside <SessionProvider>');
  return state;
};
