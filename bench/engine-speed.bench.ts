/**
 * Engine speed, side by side (issue 4, "Speed, measured side by side"): PageRank, circles
 * (Leiden vs Louvain) and betweenness on seeded social-like networks of 1k, 10k and 50k people
 * and a 50k / 1M-tie variant, against graphology in the same process and networkx /
 * python-igraph in a child Python process on the same edge list. Each time is the median of a
 * few runs after one warm-up run; graph construction is never inside a timed region.
 *
 *   npm run bench -- engine-speed [--quick] [--no-python]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import { createRng } from '../src/domain/random';
import {
  approximateBetweennessDetailed,
  betweenness,
  spearman,
  topIndices,
} from '../src/engine/betweenness';
import { detectCommunities, disconnectedCommunities } from '../src/engine/communities';
import { fromIndexEdges } from '../src/engine/graph';
import { withTie } from '../src/engine/graph-patch';
import { pagerank } from '../src/engine/pagerank';
import { reach, reachThroughOthers } from '../src/engine/reach';
import { generateSocialGraph, type SocialGraph } from './generators/social-graph';
import type { BenchContext, Benchmark, BenchRow, BenchSection } from './section';

interface Size {
  readonly label: string;
  readonly people: number;
  readonly ties: number;
  /** The size the issue's targets are stated for. */
  readonly target?: boolean;
}

const FULL_SIZES: readonly Size[] = [
  { label: '1k people / 5k ties', people: 1_000, ties: 5_000 },
  { label: '10k people / 50k ties', people: 10_000, ties: 50_000 },
  { label: '50k people / 250k ties', people: 50_000, ties: 250_000 },
  { label: '50k people / 1M ties', people: 50_000, ties: 1_000_000, target: true },
];
const QUICK_SIZES: readonly Size[] = [
  { label: '500 people / 2.5k ties', people: 500, ties: 2_500 },
];
const EXACT_SIZE = { label: '5k people / 25k ties', people: 5_000, ties: 25_000 };
const QUICK_EXACT_SIZE = { label: '300 people / 1.5k ties', people: 300, ties: 1_500 };
const SEED = 42;
/** Seconds a single Python measurement may take before it is reported as too slow. */
const PYTHON_BUDGET = 150;

