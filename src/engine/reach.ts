/**
 * Reach ("movers and shakers"): who is well connected in the host's network, and why.
 *
 * Method: a weighted sum of four normalised parts, each shown to the host —
 * - standing: weighted PageRank (Page, Brin, Motwani & Winograd 1999; see `pagerank.ts`);
 * - brokerage: approximate betweenness (Brandes & Pich 2007; see `betweenness.ts`), the
 *   structural-holes reading of Burt, "Structural holes: the social structure of competition"
 *   (Harvard, 1992);
 * - span: how many distinct circles their ties reach (circles from `communities.ts`);
 * - stature: the host's own 1–5 mark, when there is one (a missing mark leaves the other parts'
 *   weights to share its weight rather than counting as low).
 * PageRank (above the teleport floor every person gets) and betweenness are heavy-tailed, so
 * they are scaled by log(1 + x / mean) relative to the largest value: one star does not flatten
 * everyone else to 0, and a person nobody knows scores 0.
 *
 * The host is tied to everyone they know, so in their own graph every path runs through them
 * and nobody else would look like a broker. As is usual for ego networks (Everett & Borgatti,
 * "Ego network betweenness", Social Networks 27, 2005), the centralities are computed on the
 * network without the host when `hostIndex` is given.
 *
 * `reachThroughOthers` counts the people the host can meet through one warm introduction —
 * friends of friends not yet tied to the host — and ranks the friends by the new people each
 * one brings within reach.
 */

import { plural } from '../domain/text';
import {
  type ApproximateBetweennessOptions,
  type ApproximateBetweennessResult,
  approximateBetweennessDetailed,
} from './betweenness';
import { type CommunityOptions, detectCommunities } from './communities';
import type { CompactGraph } from './graph';
import { withoutPerson } from './graph-patch';
import { DEFAULTS as PAGERANK_DEFAULTS, type PagerankOptions, pagerankDetailed } from './pagerank';

export interface ReachWeights {
  readonly pagerank: number;
  readonly brokerage: number;
  readonly circles: number;
  readonly stature: number;
}

export interface ReachOptions {
  readonly weights: ReachWeights;
  /** A circle counts as spanned when at least this many of the person's ties lead into it. */
  readonly minTiesPerCircle: number;
  /** Brokerage part from which the explanation says "bridges …". */
  readonly bridgeThreshold: number;
  /** Standing part from which the explanation says "at the heart of …". */
  readonly heartThreshold: number;
  readonly pagerank: Partial<PagerankOptions>;
  readonly betweenness: Partial<ApproximateBetweennessOptions>;
  /** Used only when the input has no `communities`. */
  readonly communities: Partial<CommunityOptions>;
  /** Seeds betweenness sampling and community detection unless their options name one. */
  readonly seed: number;
}

export const DEFAULTS: ReachOptions = {
  weights: { pagerank: 0.35, brokerage: 0.35, circles: 0.15, stature: 0.15 },
  minTiesPerCircle: 1,
  bridgeThreshold: 0.25,
  heartThreshold: 0.5,
  pagerank: {},
  betweenness: {},
  communities: {},
  seed: 1,
};

/** What the host knows that the graph does not; arrays aligned to graph indices. */
export interface ReachInput {
  /** The host's own index: left out of the centralities and the reference for "your contacts". */
  readonly hostIndex?: number | null;
  /**
   * Circle of each person. Computed (on the network without the host) when absent; pass the
   * app's circles when it has them, as finding circles is the costliest part.
   */
  readonly communities?: Int32Array;
  /** Name of each circle, by circle number (e.g. from `nameCircles`). */
  readonly circleNames?: readonly string[];
  /** The host's stature mark of each person, 1–5, or null. */
  readonly stature?: readonly (number | null | undefined)[];
}

/** Each part in [0, 1]; `stature` is null when the host gave no mark. */
export interface ReachParts {
  readonly pagerank: number;
  readonly brokerage: number;
  readonly circles: number;
  readonly stature: number | null;
}

