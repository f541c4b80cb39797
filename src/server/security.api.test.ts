/**
 * What a stranger can and cannot do: send changes from another site with the host's cookie,
 * guess passwords, learn who has an account, or break the server with a NUL byte.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../app/context';
import type { DialectName } from '../store/database';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createApp } from './app';
import type { Api } from './env';

interface Session {
  cookie: string;
  workspaceId: string;
}

const ORIGIN = 'http://localhost';

/** A server on a fresh store of `dialect` with Ana signed up, on a clock the test can move. */
const serverFor = (dialect: DialectName) => {
  const server = {
    store: undefined as unknown as Store,
    app: undefined as unknown as Api,
    ana: undefined as unknown as Session,
    // Near the real time: the store stamps and expires sessions by its own clock.
    clock: Date.now(),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      server.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    signIn: (email: string, password: string) =>
      server.post('/api/auth/sign-in', { email, password }),
  };
  beforeAll(async () => {
    server.store = await openTestStore(dialect);
    server.app = createApp(createContext(server.store, () => new Date(server.clock)));
    const res = await server.post('/api/auth/sign-up', {
      email: 'ana@example.com',
      password: 'correct horse',
      name: 'Ana Lima',
    });
    const body = (await res.json()) as { workspaces: Array<{ id: string }> };
    server.ana = {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      workspaceId: body.workspaces[0]!.id,
    };
  });
  afterAll(() => server.store.close());
  return server;
};

