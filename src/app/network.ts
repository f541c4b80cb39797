/**
 * The engine's view of one workspace, assembled: the compact graph, circles and the model that
 * pair value and suggestions read, built from the store, and patched when a tie, a person, a
 * moment or a circle's name changes, exactly as a rebuild would find them (circles apart: a
 * patch never recomputes them). `network-cache.ts` keeps these per workspace.
 */

import { KIND_LABELS } from '../domain/moment';
import { type SeenMoment, sightingsOf } from '../domain/sighting';
import {
  type CircleSnapshot,
  type CircleTraits,
  carriedNames,
  carryNames,
  type NamedCircle,
  nameCircles,
} from '../engine/circles';
import { detectCommunities } from '../engine/communities';
import { type CompactGraph, fromIndexEdges } from '../engine/graph';
import { withoutTie, withPerson, withTies } from '../engine/graph-patch';
import {
  buildModel,
  type EngineModel,
  type PersonProfile,
  pairKey,
  withCircleNames,
  withTiesChanged,
} from '../engine/model';
import { type ReachDetailed, reachDetailed } from '../engine/reach';
import { applySightings, tieWeight } from '../engine/tie-weight';
import type { Attendance } from '../store/moment.repository';
import type { PersonInNetwork } from '../store/person.repository';
import type { Store } from '../store/store';

/** What the app keeps of each person beside the graph, by graph index. */
/** What the network's answers name of a person. */
export type NetworkPerson = Pick<
  PersonInNetwork,
  'id' | 'displayName' | 'organization' | 'title' | 'isSelf' | 'stature'
>;

export interface NamedNetworkCircle extends NamedCircle {
  readonly namedByHost: boolean;
  /** The stored host name this circle carries, to replace when the host renames it again. */
  readonly hostNameId: string | null;
}

export interface WorkspaceNetwork {
  readonly graph: CompactGraph;
  readonly people: readonly NetworkPerson[];
  readonly profiles: readonly PersonProfile[];
  readonly hostIndex: number | null;
  readonly communities: Int32Array;
  readonly modularity: number;
  readonly circles: readonly NamedNetworkCircle[];
  readonly model: EngineModel;
}

/** A change the network can absorb without going back to the store. */
export type NetworkChange =
  /** A tie was added or its strength changed: it is read back and weighed as a rebuild would. */
  | { readonly kind: 'tie-set'; readonly aId: string; readonly bId: string }
  | { readonly kind: 'tie-removed'; readonly aId: string; readonly bId: string }
  | { readonly kind: 'person-added'; readonly person: PersonInNetwork }
  | { readonly kind: 'person-changed'; readonly person: PersonInNetwork }
  /** The host named a circle: the names are carried over again, the circles stay. */
  | { readonly kind: 'circle-renamed' }
  /** The host marked or unmarked someone they want to grow closer to. */
  | { readonly kind: 'goal-set'; readonly personId: string; readonly goal: boolean }
  /**
   * A moment was logged or deleted: its attendees (some perhaps created with it), the ties among
   * them and the host, and who of them sat at a table together are read back and patched in.
   */
  | { readonly kind: 'moment-changed'; readonly attendeeIds: readonly string[] }
  /** Anything larger: the next read rebuilds from the store. */
  | { readonly kind: 'rebuild' };

const SEED = 1;

const toNetworkPerson = (p: PersonInNetwork): NetworkPerson => ({
  id: p.id,
  displayName: p.displayName,
  organization: p.organization,
  title: p.title,
  isSelf: p.isSelf,
  stature: p.stature,
});

const toProfile = (p: PersonInNetwork): PersonProfile => ({
  name: p.displayName,
  tags: p.tags,
  interests: p.interests,
  asks: p.asks,
  offers: p.offers,
  organization: p.organization,
  location: p.location,
});

interface Loaded {
  readonly people: NetworkPerson[];
  readonly profiles: PersonProfile[];
  readonly graph: CompactGraph;
  readonly contexts: string[][];
  readonly tags: ReadonlyArray<readonly string[]>;
  readonly metPairs: Array<readonly [number, number]>;
  /** The people the host wants to grow closer to, by graph index. */
  readonly goals: number[];
}

/**
 * The compact graph of `people` (in their order) from the store's lean read of the ties, each
 * weighed by strength alone (as never seen together: `applySightings` renews them).
 */
