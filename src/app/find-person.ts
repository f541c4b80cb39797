/** Finding one person from what a host types on the command line: an id or a name. */
import { invalidInput, notFound } from '../domain/errors';
import type { Person } from '../domain/person';
import type { AppContext } from './context';
import type { Access } from './workspaces';

/**
 * The person with this id, else the one whose name is exactly this, else the only one the text
 * finds by search. Several matches are an error that lists them, so the host can be precise.
 */
export const findPerson = async (
  ctx: AppContext,
  access: Access,
  text: string,
): Promise<Person> => {
  const ws = access.workspaceId;
  const byId = await ctx.store.in(ws).people.find(text);
  if (byId) return byId;
  const exact = await ctx.store.in(ws).people.findByName(text);
  if (exact.length === 1) return exact[0]!;
  const found = exact.length > 1 ? exact : await ctx.store.in(ws).people.search(text, 6);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw notFound(`Nobody called "${text}"`);
  const names = found.slice(0, 5).map((p) => `${p.displayName} (${p.id})`);
  throw invalidInput(
    `"${text}" could be ${found.length > 5 ? 'several people' : `${found.length} people`}: ${names.join(', ')}; give the id or more of the name`,
  );
};
