/**
 * The demo network generator: a realistic host's network — communities of heavy-tailed size,
 * power-law ties inside them, sparse ties between them, a few planted brokers, complementary
 * asks and offers, and two years of moments — deterministic for a seed and fast enough for
 * 50,000 people and a million ties. It returns plain indexed data and the plan of what it
 * planted; writing it into a workspace is the app's job.
 *
 * Each phase draws from its own seeded stream, so the same seed and people give the same
 * people and circles whatever the number of ties.
 */
import { invalidInput } from '../domain/errors';
import { createRng, type Rng } from '../domain/random';
import { layOutCircles } from './circles';
import { daysAgoFormatter, parseIsoDay } from './days';
import { generateMoments } from './moments';
import type { DemoNetwork, DemoOptions, DemoTie } from './network';
import { generatePeople } from './people';
import {
  chooseBrokers,
  planTieBudget,
  plantBridgeTies,
  plantBrokerTies,
  plantCircleTies,
  plantHostTies,
  TieSet,
  topUpTies,
} from './ties';

export type {
  CircleKind,
  DemoAttendee,
  DemoCircle,
  DemoMoment,
  DemoNetwork,
  DemoOptions,
  DemoPerson,
  DemoPlan,
  DemoTie,
} from './network';

export const DEMO_DEFAULTS: DemoOptions = {
  people: 1000,
  ties: 5000,
  seed: 1,
  today: '2026-11-26',
};

/** The largest network the generator accepts (memory, not time, is the limit). */
export const DEMO_LIMITS = { people: 1_000_000, ties: 20_000_000 } as const;

/** The most ties `people` people can have: every pair once. */
export const maxTies = (people: number): number => (people * (people - 1)) / 2;

/** Independent streams per phase, derived from the seed. */
const stream = (seed: number, phase: number): Rng =>
  createRng(Math.imul((seed >>> 0) ^ Math.imul(phase, 0x9e3779b1), 0x85ebca77) ^ phase);

const checkInteger = (field: keyof DemoOptions, value: number, min: number, max: number): void => {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidInput(`${field} must be a whole number from ${min} to ${max}`, [
      { field, reason: `not a whole number in [${min}, ${max}]` },
    ]);
  }
};

/**
 * Generates a demo network. Person 0 is the host. Ties number exactly `options.ties`, or every
 * pair when fewer are possible. Throws `invalid_input` for options out of range.
 */
export const generateNetwork = (options: Partial<DemoOptions> = {}): DemoNetwork => {
  const { people, ties: wanted, seed, today } = { ...DEMO_DEFAULTS, ...options };
  checkInteger('people', people, 1, DEMO_LIMITS.people);
  checkInteger('ties', wanted, 0, DEMO_LIMITS.ties);
  checkInteger('seed', seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const todayDay = parseIsoDay(today);
  const dayIso = daysAgoFormatter(todayDay);

  // Phase 1: circles, brokers and people: independent of the number of ties.
  const layout = layOutCircles(stream(seed, 1), people);
  const brokers = chooseBrokers(stream(seed, 2), layout);
  const persons = generatePeople(stream(seed, 3), layout, brokers);

  // Phase 2: ties, in the order of `ties.ts`; moments add theirs before the top-up.
  const total = Math.min(wanted, maxTies(people));
  const budget = planTieBudget(people, total, brokers.length);
  const ties = new TieSet(people, total);
  const tieRng = stream(seed, 4);
  plantHostTies(
    tieRng,
    ties,
    layout,
    brokers.map((b) => b.person),
    budget.host - budget.hostFromMoments,
  );
  plantBrokerTies(tieRng, ties, layout, brokers, budget.perBroker);
  plantCircleTies(tieRng, ties, layout, budget.circles);
  plantBridgeTies(tieRng, ties, layout, budget.bridges);
  const moments = generateMoments({
    rng: stream(seed, 5),
    layout,
    people: persons,
    ties,
    budget: budget.moments,
    hostBudget: budget.host - ties.degree[0]!,
    dayIso,
  });
  topUpTies(tieRng, ties, layout);

  // Pushed, not preallocated: a packed array stays fast for whoever walks it next.
  const out: DemoTie[] = [];
  for (let i = 0; i < ties.count; i++) {
    out.push({
      a: ties.lows[i]!,
      b: ties.highs[i]!,
      strength: ties.strength[i]!,
      since: dayIso(ties.sinceAgo[i]!),
    });
  }

  return {
    people: persons,
    ties: out,
    moments,
    plan: {
      brokers: brokers.map((b) => b.person),
      circles: layout.circles.map((c) => ({
        name: c.name,
        kind: c.template.kind,
        members: Array.from(c.members),
      })),
      circleOf: layout.circleOf,
    },
  };
};
