/**
 * Loading a demo network into an empty workspace: the generator's people, ties and moments,
 * written in one transaction, with the host mapped onto the workspace's own `self` person.
 */
import { type DemoNetwork, generateNetwork } from '../demo/generate';
import { conflict } from '../domain/errors';
import { contactedAt } from '../domain/moment';
import type { AppContext } from './context';
import { today } from './context';
import { type Access, requireEditor } from './workspaces';

export interface DemoRequest {
  readonly people: number;
  readonly ties?: number | undefined;
  readonly seed: number;
}

export interface DemoResult {
  readonly people: number;
  readonly ties: number;
  readonly moments: number;
  readonly seconds: number;
}

/** Ties per person when only a number of people is asked for. */
export const DEMO_TIES_PER_PERSON = 5;

/** The latest moment each person was contacted at, by index. */
const lastContacts = (network: DemoNetwork): Array<string | null> => {
  const last: Array<string | null> = network.people.map(() => null);
  for (const moment of network.moments) {
    const engaged = contactedAt(
      moment.attendees.map((a) => ({ personId: String(a.person), mark: a.mark })),
    );
    for (const index of engaged) {
      const i = Number(index);
      const seen = last[i];
      if (!seen || seen < moment.occurredOn) last[i] = moment.occurredOn;
    }
  }
  return last;
};

export const loadDemo = async (
  ctx: AppContext,
  access: Access,
  request: DemoRequest,
): Promise<DemoResult> => {
  requireEditor(access);
  const started = performance.now();
  const ws = access.workspaceId;
  const network = generateNetwork({
    people: request.people,
    ties: request.ties ?? request.people * DEMO_TIES_PER_PERSON,
    seed: request.seed,
    today: today(ctx),
  });
  const contacts = lastContacts(network);
  await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    if ((await repos.people.count()) > 1) {
      throw conflict(
        'A demo network loads only into an empty workspace; this one already has people',
      );
    }
    const host = await repos.people.findSelf();
    if (!host) throw conflict('This workspace has no host person');
    const [, ...guests] = network.people;
    const guestIds = await repos.people.createMany(
      guests.map((p, i) => ({
        ...p,
        source: 'demo' as const,
        lastContactOn: contacts[i + 1] ?? null,
      })),
    );
    const ids = [host.id, ...guestIds];
    const idOf = (index: number): string => ids[index] as string;
    await repos.ties.ensure(
      network.ties.map((t) => ({
        aId: idOf(t.a),
        bId: idOf(t.b),
        strength: t.strength,
        source: 'recorded' as const,
        since: t.since,
      })),
    );
    await repos.moments.createMany(
      network.moments.map((m) => ({
        ...m,
        attendees: m.attendees.map((a) => ({ personId: idOf(a.person), mark: a.mark })),
      })),
    );
    await repos.demoPlans.save(request.seed, {
      brokers: network.plan.brokers.map(idOf),
      circles: network.plan.circles.map((c) => ({
        name: c.name,
        kind: c.kind,
        members: c.members.map(idOf),
      })),
    });
  });
  await ctx.network.changed(ws, { kind: 'rebuild' });
  return {
    people: network.people.length,
    ties: network.ties.length,
    moments: network.moments.length,
    seconds: (performance.now() - started) / 1000,
  };
};
