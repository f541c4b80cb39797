import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createApp } from './app';
import type { Api } from './env';

interface Session {
  cookie: string;
  workspaceId: string;
}

const json = (body: unknown, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

describe.each(testDialects())('the JSON API on %s', (dialect) => {
  let store: Store;
  let app: Api;
  let ana: Session;
  let ben: Session;

  const signUp = async (email: string, name: string): Promise<Session> => {
    const res = await app.request(
      '/api/auth/sign-up',
      json({ email, password: 'correct horse', name }),
    );
    expect(res.status).toBe(201);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = (await res.json()) as { workspaces: Array<{ id: string }> };
    return { cookie, workspaceId: body.workspaces[0]!.id };
  };
  const get = (path: string, s: Session) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (path: string, s: Session, body: unknown) => app.request(path, json(body, s.cookie));
  const people = (s: Session) => `/api/workspaces/${s.workspaceId}/people`;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    app = createApp(createContext(store));
    ana = await signUp('ana@example.com', 'Ana Lima');
    ben = await signUp('ben@example.com', 'Ben Okafor');
  });
  afterAll(() => store.close());

  it('answers health without signing in', async () => {
    const res = await app.request('/api/health');
    expect(await res.json()).toMatchObject({ ok: true, database: dialect });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie at sign-up', async () => {
    const res = await app.request(
      '/api/auth/sign-up',
      json({ email: 'c@example.com', password: 'long enough' }),
    );
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/salon_session=ses_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a second account with the same email with 409', async () => {
    const res = await app.request(
      '/api/auth/sign-up',
      json({ email: 'ANA@example.com', password: 'whatever1' }),
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('conflict');
  });

  it('signs in with the right password only', async () => {
    const wrong = await app.request(
      '/api/auth/sign-in',
      json({ email: 'ana@example.com', password: 'nope' }),
    );
    expect(wrong.status).toBe(401);
    const right = await app.request(
      '/api/auth/sign-in',
      json({ email: 'ana@example.com', password: 'correct horse' }),
    );
    expect(right.status).toBe(200);
  });

  it('answers 401 to a workspace route without a session', async () => {
    expect((await app.request(people(ana))).status).toBe(401);
  });

  it('names each bad field with 400', async () => {
    const res = await post(people(ana), ana, {
      displayName: 'X',
      emails: ['not-an-email'],
      stature: 9,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; fields: Array<{ field: string }> };
    };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.map((f) => f.field).sort()).toEqual(['emails.0', 'stature']);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await app.request(people(ana), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: ana.cookie },
      body: '{"displayName": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  });

  it('answers 413 with the limit to a ten-megabyte note, and writes nothing', async () => {
    const before = (
      (await (await get(`/api/workspaces/${ana.workspaceId}/stats`, ana)).json()) as {
        people: number;
      }
    ).people;
    const res = await post(people(ana), ana, {
      displayName: 'Big',
      notes: 'x'.repeat(10 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/1 MB/);
    const after = (
      (await (await get(`/api/workspaces/${ana.workspaceId}/stats`, ana)).json()) as {
        people: number;
      }
    ).people;
    expect(after).toBe(before);
  });

  it('creates, finds by three letters ignoring diacritics, updates and deletes a person', async () => {
    const created = await post(people(ana), ana, {
      givenName: 'Jürgen',
      familyName: 'Schmidt',
      organization: 'Nordlicht Ventures',
      tags: ['climate investors'],
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string; displayName: string };
    expect(person.displayName).toBe('Jürgen Schmidt');
    const found = (await (await get(`${people(ana)}?q=jur`, ana)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(found.items.map((p) => p.id)).toEqual([person.id]);
    const patched = await app.request(`${people(ana)}/${person.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: ana.cookie },
      body: JSON.stringify({ title: 'Partner' }),
    });
    expect(((await patched.json()) as { title: string }).title).toBe('Partner');
    const removed = await app.request(`${people(ana)}/${person.id}`, {
      method: 'DELETE',
      headers: { cookie: ana.cookie },
    });
    expect(removed.status).toBe(204);
    expect((await get(`${people(ana)}/${person.id}`, ana)).status).toBe(404);
  });

  it('pages through people with a cursor', async () => {
    for (const name of ['Pat A', 'Pat B', 'Pat C', 'Pat D', 'Pat E'])
      await post(people(ben), ben, { displayName: name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = (await (await get(`${people(ben)}${query}`, ben)).json()) as {
        items: Array<{ displayName: string }>;
        nextCursor: string | null;
      };
      seen.push(...page.items.map((p) => p.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Ben Okafor', 'Pat A', 'Pat B', 'Pat C', 'Pat D', 'Pat E']);
  });

  it('answers 404, never 403, for another workspace and its people', async () => {
    // Two people and a tie that truly exist, in Ben's workspace: Ana reaches none of them
    // through hers, and Ben's tie is still there, unchanged, after she tried.
    const bensHost = (await (await get(people(ben), ben)).json()) as {
      items: Array<{ id: string }>;
    };
    const someone = bensHost.items[0]!.id;
    const friend = (
      (await (await post(people(ben), ben, { displayName: 'Cy Ben' })).json()) as {
        id: string;
      }
    ).id;
    const bensTie = (await (
      await post(`/api/workspaces/${ben.workspaceId}/ties`, ben, {
        aId: someone,
        bId: friend,
        strength: 2,
      })
    ).json()) as { id: string };
    expect((await get(people(ben), ana)).status).toBe(404);
    expect((await get(`${people(ana)}/${someone}`, ana)).status).toBe(404);
    const tie = await post(`/api/workspaces/${ana.workspaceId}/ties`, ana, {
      aId: someone,
      bId: friend,
    });
    expect(tie.status).toBe(404);
    const anasTies = `/api/workspaces/${ana.workspaceId}/ties/${bensTie.id}`;
    const patched = await app.request(anasTies, {
      ...json({ strength: 5 }, ana.cookie),
      method: 'PATCH',
    });
    expect(patched.status).toBe(404);
    const removed = await app.request(anasTies, {
      method: 'DELETE',
      headers: { cookie: ana.cookie },
    });
    expect(removed.status).toBe(404);
    const still = (await (await get(`${people(ben)}/${friend}/ties`, ben)).json()) as Array<{
      id: string;
      strength: number;
    }>;
    expect(still.map((t) => [t.id, t.strength])).toEqual([[bensTie.id, 2]]);
  });

  it('logs a moment: new attendee created, ties made, last contact moved, timeline shown', async () => {
    const sam = (await (await post(people(ana), ana, { displayName: 'Sam Park' })).json()) as {
      id: string;
    };
    const res = await post(`/api/workspaces/${ana.workspaceId}/moments`, ana, {
      kind: 'wedding',
      title: "Sam's wedding",
      occurredOn: '2026-06-13',
      attendees: [
        { newPerson: { displayName: 'Dana Reyes' }, mark: 'met_new' },
        { personId: sam.id, mark: 'present' },
      ],
    });
    expect(res.status).toBe(201);
    const moment = (await res.json()) as {
      context: string;
      attendees: Array<{ personId: string; displayName: string; mark: string }>;
    };
    expect(moment.context).toBe('everyday');
    const dana = moment.attendees.find((a) => a.displayName === 'Dana Reyes')!;
    const danaPage = (await (await get(`${people(ana)}/${dana.personId}`, ana)).json()) as {
      lastContactOn: string;
      howWeMet: string;
    };
    expect(danaPage.lastContactOn).toBe('2026-06-13');
    expect(danaPage.howWeMet).toBe("Sam's wedding");
    const ties = (await (await get(`${people(ana)}/${dana.personId}/ties`, ana)).json()) as Array<{
      otherName: string;
    }>;
    expect(ties.map((t) => t.otherName)).toEqual(['Ana Lima']);
    const samTies = (await (await get(`${people(ana)}/${sam.id}/ties`, ana)).json()) as unknown[];
    expect(samTies).toEqual([]);
    const timeline = (await (
      await get(`${people(ana)}/${dana.personId}/moments`, ana)
    ).json()) as Array<{
      title: string;
      mark: string;
    }>;
    expect(timeline.map((m) => [m.title, m.mark])).toEqual([["Sam's wedding", 'met_new']]);
  });

  it('leaves nothing behind when a moment names a foreign attendee', async () => {
    const before = (await (
      await get(`/api/workspaces/${ana.workspaceId}/stats`, ana)
    ).json()) as object;
    const res = await post(`/api/workspaces/${ana.workspaceId}/moments`, ana, {
      kind: 'coffee',
      occurredOn: '2026-07-01',
      attendees: [
        { newPerson: { displayName: 'Would Be Created' }, mark: 'met_new' },
        { personId: 'not-a-person', mark: 'met_new' },
      ],
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { fields: Array<{ field: string }> } }).error.fields[0]!
        .field,
    ).toBe('attendees.1.personId');
    expect(await (await get(`/api/workspaces/${ana.workspaceId}/stats`, ana)).json()).toEqual(
      before,
    );
  });

  it('accepts a personal API token as a bearer and forgets it when revoked', async () => {
    const created = (await (await post('/api/tokens', ana, { name: 'script' })).json()) as {
      id: string;
      token: string;
    };
    const bearer = { headers: { authorization: `Bearer ${created.token}` } };
    expect((await app.request(people(ana), bearer)).status).toBe(200);
    await app.request(`/api/tokens/${created.id}`, {
      method: 'DELETE',
      headers: { cookie: ana.cookie },
    });
    expect((await app.request(people(ana), bearer)).status).toBe(401);
  });

  it('lets an invited viewer read but not write', async () => {
    const invite = await post(`/api/workspaces/${ana.workspaceId}/members`, ana, {
      email: 'viewer@example.com',
      role: 'viewer',
    });
    expect(((await invite.json()) as { pending: boolean }).pending).toBe(true);
    const viewer = await signUp('viewer@example.com', 'Vi');
    const asViewer = { ...viewer, workspaceId: ana.workspaceId };
    expect((await get(people(asViewer), asViewer)).status).toBe(200);
    expect((await post(people(asViewer), asViewer, { displayName: 'Nope' })).status).toBe(403);
  });

  it('documents every route in an OpenAPI 3.1 document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-up',
        '/api/workspaces/{workspaceId}/people',
        '/api/workspaces/{workspaceId}/people/{id}',
        '/api/workspaces/{workspaceId}/moments',
        '/api/workspaces/{workspaceId}/ties',
      ]),
    );
  });
});
