/** Movers and shakers: who is well connected in the host's network, and why. */

import type { PersonReach } from '../engine/reach';
import { isRanked, reachThroughOthers } from '../engine/reach';
import type { AppContext } from './context';
import { indexOfPerson } from './introductions';
import type { WorkspaceNetwork } from './network';
import type { Access } from './workspaces';

const circleName = (network: WorkspaceNetwork, circle: number): string =>
  network.circles.find((c) => c.index === circle)?.name ?? `Circle ${circle + 1}`;

const entryView = (network: WorkspaceNetwork, r: PersonReach, rank: number | null) => {
  const p = network.people[r.index]!;
  return {
    person: { id: p.id, displayName: p.displayName, organization: p.organization, title: p.title },
    rank,
    score: r.score,
    parts: r.parts,
    circlesSpanned: r.circlesSpanned,
    bridges: r.bridges.map((c) => circleName(network, c)),
    contactsWhoKnow: r.contactsWhoKnow,
    explanation: r.explanation,
  };
};

/**
 * The people ranked by reach, best first: the host is left out, and so is everyone with no tie to
 * anyone but the host (nothing places them among the others).
 */
const ranked = (people: readonly PersonReach[]): PersonReach[] =>
  people.filter(isRanked).sort((a, b) => b.score - a.score || a.index - b.index);

export const reachList = async (ctx: AppContext, access: Access, top: number) => {
  const { network, reach } = await ctx.network.reach(access.workspaceId);
  const order = ranked(reach.people);
  const everyone = reach.people.filter((r) => !r.isHost).length;
  return {
    people: order.slice(0, top).map((r, k) => entryView(network, r, k + 1)),
    total: order.length,
    unranked: everyone - order.length,
    betweenness: { samples: reach.betweenness.samples, errorBound: reach.betweenness.errorBound },
  };
};

export const personReach = async (ctx: AppContext, access: Access, personId: string) => {
  const { network, reach } = await ctx.network.reach(access.workspaceId);
  const i = indexOfPerson(network, personId);
  const person = reach.people[i]!;
  const rank = isRanked(person) ? ranked(reach.people).findIndex((r) => r.index === i) + 1 : null;
  return entryView(network, person, rank);
};

/** How far one warm introduction takes the host, and which friends open the most doors. */
export const reachThrough = async (ctx: AppContext, access: Access, limit = 25) => {
  const network = await ctx.network.get(access.workspaceId);
  if (network.hostIndex === null) return { direct: 0, reachable: 0, doors: [] };
  const result = reachThroughOthers(network.graph, network.hostIndex, { limit });
  return {
    direct: result.direct,
    reachable: result.reachable,
    doors: result.doors.map((d) => {
      const p = network.people[d.index]!;
      return {
        person: { id: p.id, displayName: p.displayName },
        newPeople: d.newPeople,
        onlyThrough: d.onlyThrough,
      };
    }),
  };
};
