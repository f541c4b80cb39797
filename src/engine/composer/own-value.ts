/**
 * A guest's own value to the host, besides the pairs they make at the table: reach, a quiet tie
 * that deserves warming, how well they match the purpose, the host's goals, less a penalty for
 * having sat at the host's table recently. Each part is in [0, 1] and weighted by
 * `OwnValueWeights`; the composer adds the host's own pair value with them.
 *
 * The purpose ("climate investors") is matched with the model's term index: each purpose word
 * found among a person's asks, offers, interests or tags counts its idf (rare words more), a
 * word found in their organisation's name counts too, and the part is the share of the
 * purpose's weight a person matches.
 */
import { contentWords, type EngineModel, stem, type TermPostings } from '../model';
import type { CompositionInput, CompositionOptions } from './types';

/** The purpose words with their weights and, when the model knows them, their terms. */
export interface Purpose {
  readonly words: readonly string[];
  readonly terms: readonly number[];
  readonly weights: readonly number[];
  readonly total: number;
}

export const purposeOf = (model: EngineModel, text: string | undefined): Purpose => {
  const words = [...new Set(contentWords(text ?? ''))];
  const documents = Math.max(1, model.n);
  const terms = words.map((w) => model.index.termOf.get(stem(w)) ?? -1);
  const weights = terms.map((t) => (t >= 0 ? (model.index.idf[t] ?? 0) : Math.log(1 + documents)));
  return { words, terms, weights, total: weights.reduce((s, w) => s + w, 0) };
};

/**
 * Which purpose words each person matches, as a bit mask by word (the first 30 words), for
 * every person whose profile or organisation holds one; people without a match are absent.
 */
export const purposeMatches = (model: EngineModel, purpose: Purpose): Map<number, number> => {
  const matches = new Map<number, number>();
  const mark = (person: number, word: number): void => {
    matches.set(person, (matches.get(person) ?? 0) | (1 << word));
  };
  const lists: readonly TermPostings[] = [
    model.index.offerers,
    model.index.askers,
    model.index.interested,
  ];
  for (const [w, t] of purpose.terms.entries()) {
    if (t < 0 || w >= 30) continue;
    for (const list of lists)
      for (let at = list.offsets[t]!; at < list.offsets[t + 1]!; at++) mark(list.people[at]!, w);
  }
  if (purpose.words.length > 0)
    for (const [i, profile] of model.profiles.entries()) {
      const organization = profile.organizationKey;
      if (!organization) continue;
      for (const [w, word] of purpose.words.entries())
        if (w < 30 && organization.includes(word)) mark(i, w);
    }
  return matches;
};

/** The share of the purpose's weight a match mask covers. */
export const purposeShare = (purpose: Purpose, mask: number): number => {
  if (purpose.total <= 0) return 0;
  let sum = 0;
  for (let w = 0; w < purpose.weights.length; w++) if (mask & (1 << w)) sum += purpose.weights[w]!;
  return sum / purpose.total;
};

/** The parts of one person's own value, each in [0, 1]. */
export interface OwnParts {
  readonly reach: number;
  readonly warming: number;
  readonly purpose: number;
  readonly goals: number;
  readonly recentTable: number;
}

/** What own value reads, prepared once per call. */
export interface OwnContext {
  readonly model: EngineModel;
  readonly input: CompositionInput;
  readonly options: CompositionOptions;
  readonly purpose: Purpose;
  readonly matches: ReadonlyMap<number, number>;
}

export const ownContext = (
  model: EngineModel,
  input: CompositionInput,
  options: CompositionOptions,
): OwnContext => {
  const purpose = purposeOf(model, input.purpose);
  return { model, input, options, purpose, matches: purposeMatches(model, purpose) };
};

export const ownParts = (ctx: OwnContext, i: number): OwnParts => {
  const { input, options } = ctx;
  const reach = input.reach?.[i] ?? 0;
  const quiet = input.quietTies?.get(i);
  const recent = input.recentTable?.get(i);
  return {
    reach: Number.isFinite(reach) ? Math.min(1, Math.max(0, reach)) : 0,
    warming: quiet === undefined ? 0 : Math.min(1, Math.max(0, quiet) / options.quietDays),
    purpose: purposeShare(ctx.purpose, ctx.matches.get(i) ?? 0),
    goals: ctx.model.goals[i] ?? 0,
    recentTable:
      recent === undefined ? 0 : Math.max(0, 1 - Math.max(0, recent) / options.recentDays),
  };
};

/** Σ weight · part, the recent-table part subtracted. */
export const ownValueOf = (ctx: OwnContext, parts: OwnParts): number => {
  const w = ctx.options.ownWeights;
  return (
    w.reach * parts.reach +
    w.warming * parts.warming +
    w.purpose * parts.purpose +
    w.goals * parts.goals -
    w.recentTable * parts.recentTable
  );
};

/** The purpose words a person matches, readable. */
export const matchedWords = (ctx: OwnContext, i: number): string[] => {
  const mask = ctx.matches.get(i) ?? 0;
  return ctx.purpose.words.filter((_, w) => (mask & (1 << w)) !== 0);
};