export interface PersonReach {
  readonly index: number;
  readonly isHost: boolean;
  /** The combined score in [0, 1]. */
  readonly score: number;
  readonly parts: ReachParts;
  /** Raw PageRank (sums to 1 over everyone but the host). */
  readonly pagerank: number;
  /** Raw normalised betweenness estimate. */
  readonly betweenness: number;
  readonly circlesSpanned: number;
  /** Circles their ties lead into most, most ties first (at most two). */
  readonly bridges: readonly number[];
  /** With a host: their ties among the host's contacts; else all their ties (host excluded). */
  readonly contactsWhoKnow: number;
  /**
   * Their ties to anyone but the host. Reach is measured among the host's people, so a person
   * with none is not ranked (the explanation says why), however high their stature mark.
   */
  readonly ties: number;
  readonly stature: number | null;
  readonly explanation: string;
}

export interface ReachDetailed {
  readonly people: PersonReach[];
  /** The circles used, by graph index (−1 for the host when they were computed here). */
  readonly communities: Int32Array;
  /** Betweenness diagnostics (sample size, error bound) on the graph the scores came from. */
  readonly betweenness: ApproximateBetweennessResult;
  readonly pagerankIterations: number;
}

/** log(1 + x / mean) / log(1 + max / mean): heavy tails kept readable, 0 stays 0. */
const logScale = (values: Float64Array): Float64Array => {
  let max = 0;
  let sum = 0;
  let positive = 0;
  for (const v of values) {
    if (v > max) max = v;
    if (v > 0) {
      sum += v;
      positive++;
    }
  }
  const out = new Float64Array(values.length);
  if (max <= 0) return out;
  const mean = sum / positive;
  const top = Math.log1p(max / mean);
  for (let i = 0; i < values.length; i++) out[i] = Math.log1p(values[i]! / mean) / top;
  return out;
};

const validStature = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(5, Math.max(1, value)) : null;

