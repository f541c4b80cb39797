/**
 * Which of two records of the same person a merge keeps by default: the one the host has put
 * more into (the fuller record), and of two equally full ones the older. A name typed in a hurry
 * ("jur", created by a moment a minute ago) never wins over the contact it duplicates.
 */
import type { Person } from './person';

/** A person record as any layer holds it: the fields below, and any of the person's details. */
type PersonRecord = Pick<Person, 'isSelf' | 'createdAt'> & object;

/**
 * What says nothing about how much the host knows of them: ids, bookkeeping, the name, and what
 * a moment fills in by itself (how and when they met, the last contact).
 */
const NOT_DETAILS: ReadonlySet<string> = new Set([
  'id',
  'workspaceId',
  'isSelf',
  'displayName',
  'source',
  'createdAt',
  'updatedAt',
  'howWeMet',
  'howWeMetMomentId',
  'lastContactOn',
]);

/** How many of a record's details are filled in (a list counts once it has an entry). */
export const fullness = (record: PersonRecord): number =>
  Object.entries(record).filter(([field, value]) => {
    if (NOT_DETAILS.has(field) || value === null || value === undefined || value === '')
      return false;
    return !Array.isArray(value) || value.length > 0;
  }).length;

/**
 * The record a merge keeps unless the host chooses otherwise: the host's own record always,
 * else the fuller, else the older (by creation time), else `a`.
 */
export const survivorByDefault = <P extends PersonRecord>(a: P, b: P): P => {
  if (a.isSelf !== b.isSelf) return a.isSelf ? a : b;
  const byFullness = fullness(b) - fullness(a);
  if (byFullness !== 0) return byFullness > 0 ? b : a;
  return b.createdAt < a.createdAt ? b : a;
};