describe.each(testDialects())('the server against strangers, on %s', (dialect) => {
  const server = serverFor(dialect);
  const { post, signIn } = server;
  const peopleCount = async (s: Session) =>
    (
      (await (
        await server.app.request(`/api/workspaces/${s.workspaceId}/people?limit=200`, {
          headers: { cookie: s.cookie },
        })
      ).json()) as { items: unknown[] }
    ).items.length;

  describe('changes sent from another site', () => {
    const addPerson = (headers: Record<string, string>) =>
      post(
        `/api/workspaces/${server.ana.workspaceId}/people`,
        { displayName: 'Planted Contact' },
        { cookie: server.ana.cookie, ...headers },
      );

    it('refuses a cookie-authenticated change from another origin, and changes nothing', async () => {
      const before = await peopleCount(server.ana);
      const res = await addPerson({ origin: 'http://localhost:5555' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      const sameSite = await addPerson({ 'sec-fetch-site': 'same-site' });
      expect(sameSite.status).toBe(403);
      expect(await peopleCount(server.ana)).toBe(before);
    });

    it('accepts the same change from Salon’s own pages', async () => {
      const before = await peopleCount(server.ana);
      expect((await addPerson({ origin: ORIGIN })).status).toBe(201);
      expect((await addPerson({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
      expect(await peopleCount(server.ana)).toBe(before + 2);
    });

    it('refuses signing out from another site, so the session survives', async () => {
      const res = await post(
        '/api/auth/sign-out',
        {},
        { cookie: server.ana.cookie, origin: 'http://evil.example' },
      );
      expect(res.status).toBe(403);
      const me = await server.app.request('/api/auth/me', {
        headers: { cookie: server.ana.cookie },
      });
      expect(me.status).toBe(200);
    });

    it('leaves bearer-token scripts alone: they carry no ambient credential', async () => {
      const token = (await (
        await post('/api/tokens', { name: 'script' }, { cookie: server.ana.cookie })
      ).json()) as { token: string };
      const res = await post(
        `/api/workspaces/${server.ana.workspaceId}/people`,
        { displayName: 'From a script' },
        { authorization: `Bearer ${token.token}`, origin: 'http://localhost:5555' },
      );
      expect(res.status).toBe(201);
    });

    it('writes a token’s last use once, not on every request', async () => {
      const token = (await (
        await post('/api/tokens', { name: 'loop' }, { cookie: server.ana.cookie })
      ).json()) as { id: string; token: string };
      const lastUsed = async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await server.app.request('/api/auth/me', {
          headers: { authorization: `Bearer ${token.token}` },
        });
        const tokens = (await (
          await server.app.request('/api/tokens', { headers: { cookie: server.ana.cookie } })
        ).json()) as Array<{ id: string; lastUsedAt: string | null }>;
        return tokens.find((t) => t.id === token.id)?.lastUsedAt;
      };
      const first = await lastUsed();
      expect(first).toEqual(expect.any(String));
      expect(await lastUsed()).toBe(first);
    });
  });

  describe('demo networks from the web', () => {
    const demo = (people: number) =>
      post(
        `/api/workspaces/${server.ana.workspaceId}/demo`,
        { people },
        {
          cookie: server.ana.cookie,
        },
      );

    it('refuses a network larger than the web may load, naming the field', async () => {
      const res = await demo(50_000);
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { fields: Array<{ field: string; reason: string }> };
      };
      expect(body.error.fields[0]).toMatchObject({ field: 'people' });
      expect(body.error.fields[0]?.reason).toMatch(/salon demo/);
    });

    it('loads three per account, then asks to wait', async () => {
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push((await demo(10)).status);
      // Whether each loads or finds the workspace not empty, every ask counts; the fourth waits.
      expect(answers.slice(0, 3)).not.toContain(429);
      expect(answers[3]).toBe(429);
    });
  });

  describe('headers', () => {
    it('refuses a Host it does not answer to, so a rebinding page cannot reach it', async () => {
      const at = (host: string) => server.app.request('/api/health', { headers: { host } });
      expect((await at('evil.example')).status).toBe(403);
      expect((await at('evil.example:4321')).status).toBe(403);
      expect((await at('localhost:4321')).status).toBe(200);
      expect((await at('127.0.0.1:4321')).status).toBe(200);
      expect((await at('[::1]:4321')).status).toBe(200);
    });

    it('sends a Content-Security-Policy without inline scripts, no framing, nosniff', async () => {
      const res = await server.app.request('/api/health');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    });
  });

  describe('control characters', () => {
    it('answers 400 naming the field to a NUL byte, even before signing in', async () => {
      const res = await signIn('ana\u0000@example.com', 'x');
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: Array<{ field: string }> } };
      expect(body.error.fields.map((f) => f.field)).toEqual(['email']);
    });

    it('refuses a person whose fields hold control characters, and writes nothing', async () => {
      const before = await peopleCount(server.ana);
      const res = await post(
        `/api/workspaces/${server.ana.workspaceId}/people`,
        { displayName: 'Nul\u0000Person', tags: ['ok', 'bell\u0007'] },
        { cookie: server.ana.cookie },
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: Array<{ field: string }> } };
      expect(body.error.fields.map((f) => f.field).sort()).toEqual(['displayName', 'tags.1']);
      expect(await peopleCount(server.ana)).toBe(before);
    });

    it('refuses a query parameter with a NUL byte', async () => {
      const res = await server.app.request(
        `/api/workspaces/${server.ana.workspaceId}/people?search=a%00b`,
        {
          headers: { cookie: server.ana.cookie },
        },
      );
      expect(res.status).toBe(400);
    });

    it('keeps tabs and line breaks in notes', async () => {
      const res = await post(
        `/api/workspaces/${server.ana.workspaceId}/people`,
        { displayName: 'Tab Person', notes: 'line one\r\nline\ttwo' },
        { cookie: server.ana.cookie },
      );
      expect(res.status).toBe(201);
    });
  });

  it('replaces a password hash made with weaker parameters at the next sign-in', async () => {
    server.clock += 2 * 3_600_000;
    const user = await server.store.accounts.findUserByEmail('ana@example.com');
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const weak = [
      'scrypt',
      1024,
      8,
      1,
      salt.toString('base64'),
      scryptSync('correct horse', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64'),
    ].join('$');
    await server.store.accounts.setPasswordHash(user!.id, weak);
    expect((await signIn('ana@example.com', 'correct horse')).status).toBe(200);
    const after = await server.store.accounts.findUserByEmail('ana@example.com');
    expect(after!.passwordHash.split('$')[1]).toBe(String(2 ** 17));
    expect((await signIn('ana@example.com', 'correct horse')).status).toBe(200);
  });

  it('purges expired sessions when someone signs in', async () => {
    await server.store.accounts.createSession(
      'expired-session-hash',
      (await server.store.accounts.findUserByEmail('ana@example.com'))!.id,
      new Date(Date.now() - 1000).toISOString(),
    );
    expect(await server.store.accounts.deleteExpiredSessions()).toBe(1);
    await server.store.accounts.createSession(
      'expired-again',
      (await server.store.accounts.findUserByEmail('ana@example.com'))!.id,
      new Date(Date.now() - 1000).toISOString(),
    );
    expect((await signIn('ana@example.com', 'correct horse')).status).toBe(200);
    expect(await server.store.accounts.deleteExpiredSessions()).toBe(0);
  });
});

// The back-off lives in the process, not the database: one dialect proves it, and each guess
// costs a real scrypt hash.
describe('guessing passwords, on sqlite', () => {
  const server = serverFor('sqlite');
  const signIn = (email: string, password: string) => server.signIn(email, password);

  // Each case starts after the failures of the one before are forgotten.
  beforeEach(() => {
    server.clock += 2 * 3_600_000;
  });

  it('slows an account down after five wrong passwords, with a clear 429', async () => {
    for (let i = 0; i < 6; i += 1)
      expect((await signIn('ana@example.com', 'wrong')).status).toBe(401);
    const blocked = await signIn('ana@example.com', 'correct horse');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(
      /Too many sign-in attempts for this account: try again in 1 second/,
    );
    server.clock += 1_000;
    expect((await signIn('ana@example.com', 'correct horse')).status).toBe(200);
    // A success forgets the account's failures.
    expect((await signIn('ana@example.com', 'wrong')).status).toBe(401);
  });

  it('answers an unknown email exactly as a wrong password, after the same work', async () => {
    const timed = async (email: string) => {
      const start = performance.now();
      const res = await signIn(email, 'wrong');
      return { ms: performance.now() - start, res };
    };
    const known = await timed('ana@example.com');
    const unknown = await timed('nobody@example.com');
    expect(unknown.res.status).toBe(known.res.status);
    expect(await unknown.res.json()).toMatchObject({
      error: { message: (await known.res.json()).error.message },
    });
    // Without the decoy check an unknown email answered in ~3 ms against ~150 ms or more.
    expect(unknown.ms).toBeGreaterThan(known.ms / 4);
    for (let i = 0; i < 6; i += 1) await signIn('ghost@example.com', 'wrong');
    expect((await signIn('ghost@example.com', 'wrong')).status).toBe(429);
  });

  it('slows a single address that tries many accounts', async () => {
    for (let i = 0; i < 11; i += 1) await signIn(`spray${i}@example.com`, 'wrong');
    expect((await signIn('someone-else@example.com', 'wrong')).status).toBe(429);
    server.clock += 2 * 3_600_000;
  });
});
