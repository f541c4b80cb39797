/**
 * The engine's networks of this process, one per workspace in use: built on first use (off the
 * request thread where the database can be opened twice, see `network-thread.ts`), patched when
 * this process writes, and rebuilt when the store's change counter says another process wrote.
 * The least recently used are dropped beyond a memory budget.
 */
import type { CircleSnapshot } from '../engine/circles';
import type { ReachDetailed } from '../engine/reach';
import type { Store } from '../store/store';
import {
  absorbChange,
  buildNetwork,
  dayOf,
  type NetworkChange,
  type NetworkState,
  reachBasisOf,
  reachOf,
  type WorkspaceNetwork,
} from './network';

/** Builds networks and their reach: in this thread, or in a worker thread. */
export interface NetworkBuilder {
  /** `previous`: the circles as the last build named them, whose names the new ones keep. */
  build(
    workspaceId: string,
    today: Date,
    previous: readonly CircleSnapshot[],
  ): Promise<NetworkState>;
  reach(network: WorkspaceNetwork): Promise<ReachDetailed>;
}

/** A builder that works in the calling thread: for an in-memory database, which no other can open. */
export const inThisThread = (store: Store): NetworkBuilder => ({
  build: (workspaceId, today, previous) => buildNetwork(store, workspaceId, today, previous),
  reach: async (network) => reachOf(reachBasisOf(network)),
});

export interface NetworkCacheOptions {
  /** Cached networks beyond this many bytes (estimated) drop the least recently used. */
  readonly memoryBytes: number;
  /**
   * How long an answer may trust its network without asking the store's change counter: a
   * write by another process is seen within this time (plus a rebuild).
   */
  readonly checkEveryMs: number;
  /** Where networks are built; in this thread unless given. */
  readonly builder?: NetworkBuilder;
}

export const DEFAULTS: NetworkCacheOptions = {
  memoryBytes: 1024 * 1024 * 1024,
  checkEveryMs: 200,
};

interface Entry {
  state: NetworkState;
  reach: ReachDetailed | null;
  /** The store's change count the network reflects. */
  absorbed: number;
  /** When the change counter was last asked (performance.now()). */
  checkedAt: number;
  bytes: number;
}

/** Per-person allowance for what is not a typed array: ids, names, profiles and their terms. */
const OBJECT_BYTES_PER_PERSON = 4096;

/**
 * An estimate of a network's memory: its typed arrays, counted exactly, and an allowance per
 * person for the objects beside them.
 */
export const estimateBytes = (state: NetworkState, reach: ReachDetailed | null): number => {
  const { graph, model, communities } = state.network;
  let bytes = communities.byteLength + OBJECT_BYTES_PER_PERSON * graph.n;
  for (const array of [graph.offsets, graph.neighbors, graph.weights, graph.strength])
    bytes += array.byteLength;
  const { index } = model;
  for (const array of [
    model.facts,
    model.signatureBits,
    model.exchangeNorm,
    model.groundNorm,
    model.goals,
    index.idf,
    index.offerers.offsets,
    index.offerers.people,
    index.askers.offsets,
    index.askers.people,
    index.interested.offsets,
    index.interested.people,
    index.personOffsets,
    index.personTerms,
    index.personRoles,
  ])
    bytes += array.byteLength;
  // Reach keeps one record per person (scores, parts and a sentence).
  if (reach) bytes += reach.communities.byteLength + 512 * reach.people.length;
  return bytes;
};

