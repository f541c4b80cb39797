/**
 * Builds engine networks in a worker thread (node:worker_threads), so that building one
 * workspace's network — the store reads, the compact graph, circles, the model, reach: seconds
 * of CPU at tens of thousands of people — does not stall every other request. One worker per
 * process, started on first use and not keeping the process alive; it opens the database
 * itself (`store.config`), so only the result crosses, its typed arrays transferred. Should the
 * worker fail, the job runs in this thread instead.
 */
import { Worker } from 'node:worker_threads';
import type { CircleSnapshot } from '../engine/circles';
import type { ReachDetailed } from '../engine/reach';
import type { DatabaseConfig } from '../store/database';
import type { Store } from '../store/store';
import { type ReachBasis, reachBasisOf } from './network';
import { inThisThread, type NetworkBuilder } from './network-cache';
import {
  type PackedGraph,
  type PackedState,
  packGraph,
  unpackState,
  withList,
} from './network-transfer';

/** A job for the worker. */
export type NetworkJob =
  | {
      readonly id: number;
      readonly kind: 'build';
      readonly config: DatabaseConfig;
      readonly workspaceId: string;
      /** The instant the network is built for, ISO. */
      readonly today: string;
      /** The circles as the last build named them. */
      readonly previous: readonly CircleSnapshot[];
    }
  | {
      readonly id: number;
      readonly kind: 'reach';
      readonly basis: Omit<ReachBasis, 'graph'> & { readonly graph: PackedGraph };
    };

/** Part of a long list of an answer, sent ahead of it (see `SLICED_PATHS`). */
export interface NetworkJobSlice {
  readonly id: number;
  readonly path: readonly string[];
  readonly items: unknown[];
}

/** The word that a slice was taken apart: the worker sends the next. */
export interface NetworkJobTaken {
  readonly taken: number;
}

/** The worker's answer to a job. */
export type NetworkJobAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

type JobInput =
  | Omit<Extract<NetworkJob, { kind: 'build' }>, 'id'>
  | Omit<Extract<NetworkJob, { kind: 'reach' }>, 'id'>;

/** The process's network worker, started on first use. */
class NetworkWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: NetworkJobAnswer) => void>();
  /** The slices of each job's lists received so far, by path. */
  private readonly slices = new Map<number, Map<string, unknown[][]>>();

  run(job: JobInput): Promise<unknown> {
    const worker = this.started();
    const id = this.nextId++;
    // Held while a job is out, so a process awaiting its answer stays alive for it.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) =>
        answer.ok ? resolve(answer.value) : reject(new Error(answer.error)),
      );
      worker.postMessage({ ...job, id });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./network-worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./network-worker.ts', import.meta.url).href },
    });
    worker.on('message', (message: NetworkJobAnswer | NetworkJobSlice) => {
      if ('path' in message) {
        this.keep(message);
        // Asked for on the next turn of the event loop: requests waiting go first.
        setImmediate(() => worker.postMessage({ taken: message.id } satisfies NetworkJobTaken));
        return;
      }
      const settle = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) worker.unref();
      settle?.(
        message.ok ? { ...message, value: this.joined(message.id, message.value) } : message,
      );
    });
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = null;
      const message = error instanceof Error ? error.message : `worker ended (${String(error)})`;
      for (const [id, settle] of this.waiting) settle({ id, ok: false, error: message });
      this.waiting.clear();
      this.slices.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    // Between jobs the worker must not keep a finished process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private keep({ id, path, items }: NetworkJobSlice): void {
    const byPath = this.slices.get(id) ?? new Map<string, unknown[][]>();
    this.slices.set(id, byPath);
    const key = path.join('.');
    const kept = byPath.get(key);
    if (kept) kept.push(items);
    else byPath.set(key, [items]);
  }

  /** The answer with its lists put back together from their slices. */
  private joined(id: number, value: unknown): unknown {
    const byPath = this.slices.get(id);
    this.slices.delete(id);
    let whole = value;
    for (const [key, slices] of byPath ?? [])
      whole = withList(whole, key.split('.'), slices.flat());
    return whole;
  }
}

let shared: NetworkWorker | null = null;

/**
 * A builder that works in the process's worker thread, over the database `store.config` names;
 * in this thread for an in-memory database, which the worker cannot open.
 */
export const inWorkerThread = (store: Store): NetworkBuilder => {
  const here = inThisThread(store);
  const { config } = store;
  if (!config) return here;
  shared ??= new NetworkWorker();
  const worker = shared;
  return {
    build: async (workspaceId, today, previous) => {
      try {
        const packed = await worker.run({
          kind: 'build',
          config,
          workspaceId,
          today: today.toISOString(),
          previous,
        });
        return unpackState(packed as PackedState);
      } catch {
        return here.build(workspaceId, today, previous);
      }
    },
    reach: async (network) => {
      const { graph, ...basis } = reachBasisOf(network);
      try {
        return (await worker.run({
          kind: 'reach',
          basis: { ...basis, graph: packGraph(graph) },
        })) as ReachDetailed;
      } catch {
        return here.reach(network);
      }
    },
  };
};
