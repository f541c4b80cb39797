/**
 * Seating and series: a larger dinner split over tables of given sizes so each table is worth
 * the most (the host and co-hosts at different tables), and a recurring group drawn from a pool
 * of people scheduled over rounds so pairs repeat as little as the numbers allow.
 */

import { DomainError, invalidInput } from '../domain/errors';
import { fold } from '../domain/text';
import { seatGuests } from '../engine/composer/seating';
import { scheduleSeries } from '../engine/composer/series';
import type { StrongPair } from '../engine/composer/types';
import { pairScore, resolvePairValueOptions } from '../engine/pair-value';
import type { AppContext } from './context';
import { workspaceWeights } from './engine-weights';
import type { NetworkPerson, WorkspaceNetwork } from './network';
import type { Access } from './workspaces';

/** Tables a dinner may be split over, and people a series may draw from, at most. */
export const MAX_TABLES = 50;
export const MAX_POOL = 500;
export const MAX_ROUNDS = 52;

const ref = (p: NetworkPerson) => ({ id: p.id, displayName: p.displayName });

/** Elapsed milliseconds, for the search's time limit (the engine has no clock). */
const clock = (): number => performance.now();

/** Pair values among a few people, by their position in `people`: what moving a guest changes. */
const pairValuesAmong = async (
  ctx: AppContext,
  workspaceId: string,
  network: WorkspaceNetwork,
  people: readonly number[],
): Promise<(a: number, b: number) => number> => {
  const options = resolvePairValueOptions({ weights: await workspaceWeights(ctx, workspaceId) });
  const n = people.length;
  const values = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const v = pairScore(network.model, people[a]!, people[b]!, options).value;
      values[a * n + b] = v;
      values[b * n + a] = v;
    }
  return (a, b) => values[a * n + b] ?? 0;
};

const strongPairView = (network: WorkspaceNetwork, pair: StrongPair) => ({
  people: [ref(network.people[pair.a]!), ref(network.people[pair.b]!)] as const,
  value: pair.value,
  sentence: pair.sentence,
});

/**
 * Seats a gathering's guests and the host over tables of the given sizes. The answer carries
 * every pair's value among them, so a client can show what moving a guest changes.
 */
export const seatGathering = async (
  ctx: AppContext,
  access: Access,
  gatheringId: string,
  tableSizes: readonly number[],
  options: { readonly seed?: number | undefined } = {},
) => {
  const bad = tableSizes.findIndex((s) => !Number.isInteger(s) || s < 1);
  if (tableSizes.length === 0 || tableSizes.length > MAX_TABLES || bad >= 0) {
    throw invalidInput('Give the tables as sizes such as 10,10,8', [
      {
        field: bad >= 0 ? `tables.${bad}` : 'tables',
        reason:
          bad >= 0
            ? 'must be a whole number of seats, 1 or more'
            : `give 1 to ${MAX_TABLES} tables`,
      },
    ]);
  }
  const gathering = await ctx.store.in(access.workspaceId).gatherings.require(gatheringId);
  const network = await ctx.network.get(access.workspaceId);
  const host = network.hostIndex;
  const guests = gathering.guests.flatMap((g) => {
    const i = network.graph.indexOf.get(g.personId);
    return i === undefined ? [] : [i];
  });
  const everyone = host === null ? guests : [host, ...guests];
  if (guests.length === 0) {
    throw invalidInput('This gathering has no guests to seat yet', [
      { field: 'gathering', reason: 'has no guests' },
    ]);
  }
  const capacity = tableSizes.reduce((sum, s) => sum + s, 0);
  if (capacity < everyone.length) {
    throw invalidInput(
      `${everyone.length} people (you included) need more than ${capacity} seats`,
      [{ field: 'tables', reason: `seat at least ${everyone.length} people in all` }],
    );
  }
  const result = seatGuests(network.model, everyone, tableSizes, {
    hosts: host === null ? [] : [host],
    seed: options.seed ?? 1,
    clock,
  });
  if (result.kind === 'infeasible') {
    throw new DomainError(
      'infeasible',
      result.conflicts.map((c) => c.message).join(' '),
      result.conflicts.flatMap((c) =>
        c.constraints.map((name) => ({
          field: name === 'tableSizes' ? 'tables' : name,
          reason: c.message,
        })),
      ),
    );
  }
  const value = await pairValuesAmong(ctx, access.workspaceId, network, everyone);
  const pairs: Array<{ a: string; b: string; value: number }> = [];
  for (let a = 0; a < everyone.length; a++)
    for (let b = a + 1; b < everyone.length; b++)
      pairs.push({
        a: network.people[everyone[a]!]!.id,
        b: network.people[everyone[b]!]!.id,
        value: value(a, b),
      });
  return {
    gatheringId,
    tables: result.tables.map((t, k) => ({
      size: tableSizes[k]!,
      people: t.guests.map((i) => ({ ...ref(network.people[i]!), isHost: i === host })),
      value: t.value,
      strongestPairs: t.strongestPairs.map((p) => strongPairView(network, p)),
    })),
    value: result.value,
    proof: result.proof,
    pairs,
  };
};

