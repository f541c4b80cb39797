/**
 * Composing a table: the engine's composer on the workspace's network, with what the store
 * knows around it — each person's reach, who sat at the host's table lately, which ties have
 * gone quiet, who is already invited elsewhere that day — and the host's constraints by person.
 * People come in as ids or names and go out with names; conflicting constraints come back as
 * `infeasible`, naming the fields to change, never as an empty table.
 */

import {
  conflict,
  DomainError,
  type FieldProblem,
  invalidInput,
  isDomainError,
} from '../domain/errors';
import {
  checkGathering,
  type Gathering,
  type GatheringDraft,
  type GatheringGuest,
  invitedSeats,
  localDay,
} from '../domain/gathering';
import { composeTable, explainTable, replacementsFor } from '../engine/composer/compose';
import type {
  CompositionInput,
  CompositionResult,
  ConstraintName,
  Proof,
  StrongPair,
} from '../engine/composer/types';
import { hasTie } from '../engine/graph';
import type { AppContext } from './context';
import { findPerson } from './find-person';
import { type GatheringView, gatheringView, requireDraft } from './gatherings';
import type { NetworkPerson, WorkspaceNetwork } from './network';
import { type Access, requireEditor } from './workspaces';

const DAY_MS = 86_400_000;

/** The seed when the host gives none: the same request always gives the same table. */
export const DEFAULT_SEED = 1;

/** What the host asks for: the table's details and the constraints, people by id or name. */
export interface CompositionRequest extends GatheringDraft {
  readonly must?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
  readonly neverTogether?: readonly (readonly [string, string])[] | undefined;
  /** At most this share of the guests from one circle (default one half; 1 turns it off). */
  readonly maxShareFromOneCircle?: number | undefined;
  /** At least one well-connected anchor guest (default true). */
  readonly anchor?: boolean | undefined;
  readonly seed?: number | undefined;
}

/** Which request field each of the composer's constraints comes from. */
const FIELD_OF: Readonly<Record<ConstraintName, string>> = {
  seats: 'seats',
  candidates: 'purpose',
  must: 'must',
  neverTogether: 'neverTogether',
  maxShareFromOneCircle: 'maxShareFromOneCircle',
  anchor: 'anchor',
  exclude: 'exclude',
  unavailable: 'startsAt',
};

const personRef = (p: NetworkPerson) => ({
  id: p.id,
  displayName: p.displayName,
  organization: p.organization,
  title: p.title,
});

/** The graph index of a person the host named by id or by name, or a 400 naming the field. */
const indexOfRef = async (
  ctx: AppContext,
  access: Access,
  network: WorkspaceNetwork,
  ref: string,
  field: string,
): Promise<number> => {
  const direct = network.graph.indexOf.get(ref);
  if (direct !== undefined) return direct;
  try {
    const person = await findPerson(ctx, access, ref);
    const i = network.graph.indexOf.get(person.id);
    if (i !== undefined) return i;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw invalidInput(error.message, [{ field, reason: error.message }]);
  }
  throw invalidInput(`"${ref}" is not in this network`, [{ field, reason: 'not in this network' }]);
};

const indicesOf = (
  ctx: AppContext,
  access: Access,
  network: WorkspaceNetwork,
  refs: readonly string[] | undefined,
  field: string,
): Promise<number[]> =>
  Promise.all((refs ?? []).map((ref, k) => indexOfRef(ctx, access, network, ref, `${field}.${k}`)));

/** Days from an ISO date to today, by graph index, for the people the rows name. */
const daysSince = (
  network: WorkspaceNetwork,
  rows: ReadonlyArray<{ personId: string; on: string }>,
  today: Date,
  keep: (i: number) => boolean = () => true,
): Map<number, number> => {
  const out = new Map<number, number>();
  for (const { personId, on } of rows) {
    const i = network.graph.indexOf.get(personId);
    if (i === undefined || !keep(i)) continue;
    out.set(i, Math.max(0, Math.floor((today.getTime() - Date.parse(on)) / DAY_MS)));
  }
  return out;
};

/** People on the list of another gathering on the same local day as `startsAt`. */
const invitedThatDay = async (
  ctx: AppContext,
  access: Access,
  network: WorkspaceNetwork,
  startsAt: string,
  timeZone: string,
  gatheringId: string | null,
): Promise<number[]> => {
  const day = localDay(startsAt, timeZone);
  // Any gathering whose local day could be this one lies within a day and a half of it in UTC.
  const at = Date.parse(`${day}T12:00:00Z`);
  const around = await ctx.store
    .in(access.workspaceId)
    .gatherings.guestsBetween(
      new Date(at - 1.5 * DAY_MS).toISOString(),
      new Date(at + 1.5 * DAY_MS).toISOString(),
      gatheringId,
    );
  return around.flatMap((g) => {
    const i = network.graph.indexOf.get(g.personId);
    return i !== undefined && localDay(g.startsAt, timeZone) === day ? [i] : [];
  });
};

