/**
 * The engine's view of one workspace, kept in memory: the compact graph, circles and the model
 * that pair value and suggestions read. Built from the store on first use, then patched when a
 * tie or person changes (never rebuilt on every request); changes too large to patch (an import,
 * a demo network, a merge) drop the cached view so the next read rebuilds it.
 */

import { KIND_LABELS } from '../domain/moment';
import { type CircleTraits, carryNames, type NamedCircle, nameCircles } from '../engine/circles';
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
import { applySightings, type Sighting, tieWeight } from '../engine/tie-weight';
import type { Attendance } from '../store/moment.repository';
import type { PersonInNetwork } from '../store/person.repository';
import type { Store } from '../store/store';

/** What the app keeps of each person beside the graph, by graph index. */
export interface NetworkPerson {
  readonly id: string;
  readonly displayName: string;
  readonly organization: string | null;
  readonly title: string | null;
  readonly isSelf: boolean;
  readonly stature: number | null;
}

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

/** Hosted tables larger than this are events, not a table where everyone talked. */
const TABLE_SIZE = 12;

/**
 * Moments larger than this renew only the host's ties (through last contact): at a big event,
 * two guests who know each other did not necessarily meet.
 */
const SIGHTING_SIZE = 30;

const DAY_MS = 86_400_000;

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
const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

const daysBetween = (isoDate: string, today: Date): number =>
  Math.floor((today.getTime() - Date.parse(isoDate)) / DAY_MS);

/** Every pair of people seated together. */
const pairsOf = (seated: readonly number[]): Array<readonly [number, number]> => {
  const pairs: Array<readonly [number, number]> = [];
  for (let x = 0; x < seated.length; x++)
    for (let y = x + 1; y < seated.length; y++) pairs.push([seated[x]!, seated[y]!]);
  return pairs;
};

/** One attendance; `size` is the moment's number of attendees, when the store counted it. */
type AttendanceRow = Attendance & { readonly size?: number };

/** A moment as the engine reads it: the people at hand who were there, by graph index. */
interface SeenMoment {
  readonly on: string;
  readonly hosted: boolean;
  readonly size: number;
  readonly seated: number[];
}

/**
 * The moments of some attendances, their people by graph index (people not in the graph left
 * out). A moment's size is the store's count where given, else the people found here.
 */