/** A package's installed version (read from its package.json: not every package exports it). */
const versionOf = (pkg: string): string => {
  const file = new URL(`../node_modules/${pkg}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * A full garbage collection between timed runs, so no run pays for another's garbage (the
 * runtime's own `gc`, exposed the documented way; a no-op if that is refused).
 */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : () => {};
  } catch {
    return () => {};
  }
})();

/** Milliseconds of each of `runs` calls (after a warm-up call unless `warm`), and the last result. */
const timeRuns = <T>(fn: () => T, runs: number, warm = false): { times: number[]; value: T } => {
  let value = warm ? (undefined as T) : fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }
  return { times, value };
};

/** Median milliseconds of `runs` calls after one warm-up call, and the last result. */
const timed = <T>(fn: () => T, runs: number): { ms: number; value: T } => {
  const { times, value } = timeRuns(fn, runs);
  return { ms: median(times), value };
};

const toGraphology = (social: SocialGraph): Graph => {
  const g = new Graph({ type: 'undirected' });
  for (const id of social.graph.ids) g.addNode(id);
  const { src, dst, weights, graph } = social;
  for (let e = 0; e < src.length; e++)
    g.addEdge(graph.ids[src[e]!], graph.ids[dst[e]!], { weight: weights[e] });
  return g;
};

const ratio = (peer: number | undefined, ours: number): number | undefined =>
  peer === undefined || !(ours > 0) ? undefined : peer / ours;

// ---------------------------------------------------------------------------------------------
// Python peers

const PYTHON_SCRIPT = `
import json, signal, sys, time
path, tasks, budget, repeats = sys.argv[1], sys.argv[2].split(','), float(sys.argv[3]), int(sys.argv[4])
libs = sys.argv[5].split(',')
with open(path) as f:
    n = int(f.readline())
    edges = [(int(u), int(v), float(w)) for u, v, w in (line.split() for line in f)]
class Timeout(Exception):
    pass
def alarm(signum, frame):
    raise Timeout()
signal.signal(signal.SIGALRM, alarm)
def timed(fn):
    times, value = [], None
    for r in range(repeats + 1):
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            start = time.perf_counter()
            value = fn()
            elapsed = (time.perf_counter() - start) * 1000
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if r > 0 or elapsed > 2000:
            times.append(elapsed)
        if elapsed > 2000 and times:
            break
    times.sort()
    return times[len(times) // 2], value
out = {'versions': {}, 'results': {}, 'missing': {}}
def run(lib, task, fn, extra=None):
    try:
        ms, value = timed(fn)
        row = {'ms': ms}
        if extra:
            row.update(extra(value))
        out['results'].setdefault(lib, {})[task] = row
    except Timeout:
        out['results'].setdefault(lib, {})[task] = {'skipped': 'over %d s' % budget}
    except Exception as error:
        out['results'].setdefault(lib, {})[task] = {'skipped': repr(error)[:120]}
def peer_networkx():
    import networkx as nx
    out['versions']['networkx'] = nx.__version__
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    if 'pagerank' in tasks:
        run('networkx', 'pagerank', lambda: nx.pagerank(G, alpha=0.85, weight='weight'))
    if 'louvain' in tasks:
        run('networkx', 'louvain', lambda: nx.community.louvain_communities(G, weight='weight', seed=1),
            lambda c: {'modularity': nx.community.modularity(G, c, weight='weight')})
    if 'betweenness' in tasks:
        run('networkx', 'betweenness', lambda: nx.betweenness_centrality(G, weight=None))
def peer_igraph():
    import igraph as ig
    out['versions']['python-igraph'] = ig.__version__
    g = ig.Graph(n=n, edges=[(u, v) for u, v, _ in edges], directed=False)
    g.es['weight'] = [w for _, _, w in edges]
    if 'pagerank' in tasks:
        run('python-igraph', 'pagerank', lambda: g.pagerank(damping=0.85, weights='weight'))
    if 'louvain' in tasks:
        run('python-igraph', 'louvain', lambda: g.community_multilevel(weights='weight'),
            lambda c: {'modularity': g.modularity(c.membership, weights='weight')})
        run('python-igraph', 'leiden', lambda: g.community_leiden(objective_function='modularity', weights='weight', n_iterations=2),
            lambda c: {'modularity': g.modularity(c.membership, weights='weight')})
    if 'betweenness' in tasks:
        run('python-igraph', 'betweenness', lambda: g.betweenness(directed=False))
for lib, peer in (('networkx', peer_networkx), ('python-igraph', peer_igraph)):
    if lib in libs:
        try:
            peer()
        except ImportError as error:
            out['missing'][lib] = str(error)
print(json.dumps(out))
`;

interface PythonRow {
  readonly ms?: number;
  readonly modularity?: number;
  readonly skipped?: string;
}
interface PythonOutput {
  readonly versions: Record<string, string>;
  readonly results: Record<string, Record<string, PythonRow>>;
  readonly missing: Record<string, string>;
}

/** Interpreters to try: the one on PATH, then Debian's, where apt-get puts the packages. */
const PYTHONS = ['python3', '/usr/bin/python3'];
const PEER_MODULES: ReadonlyArray<readonly [lib: string, module: string]> = [
  ['networkx', 'networkx'],
  ['python-igraph', 'igraph'],
];

/** For each peer library, the first interpreter that imports it. */
const findPeers = (): Map<string, string> => {
  const found = new Map<string, string>();
  for (const [lib, module] of PEER_MODULES)
    for (const python of PYTHONS)
      if (spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0) {
        found.set(lib, python);
        break;
      }
  return found;
};

/**
 * The interpreter of each available peer library, installing the Debian packages once (not in
 * quick mode) when one is missing and apt-get is there; else why the columns are skipped.
 */
const preparePython = (ctx: BenchContext): { peers: Map<string, string>; reason: string } => {
  let peers = findPeers();
  if (peers.size === PEER_MODULES.length) return { peers, reason: '' };
  const missing = PEER_MODULES.filter(([lib]) => !peers.has(lib)).map(([lib]) => lib);
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!ctx.quick && hasApt) {
    ctx.log('installing python3-networkx python3-igraph with apt-get (once)…');
    spawnSync('apt-get', ['install', '-y', '-qq', 'python3-networkx', 'python3-igraph'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 600_000,
    });
    peers = findPeers();
    if (peers.size === PEER_MODULES.length) return { peers, reason: '' };
  }
  const why = ctx.quick
    ? 'not installed (quick mode installs nothing)'
    : hasApt
      ? 'not importable even after apt-get install python3-networkx python3-igraph'
      : 'not installed and apt-get is not available';
  const still = PEER_MODULES.filter(([lib]) => !peers.has(lib)).map(([lib]) => lib);
  return { peers, reason: `${(still.length > 0 ? still : missing).join(' and ')} ${why}` };
};

/** Runs the peer script for `libs` in one interpreter on the job's edge list. */
const runPython = (
  dir: string,
  python: string,
  libs: readonly string[],
  social: SocialGraph,
  tasks: readonly string[],
  repeats: number,
): PythonOutput | string => {
  const file = join(dir, `edges-${social.graph.n}-${social.src.length}.tsv`);
  const lines = [String(social.graph.n)];
  for (let e = 0; e < social.src.length; e++)
    lines.push(`${social.src[e]} ${social.dst[e]} ${social.weights[e]}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const script = join(dir, 'peers.py');
  writeFileSync(script, PYTHON_SCRIPT);
  try {
    const stdout = execFileSync(
      python,
      [script, file, tasks.join(','), String(PYTHON_BUDGET), String(repeats), libs.join(',')],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as PythonOutput;
  } catch (error) {
    return `python failed: ${String(error).slice(0, 160)}`;
  } finally {
    rmSync(file, { force: true });
  }
};

// ---------------------------------------------------------------------------------------------
// The benchmark

/**
 * graphology's PageRank and Louvain on the same network. The graphology graph lives only inside
 * this call, so it is garbage once the peer has been timed.
 */
const measureGraphology = (
  social: SocialGraph,
  runs: number,
  ctx: BenchContext,
): {
  pagerank: { ms: number; value: Record<string, number> };
  circles: {
    ms: number;
    value: { communities: Record<string, number>; count: number; modularity: number };
  };
} => {
  const start = performance.now();
  const g = toGraphology(social);
  ctx.log(`  graphology graph built in ${(performance.now() - start).toFixed(0)} ms`);
  const pagerankResult = timed(() => graphologyPagerank(g, { getEdgeWeight: 'weight' }), runs);
  const circles = timed(
    () => louvain.detailed(g, { getEdgeWeight: 'weight', rng: createRng(1) }),
    runs,
  );
  return { pagerank: pagerankResult, circles };
};

interface OursAtSize {
  readonly size: Size;
  readonly social: SocialGraph;
  readonly pagerankMs: number;
  readonly circlesMs: number;
  readonly modularity: number;
}

const run = async (ctx: BenchContext): Promise<BenchSection[]> => {
  const quick = ctx.quick;
  const sizes = quick ? QUICK_SIZES : FULL_SIZES;
  const runs = quick ? 2 : 5;
  const peerRuns = quick ? 1 : 3;
  const withPython = !ctx.args.includes('--no-python');
  const graphologyVersion = `graphology ${versionOf('graphology')}`;
  const metricsPeer = `graphology-metrics ${versionOf('graphology-metrics')}`;
  const louvainPeer = `graphology-communities-louvain ${versionOf('graphology-communities-louvain')}`;
  const speedRows: BenchRow[] = [];
  const ours: OursAtSize[] = [];
  const notes: string[] = [
    `Node ${process.version}; load average at start ${loadavg()[0]!.toFixed(2)} (the machine is shared: ratios are steadier than absolute times).`,
    `Peers: ${metricsPeer}, ${louvainPeer} on ${graphologyVersion}. Times are medians of ${2 * runs} runs for ours (half before, half after the peer) and ${peerRuns} for graphology, after a warm-up run, with a full garbage collection before each run.`,
    'Networks: bench/generators/social-graph.ts (seeded degree-corrected planted partition: power-law degrees and circle sizes, 15% of ties across circles, 1% brokers).',
  ];

  for (const size of sizes) {
    ctx.log(`engine-speed: ${size.label}`);
    const start = performance.now();
    const social = generateSocialGraph({ people: size.people, ties: size.ties, seed: SEED });
    ctx.log(`  generated in ${(performance.now() - start).toFixed(0)} ms`);
    const { graph } = social;
    const target = size.target === true;

    // Build the CSR graph from the ties (what the app does after loading from the store).
    const build = timed(
      () => fromIndexEdges(graph.ids, graph.indexOf, social.src, social.dst, social.weights),
      quick ? 1 : 3,
    );
    speedRows.push({
      name: 'compact graph from ties',
      size: size.label,
      ours: build.ms,
      unit: 'ms',
      ...(target ? { target: '< 1 s', pass: build.ms < 1000 } : {}),
    });
    const patch = timed(() => withTie(graph, graph.ids[0]!, graph.ids[1]!, 0.5), runs);
    speedRows.push({
      name: 'patch: add one tie',
      size: size.label,
      ours: patch.ms,
      unit: 'ms',
      note: 'withTie, instead of rebuilding',
    });

    // Ours before and after the peer, theirs in between: the machine's load drifts, and the
    // medians should see the same drift. Ours never runs while the peer's graph is alive (a
    // million graphology edges make every garbage collection slower for whoever triggers it).
    const ourPagerankRuns = timeRuns(() => pagerank(graph), runs);
    const ourCirclesRuns = timeRuns(() => detectCommunities(graph, { seed: 1 }), runs);
    const peers = measureGraphology(social, peerRuns, ctx);
    ourPagerankRuns.times.push(...timeRuns(() => pagerank(graph), runs, true).times);
    ourCirclesRuns.times.push(
      ...timeRuns(() => detectCommunities(graph, { seed: 1 }), runs, true).times,
    );
    const ourPagerank = { ms: median(ourPagerankRuns.times), value: ourPagerankRuns.value };
    const ourCircles = { ms: median(ourCirclesRuns.times), value: ourCirclesRuns.value };
    const theirPagerank = peers.pagerank;
    const theirCircles = peers.circles;

    // PageRank.
    let worst = 0;
    for (let i = 0; i < graph.n; i++)
      worst = Math.max(
        worst,
        Math.abs(ourPagerank.value[i]! - theirPagerank.value[graph.ids[i]!]!),
      );
    const prRatio = ratio(theirPagerank.ms, ourPagerank.ms)!;
    speedRows.push({
      name: 'pagerank (weighted)',
      size: size.label,
      ours: ourPagerank.ms,
      unit: 'ms',
      peer: metricsPeer,
      peerValue: theirPagerank.ms,
      ratio: prRatio,
      ...(target ? { target: '≥ 5× faster', pass: prRatio >= 5 } : {}),
      note: `max |Δ| ${worst.toExponential(1)}`,
    });

    // Circles: our Leiden against graphology's Louvain, both weighted, both seeded.
    const theirLabels = new Int32Array(graph.n);
    for (let i = 0; i < graph.n; i++)
      theirLabels[i] = theirCircles.value.communities[graph.ids[i]!]!;
    const ourDisconnected = disconnectedCommunities(graph, ourCircles.value.communities);
    const theirDisconnected = disconnectedCommunities(graph, theirLabels);
    const circlesRatio = ratio(theirCircles.ms, ourCircles.ms)!;
    speedRows.push({
      name: 'circles: Leiden vs Louvain',
      size: size.label,
      ours: ourCircles.ms,
      unit: 'ms',
      peer: louvainPeer,
      peerValue: theirCircles.ms,
      ratio: circlesRatio,
      ...(target ? { target: '≥ 2× faster', pass: circlesRatio >= 2 } : {}),
      note: `${ourCircles.value.count} vs ${theirCircles.value.count} circles`,
    });
    const modularityOk = ourCircles.value.modularity >= theirCircles.value.modularity - 1e-12;
    speedRows.push({
      name: 'circles: modularity',
      size: size.label,
      ours: ourCircles.value.modularity,
      unit: 'Q',
      peer: louvainPeer,
      peerValue: theirCircles.value.modularity,
      target: 'no lower; no disconnected circle',
      pass: modularityOk && ourDisconnected === 0,
      note: `disconnected circles: ours ${ourDisconnected}, peer ${theirDisconnected}`,
    });

    // Approximate betweenness, top 100.
    const approx = timed(
      () => {
        const result = approximateBetweennessDetailed(graph, { seed: 1 });
        return { result, top: topIndices(result.scores, 100) };
      },
      quick ? 1 : 3,
    );
    speedRows.push({
      name: 'approx. betweenness top-100',
      size: size.label,
      ours: approx.ms,
      unit: 'ms',
      ...(target ? { target: '< 1 s', pass: approx.ms < 1000 } : {}),
      note: `${approx.value.result.samples} sources; ±${approx.value.result.errorBound.toExponential(1)} at 95%`,
    });

    // Reach: everything a "Movers and shakers" page needs, and one warm introduction.
    if (size.people >= 10_000 || quick) {
      const all = timed(() => reach(graph, { hostIndex: 0 }), quick ? 1 : 2);
      speedRows.push({
        name: 'reach, all parts (host left out)',
        size: size.label,
        ours: all.ms,
        unit: 'ms',
        note: 'pagerank + approx. betweenness + circles + explanations',
      });
      const hub = topIndices(graph.strength, 1)[0] ?? 0;
      const through = timed(() => reachThroughOthers(graph, hub), runs);
      speedRows.push({
        name: 'reach through others (hub)',
        size: size.label,
        ours: through.ms,
        unit: 'ms',
        note: `${graph.offsets[hub + 1]! - graph.offsets[hub]!} ties, ${through.value.reachable} reachable`,
      });
    }
    ours.push({
      size,
      social,
      pagerankMs: ourPagerank.ms,
      circlesMs: ourCircles.ms,
      modularity: ourCircles.value.modularity,
    });
  }

  // Exact betweenness and the approximation's quality at 5k.
  const exactSize = quick ? QUICK_EXACT_SIZE : EXACT_SIZE;
  ctx.log(`engine-speed: exact betweenness at ${exactSize.label}`);
  const exactSocial = generateSocialGraph({
    people: exactSize.people,
    ties: exactSize.ties,
    seed: SEED,
  });
  const exactGraph = exactSocial.graph;
  const ourExact = timed(() => betweenness(exactGraph), quick ? 1 : 3);
  const approxExact = timed(
    () => approximateBetweennessDetailed(exactGraph, { seed: 1 }),
    quick ? 1 : 3,
  );
  const exactG = toGraphology(exactSocial);
  const theirExact = timed(
    () => graphologyBetweenness(exactG, { getEdgeWeight: null }),
    quick ? 1 : 2,
  );
  let exactWorst = 0;
  for (let i = 0; i < exactGraph.n; i++)
    exactWorst = Math.max(
      exactWorst,
      Math.abs(ourExact.value[i]! - theirExact.value[exactGraph.ids[i]!]!),
    );
  const exactTop = new Set(topIndices(ourExact.value, 100));
  const shared = [...topIndices(approxExact.value.scores, 100)].filter((v) => exactTop.has(v));
  const topShare = (100 * shared.length) / Math.min(100, exactGraph.n);
  const rho = spearman(ourExact.value, approxExact.value.scores);
  const betweennessRows: BenchRow[] = [
    {
      name: 'exact betweenness',
      size: exactSize.label,
      ours: ourExact.ms,
      unit: 'ms',
      peer: metricsPeer,
      peerValue: theirExact.ms,
      ratio: ratio(theirExact.ms, ourExact.ms),
      note: `hop distances; max |Δ| ${exactWorst.toExponential(1)}`,
    },
    {
      name: 'approx. betweenness',
      size: exactSize.label,
      ours: approxExact.ms,
      unit: 'ms',
      peer: 'our exact',
      peerValue: ourExact.ms,
      ratio: ratio(ourExact.ms, approxExact.ms),
      note: `${approxExact.value.samples} sources; uniform bound ±${approxExact.value.errorBound.toExponential(1)} at 95%`,
    },
    {
      name: 'approx. top-100 shared with exact',
      size: exactSize.label,
      ours: topShare,
      unit: '%',
      target: '≥ 90%',
      pass: topShare >= 90,
    },
    {
      name: 'approx. Spearman vs exact, all people',
      size: exactSize.label,
      ours: rho,
      unit: 'ρ',
      target: '≥ 0.9',
      pass: rho >= 0.9,
    },
  ];

  // Python peers on the same edge lists.
  const pythonRows: BenchRow[] = [];
  const pythonNotes = new Set<string>();
  const python = withPython
    ? preparePython(ctx)
    : { peers: new Map<string, string>(), reason: 'networkx and python-igraph: --no-python' };
  if (python.reason) pythonNotes.add(`Skipped: ${python.reason}.`);
  // Each interpreter runs the libraries it has (Debian's packages live in /usr/bin/python3).
  const byInterpreter = new Map<string, string[]>();
  for (const [lib, interpreter] of python.peers)
    byInterpreter.set(interpreter, [...(byInterpreter.get(interpreter) ?? []), lib]);
  if (byInterpreter.size > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'salon-engine-speed-'));
    try {
      const versions = new Map<string, string>();
      const jobs: Array<{
        label: string;
        social: SocialGraph;
        tasks: string[];
        ours: OursAtSize | null;
      }> = ours.map((o) => ({
        label: o.size.label,
        social: o.social,
        // Quick mode only proves that the Python path works.
        tasks: quick ? ['pagerank'] : ['pagerank', 'louvain'],
        ours: o,
      }));
      if (!quick)
        jobs.push({
          label: exactSize.label,
          social: exactSocial,
          tasks: ['betweenness'],
          ours: null,
        });
      for (const job of jobs) {
        ctx.log(`engine-speed: python peers at ${job.label}`);
        for (const [interpreter, libs] of byInterpreter) {
          const out = runPython(dir, interpreter, libs, job.social, job.tasks, quick ? 1 : 3);
          if (typeof out === 'string') {
            pythonNotes.add(`${job.label}: ${out}`);
            continue;
          }
          for (const [lib, version] of Object.entries(out.versions)) versions.set(lib, version);
          for (const [lib, reason] of Object.entries(out.missing))
            pythonNotes.add(`${lib} skipped: ${reason}`);
          for (const [lib, results] of Object.entries(out.results)) {
            const peer = `${lib} ${out.versions[lib] ?? ''}`.trim();
            const add = (name: string, oursMs: number, row: PythonRow | undefined): void => {
              if (!row) return;
              pythonRows.push({
                name,
                size: job.label,
                ours: oursMs,
                unit: 'ms',
                peer,
                ...(row.ms !== undefined
                  ? { peerValue: row.ms, ratio: ratio(row.ms, oursMs) }
                  : {}),
                ...(row.skipped ? { note: `peer skipped: ${row.skipped}` } : {}),
                ...(row.modularity !== undefined && job.ours
                  ? {
                      note: `modularity ours ${job.ours.modularity.toFixed(4)}, peer ${row.modularity.toFixed(4)}`,
                    }
                  : {}),
              });
            };
            if (job.ours) {
              add('pagerank (weighted)', job.ours.pagerankMs, results.pagerank);
              add('circles: Leiden vs Louvain', job.ours.circlesMs, results.louvain);
              add('circles: Leiden vs Leiden', job.ours.circlesMs, results.leiden);
            } else add('exact betweenness', ourExact.ms, results.betweenness);
          }
        }
      }
      if (versions.size > 0)
        pythonNotes.add(
          `Python peers: ${[...versions].map(([lib, v]) => `${lib} ${v} (${python.peers.get(lib)})`).join(', ')}; medians of up to ${quick ? 1 : 3} runs after a warm-up (a run over 2 s is timed once); each call is stopped after ${PYTHON_BUDGET} s.`,
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  return [
    { title: 'Engine speed against graphology', rows: speedRows, notes },
    {
      title: 'Betweenness: exact against graphology, approximation against exact',
      rows: betweennessRows,
      notes: [
        'Hop-count shortest paths on both sides (getEdgeWeight: null). The approximation samples sources uniformly without replacement (Brandes & Pich 2007) with linear scaling (Geisberger, Sanders & Schultes 2008); its bound is Hoeffding–Serfling with a union bound over all people.',
      ],
    },
    {
      title: 'Engine speed against networkx and python-igraph',
      rows: pythonRows,
      notes: [...pythonNotes],
    },
  ];
};

export const benchmark: Benchmark = { name: 'engine-speed', run };
