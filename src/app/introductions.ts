/** Who should meet whom: suggestions for one person and the introductions most worth making. */
import { notFound } from '../domain/errors';
import { letterOf, type Reason } from '../engine/pair-value';
import {
  type Introduction,
  introductionsToMake,
  type Suggestion,
  suggestFor,
} from '../engine/suggestions';
import type { AppContext } from './context';
import { workspaceWeights } from './engine-weights';
import type { NetworkPerson, WorkspaceNetwork } from './network';
import type { Access } from './workspaces';

const ref = (p: NetworkPerson) => ({ id: p.id, displayName: p.displayName });

/** Reasons name people by graph index inside the engine; clients get person ids. */
const reasonView = (network: WorkspaceNetwork, reason: Reason) => {
  const id = (i: number) => network.people[i]?.id ?? '';
  switch (reason.kind) {
    case 'ask-offer':
      return { ...reason, asker: id(reason.asker), helper: id(reason.helper) };
    case 'mutual-contacts':
    case 'host-goal':
      return { ...reason, people: reason.people.map(id) };
    default:
      return { ...reason };
  }
};

const pairView = (network: WorkspaceNetwork, pair: Suggestion | Introduction) => ({
  value: pair.value,
  parts: pair.parts,
  reasons: pair.reasons.map((r) => reasonView(network, r)),
  sentence: pair.sentence,
  letter: letterOf(network.model, pair.reasons),
});

/** The index of a person in the workspace's network, or `not_found`. */
export const indexOfPerson = (network: WorkspaceNetwork, personId: string): number => {
  const i = network.graph.indexOf.get(personId);
  if (i === undefined) throw notFound('Person');
  return i;
};

/** The workspace's network and the host's tuning of the engine, which lives in the store. */
const networkAndWeights = (ctx: AppContext, workspaceId: string) =>
  Promise.all([ctx.network.get(workspaceId), workspaceWeights(ctx, workspaceId)]);

export const suggestionsFor = async (
  ctx: AppContext,
  access: Access,
  personId: string,
  limit: number,
) => {
  const [network, weights] = await networkAndWeights(ctx, access.workspaceId);
  const i = indexOfPerson(network, personId);
  const result = suggestFor(network.model, i, { limit, pairValue: { weights } });
  return {
    person: ref(network.people[i]!),
    suggestions: result.suggestions.map((s) => {
      const p = network.people[s.person]!;
      return {
        person: { ...ref(p), organization: p.organization, title: p.title },
        ...pairView(network, s),
      };
    }),
    reason: result.reason,
  };
};

export const introductions = async (ctx: AppContext, access: Access, limit: number) => {
  const [network, weights] = await networkAndWeights(ctx, access.workspaceId);
  const result = introductionsToMake(network.model, { limit, pairValue: { weights } });
  return {
    introductions: result.introductions.map((intro) => ({
      people: [ref(network.people[intro.i]!), ref(network.people[intro.j]!)] as const,
      ...pairView(network, intro),
    })),
    reason: result.reason,
  };
};
