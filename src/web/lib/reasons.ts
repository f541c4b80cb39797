/**
 * Reading the engine's structured reasons. The API sends each reason as `{ kind, … }` with
 * fields that depend on the kind; these helpers take only what they can trust and ignore the
 * rest, so a reason the web app does not know yet is simply not shown twice.
 */
import type { Suggestion } from '../api/client';

type Reasons = Suggestion['reasons'];

export interface MutualContacts {
  /** The contacts named (strongest ties first). */
  readonly names: readonly string[];
  /** Their person ids, when the API gives them (aligned with `names`). */
  readonly ids: readonly string[];
  /** How many contacts they have in common in all. */
  readonly total: number;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

/** The contacts two people share, when the engine counted any. */
export const mutualContactsOf = (reasons: Reasons): MutualContacts | null => {
  const reason = reasons.find((r) => r.kind === 'mutual-contacts');
  if (!reason) return null;
  const names = strings(reason.names);
  const ids = strings(reason.people);
  const total = typeof reason.total === 'number' ? reason.total : names.length;
  if (total <= 0 && names.length === 0) return null;
  return {
    names,
    ids: ids.length === names.length ? ids : [],
    total: Math.max(total, names.length),
  };
};

/** The first letter of a sentence in capitals, and a full stop at its end. */
export const asSentence = (text: string): string => {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
};