/** A composition input and what is needed to read its answer back. */
interface Prepared {
  readonly network: WorkspaceNetwork;
  readonly input: CompositionInput;
  readonly seats: number;
  readonly locked: ReadonlySet<number>;
}

/** Resolves a request into the composer's input, reading what the store knows around it. */
const prepare = async (
  ctx: AppContext,
  access: Access,
  request: CompositionRequest,
  gatheringId: string | null,
): Promise<Prepared> => {
  const fields = checkGathering(request);
  const ws = access.workspaceId;
  const [{ network, reach }, tables, contacts] = await Promise.all([
    ctx.network.reach(ws),
    ctx.store.in(ws).gatherings.lastHostedTables(),
    ctx.store.in(ws).gatherings.lastContacts(),
  ]);
  const [must, exclude, never] = await Promise.all([
    indicesOf(ctx, access, network, request.must, 'must'),
    indicesOf(ctx, access, network, request.exclude, 'exclude'),
    Promise.all(
      (request.neverTogether ?? []).map(
        async ([a, b], k) =>
          [
            await indexOfRef(ctx, access, network, a, `neverTogether.${k}.0`),
            await indexOfRef(ctx, access, network, b, `neverTogether.${k}.1`),
          ] as const,
      ),
    ),
  ]);
  const scores = new Float64Array(network.graph.n);
  for (const r of reach.people) scores[r.index] = r.score;
  const today = ctx.now();
  const host = network.hostIndex;
  const unavailable = fields.startsAt
    ? await invitedThatDay(ctx, access, network, fields.startsAt, fields.timeZone, gatheringId)
    : [];
  const seats = invitedSeats(fields);
  const input: CompositionInput = {
    seats,
    must,
    exclude,
    neverTogether: never,
    reach: scores,
    recentTable: daysSince(network, tables, today),
    quietTies: daysSince(
      network,
      contacts,
      today,
      (i) => host !== null && hasTie(network.graph, host, i),
    ),
    unavailable,
    seed: request.seed ?? DEFAULT_SEED,
    ...(fields.purpose ? { purpose: fields.purpose } : {}),
    ...(request.maxShareFromOneCircle === undefined
      ? {}
      : { maxShareFromOneCircle: request.maxShareFromOneCircle }),
    ...(request.anchor === undefined ? {} : { anchor: request.anchor }),
  };
  return { network, input, seats, locked: new Set(must) };
};

/** In words: how sure the table is. */
export const proofSentence = (proof: Proof, candidates: number): string => {
  switch (proof.kind) {
    case 'optimal':
      return `The best possible table among these ${candidates} candidates.`;
    case 'gap':
      return `Among these ${candidates} candidates, no table is worth more than ${proof.atMost.toFixed(2)} above this one.`;
    default:
      return `The best table found among these ${candidates} candidates; not proven best.`;
  }
};

const pairView = (network: WorkspaceNetwork, pair: StrongPair) => ({
  people: [personRef(network.people[pair.a]!), personRef(network.people[pair.b]!)] as const,
  value: pair.value,
  sentence: pair.sentence,
});

/** The composer's answer for clients, or `infeasible` naming the conflicting fields. */
const composedView = (prepared: Prepared, result: CompositionResult) => {
  const { network, locked } = prepared;
  if (result.kind === 'infeasible') {
    const fields: FieldProblem[] = result.conflicts.flatMap((c) =>
      c.constraints.map((name) => ({ field: FIELD_OF[name], reason: c.message })),
    );
    throw new DomainError(
      'infeasible',
      result.conflicts.map((c) => c.message).join(' ') || 'No table meets these constraints.',
      fields,
    );
  }
  return {
    seats: prepared.seats,
    guests: result.guests.map((g) => ({
      person: personRef(network.people[g.index]!),
      reasons: [...g.reasons],
      ownValue: g.ownValue,
      contribution: g.contribution,
      locked: locked.has(g.index),
    })),
    strongestPairs: result.strongestPairs.map((p) => pairView(network, p)),
    value: result.value,
    candidates: result.candidates,
    proof: result.proof,
    proofSentence: proofSentence(result.proof, result.candidates),
  };
};