/** The per-workspace networks of this process. */
export class NetworkCache {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Promise<Entry>>();
  /** Each held network's estimated bytes, once built (builds under way count nothing yet). */
  private readonly sizes = new Map<string, number>();
  /** Per workspace, the last change being absorbed: changes land one at a time, in order. */
  private readonly changes = new Map<string, Promise<void>>();
  /** Per workspace, a background rebuild under way (to recompute provisional circles). */
  private readonly refreshing = new Map<string, Promise<void>>();
  /**
   * Per workspace, the circles as the last build named them (kept when the network is dropped,
   * they are small): the next build keeps a name while its circle is mostly the same people.
   */
  private readonly lastNamed = new Map<string, readonly CircleSnapshot[]>();
  private readonly options: NetworkCacheOptions;
  private readonly builder: NetworkBuilder;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    options: Partial<NetworkCacheOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.builder = options.builder ?? inThisThread(store);
  }

  /** The workspace's network, built on first use (and again on the first use of a new day). */
  async get(workspaceId: string): Promise<WorkspaceNetwork> {
    return (await this.entry(workspaceId)).state.network;
  }

  /** Reach of everyone, computed once per network state. */
  async reach(workspaceId: string): Promise<{ network: WorkspaceNetwork; reach: ReachDetailed }> {
    const entry = await this.entry(workspaceId);
    const { state } = entry;
    const reach = entry.reach ?? (await this.builder.reach(state.network));
    // Kept only if the network did not change while reach was computed.
    if (entry.state === state && !entry.reach) {
      entry.reach = reach;
      this.resize(workspaceId, entry);
    }
    return { network: state.network, reach };
  }

  /** The networks held now with their estimated bytes, least recently used first. */
  held(): Array<{ workspaceId: string; bytes: number }> {
    return [...this.entries.keys()].map((workspaceId) => ({
      workspaceId,
      bytes: this.sizes.get(workspaceId) ?? 0,
    }));
  }

  /** Resolves once the workspace's changes and background rebuild, if any, are done. */
  async settled(workspaceId: string): Promise<void> {
    await this.changes.get(workspaceId);
    await this.refreshing.get(workspaceId);
  }

  /**
   * Absorbs a change already committed to the store: patches a cached network, or drops it to
   * be rebuilt on the next read. `counted` is the change count the write's transaction left
   * (`store.changes.bump`): when writes the network has not absorbed came in between (another
   * process's), the network is rebuilt instead. Changes of one workspace are absorbed in the
   * order they came, so a tie removed cannot be put back by the read of an earlier change.
   * Never throws: the write has landed, and a network that could not be patched is dropped.
   */
  changed(workspaceId: string, change: NetworkChange, counted?: number): Promise<void> {
    const previous = this.changes.get(workspaceId) ?? Promise.resolve();
    const next = previous.then(() =>
      this.absorb(workspaceId, change, counted).catch(() => this.drop(workspaceId)),
    );
    this.changes.set(workspaceId, next);
    void next.then(() => {
      if (this.changes.get(workspaceId) === next) this.changes.delete(workspaceId);
    });
    return next;
  }

  private async absorb(
    workspaceId: string,
    change: NetworkChange,
    counted: number | undefined,
  ): Promise<void> {
    const pending = this.entries.get(workspaceId);
    if (!pending) return;
    const entry = await pending;
    if (counted !== undefined && counted <= entry.absorbed) return; // built after the write
    const patched =
      counted === undefined || counted === entry.absorbed + 1
        ? await absorbChange(this.store, workspaceId, entry.state, change, this.now())
        : null;
    if (!patched) return this.drop(workspaceId, pending);
    entry.state = patched;
    entry.reach = null;
    if (counted !== undefined) entry.absorbed = counted;
    this.resize(workspaceId, entry);
    if (patched.provisional) this.refreshSoon(workspaceId, pending);
  }

  /**
   * Builds the workspace again in the background, for circles a patch could only guess, and
   * puts it in place unless the network changed meanwhile (then the next patch or read decides).
   */
  private refreshSoon(workspaceId: string, pending: Promise<Entry>): void {
    if (this.refreshing.has(workspaceId)) return;
    const refresh = (async () => {
      const entry = await pending;
      const state = entry.state;
      const counted = await this.store.in(workspaceId).changes.current();
      const rebuilt = await this.buildState(workspaceId);
      if (this.entries.get(workspaceId) !== pending || entry.state !== state) return;
      if (counted !== entry.absorbed) return;
      entry.state = rebuilt;
      entry.reach = null;
      this.resize(workspaceId, entry);
    })()
      .catch(() => undefined)
      .finally(() => this.refreshing.delete(workspaceId));
    this.refreshing.set(workspaceId, refresh);
  }

  private async entry(workspaceId: string): Promise<Entry> {
    const cached = this.entries.get(workspaceId);
    if (cached) {
      const entry = await cached;
      if (entry.state.day === dayOf(this.now()) && (await this.fresh(workspaceId, entry))) {
        this.touch(workspaceId, cached);
        return entry;
      }
      this.drop(workspaceId, cached);
    }
    let pending = this.entries.get(workspaceId);
    if (!pending) {
      const building = this.build(workspaceId);
      this.entries.set(workspaceId, building);
      building.then(
        (entry) => {
          if (this.entries.get(workspaceId) === building) this.resize(workspaceId, entry);
        },
        () => this.drop(workspaceId, building),
      );
      pending = building;
    }
    return pending;
  }

  /**
   * Whether no other process wrote to the workspace since the network was built or patched:
   * asks the store's change counter, at most once per `checkEveryMs`. This process's own
   * writes still being absorbed are waited for first, so they do not count as another's.
   */
  private async fresh(workspaceId: string, entry: Entry): Promise<boolean> {
    const at = performance.now();
    if (at - entry.checkedAt < this.options.checkEveryMs) return true;
    entry.checkedAt = at;
    await this.changes.get(workspaceId);
    return (await this.store.in(workspaceId).changes.current()) === entry.absorbed;
  }

  /** Marks the workspace as the most recently used. */
  private touch(workspaceId: string, pending: Promise<Entry>): void {
    if (this.entries.get(workspaceId) !== pending) return;
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, pending);
  }

  private async build(workspaceId: string): Promise<Entry> {
    // Counted before reading: a write landing during the build is seen as one not yet absorbed.
    const absorbed = await this.store.in(workspaceId).changes.current();
    const state = await this.buildState(workspaceId);
    return { state, reach: null, absorbed, checkedAt: performance.now(), bytes: 0 };
  }

  /** Builds the network, its circles keeping the names the last build gave them. */
  private async buildState(workspaceId: string): Promise<NetworkState> {
    const previous = this.lastNamed.get(workspaceId) ?? [];
    const state = await this.builder.build(workspaceId, this.now(), previous);
    this.lastNamed.set(
      workspaceId,
      state.named.map(({ name, members }) => ({ name, members })),
    );
    return state;
  }

  /** Counts an entry's bytes again and drops the least recently used beyond the budget. */
  private resize(workspaceId: string, entry: Entry): void {
    entry.bytes = estimateBytes(entry.state, entry.reach);
    this.sizes.set(workspaceId, entry.bytes);
    let total = 0;
    for (const bytes of this.sizes.values()) total += bytes;
    // In use order, oldest first; the most recently used network stays, however large, and
    // so does the one just counted.
    for (const older of [...this.entries.keys()].slice(0, -1)) {
      if (total <= this.options.memoryBytes) break;
      if (older === workspaceId) continue;
      total -= this.sizes.get(older) ?? 0;
      this.drop(older);
    }
  }

  /** Forgets a workspace's network (or only `pending`, if it is still the one held). */
  private drop(workspaceId: string, pending?: Promise<Entry>): void {
    if (pending && this.entries.get(workspaceId) !== pending) return;
    this.entries.delete(workspaceId);
    this.sizes.delete(workspaceId);
  }
}
