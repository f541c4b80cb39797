/**
 * The engine as the server runs it (issue 4): a demo network of 50,000 people and 1,000,000
 * ties in SQLite, the workspace's network built from the store (load, graph, circles, model),
 * suggestions and introductions through the API in-process, and the process's peak memory with
 * the network loaded.
 *
 *   npm run bench -- network [--people N] [--ties M]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUp } from '../src/app/auth';
import { createContext } from '../src/app/context';
import { loadDemo } from '../src/app/demo';
import { tieWeight } from '../src/app/network';
import { accessTo } from '../src/app/workspaces';
import { buildGraph } from '../src/engine/graph';
import { createApp } from '../src/server/app';
import { openStore } from '../src/store/store';
import {
  type BenchContext,
  type Benchmark,
  type BenchRow,
  type BenchSection,
  numberArg,
} from './section';
import { percentile } from './stats';

const run = async ({ args, quick, log }: BenchContext): Promise<BenchSection[]> => {
  const people = numberArg(args, '--people', quick ? 1000 : 50_000);
  const ties = numberArg(args, '--ties', quick ? 10_000 : 1_000_000);
  const size = `${people.toLocaleString('en')} people / ${ties.toLocaleString('en')} ties`;
  const dir = mkdtempSync(join(tmpdir(), 'salon-network-'));
  const store = await openStore({ dataDir: dir });
  const rows: BenchRow[] = [];
  try {
    const ctx = createContext(store);
    const signedIn = await signUp(ctx, {
      email: 'bench@example.com',
      password: 'benchmark-password',
    });
    const [workspace] = await store.workspaces.ofUser(signedIn.user.id);
    const access = await accessTo(ctx, signedIn.user.id, workspace!.id);
    log(`network: loading a demo network of ${size}`);
    const loaded = await loadDemo(ctx, access, { people, ties, seed: 7 });
    rows.push({ name: 'load demo network (salon demo)', size, ours: loaded.seconds, unit: 's' });

    // Phase 1: the store read and graph build alone, then the whole network (circles, model).
    let started = performance.now();
    const [allPeople, allTies] = await Promise.all([
      store.people.all(access.workspaceId),
      store.ties.all(access.workspaceId),
    ]);
    const readSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    buildGraph(
      allPeople.map((p) => p.id),
      allTies.map((t) => ({ a: t.aId, b: t.bId, weight: tieWeight(t.strength) })),
    );
    const graphSeconds = (performance.now() - started) / 1000;
    rows.push(
      { name: 'read people and ties from the store', size, ours: readSeconds, unit: 's' },
      {
        name: 'compact graph from the rows read',
        size,
        ours: graphSeconds,
        unit: 's',
        target: '< 1 s',
        pass: graphSeconds < 1,
      },
    );
    started = performance.now();
    await ctx.network.get(access.workspaceId);
    const networkSeconds = (performance.now() - started) / 1000;
    rows.push({
      name: 'whole network: store, graph, circles, model',
      size,
      ours: networkSeconds,
      unit: 's',
    });
    started = performance.now();
    await ctx.network.reach(access.workspaceId);
    rows.push({
      name: 'reach of everyone (PageRank, approximate betweenness, circles)',
      size,
      ours: (performance.now() - started) / 1000,
      unit: 's',
    });

    // Phase 2: suggestions and introductions through the API, as the web app asks for them.
    const app = createApp(ctx);
    const headers = { cookie: `salon_session=${signedIn.sessionSecret}` };
    const base = `/api/workspaces/${access.workspaceId}`;
    const ids = allPeople.filter((p) => !p.isSelf).map((p) => p.id);
    const times: number[] = [];
    for (let k = 0; k < (quick ? 30 : 200); k++) {
      const id = ids[(k * 7919) % ids.length]!;
      const t = performance.now();
      const res = await app.request(`${base}/people/${id}/suggestions?limit=10`, { headers });
      await res.json();
      times.push(performance.now() - t);
    }
    rows.push({
      name: 'suggestions for one person, p99 (API, in-process)',
      size,
      ours: percentile(times, 0.99),
      unit: 'ms',
      note: `p50 ${percentile(times, 0.5).toFixed(1)} ms`,
    });
    started = performance.now();
    await (await app.request(`${base}/introductions?limit=20`, { headers })).json();
    const introSeconds = (performance.now() - started) / 1000;
    rows.push({
      name: 'introductions to make (API)',
      size,
      ours: introSeconds,
      unit: 's',
      target: '< 2 s',
      pass: introSeconds < 2,
    });
    const rssMb = process.resourceUsage().maxRSS / 1024;
    rows.push({
      name: 'peak RSS with the network loaded',
      size,
      ours: rssMb,
      unit: 'MB',
      target: '< 1 GB',
      pass: rssMb < 1024,
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    {
      title: 'The engine as the server runs it',
      rows,
      notes: [
        'Peak RSS is the whole benchmark process, including the demo generation before the network was built.',
      ],
    },
  ];
};

export const benchmark: Benchmark = { name: 'network', run };