export const graphFromStore = async (
  store: Store,
  workspaceId: string,
  people: ReadonlyArray<{ readonly id: string }>,
): Promise<CompactGraph> => {
  const ids = people.map((p) => p.id);
  const indexOf = new Map<string, number>();
  for (const [i, id] of ids.entries()) indexOf.set(id, i);
  const ties = await store.in(workspaceId).ties.byPosition(ids);
  const weights = new Float64Array(ties.strength.length);
  for (let e = 0; e < weights.length; e++) weights[e] = tieWeight(ties.strength[e]!, null);
  return fromIndexEdges(ids, indexOf, ties.a, ties.b, weights);
};

/** The calendar day of an instant, as YYYY-MM-DD (UTC, as the rest of the server). */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** One attendance; `size` is the moment's number of attendees, when the store counted it. */
type AttendanceRow = Attendance & { readonly size?: number };

/**
 * The moments of some attendances, their people by graph index (people not in the graph left
 * out). A moment's size is the store's count where given, else the people found here.
 */
const momentsOf = (
  rows: Iterable<AttendanceRow>,
  indexOf: ReadonlyMap<string, number>,
): SeenMoment[] => {
  const moments = new Map<string, SeenMoment & { seated: number[] }>();
  for (const row of rows) {
    const i = indexOf.get(row.personId);
    if (i === undefined) continue;
    const moment = moments.get(row.momentId);
    if (moment) moment.seated.push(i);
    else
      moments.set(row.momentId, {
        on: row.occurredOn,
        hosted: row.context === 'hosted',
        size: row.size ?? 0,
        seated: [i],
      });
  }
  return [...moments.values()].map((m) => (m.size > 0 ? m : { ...m, size: m.seated.length }));
};

const load = async (store: Store, workspaceId: string, today: Date): Promise<Loaded> => {
  const [people, attendances, goalIds] = await Promise.all([
    store.in(workspaceId).people.inNetwork(),
    store.in(workspaceId).moments.attendances(),
    store.in(workspaceId).goals.all(),
  ]);
  const graph = await graphFromStore(store, workspaceId, people);
  const contexts: string[][] = people.map(() => []);
  for (const a of attendances) {
    const label = KIND_LABELS[a.kind];
    const own = contexts[graph.indexOf.get(a.personId) ?? -1];
    if (own && !own.includes(label)) own.push(label);
  }
  const host = people.findIndex((p) => p.isSelf);
  const { sightings, met } = sightingsOf(
    host >= 0 ? host : null,
    people.map((p, i) => ({ i, lastContactOn: p.lastContactOn })),
    momentsOf(attendances, graph.indexOf),
    today,
  );
  applySightings(graph, sightings);
  return {
    people: people.map(toNetworkPerson),
    profiles: people.map(toProfile),
    graph,
    contexts,
    tags: people.map((p) => p.tags),
    metPairs: met,
    goals: goalIds.flatMap((id) => graph.indexOf.get(id) ?? []),
  };
};

const hostOf = (people: readonly NetworkPerson[]): number | null => {
  const i = people.findIndex((p) => p.isSelf);
  return i >= 0 ? i : null;
};

/** A circle as the namer named it, its people by id (to carry the host's names over) and index. */
type AutoNamedCircle = Omit<NamedCircle, 'members'> & {
  readonly members: readonly string[];
  readonly indices: readonly number[];
};

/**
 * Circles: communities on the graph without the host (who knows every circle), then named,
 * keeping the names of the `previous` build's circles that are mostly the same people.
 */
const circlesOf = (
  loaded: Loaded,
  previous: readonly CircleSnapshot[],
): { communities: Int32Array; modularity: number; named: AutoNamedCircle[] } => {
  const { communities, modularity } = detectCommunities(loaded.graph, { seed: SEED });
  const host = hostOf(loaded.people);
  if (host !== null) communities[host] = -1;
  const traits: CircleTraits[] = loaded.people.map((p, i) => ({
    tags: loaded.tags[i] ?? [],
    organization: p.organization,
    contexts: loaded.contexts[i] ?? [],
  }));
  const ids = loaded.people.map((p) => p.id);
  const kept = carriedNames(communities, ids, previous);
  const named = nameCircles(communities, traits, {}, kept).map((c) => ({
    ...c,
    members: c.members.map((i) => loaded.people[i]!.id),
    indices: c.members,
  }));
  return { communities, modularity, named };
};

