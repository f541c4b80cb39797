/**
 * The host's goals: the people they want to grow closer to. Pair value weighs them ("Your goals"
 * in the engine weights), so marking someone raises what meeting them is worth.
 */
import { invalidInput } from '../domain/errors';
import type { AppContext } from './context';
import { writeNetwork } from './network-write';
import { type Access, requireEditor } from './workspaces';

/** Marks (or unmarks) a person as someone the host wants to grow closer to. */
export const setGoal = async (ctx: AppContext, access: Access, personId: string, goal: boolean) => {
  requireEditor(access);
  const ws = access.workspaceId;
  const store = ctx.store.in(ws);
  const person = await store.people.require(personId);
  if (person.isSelf) {
    throw invalidInput('You cannot grow closer to yourself', [{ field: 'goal', reason: 'is you' }]);
  }
  await writeNetwork(
    ctx,
    ws,
    (repos) => repos.goals.set(personId, goal),
    () => ({ kind: 'goal-set', personId, goal }),
  );
  return { personId, goal };
};

/** The people the host wants to grow closer to, in the order they were marked. */
export const listGoals = async (ctx: AppContext, access: Access) => {
  const store = ctx.store.in(access.workspaceId);
  const ids = await store.goals.all();
  const people = new Map((await store.people.findMany(ids)).map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const p = people.get(id);
    return p ? [{ id: p.id, displayName: p.displayName }] : [];
  });
};

/** Is this person one of the host's goals? */
export const isGoal = (ctx: AppContext, access: Access, personId: string) =>
  ctx.store.in(access.workspaceId).goals.has(personId);
