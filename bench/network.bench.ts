/**
 * The engine as the server runs it (issue 4): a demo network of 50,000 people and 1,000,000
 * ties in SQLite, with five hubs of 2,000 ties added (the demo's busiest person has far fewer).
 * The compact graph is built from the store in this process; then `salon serve` runs in its
 * own process, and suggestions, introductions and reach are asked of it over HTTP, as the web
 * app asks. Its peak memory is read from the operating system after those requests.
 *
 *   npm run bench -- network [--people N] [--ties M]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphFromStore } from '../src/app/network';
import { degreeOf } from '../src/engine/graph';
import { openStore } from '../src/store/store';
import { type DemoWorkspace, peakRssMb, prepareDemo, startServer, stopServer } from './demo-server';
import {
  type BenchContext,
  type Benchmark,
  type BenchRow,
  type BenchSection,
  numberArg,
} from './section';
import { closestByDegree, percentile } from './stats';

const seconds = (since: number): number => (performance.now() - since) / 1000;

/** The demo network as `salon demo` loads it, then `hubs` people tied to `hubTies` others each. */
const prepare = (
  dir: string,
  size: { people: number; ties: number; hubs: number; hubTies: number },
): Promise<DemoWorkspace> =>
  prepareDemo(dir, { people: size.people, ties: size.ties }, async (store, workspaceId) => {
    const ids = (await store.in(workspaceId).people.inNetwork()).map((p) => p.id);
    const step = Math.floor(ids.length / (size.hubs + 1));
    for (let h = 1; h <= size.hubs; h++) {
      const hub = ids[h * step]!;
      const others = Array.from(
        { length: size.hubTies },
        (_, k) => ids[(h * 7919 + k * 13) % ids.length]!,
      );
      await store
        .in(workspaceId)
        .ties.ensure(
          others
            .filter((id) => id !== hub)
            .map((id) => ({ aId: hub, bId: id, strength: 3, source: 'recorded' as const })),
        );
    }
  });

/** Reads the store as the server does on its first engine request, three times. */
const graphFromStoreTimes = async (dir: string, workspaceId: string) => {
  const store = await openStore({ dataDir: dir });
  try {
    const peopleTimes: number[] = [];
    const graphTimes: number[] = [];
    let graph: Awaited<ReturnType<typeof graphFromStore>> | null = null;
    let people: Array<{ id: string }> = [];
    for (let run = 0; run < 3; run++) {
      let started = performance.now();
      people = await store.in(workspaceId).people.inNetwork();
      peopleTimes.push(seconds(started));
      started = performance.now();
      graph = await graphFromStore(store, workspaceId, people);
      graphTimes.push(seconds(started));
    }
    const degrees = Array.from({ length: graph!.n }, (_, i) => degreeOf(graph!, i));
    return { peopleTimes, graphTimes, degrees, ids: people.map((p) => p.id), m: graph!.m };
  } finally {
    await store.close();
  }
};

