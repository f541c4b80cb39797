/**
 * The worker thread that builds engine networks (see `network-thread.ts`): it opens the database
 * itself, builds the network (the store reads, the graph, circles, the model) or computes reach,
 * and sends the result back with its typed arrays transferred, so the request thread only
 * receives it.
 */
import { parentPort } from 'node:worker_threads';
import { openStore } from '../store/store';
import { buildNetwork, reachOf } from './network';
import type {
  NetworkJob,
  NetworkJobAnswer,
  NetworkJobSlice,
  NetworkJobTaken,
} from './network-thread';
import {
  buffersOf,
  listAt,
  packState,
  SLICE,
  SLICED_PATHS,
  unpackGraph,
  withList,
} from './network-transfer';

type BuildJob = Extract<NetworkJob, { kind: 'build' }>;

const build = async ({ config, workspaceId, today, previous }: BuildJob) => {
  const store = await openStore(config, { migrate: false });
  try {
    return packState(await buildNetwork(store, workspaceId, new Date(today), previous));
  } finally {
    await store.close();
  }
};

const reach = ({ basis: { graph, ...basis } }: Extract<NetworkJob, { kind: 'reach' }>) =>
  reachOf({ ...basis, graph: unpackGraph(graph) });

const answer = async (job: NetworkJob): Promise<unknown> =>
  job.kind === 'build' ? build(job) : reach(job);

/** Per job, the receiver's word that it took the last slice apart. */
const taken = new Map<number, () => void>();

/**
 * Sends the long lists of an answer ahead of it, one slice at a time, each once the receiver
 * took the last apart, and returns the answer without them. A port hands over every message
 * queued on it in one go: waiting is what lets the receiving thread answer requests between
 * slices.
 */
const sendInSlices = async (id: number, value: unknown): Promise<unknown> => {
  let rest = value;
  for (const path of SLICED_PATHS) {
    const list = listAt(value, path);
    if (!list) continue;
    for (let from = 0; from < list.length; from += SLICE) {
      const took = new Promise<void>((resolve) => taken.set(id, resolve));
      const slice: NetworkJobSlice = { id, path, items: list.slice(from, from + SLICE) };
      parentPort?.postMessage(slice);
      await took;
    }
    rest = withList(rest, path, []);
  }
  taken.delete(id);
  return rest;
};

const reply = async (job: NetworkJob): Promise<NetworkJobAnswer> => {
  try {
    return { id: job.id, ok: true, value: await sendInSlices(job.id, await answer(job)) };
  } catch (error) {
    return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

parentPort?.on('message', (message: NetworkJob | NetworkJobTaken) => {
  if ('taken' in message) {
    taken.get(message.taken)?.();
    return;
  }
  void reply(message).then((answer) =>
    parentPort?.postMessage(answer, answer.ok ? buffersOf(answer.value) : []),
  );
});
