/**
 * Link-prediction quality on real networks (issue 4, "Quality, measured"): for each of the seven
 * edge lists of bench/datasets, seeded 90/10 splits, AUC of the engine's structural score
 * beside CN, AA, RA, LP, Jaccard and PA computed by our code in the same run, and beside the
 * README's reference values. Protocol: bench/link-prediction.ts.
 *
 *   npm run bench -- quality [--splits 10] [--seed S] [--datasets DIR]
 *   npm run bench -- quality --edges FILE [--splits 10] [--seed S] --json
 *
 * With `--edges FILE --json` it prints only `{ "engine", "cn", "aa", "ra", "lp", "splits" }`
 * (mean AUCs) on stdout, for a network nobody tuned for.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndexScorer, type LinkIndex } from '../src/engine/structural';
import {
  type EdgeList,
  type EvaluationResult,
  evaluate,
  readEdgeList,
  type ScorerFactory,
} from './link-prediction';
import type { BenchContext, Benchmark, BenchRow, BenchSection } from './section';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the seven networks live unless `--datasets DIR` or SALON_DATASETS says otherwise. */
export const DEFAULT_DATASETS = resolve(here, 'datasets');

/** The networks of the datasets README, in its order. */
export const NETWORKS = ['USAir', 'NS', 'PB', 'Yeast', 'Celegans', 'Power', 'Router'] as const;
export type Network = (typeof NETWORKS)[number];

/** The indices the README gives reference values for. */
export type ReferenceIndex = 'cn' | 'jaccard' | 'pa' | 'aa' | 'ra' | 'lp' | 'katz';

/** The README's reference AUCs (10 splits, same protocol). */
export const REFERENCE: Readonly<Record<Network, Readonly<Record<ReferenceIndex, number>>>> = {
  USAir: { cn: 0.938, jaccard: 0.901, pa: 0.892, aa: 0.949, ra: 0.954, lp: 0.93, katz: 0.925 },
  NS: { cn: 0.945, jaccard: 0.943, pa: 0.622, aa: 0.948, ra: 0.948, lp: 0.952, katz: 0.925 },
  PB: { cn: 0.918, jaccard: 0.872, pa: 0.901, aa: 0.921, ra: 0.922, lp: 0.931, katz: 0.927 },
  Yeast: { cn: 0.893, jaccard: 0.893, pa: 0.824, aa: 0.894, ra: 0.895, lp: 0.942, katz: 0.923 },
  Celegans: { cn: 0.85, jaccard: 0.796, pa: 0.756, aa: 0.866, ra: 0.869, lp: 0.866, katz: 0.864 },
  Power: { cn: 0.589, jaccard: 0.589, pa: 0.443, aa: 0.589, ra: 0.589, lp: 0.64, katz: 0.653 },
  Router: { cn: 0.561, jaccard: 0.56, pa: 0.468, aa: 0.561, ra: 0.561, lp: 0.633, katz: 0.375 },
};

/** The largest standard deviation across splits per network (the README's last row). */
export const REFERENCE_SD: Readonly<Record<Network, number>> = {
  USAir: 0.014,
  NS: 0.029,
  PB: 0.003,
  Yeast: 0.006,
  Celegans: 0.013,
  Power: 0.012,
  Router: 0.012,
};

/** The best reference index of a network, by name and value. */
export const bestReference = (network: Network): { index: ReferenceIndex; auc: number } => {
  let best: { index: ReferenceIndex; auc: number } = { index: 'cn', auc: -1 };
  for (const [index, auc] of Object.entries(REFERENCE[network]) as Array<[ReferenceIndex, number]>)
    if (auc > best.auc) best = { index, auc };
  return best;
};

/** Our baselines must land this close to the README's values (10-split means). */
export const REFERENCE_TOLERANCE = 0.01;

/**
 * The tolerance for a run of `splits` splits: 0.01 for the README's ten, 0.02 for a quick run
 * (the split-to-split sd reaches 0.03 on NS, so a 2-split mean wanders further).
 */
export const toleranceFor = (splits: number): number => (splits >= 10 ? REFERENCE_TOLERANCE : 0.02);

/** The baselines the issue requires to match the README: CN, AA, RA and LP. */
export const REQUIRED_BASELINES = ['cn', 'aa', 'ra', 'lp'] as const;

const LABEL: Readonly<Record<string, string>> = {
  engine: 'engine',
  cn: 'CN',
  aa: 'AA',
  ra: 'RA',
  lp: 'LP',
  jaccard: 'Jaccard',
  pa: 'PA',
  katz: 'Katz',
  'engine-no-prior': 'engine without its prior (RA + RA3 only)',
};

const BASELINES: ReadonlyArray<LinkIndex & ReferenceIndex> = [
  'cn',
  'jaccard',
  'pa',
  'aa',
  'ra',
  'lp',
];