export type CompositionView = ReturnType<typeof composedView>;

/** Proposes a table for a plan not saved yet (a preview: nothing is written). */
export const composeTablePreview = async (
  ctx: AppContext,
  access: Access,
  request: CompositionRequest,
): Promise<CompositionView> => {
  const prepared = await prepare(ctx, access, request, null);
  return composedView(prepared, composeTable(prepared.network.model, prepared.input));
};

/**
 * A table the host edited (a guest locked, removed or replaced), explained like a composed one:
 * each guest's reasons, the strongest pairs and the value, under the same constraints.
 */
export const explainTablePreview = async (
  ctx: AppContext,
  access: Access,
  request: CompositionRequest & { readonly table: readonly string[] },
): Promise<CompositionView> => {
  const prepared = await prepare(ctx, access, request, null);
  const table = await indicesOf(ctx, access, prepared.network, request.table, 'table');
  if (table.length > prepared.seats) {
    throw invalidInput('More guests than seats', [
      { field: 'table', reason: `${table.length} guests for ${prepared.seats} seats` },
    ]);
  }
  return composedView(prepared, explainTable(prepared.network.model, prepared.input, table));
};

/** What may be asked when recomposing a saved gathering: its details come from the gathering. */
export type GatheringCompositionRequest = Omit<CompositionRequest, keyof GatheringDraft> & {
  readonly purpose?: string | null | undefined;
  /** Replace the guest list with the new table, in one transaction. */
  readonly save?: boolean | undefined;
};

/** A saved gathering's details and locked guests as a composition request, with more asked. */
const requestFor = (
  gathering: Gathering,
  more: GatheringCompositionRequest,
): CompositionRequest => ({
  ...more,
  format: gathering.format,
  seats: gathering.seats,
  plusOnes: gathering.plusOnes,
  plusOneSeats: gathering.plusOneSeats,
  startsAt: gathering.startsAt,
  timeZone: gathering.timeZone,
  purpose: more.purpose === undefined ? gathering.purpose : more.purpose,
  must: [...gathering.guests.filter((g) => g.locked).map((g) => g.personId), ...(more.must ?? [])],
});

/**
 * Recomposes a saved gathering around its locked guests (its own list does not count as
 * "invited elsewhere"); with `save`, the new table replaces the guest list in one transaction,
 * refused if the gathering changed meanwhile.
 */
export const composeForGathering = async (
  ctx: AppContext,
  access: Access,
  id: string,
  more: GatheringCompositionRequest,
): Promise<{ composition: CompositionView; gathering: GatheringView | null }> => {
  if (more.save) requireEditor(access);
  const gathering = await ctx.store.in(access.workspaceId).gatherings.require(id);
  if (more.save) requireDraft(gathering);
  const prepared = await prepare(ctx, access, requestFor(gathering, more), id);
  const composition = composedView(prepared, composeTable(prepared.network.model, prepared.input));
  if (!more.save) return { composition, gathering: null };
  const guests: GatheringGuest[] = composition.guests.map((g) => ({
    personId: g.person.id,
    reasons: g.reasons,
    locked: g.locked,
    source: 'composed',
  }));
  const saved = await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    const current = await repos.gatherings.require(id);
    if (current.updatedAt !== gathering.updatedAt) {
      throw conflict('The gathering changed while the table was composed; try again');
    }
    return repos.gatherings.replaceGuests(id, guests);
  });
  return { composition, gathering: await gatheringView(ctx, access, saved) };
};

/** The best three people for one seat of a table, each with the change in the table's value. */
export const replacementsForSeat = async (
  ctx: AppContext,
  access: Access,
  request: CompositionRequest & {
    readonly table: readonly string[];
    readonly seat: string;
    readonly count?: number | undefined;
  },
) => {
  const prepared = await prepare(ctx, access, request, null);
  const { network, input } = prepared;
  const table = await indicesOf(ctx, access, network, request.table, 'table');
  const seat = await indexOfRef(ctx, access, network, request.seat, 'seat');
  if (!table.includes(seat)) {
    throw invalidInput('The seat to replace is not at the table', [
      { field: 'seat', reason: 'must be one of the table’s guests' },
    ]);
  }
  const found = replacementsFor(network.model, input, table, seat, request.count ?? 3);
  return {
    seat: personRef(network.people[seat]!),
    replacements: found.map((r) => ({
      person: personRef(network.people[r.index]!),
      delta: r.delta,
      reasons: [...r.reasons],
    })),
  };
};
