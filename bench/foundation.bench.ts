/**
 * Foundation benchmarks (issue: foundation): on demo networks of 1k, 10k and 50k people,
 * people search p95 and one page of the people list through the API in-process, on SQLite and
 * on PostgreSQL in the same run (PostgreSQL as a ratio to SQLite), and the time to load each
 * demo network (`salon demo`), including 50k people with a million ties.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostWithDemo } from '../src/app/host.fixtures';
import { createApp } from '../src/server/app';
import type { DialectName } from '../src/store/database';
import {
  createScratchDatabase,
  DEFAULT_POSTGRES_ADMIN_URL,
  postgresAnswers,
} from '../src/store/scratch-database';
import { openStore, type Store } from '../src/store/store';
import type { BenchContext, Benchmark, BenchRow, BenchSection } from './section';
import { percentile } from './stats';

interface Opened {
  readonly store: Store;
  readonly dispose: () => Promise<void>;
}

const openFor = async (dialect: DialectName, adminUrl: string): Promise<Opened> => {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'salon-bench-'));
    const store = await openStore({ dataDir: dir });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = await createScratchDatabase(adminUrl, 'salon_bench');
  const store = await openStore({ url: scratch.url, dataDir: '' });
  return {
    store,
    dispose: async () => {
      await store.close();
      await scratch.drop();
    },
  };
};

interface Measured {
  readonly loadSeconds: number;
  readonly searchP95: number;
  readonly searchP50: number;
  readonly listP95: number;
}

/** Three-letter prefixes of real names in the network, as a person would type them. */
const prefixesOf = (names: readonly string[], count: number): string[] => {
  const out: string[] = [];
  for (
    let i = 0;
    out.length < count && i < names.length;
    i += Math.max(1, Math.floor(names.length / count))
  ) {
    const word = names[i]?.split(' ')[i % 2] ?? '';
    if (word.length >= 3) out.push(word.slice(0, 3).toLowerCase());
  }
  return out;
};

const measure = async (
  store: Store,
  people: number,
  ties: number,
  queries: number,
): Promise<Measured> => {
  const demo = await hostWithDemo(store, { people, ties, seed: 7 });
  const app = createApp(demo.ctx);
  const headers = { cookie: `salon_session=${demo.session}` };
  const base = `/api/workspaces/${demo.access.workspaceId}/people`;
  const time = async (path: string): Promise<number> => {
    const started = performance.now();
    const res = await app.request(path, { headers });
    await res.json();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return performance.now() - started;
  };
  const names = (await store.in(demo.access.workspaceId).people.list({ limit: 2000 })).map(
    (p) => p.displayName,
  );
  const prefixes = prefixesOf(names, queries);
  for (const q of prefixes.slice(0, 10)) await time(`${base}?q=${encodeURIComponent(q)}&limit=20`);
  const search: number[] = [];
  for (const q of prefixes) search.push(await time(`${base}?q=${encodeURIComponent(q)}&limit=20`));
  const list: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    const res = await app.request(`${base}?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
      headers,
    });
    const page = (await res.json()) as { nextCursor: string | null };
    list.push(performance.now() - started);
    cursor = page.nextCursor;
  }
  return {
    loadSeconds: demo.demoSeconds,
    searchP95: percentile(search, 0.95),
    searchP50: percentile(search, 0.5),
    listP95: percentile(list, 0.95),
  };
};

const label = (people: number, ties: number): string =>
  `${people >= 1000 ? `${people / 1000}k` : people} people / ${ties >= 1_000_000 ? `${ties / 1_000_000}M` : `${ties / 1000}k`} ties`;

const run = async ({ quick, log }: BenchContext): Promise<BenchSection[]> => {
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_ADMIN_URL;
  const dialects: DialectName[] = (await postgresAnswers(adminUrl))
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const sizes: Array<[number, number]> = quick
    ? [[1000, 5000]]
    : [
        [1000, 5000],
        [10_000, 50_000],
        [50_000, 250_000],
      ];
  const queries = quick ? 30 : 200;
  const rows: BenchRow[] = [];
  for (const [people, ties] of sizes) {
    const results = new Map<DialectName, Measured>();
    for (const dialect of dialects) {
      log(`foundation: ${label(people, ties)} on ${dialect}`);
      const opened = await openFor(dialect, adminUrl);
      try {
        results.set(dialect, await measure(opened.store, people, ties, queries));
      } finally {
        await opened.dispose();
      }
    }
    const sqlite = results.get('sqlite')!;
    const pg = results.get('postgres');
    const size = label(people, ties);
    rows.push(
      {
        name: 'people search p95 (API, in-process)',
        size,
        ours: sqlite.searchP95,
        unit: 'ms',
        ...(pg
          ? {
              peer: 'same on PostgreSQL',
              peerValue: pg.searchP95,
              ratio: pg.searchP95 / sqlite.searchP95,
            }
          : {}),
        ...(people === 50_000 ? { target: '< 15 ms at 50k', pass: sqlite.searchP95 < 15 } : {}),
      },
      {
        name: 'people list page p95 (50 people)',
        size,
        ours: sqlite.listP95,
        unit: 'ms',
        ...(pg
          ? {
              peer: 'same on PostgreSQL',
              peerValue: pg.listP95,
              ratio: pg.listP95 / sqlite.listP95,
            }
          : {}),
        target: '< 30 ms',
        pass: sqlite.listP95 < 30,
      },
      {
        name: 'load demo network',
        size,
        ours: sqlite.loadSeconds,
        unit: 's',
        ...(people === 50_000
          ? { target: 'salon demo --people 50000 < 20 s', pass: sqlite.loadSeconds < 20 }
          : {}),
        ...(pg
          ? {
              peer: 'same on PostgreSQL',
              peerValue: pg.loadSeconds,
              ratio: pg.loadSeconds / sqlite.loadSeconds,
            }
          : {}),
      },
    );
  }
  if (!quick) {
    log('foundation: salon demo --people 50000 --ties 1000000 on sqlite');
    const opened = await openFor('sqlite', adminUrl);
    try {
      const demo = await hostWithDemo(opened.store, { people: 50_000, ties: 1_000_000, seed: 7 });
      rows.push({
        name: 'salon demo --people 50000 --ties 1000000',
        size: label(50_000, 1_000_000),
        ours: demo.demoSeconds,
        unit: 's',
        note: 'the 1M-tie variant the engine benchmarks use; no target of its own',
      });
    } finally {
      await opened.dispose();
    }
  }
  const notes = [
    'ratio = PostgreSQL / SQLite (above 1: PostgreSQL is slower). Times are medians of the machine as it was: a shared 2-core machine, so read the ratios.',
  ];
  if (dialects.length === 1)
    notes.push(`PostgreSQL did not answer at ${adminUrl}: its column was skipped.`);
  return [{ title: 'Foundation: search, list and demo load', rows, notes }];
};

export const benchmark: Benchmark = { name: 'foundation', run };