const run = async ({ args, quick, log }: BenchContext): Promise<BenchSection[]> => {
  const people = numberArg(args, '--people', quick ? 1000 : 50_000);
  const ties = numberArg(args, '--ties', quick ? 10_000 : 1_000_000);
  const hubs = quick ? 2 : 5;
  const hubTies = quick ? 200 : 2_000;
  const size = `${people.toLocaleString('en')} people / ${ties.toLocaleString('en')} ties`;
  const dir = mkdtempSync(join(tmpdir(), 'salon-network-'));
  const rows: BenchRow[] = [];
  let server: ChildProcess | null = null;
  try {
    log(`network: loading a demo network of ${size} and ${hubs} hubs of ${hubTies} ties`);
    const prepared = await prepare(dir, { people, ties, hubs, hubTies });
    rows.push({
      name: 'load demo network (salon demo)',
      size,
      ours: prepared.demoSeconds,
      unit: 's',
    });

    log('network: building the compact graph from the store');
    const read = await graphFromStoreTimes(dir, prepared.workspaceId);
    const graphSeconds = percentile(read.graphTimes, 0.5);
    rows.push(
      {
        name: 'read the people the engine needs',
        size,
        ours: percentile(read.peopleTimes, 0.5),
        unit: 's',
        note: `median of 3; runs ${read.peopleTimes.map((t) => t.toFixed(2)).join(', ')} s`,
      },
      {
        name: 'compact graph built from the store (ties read + CSR)',
        size,
        ours: graphSeconds,
        unit: 's',
        target: quick ? undefined : '< 1 s',
        pass: quick ? undefined : graphSeconds < 1,
        note: `median of 3; runs ${read.graphTimes.map((t) => t.toFixed(2)).join(', ')} s; ${read.m.toLocaleString('en')} ties`,
      },
    );

    log('network: starting salon serve');
    const started = await startServer(dir);
    server = started.child;
    const headers = { cookie: `salon_session=${prepared.session}` };
    const base = `${started.url}/api/workspaces/${prepared.workspaceId}`;
    const ask = async (path: string, body?: unknown): Promise<number> => {
      const t = performance.now();
      const res = await fetch(
        `${base}${path}`,
        body === undefined
          ? { headers }
          : {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            },
      );
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.json();
      return performance.now() - t;
    };
    const typical = closestByDegree(read.degrees, 150, 50);
    const hubsFound = closestByDegree(read.degrees, hubTies, hubs);
    const first = await ask(`/people/${read.ids[typical[0]!]}/suggestions?limit=10`);
    rows.push({
      name: 'first engine request after start (builds the network: graph, circles, model)',
      size,
      ours: first / 1000,
      unit: 's',
    });
    for (const [label, chosen, target] of [
      ['typical person', typical, 10],
      ['hub', hubsFound, 25],
    ] as const) {
      const times: number[] = [];
      for (let pass = 0; pass < 4; pass++)
        for (const i of chosen) {
          const t = await ask(`/people/${read.ids[i]}/suggestions?limit=10`);
          if (pass > 0) times.push(t);
        }
      const degrees = chosen.map((i) => read.degrees[i]!);
      const p99 = percentile(times, 0.99);
      rows.push({
        name: `suggestions, ${label}, p99 (HTTP)`,
        size,
        ours: p99,
        unit: 'ms',
        target: quick ? undefined : `< ${target} ms`,
        pass: quick ? undefined : p99 < target,
        note: `p50 ${percentile(times, 0.5).toFixed(1)} ms; ${chosen.length} people with ${Math.min(...degrees)}–${Math.max(...degrees)} ties, 3 passes after a warm-up`,
      });
    }
    const introductions = await ask('/introductions?limit=20');
    rows.push({
      name: 'introductions to make, workspace-wide (HTTP)',
      size,
      ours: introductions / 1000,
      unit: 's',
      target: quick ? undefined : '< 2 s',
      pass: quick ? undefined : introductions < 2000,
    });
    const reach = await ask('/reach?top=50');
    rows.push({
      name: 'movers and shakers: reach of everyone (HTTP)',
      size,
      ours: reach / 1000,
      unit: 's',
      note: 'PageRank, approximate betweenness, circles spanned and explanations',
    });
    // A dinner of six: four tied to the host and each other from now on, two merely present.
    const guests = typical.slice(0, 6).map((i) => read.ids[i]!);
    const logged = await ask('/moments', {
      kind: 'dinner',
      occurredOn: new Date().toISOString().slice(0, 10),
      attendees: guests.map((personId, k) => ({ personId, mark: k < 4 ? 'met_new' : 'present' })),
    });
    const afterMoment = await ask(`/people/${guests[0]}/suggestions?limit=10`);
    rows.push({
      name: 'log a dinner of six, the network patched (HTTP)',
      size,
      ours: logged / 1000,
      unit: 's',
      peer: 'rebuilding the network (first request above)',
      peerValue: first / 1000,
      ratio: first / logged,
      note: `then suggestions for a guest in ${afterMoment.toFixed(1)} ms; ties among the host and the guests weighed again; the model keeps its text index`,
    });
    const rss = peakRssMb(server.pid!);
    rows.push({
      name: 'peak RSS of salon serve with the network loaded',
      size,
      ours: rss,
      unit: 'MB',
      target: quick ? undefined : '< 1 GB',
      pass: quick ? undefined : rss < 1024,
      note: 'VmHWM of the server process after the requests above',
    });
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return [{ title: 'The engine as the server runs it', rows }];
};

export const benchmark: Benchmark = { name: 'network', run };
