/** The shape of the signed-in session, shared by its provider and the hooks that read it. */
import { createContext } from 'react';
import type { Me, SignIn, SignUp, WorkspaceSummary } from './api/client';

/** Who is signed in, the workspace they are working in, and the ways to change either. */
export interface Session {
  readonly me: Me;
  readonly workspace: WorkspaceSummary;
  /** Owners and editors may change the network; viewers only read it. */
  readonly canEdit: boolean;
  selectWorkspace(workspaceId: string): void;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export interface SessionState {
  /** `undefined` while the first "who am I" is in flight; `null` when signed out. */
  readonly session: Session | null | undefined;
  signIn(body: SignIn): Promise<void>;
  signUp(body: SignUp): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);