/** The scorers of one run: the engine, its ablation and the baselines, all from our code. */
export const qualityScorers = (
  options: { withCheap?: boolean; withAblation?: boolean } = {},
): Record<string, ScorerFactory> => {
  const scorers: Record<string, ScorerFactory> = {
    engine: (g) => createIndexScorer(g, 'engine'),
    cn: (g) => createIndexScorer(g, 'cn'),
    aa: (g) => createIndexScorer(g, 'aa'),
    ra: (g) => createIndexScorer(g, 'ra'),
    lp: (g) => createIndexScorer(g, 'lp'),
  };
  if (options.withCheap !== false) {
    scorers.jaccard = (g) => createIndexScorer(g, 'jaccard');
    scorers.pa = (g) => createIndexScorer(g, 'pa');
  }
  if (options.withAblation)
    scorers['engine-no-prior'] = (g) => createIndexScorer(g, 'engine', { prior: false });
  return scorers;
};

/** One network's evaluation. */
export interface NetworkQuality {
  readonly network: Network;
  readonly nodes: number;
  readonly edges: number;
  readonly result: EvaluationResult;
}

/** Evaluates one of the seven networks. */
export const evaluateNetwork = (
  network: Network,
  options: { splits: number; seed: number; datasets?: string; withAblation?: boolean },
): NetworkQuality => {
  const list = readEdgeList(join(options.datasets ?? DEFAULT_DATASETS, `${network}.txt`));
  return {
    network,
    nodes: list.ids.length,
    edges: list.src.length,
    result: evaluate(
      list,
      qualityScorers({ withAblation: options.withAblation }),
      options.splits,
      options.seed,
    ),
  };
};

/**
 * Required baselines (CN, AA, RA, LP) of a network further than the tolerance for its number of
 * splits from the README, as readable strings.
 */
export const referenceMismatches = (quality: NetworkQuality): string[] => {
  const out: string[] = [];
  const tolerance = toleranceFor(quality.result.splits.length);
  for (const index of REQUIRED_BASELINES) {
    const ours = quality.result.mean[index];
    const reference = REFERENCE[quality.network][index];
    if (ours === undefined || !(Math.abs(ours - reference) <= tolerance))
      out.push(`${quality.network} ${LABEL[index]}: ours ${ours?.toFixed(3)} vs ${reference}`);
  }
  return out;
};

const fixed = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(3));