/** The circles with the names the host gave, carried to the circles that are mostly the same. */
const withHostNames = async (
  store: Store,
  workspaceId: string,
  named: readonly AutoNamedCircle[],
): Promise<NamedNetworkCircle[]> => {
  const hostNames = await store.in(workspaceId).circleNames.all();
  return carryNames(hostNames, named).map(({ members: _ids, indices, carriedFrom, ...c }) => ({
    ...c,
    members: indices,
    namedByHost: carriedFrom !== null,
    hostNameId: carriedFrom === null ? null : (hostNames[carriedFrom]?.id ?? null),
  }));
};

const modelOf = (
  graph: CompactGraph,
  profiles: readonly PersonProfile[],
  hostIndex: number | null,
  communities: Int32Array,
  circles: readonly NamedCircle[],
  metPairs: Iterable<readonly [number, number]>,
  goals: Iterable<number>,
): EngineModel =>
  buildModel({
    graph,
    profiles,
    self: hostIndex,
    communityOf: communities,
    circleNames: namesByIndex(circles),
    metPairs,
    goals,
  });

/** The graph indices a model marks as the host's goals. */
const goalsOf = (model: EngineModel): number[] => {
  const out: number[] = [];
  for (let i = 0; i < model.goals.length; i++) if (model.goals[i] === 1) out.push(i);
  return out;
};

/** Each circle's name at its index. */
export const namesByIndex = (circles: readonly NamedCircle[]): string[] => {
  const names: string[] = [];
  for (const c of circles) names[c.index] = c.name;
  return names;
};

/** What reach is computed from: the graph, the host, the circles and their names, stature. */
export interface ReachBasis {
  readonly graph: CompactGraph;
  readonly hostIndex: number | null;
  readonly communities: Int32Array;
  readonly circleNames: readonly string[];
  readonly stature: ReadonlyArray<number | null>;
}

export const reachBasisOf = (network: WorkspaceNetwork): ReachBasis => ({
  graph: network.graph,
  hostIndex: network.hostIndex,
  communities: network.communities,
  circleNames: namesByIndex(network.circles),
  stature: network.people.map((p) => p.stature),
});

/** Reach of everyone in the network, with the circles and names the network holds. */
export const reachOf = ({ graph, ...input }: ReachBasis): ReachDetailed =>
  reachDetailed(graph, input, { seed: SEED });

/** Grows an Int32Array by one entry (a new person is in no circle until they have ties). */
const appendNoCircle = (communities: Int32Array): Int32Array => {
  const out = new Int32Array(communities.length + 1);
  out.set(communities);
  out[communities.length] = -1;
  return out;
};

/** A workspace's network as built or patched, with what its next patch needs. */
export interface NetworkState {
  /** The day the network was built for: freshness counts days up to it. */
  readonly day: string;
  /** The circles as named before the host's names were carried over. */
  readonly named: readonly AutoNamedCircle[];
  readonly network: WorkspaceNetwork;
  readonly metPairs: ReadonlyArray<readonly [number, number]>;
  /**
   * People given their neighbours' circle by a patch: the circles are not what a recomputation
   * would find until the network is built again (in the background).
   */
  readonly provisional: boolean;
}

/** Builds a workspace's network from the store, for `today`. */
export const buildNetwork = async (
  store: Store,
  workspaceId: string,
  today: Date,
  previous: readonly CircleSnapshot[] = [],
): Promise<NetworkState> => {
  const loaded = await load(store, workspaceId, today);
  const { communities, modularity, named } = circlesOf(loaded, previous);
  const circles = await withHostNames(store, workspaceId, named);
  const hostIndex = hostOf(loaded.people);
  const model = modelOf(
    loaded.graph,
    loaded.profiles,
    hostIndex,
    communities,
    circles,
    loaded.metPairs,
    loaded.goals,
  );
  return {
    network: {
      graph: loaded.graph,
      people: loaded.people,
      profiles: loaded.profiles,
      hostIndex,
      communities,
      modularity,
      circles,
      model,
    },
    day: dayOf(today),
    named,
    metPairs: loaded.metPairs,
    provisional: false,
  };
};

/**
 * The state after a change already committed to the store, patched in (reading back from the
 * store what the change touched), or null when it cannot be patched and must be rebuilt.
 */
