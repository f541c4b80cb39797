/** Accounts: sign up, sign in and out, sessions and personal API tokens. */
import { DomainError, notFound, unauthenticated } from '../domain/errors';
import { normalizeEmail } from '../domain/text';
import type { UserRecord } from '../store/account.repository';
import type { AppContext } from './context';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { hashSecret, newSecret } from './secrets';
import { createWorkspace } from './workspaces';

export const SESSION_DAYS = 30;

/** The address of a caller with no network address: the CLI, or a test without a socket. */
const LOCAL = 'local';

export interface SignedIn {
  readonly user: UserRecord;
  /** The session secret for the cookie; only its hash is stored. */
  readonly sessionSecret: string;
}

const startSession = async (ctx: AppContext, user: UserRecord): Promise<SignedIn> => {
  const sessionSecret = newSecret('ses');
  const expires = new Date(ctx.now().getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await ctx.store.accounts.createSession(hashSecret(sessionSecret), user.id, expires);
  return { user, sessionSecret };
};

/**
 * Creates an account with its own private workspace (and the user as its `self` person), accepts
 * pending invitations to other workspaces, and signs the user in. The first account on a machine
 * adopts the workspaces the CLI made before anyone signed up (`salon demo` on a fresh install),
 * so what the host loaded is there when they open the web app.
 */
export const signUp = async (
  ctx: AppContext,
  input: { email: string; password: string; name?: string | undefined },
  from = LOCAL,
): Promise<SignedIn> => {
  ctx.limits.signUpByAddress.check(from, 'sign-ups from this address');
  ctx.limits.signUpByAddress.fail(from);
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const name = input.name?.trim() || email.split('@')[0] || email;
  const user = await ctx.store.transaction(async (repos) => {
    const first = (await repos.accounts.listUsers(1)).length === 0;
    const created = await repos.accounts.createUser({ email, name, passwordHash });
    const adopted = first ? await repos.workspaces.ownerless() : [];
    for (const workspace of adopted)
      await repos.workspaces.addMember(workspace.id, created.id, 'owner');
    if (adopted.length === 0) await createWorkspace(repos, `${name}'s network`, created);
    await repos.workspaces.acceptInvites(email, created.id);
    return created;
  });
  return startSession(ctx, user);
};

/**
 * Signs in. Wrong guesses are slowed per account and per client address (`from`), and an
 * unknown email costs the same password check as a known one and gets the same answer, so
 * neither the answer nor its timing tells a stranger whether an account exists. A hash made
 * with older, weaker parameters is replaced on the way in.
 */
export const signIn = async (
  ctx: AppContext,
  input: { email: string; password: string },
  from = LOCAL,
): Promise<SignedIn> => {
  const email = normalizeEmail(input.email);
  const { signInByAccount, signInByAddress } = ctx.limits;
  signInByAccount.check(email, 'sign-in attempts for this account');
  signInByAddress.check(from, 'sign-in attempts from this address');
  const user = await ctx.store.accounts.findUserByEmail(email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches) {
    signInByAccount.fail(email);
    signInByAddress.fail(from);
    throw new DomainError('unauthenticated', 'Email or password is wrong');
  }
  signInByAccount.forget(email);
  if (needsRehash(user.passwordHash))
    await ctx.store.accounts.setPasswordHash(user.id, await hashPassword(input.password));
  await ctx.store.accounts.deleteExpiredSessions();
  return startSession(ctx, user);
};

export const signOut = (ctx: AppContext, sessionSecret: string): Promise<void> =>
  ctx.store.accounts.deleteSession(hashSecret(sessionSecret));

export const userOfSession = (ctx: AppContext, sessionSecret: string) =>
  ctx.store.accounts.userOfSession(hashSecret(sessionSecret));

export const userOfApiToken = (ctx: AppContext, token: string) =>
  ctx.store.accounts.userOfApiToken(hashSecret(token));

export const me = async (ctx: AppContext, user: Pick<UserRecord, 'id' | 'email' | 'name'>) => ({
  user: { id: user.id, email: user.email, name: user.name },
  workspaces: (await ctx.store.workspaces.ofUser(user.id)).map((w) => ({
    id: w.id,
    name: w.name,
    role: w.role,
  })),
});

/** Creates a personal API token; the secret is returned once and stored only as a hash. */
export const createApiToken = async (ctx: AppContext, userId: string, name: string) => {
  ctx.limits.tokensByAccount.check(userId, 'new tokens for this account');
  ctx.limits.tokensByAccount.fail(userId);
  const token = newSecret('salon');
  const record = await ctx.store.accounts.createApiToken(userId, name, hashSecret(token));
  return { id: record.id, name: record.name, createdAt: record.createdAt, lastUsedAt: null, token };
};

export const listApiTokens = async (ctx: AppContext, userId: string) =>
  (await ctx.store.accounts.listApiTokens(userId)).map(({ userId: _u, ...t }) => t);

export const revokeApiToken = async (
  ctx: AppContext,
  userId: string,
  id: string,
): Promise<void> => {
  if (!(await ctx.store.accounts.deleteApiToken(userId, id))) throw notFound('Token');
};

/**
 * A token for the CLI (`salon token create`): for the named user, or for the only account on
 * this machine.
 */
export const createApiTokenForCli = async (
  ctx: AppContext,
  email: string | undefined,
  name: string,
) => {
  let user: UserRecord | undefined;
  if (email) user = await ctx.store.accounts.findUserByEmail(normalizeEmail(email));
  else {
    const users = await ctx.store.accounts.listUsers(2);
    if (users.length === 0)
      throw unauthenticated('No account yet: sign up in the web app first (salon serve)');
    if (users.length > 1)
      throw unauthenticated('This machine has several accounts: say whose token with --email');
    user = users[0];
  }
  if (!user) throw unauthenticated(`No account for ${email}`);
  return { ...(await createApiToken(ctx, user.id, name)), email: user.email };
};
