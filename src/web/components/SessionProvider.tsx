import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { canEdit, type Role } from '../../domain/workspace';
import { api, type Me, setUnauthorizedHandler } from '../api/client';
import { type Session, SessionContext, type SessionState } from '../session';

const WORKSPACE_KEY = 'salon.workspace';

const storedWorkspace = (): string | null => {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
};

/**
 * Asks the server who is signed in, keeps the answer, and picks the workspace to work in (the
 * last one chosen on this browser, else the first). Any 401 from any call signs the page out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [workspaceId, setWorkspaceId] = useState<string | null>(storedWorkspace);

  const refresh = useCallback(async () => {
    setMe((await api.auth.session()).me);
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
    setUnauthorizedHandler(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const selectWorkspace = useCallback((id: string) => {
    setWorkspaceId(id);
    try {
      localStorage.setItem(WORKSPACE_KEY, id);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const signOut = useCallback(async () => {
    await api.auth.signOut().catch(() => undefined);
    setMe(null);
  }, []);

  const signIn = useCallback(async (body: Parameters<typeof api.auth.signIn>[0]) => {
    setMe(await api.auth.signIn(body));
  }, []);

  const signUp = useCallback(async (body: Parameters<typeof api.auth.signUp>[0]) => {
    setMe(await api.auth.signUp(body));
  }, []);

  const session = useMemo((): Session | null | undefined => {
    if (!me) return me;
    const workspace = me.workspaces.find((w) => w.id === workspaceId) ?? me.workspaces[0];
    if (!workspace) return null;
    return {
      me,
      workspace,
      canEdit: canEdit(workspace.role as Role),
      selectWorkspace,
      refresh,
      signOut,
    };
  }, [me, workspaceId, selectWorkspace, refresh, signOut]);

  const state = useMemo<SessionState>(
    () => ({ session, signIn, signUp }),
    [session, signIn, signUp],
  );
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