export const absorbChange = async (
  store: Store,
  workspaceId: string,
  state: NetworkState,
  change: NetworkChange,
  today: Date,
): Promise<NetworkState | null> => {
  // A new day moves every tie's freshness: patching one part would mix two days.
  if (change.kind === 'rebuild' || state.day !== dayOf(today)) return null;
  if (change.kind === 'circle-renamed') {
    const circles = await withHostNames(store, workspaceId, state.named);
    const model = withCircleNames(state.network.model, namesByIndex(circles));
    return { ...state, network: { ...state.network, circles, model } };
  }
  if (change.kind === 'tie-set' || change.kind === 'moment-changed') {
    const { hostIndex, people } = state.network;
    const host = hostIndex === null ? [] : [people[hostIndex]!.id];
    const ids = change.kind === 'tie-set' ? [change.aId, change.bId] : change.attendeeIds;
    const read = await readAmong(store, workspaceId, [...host, ...ids]);
    return reweigh(state, read, today);
  }
  const network = patch(state.network, state.metPairs, change);
  return network ? { ...state, network } : null;
};

/** A few people (the host among them) and what weighs the ties among them, from the store. */
interface AmongRead {
  /** As they are now (a moment may have created some and moved last-contact dates). */
  readonly people: readonly PersonInNetwork[];
  readonly ties: ReadonlyArray<{ aId: string; bId: string; strength: number }>;
  /** Their attendances, at every moment any of them attended. */
  readonly attended: readonly AttendanceRow[];
}

const readAmong = async (
  store: Store,
  workspaceId: string,
  personIds: readonly string[],
): Promise<AmongRead> => {
  const ids = [...new Set(personIds)];
  const [people, ties, attended] = await Promise.all([
    store.in(workspaceId).people.inNetwork(ids),
    store.in(workspaceId).ties.among(ids),
    store.in(workspaceId).moments.attendedBy(ids),
  ]);
  return { people, ties, attended };
};

/**
 * The state after a tie or a moment changed among a few people: those new to it added, and
 * every tie among them weighed again from its strength and its latest sighting, and who of them
 * already met at a table, exactly as a rebuild would find them (nothing reaching outside them
 * changed). Circles stay as they were, but people among them who are in none and have ties now
 * join their neighbours' circle (`joinNeighbours`) until the next rebuild recomputes them.
 */
const reweigh = (state: NetworkState, read: AmongRead, today: Date): NetworkState => {
  let network = state.network;
  for (const person of read.people)
    if (!network.graph.indexOf.has(person.id)) network = withNewcomer(network, person);
  const { graph } = network;
  const index = (id: string): number => graph.indexOf.get(id) ?? -1;
  const { sightings, met } = sightingsOf(
    network.hostIndex,
    read.people.map((p) => ({ i: index(p.id), lastContactOn: p.lastContactOn })),
    momentsOf(read.attended, graph.indexOf),
    today,
  );
  const latest = new Map<number, number>();
  for (const { i, j, daysAgo } of sightings) {
    const key = pairKey(i, j);
    if (daysAgo < (latest.get(key) ?? Number.POSITIVE_INFINITY)) latest.set(key, daysAgo);
  }
  const among = new Set(read.people.map((p) => index(p.id)));
  const metPairs = [...state.metPairs.filter(([i, j]) => !(among.has(i) && among.has(j))), ...met];
  const renewed = read.ties.map((t) => ({
    a: t.aId,
    b: t.bId,
    weight: tieWeight(t.strength, latest.get(pairKey(index(t.aId), index(t.bId))) ?? null),
  }));
  const next = withTies(graph, renewed);
  const joined = joinNeighbours({ ...state, network: { ...network, graph: next } }, among);
  if (joined) return { ...joined, metPairs, network: withGraph(joined.network, next, metPairs) };
  return {
    ...state,
    metPairs,
    network:
      network === state.network
        ? withTiesOf(network, next, metPairs)
        : withGraph(network, next, metPairs),
  };
};

/**
 * Each of `candidates` who is in no circle but has ties (not the host) joins the circle their
 * ties weigh most into, so a person met at a moment is in a circle at once, not only after the
 * next rebuild. Returns null when nobody joined. The circles found this way are provisional:
 * a rebuild recomputes them.
 */