const momentsOf = (
  rows: Iterable<AttendanceRow>,
  indexOf: ReadonlyMap<string, number>,
): SeenMoment[] => {
  const moments = new Map<string, SeenMoment>();
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

/**
 * What renews ties and what counts as having met, for the people at hand: the host's last
 * contact with each of them, pairs seen together at a moment of up to `SIGHTING_SIZE` people,
 * and pairs seated at a hosted table of up to `TABLE_SIZE`. The build and every patch read
 * them here, so a patch weighs a tie exactly as a rebuild does.
 */
const sightingsOf = (
  host: number | null,
  contacts: ReadonlyArray<{ readonly i: number; readonly lastContactOn: string | null }>,
  moments: readonly SeenMoment[],
  today: Date,
): { sightings: Sighting[]; met: Array<readonly [number, number]> } => {
  const sightings: Sighting[] = [];
  const met: Array<readonly [number, number]> = [];
  if (host !== null)
    for (const { i, lastContactOn } of contacts)
      if (lastContactOn)
        sightings.push({ i: host, j: i, daysAgo: daysBetween(lastContactOn, today) });
  for (const { on, hosted, size, seated } of moments) {
    if (size <= SIGHTING_SIZE) {
      const daysAgo = daysBetween(on, today);
      for (const [i, j] of pairsOf(seated)) sightings.push({ i, j, daysAgo });
    }
    if (hosted && size <= TABLE_SIZE) met.push(...pairsOf(seated));
  }
  return { sightings, met };
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

/** Circles: communities on the graph without the host (who knows every circle), then named. */
/** A circle as the namer named it, its people by id (to carry the host's names over) and index. */
type AutoNamedCircle = Omit<NamedCircle, 'members'> & {
  readonly members: readonly string[];
  readonly indices: readonly number[];
};

/** Circles: communities on the graph without the host (who knows every circle), then named. */
const circlesOf = (
  loaded: Loaded,
): { communities: Int32Array; modularity: number; named: AutoNamedCircle[] } => {
  const { communities, modularity } = detectCommunities(loaded.graph, { seed: SEED });
  const host = hostOf(loaded.people);
  if (host !== null) communities[host] = -1;
  const traits: CircleTraits[] = loaded.people.map((p, i) => ({
    tags: loaded.tags[i] ?? [],
    organization: p.organization,
    contexts: loaded.contexts[i] ?? [],
  }));
  const named = nameCircles(communities, traits).map((c) => ({
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
const namesByIndex = (circles: readonly NamedCircle[]): string[] => {
  const names: string[] = [];
  for (const c of circles) names[c.index] = c.name;
  return names;
};

/** Grows an Int32Array by one entry (a new person has no circle until the next recomputation). */
const appendNoCircle = (communities: Int32Array): Int32Array => {
  const out = new Int32Array(communities.length + 1);
  out.set(communities);
  out[communities.length] = -1;
  return out;
};

interface Entry {
  /** The day the network was built for: freshness counts days up to it. */
  readonly day: string;
  /** The circles as named before the host's names were carried over. */
  readonly named: readonly AutoNamedCircle[];
  network: WorkspaceNetwork;
  metPairs: Array<readonly [number, number]>;
  reach: ReachDetailed | null;
}

/** The per-workspace networks of this process. */
export class NetworkCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  /** Per workspace, the last change being absorbed: changes land one at a time, in order. */
  private readonly changes = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The workspace's network, built on first use (and again on the first use of a new day). */
  async get(workspaceId: string): Promise<WorkspaceNetwork> {
    return (await this.entry(workspaceId)).network;
  }

  /** Reach of everyone, computed once per network state. */
  async reach(workspaceId: string): Promise<{ network: WorkspaceNetwork; reach: ReachDetailed }> {
    const entry = await this.entry(workspaceId);
    if (!entry.reach) {
      const { network } = entry;
      entry.reach = reachDetailed(
        network.graph,
        {
          hostIndex: network.hostIndex,
          communities: network.communities,
          circleNames: namesByIndex(network.circles),
          stature: network.people.map((p) => p.stature),
        },
        { seed: SEED },
      );
    }
    return { network: entry.network, reach: entry.reach };
  }

  /**
   * Absorbs a change already committed to the store: patches a cached network, or drops it to
   * be rebuilt on the next read. Changes of one workspace are absorbed in the order they came,
   * so a tie removed cannot be put back by the read of an earlier change. Never throws: the
   * write has landed, and a network that could not be patched is dropped.
   */
  changed(workspaceId: string, change: NetworkChange): Promise<void> {
    const previous = this.changes.get(workspaceId) ?? Promise.resolve();
    const next = previous.then(() =>
      this.absorb(workspaceId, change).catch(() => {
        this.entries.delete(workspaceId);
      }),
    );
    this.changes.set(workspaceId, next);
    void next.then(() => {
      if (this.changes.get(workspaceId) === next) this.changes.delete(workspaceId);
    });
    return next;
  }

  private async absorb(workspaceId: string, change: NetworkChange): Promise<void> {
    const pending = this.entries.get(workspaceId);
    if (!pending) return;
    const entry = await pending;
    // A new day moves every tie's freshness: patching one part would mix two days.
    if (change.kind === 'rebuild' || entry.day !== dayOf(this.now())) {
      this.entries.delete(workspaceId);
      return;
    }
    let patched: WorkspaceNetwork | null;
    if (change.kind === 'circle-renamed') {
      const circles = await withHostNames(this.store, workspaceId, entry.named);
      const model = withCircleNames(entry.network.model, namesByIndex(circles));
      patched = { ...entry.network, circles, model };
    } else if (change.kind === 'tie-set' || change.kind === 'moment-changed') {
      const { hostIndex, people } = entry.network;
      const host = hostIndex === null ? [] : [people[hostIndex]!.id];
      const ids = change.kind === 'tie-set' ? [change.aId, change.bId] : change.attendeeIds;
      const read = await readAmong(this.store, workspaceId, [...host, ...ids]);
      // Nothing awaits from here on: changes land in order (see `changed`), and this one whole.
      patched = reweigh(entry, read, this.now());
    } else patched = patch(entry.network, entry.metPairs, change);
    if (patched) {
      entry.network = patched;
      entry.reach = null;
    } else this.entries.delete(workspaceId);
  }

  private async entry(workspaceId: string): Promise<Entry> {
    const cached = this.entries.get(workspaceId);
    if (cached) {
      const entry = await cached;
      if (entry.day === dayOf(this.now())) return entry;
      if (this.entries.get(workspaceId) === cached) this.entries.delete(workspaceId);
    }
    let pending = this.entries.get(workspaceId);
    if (!pending) {
      pending = this.build(workspaceId);
      this.entries.set(workspaceId, pending);
      pending.catch(() => this.entries.delete(workspaceId));
    }
    return pending;
  }

  private async build(workspaceId: string): Promise<Entry> {
    const today = this.now();
    const loaded = await load(this.store, workspaceId, today);
    const { communities, modularity, named } = circlesOf(loaded);
    const circles = await withHostNames(this.store, workspaceId, named);
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
      reach: null,
    };
  }
}

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
 * The network after a tie or a moment changed among a few people: those new to it added, and
 * every tie among them weighed again from its strength and its latest sighting, and who of them
 * already met at a table, exactly as a rebuild would find them (nothing reaching outside them
 * changed). Circles stay as they were until the next rebuild; people new to the network have
 * none yet.
 */
const reweigh = (entry: Entry, read: AmongRead, today: Date): WorkspaceNetwork => {
  let network = entry.network;
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
  entry.metPairs = [...entry.metPairs.filter(([i, j]) => !(among.has(i) && among.has(j))), ...met];
  const renewed = read.ties.map((t) => ({
    a: t.aId,
    b: t.bId,
    weight: tieWeight(t.strength, latest.get(pairKey(index(t.aId), index(t.bId))) ?? null),
  }));
  const next = withTies(graph, renewed);
  return network === entry.network
    ? withTiesOf(network, next, entry.metPairs)
    : withGraph(network, next, entry.metPairs);
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
 * The network with one more person, untied and in no circle until the next recomputation. Its
 * model is left as it was: the caller rebuilds it once its changes are in (`withGraph`).
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
