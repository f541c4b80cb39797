/**
 * Suggestion speed (issue 4, "Speed, measured"): on a seeded profiled network of 50,000 people
 * and 1,000,000 ties, `suggestFor` p50/p99 for typical people (about 150 ties) and hubs (about
 * 2,000 ties, or the largest the generator made), and the workspace-wide
 * `introductionsToMake`. The model is built once, as the server does.
 *
 *   npm run bench -- suggestions [--people N] [--ties M] [--seed S]
 */
import { loadavg } from 'node:os';
import { degreeOf } from '../src/engine/graph';
import { buildModel } from '../src/engine/model';
import { introductionsToMake, suggestFor } from '../src/engine/suggestions';
import { generateProfiledNetwork } from './generators/profiled-network';
import {
  type BenchContext,
  type Benchmark,
  type BenchRow,
  type BenchSection,
  numberArg,
} from './section';
import { closestByDegree, percentile } from './stats';

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const run = async (ctx: BenchContext): Promise<BenchSection[]> => {
  const people = numberArg(ctx.args, '--people', ctx.quick ? 2_000 : 50_000);
  const ties = numberArg(ctx.args, '--ties', ctx.quick ? 40_000 : 1_000_000);
  const seed = numberArg(ctx.args, '--seed', 7);
  const size = `${people.toLocaleString('en')} people / ${ties.toLocaleString('en')} ties`;

  const network = generateProfiledNetwork({ people, ties, seed });
  let started = performance.now();
  const model = buildModel({
    graph: network.graph,
    profiles: network.profiles,
    communityOf: network.circle,
    circleNames: network.circleNames,
  });
  const buildMs = performance.now() - started;
  ctx.log(`model built in ${buildMs.toFixed(0)} ms`);

  const degrees = Int32Array.from({ length: model.n }, (_, i) => degreeOf(model.graph, i));
  const maxDegree = degrees.reduce((a, b) => Math.max(a, b), 0);
  const groups = [
    {
      label: 'typical person',
      target: 150,
      limitMs: 10,
      people: closestByDegree(degrees, 150, 50),
    },
    { label: 'hub', target: 2_000, limitMs: 25, people: closestByDegree(degrees, 2_000, 20) },
  ];
  const rows: BenchRow[] = [
    { name: 'engine model build (profiles, index, scanner)', size, ours: buildMs, unit: 'ms' },
  ];
  for (const group of groups) {
    // Warm-up pass, then three timed passes over the same people.
    for (const p of group.people) suggestFor(model, p, { limit: 10 });
    const times: number[] = [];
    const cpuStart = cpuMs();
    for (let pass = 0; pass < 3; pass++)
      for (const p of group.people) {
        started = performance.now();
        suggestFor(model, p, { limit: 10 });
        times.push(performance.now() - started);
      }
    const cpuPerCall = (cpuMs() - cpuStart) / times.length;
    times.sort((a, b) => a - b);
    const ties = group.people.map((p) => degrees[p]!);
    const tieRange = `${Math.min(...ties)}–${Math.max(...ties)} ties`;
    rows.push(
      {
        name: `suggestFor, ${group.label}, p50`,
        size,
        ours: percentile(times, 0.5),
        unit: 'ms',
        note: `${group.people.length} people with ${tieRange}; CPU ${cpuPerCall.toFixed(2)} ms/call`,
      },
      {
        name: `suggestFor, ${group.label}, p99`,
        size,
        ours: percentile(times, 0.99),
        unit: 'ms',
        target: ctx.quick ? undefined : `< ${group.limitMs} ms at 50k / 1M`,
        pass: ctx.quick ? undefined : percentile(times, 0.99) < group.limitMs,
        note:
          group.target > maxDegree
            ? `the generator's largest person has ${maxDegree} ties`
            : undefined,
      },
    );
  }

  const introTimes: number[] = [];
  const introCpu: number[] = [];
  let last: ReturnType<typeof introductionsToMake> | null = null;
  for (let pass = 0; pass < (ctx.quick ? 1 : 3); pass++) {
    const cpuStart = cpuMs();
    started = performance.now();
    last = introductionsToMake(model, { limit: 20, perPerson: 2 });
    introTimes.push(performance.now() - started);
    introCpu.push(cpuMs() - cpuStart);
  }
  introTimes.sort((a, b) => a - b);
  const best = introTimes[0]!;
  rows.push({
    name: 'introductionsToMake (20, at most 2 per person), best of runs',
    size,
    ours: best,
    unit: 'ms',
    target: ctx.quick ? undefined : '< 2 s at 50k / 1M',
    pass: ctx.quick ? undefined : best < 2_000,
    note: `runs ${introTimes.map((t) => t.toFixed(0)).join(', ')} ms; CPU ${introCpu.map((t) => t.toFixed(0)).join(', ')} ms; ${last?.candidates} candidate entries, ${last?.evaluated} valued in full`,
  });
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  return [
    {
      title: `Suggestions and introductions (seeded profiled network, seed ${seed})`,
      rows,
      notes: [
        `Load average during the run (1/5/15 min): ${load}. Wall-clock times on a shared machine; the CPU columns show the process's own time.`,
        `Top introduction: ${last?.introductions[0]?.sentence ?? 'none'}`,
      ],
    },
  ];
};

export const benchmark: Benchmark = { name: 'suggestions', run };