/** The people of a pool: everyone tagged with it (case and accents ignored), the host left out. */
const poolOf = (network: WorkspaceNetwork, tag: string): number[] => {
  const wanted = fold(tag).trim();
  const out: number[] = [];
  network.profiles.forEach((p, i) => {
    if (i === network.hostIndex) return;
    if ((p.tags ?? []).some((t) => fold(t).trim() === wanted)) out.push(i);
  });
  return out;
};

export interface SeriesRequest {
  /** The tag naming the pool ("breakfast club"). */
  readonly pool: string;
  readonly size: number;
  readonly rounds: number;
  /** Rounds already held, kept as they happened: each a list of groups of person ids. */
  readonly held?: readonly (readonly (readonly string[])[])[] | undefined;
  readonly seed?: number | undefined;
}

/** A recurring series for a pool: groups per round, repeated pairs named. */
export const scheduleSeriesForPool = async (
  ctx: AppContext,
  access: Access,
  request: SeriesRequest,
) => {
  const network = await ctx.network.get(access.workspaceId);
  const pool = poolOf(network, request.pool);
  const problems = [];
  if (pool.length < 2)
    problems.push({
      field: 'pool',
      reason: `${pool.length === 0 ? 'nobody is' : 'only one person is'} tagged “${request.pool}”`,
    });
  else if (pool.length > MAX_POOL)
    problems.push({ field: 'pool', reason: `a series draws from at most ${MAX_POOL} people` });
  if (
    !Number.isInteger(request.size) ||
    request.size < 2 ||
    request.size > Math.max(2, pool.length)
  )
    problems.push({
      field: 'size',
      reason: `must be a whole number from 2 to the pool’s ${pool.length} people`,
    });
  if (!Number.isInteger(request.rounds) || request.rounds < 1 || request.rounds > MAX_ROUNDS)
    problems.push({ field: 'rounds', reason: `must be a whole number from 1 to ${MAX_ROUNDS}` });
  if (problems.length > 0)
    throw invalidInput(`Invalid series: ${problems.map((p) => p.field).join(', ')}`, problems);

  const position = new Map(pool.map((i, k) => [network.people[i]!.id, k]));
  const held = (request.held ?? []).map((round, r) =>
    round.map((group, g) =>
      group.map((id, k) => {
        const at = position.get(id);
        if (at === undefined)
          throw invalidInput('A held round names someone outside the pool', [
            { field: `held.${r}.${g}.${k}`, reason: 'not in the pool' },
          ]);
        return at;
      }),
    ),
  );
  const weight = await pairValuesAmong(ctx, access.workspaceId, network, pool);
  const schedule = scheduleSeries(weight, pool.length, request.size, request.rounds, {
    held,
    seed: request.seed ?? 1,
    clock,
  });
  const person = (k: number) => ref(network.people[pool[k]!]!);
  return {
    pool: request.pool,
    poolSize: pool.length,
    size: request.size,
    rounds: schedule.rounds.map((groups) => groups.map((group) => group.map(person))),
    repeatedPairs: schedule.repeatedPairs.map((p) => ({
      people: [person(p.a), person(p.b)] as const,
      times: p.times,
    })),
    repeats: schedule.repeats,
    repeatsAtLeast: schedule.repeatsAtLeast,
    value: schedule.value,
  };
};