/** Reach of every person with its parts and a plain-words explanation, by graph index. */
export const reachDetailed = (
  graph: CompactGraph,
  input: ReachInput = {},
  options: Partial<ReachOptions> = {},
): ReachDetailed => {
  const settings = { ...DEFAULTS, ...options };
  const weights = { ...DEFAULTS.weights, ...options.weights };
  const { n, offsets, neighbors } = graph;
  const host =
    input.hostIndex !== undefined &&
    input.hostIndex !== null &&
    input.hostIndex >= 0 &&
    input.hostIndex < n
      ? input.hostIndex
      : -1;

  // Phase 1: centralities on the network without the host, mapped back to graph indices.
  const view = host >= 0 ? withoutPerson(graph, graph.ids[host]!) : graph;
  const toView = (i: number): number => (host < 0 || i < host ? i : i - 1);
  const pr = pagerankDetailed(view, settings.pagerank);
  const bc = approximateBetweennessDetailed(view, { seed: settings.seed, ...settings.betweenness });
  const pagerank = new Float64Array(n);
  const between = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i === host) continue;
    pagerank[i] = pr.scores[toView(i)]!;
    between[i] = bc.scores[toView(i)]!;
  }
  // Circle of each person by graph index (the host's is -1 when circles are computed here).
  const given = input.communities && input.communities.length === n ? input.communities : null;
  const communities = new Int32Array(n).fill(-1);
  if (given) communities.set(given);
  else {
    const found = detectCommunities(view, { seed: settings.seed, ...settings.communities });
    for (let i = 0; i < n; i++) if (i !== host) communities[i] = found.communities[toView(i)]!;
  }
  const circleOf = (i: number): number => communities[i]!;

  // Phase 2: circles spanned and contacts who know each person.
  let circleCount = 0;
  for (let i = 0; i < n; i++) circleCount = Math.max(circleCount, circleOf(i) + 1);
  const tiesInto = new Int32Array(circleCount);
  const touched: number[] = [];
  const isContact = new Uint8Array(n);
  if (host >= 0)
    for (let k = offsets[host]!; k < offsets[host + 1]!; k++) isContact[neighbors[k]!] = 1;
  const spanned = new Int32Array(n);
  const contacts = new Int32Array(n);
  const bridges: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    if (i === host) continue;
    let known = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const j = neighbors[k]!;
      if (j === host) continue;
      if (host < 0 || isContact[j] === 1) known++;
      const c = circleOf(j);
      if (c < 0) continue;
      if (tiesInto[c] === 0) touched.push(c);
      tiesInto[c]!++;
    }
    contacts[i] = known;
    const ranked = touched
      .filter((c) => tiesInto[c]! >= settings.minTiesPerCircle)
      .sort((a, b) => tiesInto[b]! - tiesInto[a]! || a - b);
    spanned[i] = ranked.length;
    bridges[i] = ranked.slice(0, 2);
    for (const c of touched) tiesInto[c] = 0;
    touched.length = 0;
  }

  // Phase 3: normalised parts and the weighted score.
  // PageRank above the share everyone gets from teleporting, so a person with no ties scores 0.
  const alpha = settings.pagerank.alpha ?? PAGERANK_DEFAULTS.alpha;
  let dangling = 0;
  for (let v = 0; v < view.n; v++) if (view.strength[v] === 0) dangling += pr.scores[v]!;
  const floor = view.n > 0 ? (alpha * dangling + 1 - alpha) / view.n : 0;
  const prPart = logScale(
    pagerank.map((v, i) =>
      i === host || view.strength[toView(i)] === 0 ? 0 : Math.max(0, v - floor),
    ),
  );
  const bcPart = logScale(between);
  let maxSpan = 0;
  for (let i = 0; i < n; i++) maxSpan = Math.max(maxSpan, spanned[i]!);
  const nameOf = (c: number): string => input.circleNames?.[c] ?? `circle ${c + 1}`;
  const people: PersonReach[] = [];
  for (let i = 0; i < n; i++) {
    const stature = validStature(input.stature?.[i]);
    const parts: ReachParts = {
      pagerank: prPart[i]!,
      brokerage: bcPart[i]!,
      circles: maxSpan > 1 ? Math.max(0, spanned[i]! - 1) / (maxSpan - 1) : 0,
      stature: stature === null ? null : (stature - 1) / 4,
    };
    let weighted = weights.pagerank * parts.pagerank;
    weighted += weights.brokerage * parts.brokerage + weights.circles * parts.circles;
    let weightSum = weights.pagerank + weights.brokerage + weights.circles;
    if (parts.stature !== null) {
      weighted += weights.stature * parts.stature;
      weightSum += weights.stature;
    }
    const isHost = i === host;
    const score = isHost || weightSum <= 0 ? 0 : weighted / weightSum;
    const entry = {
      index: i,
      isHost,
      score,
      parts,
      pagerank: pagerank[i]!,
      betweenness: between[i]!,
      circlesSpanned: spanned[i]!,
      bridges: bridges[i]!,
      contactsWhoKnow: contacts[i]!,
      ties: isHost ? 0 : view.offsets[toView(i) + 1]! - view.offsets[toView(i)]!,
      stature,
    };
    people.push({
      ...entry,
      explanation: isHost
        ? 'you'
        : entry.ties === 0
          ? unranked(offsets[i + 1]! > offsets[i]!)
          : explain(entry, nameOf, host >= 0, settings),
    });
  }
  return { people, communities, betweenness: bc, pagerankIterations: pr.iterations };
};

/** Reach of every person, by graph index (see `reachDetailed`). */
export const reach = (
  graph: CompactGraph,
  input: ReachInput = {},
  options: Partial<ReachOptions> = {},
): PersonReach[] => reachDetailed(graph, input, options).people;

/** Why a person with no ties but (perhaps) one to the host has no rank. */
const unranked = (tiedToHost: boolean): string =>
  tiedToHost ? 'not ranked: you are their only tie so far' : 'not ranked: no ties yet';

/** Whether a person has a place in the reach ranking: they have a tie to someone but the host. */
export const isRanked = (person: PersonReach): boolean => !person.isHost && person.ties > 0;

/**
 * The plain-words reason: "bridges your climate investors and your Sunday running group;
 * 9 of your contacts know them".
 */
