import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LINKEDIN_SAMPLE,
  LINKEDIN_WITH_BAD_ROWS,
  openTestStore,
  testDialects,
  VCARD_SAMPLE,
} from '../app/contacts.fixtures';
import { createContext } from '../app/context';
import { createApp } from './app';
import type { Api } from './env';

interface Session {
  cookie: string;
  workspaceId: string;
}

interface Report {
  batchId: string | null;
  written: boolean;
  counts: Record<string, number>;
  duplicates: Array<{ displayName: string; into: { file: string } }>;
  problems: Array<{ text: string }>;
}

describe.each(testDialects())('contacts in and out through the API on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let app: Api;
  let ana: Session;
  let ben: Session;

  const signUp = async (email: string, name: string): Promise<Session> => {
    const res = await app.request('/api/auth/sign-up', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse', name }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = (await res.json()) as { workspaces: Array<{ id: string }> };
    return { cookie, workspaceId: body.workspaces[0]!.id };
  };
  const ws = (s: Session, path: string) => `/api/workspaces/${s.workspaceId}${path}`;
  const send = (s: Session, path: string, init: RequestInit = {}) =>
    app.request(ws(s, path), {
      ...init,
      headers: { cookie: s.cookie, ...(init.headers as Record<string, string> | undefined) },
    });
  const upload = (s: Session, path: string, body: BodyInit, type = 'text/csv') =>
    send(s, path, { method: 'POST', body, headers: { 'content-type': type } });
  const peopleCount = async (s: Session) =>
    ((await (await send(s, '/stats')).json()) as { people: number }).people;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    app = createApp(createContext(store));
    ana = await signUp('ana@example.com', 'Ana Lima');
    ben = await signUp('ben@example.com', 'Ben Okafor');
  });
  afterAll(() => store.close());

  it('previews a raw upload without writing, naming the file in every line', async () => {
    const res = await upload(
      ana,
      '/imports?dryRun=true&fileName=Connections.csv',
      LINKEDIN_WITH_BAD_ROWS,
    );
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ written: false, batchId: null });
    expect(report.problems.map((p) => p.text)).toEqual([
      'Connections.csv:3: Email Address: "ben.okafor@" is not an email address',
      'Connections.csv:4: Connected On: "sometime in 2020" is not a date',
    ]);
    expect(await peopleCount(ana)).toBe(1);
  });

  it('writes nothing for bad rows by default, and the good rows with skipInvalid', async () => {
    const refused = await upload(ana, '/imports', LINKEDIN_WITH_BAD_ROWS);
    expect(refused.status).toBe(200);
    expect(((await refused.json()) as Report).written).toBe(false);
    expect(await peopleCount(ana)).toBe(1);
    const skipped = await upload(ana, '/imports?skipInvalid=1', LINKEDIN_WITH_BAD_ROWS);
    expect(skipped.status).toBe(201);
    const report = (await skipped.json()) as Report;
    expect(report.counts).toMatchObject({ created: 2, rejected: 2 });
    const undo = await send(ana, `/imports/${report.batchId}/undo`, { method: 'POST' });
    expect(undo.status).toBe(200);
    expect(await peopleCount(ana)).toBe(1);
  });

  it('imports a LinkedIn export and a vCard file in one multipart upload, each person once', async () => {
    const form = new FormData();
    form.append('file', new File([LINKEDIN_SAMPLE], 'Connections.csv', { type: 'text/csv' }));
    form.append('file', new File([VCARD_SAMPLE], 'contacts.vcf', { type: 'text/vcard' }));
    const preview = (await (
      await send(ana, '/imports?dryRun=true', { method: 'POST', body: form })
    ).json()) as Report;
    expect(preview.counts).toMatchObject({ created: 4, merged: 2 });
    expect(preview.duplicates.map((d) => [d.displayName, d.into.file])).toEqual([
      ['Ana Silva', 'Connections.csv'],
      ['Ben Okafor', 'Connections.csv'],
    ]);

    const form2 = new FormData();
    form2.append('file', new File([LINKEDIN_SAMPLE], 'Connections.csv'));
    form2.append('file', new File([VCARD_SAMPLE], 'contacts.vcf'));
    const res = await send(ana, '/imports', { method: 'POST', body: form2 });
    expect(res.status).toBe(201);
    const report = (await res.json()) as Report;
    expect(report.counts).toMatchObject({ created: 4, merged: 2 });
    expect(await peopleCount(ana)).toBe(5);

    const list = (await (await send(ana, '/imports')).json()) as Array<{
      id: string;
      format: string;
      fileName: string;
    }>;
    expect(list[0]).toMatchObject({
      id: report.batchId,
      format: 'linkedin+vcard',
      fileName: 'Connections.csv, contacts.vcf',
    });
  });

  it('answers 400 in one sentence to a file that is not contacts', async () => {
    const res = await upload(
      ana,
      '/imports?fileName=photo.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
      'application/octet-stream',
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'invalid_input' });
    expect(body.error.message).toMatch(/^photo\.png: The file is not text/);
  });

  it('answers 400 to a form without a file part, or a form that is cut short', async () => {
    const form = new FormData();
    form.append('notes', 'no file here');
    const empty = await send(ana, '/imports', { method: 'POST', body: form });
    expect(empty.status).toBe(400);
    const cut = await upload(
      ana,
      '/imports',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nFirst',
      'multipart/form-data; boundary=xyz',
    );
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { error: { message: string } }).error.message).toMatch(
      /multipart form could not be read/,
    );
  });

  it('answers 413 to an upload declared larger than 250 MB, before reading it', async () => {
    const res = await upload(ana, '/imports', 'x', 'text/csv');
    expect(res.status).not.toBe(413);
    const big = await app.request(ws(ana, '/imports'), {
      method: 'POST',
      headers: {
        cookie: ana.cookie,
        'content-type': 'text/csv',
        'content-length': String(300 * 1024 * 1024),
      },
      body: 'First Name',
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/250 MB/);
  });

  it('merges two people by hand: the other one’s ties follow, the other is gone', async () => {
    const create = async (body: object) =>
      (
        (await (
          await send(ana, '/people', {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          })
        ).json()) as { id: string }
      ).id;
    const keep = await create({ displayName: 'Dev Patel', emails: ['dev@example.com'] });
    const other = await create({ displayName: 'Devesh Patel', phones: ['+14155550100'] });
    const res = await send(ana, `/people/${keep}/merge`, {
      method: 'POST',
      body: JSON.stringify({ otherId: other }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const merged = (await res.json()) as { person: { phones: string[]; displayName: string } };
    expect(merged.person).toMatchObject({ displayName: 'Dev Patel', phones: ['+14155550100'] });
    expect((await send(ana, `/people/${other}`)).status).toBe(404);
    // Two people who truly exist in Ana's workspace: Ben cannot merge them through his.
    const first = await create({ displayName: 'Ira Shah' });
    const second = await create({ displayName: 'Ira S.' });
    const foreign = await send(ben, `/people/${first}/merge`, {
      method: 'POST',
      body: JSON.stringify({ otherId: second }),
      headers: { 'content-type': 'application/json' },
    });
    expect(foreign.status).toBe(404);
    expect((await send(ana, `/people/${first}`)).status).toBe(200);
    expect((await send(ana, `/people/${second}`)).status).toBe(200);
  });

  it('streams exports as downloads: vCard, CSV and the JSON backup', async () => {
    const vcard = await send(ana, '/export?format=vcard');
    expect(vcard.status).toBe(200);
    expect(vcard.headers.get('content-type')).toMatch(/^text\/vcard/);
    expect(vcard.headers.get('content-disposition')).toMatch(
      /^attachment; filename="salon-.*\.vcf"$/,
    );
    const text = await vcard.text();
    expect(text.match(/BEGIN:VCARD/g)?.length).toBe(await peopleCount(ana));
    const csv = await send(ana, '/export?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^Display Name,Given Name/);
    const bad = await send(ana, '/export?format=xls');
    expect(bad.status).toBe(400);
  });

  it('restores a backup into an empty workspace, and refuses one that is not empty', async () => {
    const backup = await (await send(ana, '/export?format=json')).text();
    expect(JSON.parse(backup)).toMatchObject({ format: 'salon-backup', version: 1 });
    const res = await upload(ben, '/restore', backup, 'application/json');
    expect(res.status).toBe(201);
    const result = (await res.json()) as { counts: { people: number }; idsRenewed: boolean };
    expect(result).toMatchObject({ idsRenewed: true });
    expect(await peopleCount(ben)).toBe(await peopleCount(ana));
    const again = await upload(ben, '/restore', backup, 'application/json');
    expect(again.status).toBe(409);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const base = '/api/workspaces/{workspaceId}';
    expect(Object.keys(doc.paths[`${base}/imports`] ?? {}).sort()).toEqual(['get', 'post']);
    for (const path of ['/imports/{id}/undo', '/people/{id}/merge', '/restore']) {
      expect(doc.paths[`${base}${path}`]?.post).toBeDefined();
    }
    expect(doc.paths[`${base}/export`]?.get).toBeDefined();
  });
});