const joinNeighbours = (state: NetworkState, candidates: Iterable<number>): NetworkState | null => {
  const { graph, communities, hostIndex } = state.network;
  const joins = new Map<number, number>();
  for (const i of candidates) {
    if (i < 0 || i === hostIndex || communities[i] !== -1) continue;
    const circle = strongestCircle(graph, communities, i);
    if (circle >= 0) joins.set(i, circle);
  }
  if (joins.size === 0) return null;
  const nextCommunities = communities.slice();
  for (const [i, circle] of joins) nextCommunities[i] = circle;
  const joining = (index: number): number[] =>
    [...joins].filter(([, circle]) => circle === index).map(([i]) => i);
  const { people } = state.network;
  return {
    ...state,
    provisional: true,
    named: state.named.map((c) => {
      const more = joining(c.index);
      return more.length === 0
        ? c
        : {
            ...c,
            members: [...c.members, ...more.map((i) => people[i]!.id)],
            indices: [...c.indices, ...more],
          };
    }),
    network: {
      ...state.network,
      communities: nextCommunities,
      circles: state.network.circles.map((c) => {
        const more = joining(c.index);
        return more.length === 0 ? c : { ...c, members: [...c.members, ...more] };
      }),
    },
  };
};

/** The circle person i's ties weigh most into (−1 when none of their neighbours is in one). */
const strongestCircle = (graph: CompactGraph, communities: Int32Array, i: number): number => {
  const weightIn = new Map<number, number>();
  for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
    const circle = communities[graph.neighbors[k]!]!;
    if (circle >= 0) weightIn.set(circle, (weightIn.get(circle) ?? 0) + graph.weights[k]!);
  }
  let best = -1;
  let bestWeight = 0;
  for (const [circle, weight] of weightIn)
    if (weight > bestWeight || (weight === bestWeight && circle < best)) {
      best = circle;
      bestWeight = weight;
    }
  return best;
};

/** The network over a graph of the same people whose ties changed: the model keeps its text. */
const withTiesOf = (
  network: WorkspaceNetwork,
  graph: CompactGraph,
  metPairs: Iterable<readonly [number, number]>,
): WorkspaceNetwork => ({
  ...network,
  graph,
  model: withTiesChanged(network.model, graph, metPairs),
});

/** The network with a patched graph and people, and the model rebuilt over them. */
const withGraph = (
  network: WorkspaceNetwork,
  graph: CompactGraph,
  metPairs: Iterable<readonly [number, number]>,
): WorkspaceNetwork => ({
  ...network,
  graph,
  model: modelOf(
    graph,
    network.profiles,
    network.hostIndex,
    network.communities,
    network.circles,
    metPairs,
    goalsOf(network.model),
  ),
});

/**
 * The network with one more person, untied and in no circle until they have ties. Its model is
 * left as it was: the caller rebuilds it once its changes are in (`withGraph`).
 */
const withNewcomer = (network: WorkspaceNetwork, person: PersonInNetwork): WorkspaceNetwork => ({
  ...network,
  graph: withPerson(network.graph, person.id),
  people: [...network.people, toNetworkPerson(person)],
  profiles: [...network.profiles, toProfile(person)],
  communities: appendNoCircle(network.communities),
});

/** The network after one change, or null when the change cannot be patched in. */
const patch = (
  network: WorkspaceNetwork,
  metPairs: Iterable<readonly [number, number]>,
  change: Exclude<
    NetworkChange,
    { kind: 'rebuild' | 'tie-set' | 'moment-changed' | 'circle-renamed' }
  >,
): WorkspaceNetwork | null => {
  const { graph } = network;
  switch (change.kind) {
    case 'goal-set': {
      const i = graph.indexOf.get(change.personId);
      if (i === undefined) return null;
      const goals = Uint8Array.from(network.model.goals);
      goals[i] = change.goal ? 1 : 0;
      return { ...network, model: { ...network.model, goals } };
    }
    case 'tie-removed':
      return withTiesOf(network, withoutTie(graph, change.aId, change.bId), metPairs);
    case 'person-added': {
      if (graph.indexOf.has(change.person.id)) return null;
      const grown = withNewcomer(network, change.person);
      return withGraph(grown, grown.graph, metPairs);
    }
    case 'person-changed': {
      const i = graph.indexOf.get(change.person.id);
      if (i === undefined) return null;
      const changed = {
        ...network,
        people: network.people.map((p, k) => (k === i ? toNetworkPerson(change.person) : p)),
        profiles: network.profiles.map((p, k) => (k === i ? toProfile(change.person) : p)),
      };
      return withGraph(changed, graph, metPairs);
    }
  }
};