const explain = (
  person: Omit<PersonReach, 'explanation'>,
  nameOf: (circle: number) => string,
  hasHost: boolean,
  settings: ReachOptions,
): string => {
  const phrases: string[] = [];
  const [first, second] = person.bridges;
  if (
    first !== undefined &&
    second !== undefined &&
    (person.parts.brokerage >= settings.bridgeThreshold || person.circlesSpanned >= 3)
  ) {
    const more = person.circlesSpanned - 2;
    phrases.push(
      more > 0
        ? `bridges your ${nameOf(first)}, your ${nameOf(second)} and ${plural(more, 'more circle', 'more circles')}`
        : `bridges your ${nameOf(first)} and your ${nameOf(second)}`,
    );
  } else if (first !== undefined && person.parts.pagerank >= settings.heartThreshold)
    phrases.push(`at the heart of your ${nameOf(first)}`);
  const known = person.contactsWhoKnow;
  if (hasHost)
    phrases.push(
      known === 0
        ? 'none of your contacts know them yet'
        : `${known} of your contacts ${known === 1 ? 'knows' : 'know'} them`,
    );
  else
    phrases.push(
      known === 0
        ? 'nobody in your network knows them yet'
        : `${plural(known, 'person', 'people')} in your network ${known === 1 ? 'knows' : 'know'} them`,
    );
  if (person.stature !== null && person.stature >= 4)
    phrases.push(`you rate their standing ${person.stature}/5`);
  return phrases.join('; ');
};

export interface ReachThroughOptions {
  /** Only ties at least this strong count as warm enough to ask for an introduction. */
  readonly minWeight: number;
  /** Doors returned, most new people first. */
  readonly limit: number;
}

export const THROUGH_DEFAULTS: ReachThroughOptions = { minWeight: 0, limit: 25 };

/** A friend of the host and the new people an introduction through them would reach. */
export interface Door {
  readonly index: number;
  /** People they know whom the host does not. */
  readonly newPeople: number;
  /** Of those, the people the host can reach through nobody else. */
  readonly onlyThrough: number;
}

export interface ReachThroughOthers {
  /** The host's own ties. */
  readonly direct: number;
  /** Friends of friends not tied to the host: reachable through one warm introduction. */
  readonly reachable: number;
  /** The friends who open the most new doors, best first. */
  readonly doors: Door[];
}

/**
 * How many people the host can reach through one warm introduction, and who opens the most
 * new doors (ranked by the new people they add; ties by people only they can introduce).
 * An unknown host index gives zeros.
 */
export const reachThroughOthers = (
  graph: CompactGraph,
  hostIndex: number,
  options: Partial<ReachThroughOptions> = {},
): ReachThroughOthers => {
  const { minWeight, limit } = { ...THROUGH_DEFAULTS, ...options };
  const { n, offsets, neighbors, weights } = graph;
  if (!Number.isInteger(hostIndex) || hostIndex < 0 || hostIndex >= n)
    return { direct: 0, reachable: 0, doors: [] };
  const known = new Uint8Array(n);
  known[hostIndex] = 1;
  const friends: number[] = [];
  for (let k = offsets[hostIndex]!; k < offsets[hostIndex + 1]!; k++) {
    known[neighbors[k]!] = 1;
    if (weights[k]! >= minWeight) friends.push(neighbors[k]!);
  }
  // Phase 1: how many warm friends lead to each new person.
  const routes = new Int32Array(n);
  let reachable = 0;
  for (const f of friends)
    for (let k = offsets[f]!; k < offsets[f + 1]!; k++) {
      const u = neighbors[k]!;
      if (known[u] === 1) continue;
      if (routes[u] === 0) reachable++;
      routes[u]!++;
    }
  // Phase 2: each friend's doors.
  const doors: Door[] = [];
  for (const f of friends) {
    let newPeople = 0;
    let onlyThrough = 0;
    for (let k = offsets[f]!; k < offsets[f + 1]!; k++) {
      const u = neighbors[k]!;
      if (known[u] === 1) continue;
      newPeople++;
      if (routes[u] === 1) onlyThrough++;
    }
    if (newPeople > 0) doors.push({ index: f, newPeople, onlyThrough });
  }
  doors.sort(
    (a, b) => b.newPeople - a.newPeople || b.onlyThrough - a.onlyThrough || a.index - b.index,
  );
  return {
    direct: offsets[hostIndex + 1]! - offsets[hostIndex]!,
    reachable,
    doors: doors.slice(0, Math.max(0, limit)),
  };
};