/** The sections the runner prints: targets, the wide table, and baselines vs the README. */
export const qualitySections = (
  qualities: readonly NetworkQuality[],
  splits: number,
  seed: number,
): BenchSection[] => {
  const targetRows: BenchRow[] = [];
  let atBest = 0;
  let aboveRa = 0;
  for (const q of qualities) {
    const engine = q.result.mean.engine ?? Number.NaN;
    const ra = q.result.mean.ra ?? Number.NaN;
    const best = bestReference(q.network);
    const size = `${q.nodes} people / ${q.edges} ties`;
    if (engine >= ra) aboveRa++;
    if (engine >= best.auc) atBest++;
    const ablation = q.result.mean['engine-no-prior'];
    targetRows.push(
      {
        name: `${q.network}: engine vs RA`,
        size,
        ours: engine,
        unit: 'AUC',
        peer: 'RA (our code, same splits)',
        peerValue: ra,
        target: '≥ RA on all seven',
        pass: engine >= ra,
        note: `sd ${fixed(q.result.sd.engine)}${ablation === undefined ? '' : `; RA + RA3 alone (no prior) ${fixed(ablation)}`}`,
      },
      {
        name: `${q.network}: engine vs best reference`,
        size,
        ours: engine,
        unit: 'AUC',
        peer: `${LABEL[best.index]} (README)`,
        peerValue: best.auc,
        target: '≥ best reference on ≥ 4 of 7',
        pass: engine >= best.auc,
      },
    );
  }
  const complete = qualities.length === NETWORKS.length;
  targetRows.push(
    {
      name: 'networks where engine ≥ RA',
      ours: aboveRa,
      unit: `of ${qualities.length}`,
      target: 'all seven',
      pass: complete ? aboveRa === NETWORKS.length : aboveRa === qualities.length,
    },
    {
      name: 'networks where engine ≥ best reference',
      ours: atBest,
      unit: `of ${qualities.length}`,
      target: '≥ 4 of 7',
      pass: complete ? atBest >= 4 : undefined,
      note: complete ? undefined : 'partial run (quick): target judged on the full run only',
    },
  );

  const wideRows: BenchRow[] = qualities.map((q) => ({
    name: q.network,
    size: `${q.nodes} / ${q.edges}`,
    ours: q.result.mean.engine,
    unit: 'AUC',
    note: (['cn', 'jaccard', 'pa', 'aa', 'ra', 'lp'] as const)
      .map((ix) => `${LABEL[ix]} ${fixed(q.result.mean[ix])} (ref ${REFERENCE[q.network][ix]})`)
      .join(', '),
  }));

  const tolerance = toleranceFor(splits);
  const required: readonly string[] = REQUIRED_BASELINES;
  const baselineRows: BenchRow[] = [];
  for (const q of qualities)
    for (const index of BASELINES) {
      const ours = q.result.mean[index] ?? Number.NaN;
      const reference = REFERENCE[q.network][index];
      const close = Math.abs(ours - reference) <= tolerance;
      baselineRows.push({
        name: `${q.network} ${LABEL[index]}`,
        ours,
        unit: 'AUC',
        peer: 'README reference',
        peerValue: reference,
        target: required.includes(index) ? `within ${tolerance}` : `(shown; within ${tolerance})`,
        pass: close,
        note: `sd ${fixed(q.result.sd[index])}`,
      });
    }
  const mismatches = qualities.flatMap(referenceMismatches);
  const exactness = qualities
    .map((q) => {
      const first = q.result.splits[0];
      return `${q.network}: ${first?.exact ? 'exact over' : 'sampled'} ${first?.negatives} non-edges × ${first?.probes} probe edges`;
    })
    .join('; ');
  return [
    {
      title: `Link prediction: the engine's structural score (mean AUC over ${splits} seeded splits, seed ${seed})`,
      rows: targetRows,
      notes: [
        'engine(i, j) = RA + RA3 + prior; RA3 = Σ 1/(k_u k_v) over paths i–u–v–j; the prior orders pairs with no path evidence by expected unrecorded ties (src/engine/structural.ts).',
        `Negatives per split: ${exactness}.`,
      ],
    },
    {
      title:
        'Link prediction: every index by network (mean AUC, our code; README reference in brackets)',
      rows: wideRows,
    },
    {
      title: `Link prediction: our baselines vs the README's reference values (tolerance ${tolerance})`,
      rows: baselineRows,
      notes: [
        mismatches.length === 0
          ? `Required baselines (CN, AA, RA, LP) on ${qualities.length} network(s): all within ${tolerance} of the README's reference values.`
          : `Required baselines (CN, AA, RA, LP) off the reference by more than ${tolerance}: ${mismatches.join('; ')}.`,
        `Jaccard and PA are shown beside the reference too: ${baselineRows.filter((r) => r.pass).length} of ${baselineRows.length} baseline figures are within ${tolerance}.`,
      ],
    },
  ];
};

const argValue = (args: readonly string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

const numberArg = (args: readonly string[], name: string, fallback: number): number => {
  const text = argValue(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number, got ${text}`);
  return value;
};

const runOnFile = (file: string, splits: number, seed: number, ctx: BenchContext) => {
  if (!existsSync(file)) throw new Error(`No such edge list: ${file}`);
  const list: EdgeList = readEdgeList(file);
  const result = evaluate(list, qualityScorers({ withCheap: false }), splits, seed);
  const { engine, cn, aa, ra, lp } = result.mean;
  if (ctx.args.includes('--json')) {
    console.log(JSON.stringify({ engine, cn, aa, ra, lp, splits }));
    return [];
  }
  return [
    {
      title: `Link prediction on ${basename(file)} (${list.ids.length} people / ${list.src.length} ties, mean AUC over ${splits} splits)`,
      rows: (['engine', 'cn', 'aa', 'ra', 'lp'] as const).map((index) => ({
        name: LABEL[index] ?? index,
        ours: result.mean[index],
        unit: 'AUC',
        note: `sd ${fixed(result.sd[index])}`,
      })),
    },
  ];
};

const run = async (ctx: BenchContext): Promise<BenchSection[]> => {
  const seed = numberArg(ctx.args, '--seed', 1);
  const edges = argValue(ctx.args, '--edges');
  if (edges) return runOnFile(edges, numberArg(ctx.args, '--splits', 10), seed, ctx);
  const splits = numberArg(ctx.args, '--splits', ctx.quick ? 2 : 10);
  const datasets =
    argValue(ctx.args, '--datasets') ?? process.env.SALON_DATASETS ?? DEFAULT_DATASETS;
  const networks: readonly Network[] = ctx.quick ? ['USAir', 'NS'] : NETWORKS;
  const qualities: NetworkQuality[] = [];
  for (const network of networks) {
    const started = performance.now();
    qualities.push(evaluateNetwork(network, { splits, seed, datasets, withAblation: true }));
    ctx.log(`${network}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return qualitySections(qualities, splits, seed);
};

export const benchmark: Benchmark = { name: 'quality', run };
