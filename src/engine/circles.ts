/**
 * Names for circles (communities) from what their members have in common, and names that
 * survive recomputation.
 *
 * Method: each tag, organisation and moment context is scored inside a circle by its lift over
 * the whole network, lift = P(label | circle) / P(label), as in association-rule mining (Brin,
 * Motwani, Ullman & Tsur, "Dynamic itemset counting and implication rules for market basket
 * data", SIGMOD 1997), weighted by how many members carry it: score = share × log₂(lift), the
 * label's contribution to the Kullback–Leibler divergence of the circle from the network. The
 * best one or two labels name the circle ("climate · investors", "Sunday running group").
 *
 * Carrying names: a circle of the new partition takes the name of the previous circle it
 * overlaps most (Jaccard similarity of members ≥ 0.5), best matches first, one to one — the
 * usual matching of community evolution (Greene, Doyle & Cunningham, "Tracking the evolution of
 * communities in dynamic social networks", ASONAM 2010). A name survives as long as the circle
 * is mostly the same people, whether the host gave it or the namer did: labels drift as the
 * network grows (a lift falls below the threshold, a placeholder's number moves), and a circle
 * that kept its people should not change its name by itself.
 */
import { fold } from '../domain/text';

/** What the engine reads about one person to name circles; arrays aligned to graph indices. */
export interface CircleTraits {
  readonly tags: readonly string[];
  readonly organization: string | null;
  /** Moment contexts or kinds the person was met in ("Sunday running group", "board"). */
  readonly contexts: readonly string[];
}

export type CircleLabelKind = 'tag' | 'organization' | 'context';

export interface CircleLabel {
  readonly kind: CircleLabelKind;
  /** The label as most members spell it. */
  readonly value: string;
  /** Members of the circle carrying it. */
  readonly count: number;
  /** count / circle size. */
  readonly share: number;
  /** share / network share. */
  readonly lift: number;
  readonly score: number;
}

export interface NamedCircle {
  /** The community number (as in `detectCommunities`). */
  readonly index: number;
  readonly name: string;
  /** Graph indices of the members, ascending. */
  readonly members: readonly number[];
  /** The characteristic labels, best first (those the name was made from come first). */
  readonly labels: readonly CircleLabel[];
}

export interface NameCirclesOptions {
  /** A label must be carried by at least this share of the circle. */
  readonly minShare: number;
  /** … and by at least this many members. */
  readonly minCount: number;
  /** … and be at least this many times more common in the circle than in the network. */
  readonly minLift: number;
  /** Labels joined into a name. */
  readonly maxNameLabels: number;
  /** Characteristic labels kept per circle. */
  readonly maxLabels: number;
  /** Joins the labels of a name. */
  readonly separator: string;
  /** The name of a circle with no characteristic label: the first free number, from 1. */
  readonly fallbackName: (ordinal: number) => string;
}

export const DEFAULTS: NameCirclesOptions = {
  minShare: 0.2,
  minCount: 2,
  minLift: 1.5,
  maxNameLabels: 2,
  maxLabels: 5,
  separator: ' · ',
  fallbackName: (ordinal) => `Circle ${ordinal}`,
};

interface LabelStats {
  readonly kind: CircleLabelKind;
  /** Spellings seen, with counts, so the name uses the commonest one. */
  readonly spellings: Map<string, number>;
  total: number;
  /** Count per circle. */
  readonly byCircle: Map<number, number>;
}

const labelKey = (kind: CircleLabelKind, value: string): string => `${kind}:${fold(value).trim()}`;

const commonestSpelling = (spellings: Map<string, number>): string => {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings)
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  return best;
};

/**
 * Names every circle of a partition from its members' tags, organisations and contexts.
 * `people[i]` describes graph index i; a missing entry counts as a person with no labels, and a
 * negative label means "in no circle". `kept[c]`, when given, is circle c's name already (one
 * carried over from the previous partition, see `carriedNames`): it is used as is, and no other
 * circle takes it.
 * Names are unique: a circle whose name is taken adds its next label, else a number.
 */
export const nameCircles = (
  communities: Int32Array,
  people: readonly (CircleTraits | undefined)[],
  options: Partial<NameCirclesOptions> = {},
  kept: readonly (string | undefined)[] = [],
): NamedCircle[] => {
  const settings = { ...DEFAULTS, ...options };
  const n = communities.length;
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, communities[i]! + 1);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) if (communities[i]! >= 0) members[communities[i]!]!.push(i);

  // Phase 1: count each label in the network and per circle (once per person).
  const stats = new Map<string, LabelStats>();
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const person = people[i];
    if (!person) continue;
    seen.clear();
    const add = (kind: CircleLabelKind, raw: string | null): void => {
      const value = raw?.trim();
      if (!value) return;
      const key = labelKey(kind, value);
      let entry = stats.get(key);
      if (!entry) {
        entry = { kind, spellings: new Map(), total: 0, byCircle: new Map() };
        stats.set(key, entry);
      }
      entry.spellings.set(value, (entry.spellings.get(value) ?? 0) + 1);
      if (seen.has(key)) return;
      seen.add(key);
      entry.total++;
      // People outside every circle (−1, e.g. the host in `reach`) still count in the network.
      const c = communities[i]!;
      if (c >= 0) entry.byCircle.set(c, (entry.byCircle.get(c) ?? 0) + 1);
    };
    for (const tag of person.tags) add('tag', tag);
    add('organization', person.organization);
    for (const context of person.contexts) add('context', context);
  }

  // Phase 2: characteristic labels of each circle by share × log₂(lift).
  const labels: CircleLabel[][] = Array.from({ length: count }, () => []);
  for (const entry of stats.values()) {
    const networkShare = entry.total / n;
    for (const [c, inCircle] of entry.byCircle) {
      const size = members[c]!.length;
      const share = inCircle / size;
      const lift = share / networkShare;
      if (inCircle < settings.minCount || share < settings.minShare || lift < settings.minLift)
        continue;
      labels[c]!.push({
        kind: entry.kind,
        value: commonestSpelling(entry.spellings),
        count: inCircle,
        share,
        lift,
        score: share * Math.log2(lift),
      });
    }
  }

  // Phase 3: names, largest circles first so they get the plainest names.
  const order = Array.from({ length: count }, (_, c) => c).sort(
    (a, b) => members[b]!.length - members[a]!.length || a - b,
  );
  const taken = new Set<string>();
  for (let c = 0; c < count; c++) {
    const name = kept[c];
    if (name !== undefined) taken.add(fold(name));
  }
  const named: NamedCircle[] = new Array(count);
  for (const c of order) {
    const best = labels[c]!.sort(
      (a, b) => b.score - a.score || b.count - a.count || a.value.localeCompare(b.value),
    ).slice(0, settings.maxLabels);
    const keep = kept[c];
    if (keep !== undefined) {
      named[c] = { index: c, name: keep, members: members[c]!, labels: best };
      continue;
    }
    // The first free number, so a placeholder does not move when another circle appears.
    let ordinal = 1;
    while (taken.has(fold(settings.fallbackName(ordinal)))) ordinal++;
    let name = settings.fallbackName(ordinal);
    if (best.length > 0) {
      const parts = best.slice(0, settings.maxNameLabels).map((label) => label.value);
      name = parts.join(settings.separator);
      // A name already taken grows by the next label, else by a number.
      for (let extra = parts.length; taken.has(fold(name)) && extra < best.length; extra++)
        name = `${name}${settings.separator}${best[extra]!.value}`;
    }
    const base = name;
    for (let k = 2; taken.has(fold(name)); k++) name = `${base} ${k}`;
    taken.add(fold(name));
    named[c] = { index: c, name, members: members[c]!, labels: best };
  }
  return named;
};

/** A circle as the host saw it last time: its (possibly host-given) name and its people. */
export interface CircleSnapshot {
  readonly name: string;
  /** Person ids (indices move between recomputations; ids do not). */
  readonly members: readonly string[];
}

export interface CarryNamesOptions {
  /** Minimum Jaccard similarity for a new circle to keep an old name. */
  readonly minJaccard: number;
}

export const CARRY_DEFAULTS: CarryNamesOptions = { minJaccard: 0.5 };

const jaccard = (a: ReadonlySet<string>, b: readonly string[]): number => {
  let both = 0;
  const unique = new Set(b);
  for (const id of unique) if (a.has(id)) both++;
  const either = a.size + unique.size - both;
  return either === 0 ? 0 : both / either;
};

/**
 * Gives each new circle the name of the previous circle it matches (Jaccard ≥ `minJaccard`),
 * best matches first and one to one; unmatched circles keep their own name. Returns the new
 * circles in their order, each with `carriedFrom`: the index of the previous circle whose name
 * it took, or null.
 */
export const carryNames = <T extends CircleSnapshot>(
  previous: readonly CircleSnapshot[],
  next: readonly T[],
  options: Partial<CarryNamesOptions> = {},
): Array<T & { readonly carriedFrom: number | null }> => {
  const { minJaccard } = { ...CARRY_DEFAULTS, ...options };
  const previousSets = previous.map((circle) => new Set(circle.members));
  // Candidate pairs share at least one member: index previous circles by member.
  const circleOf = new Map<string, number[]>();
  for (const [p, members] of previousSets.entries())
    for (const id of members) {
      const list = circleOf.get(id);
      if (list) list.push(p);
      else circleOf.set(id, [p]);
    }
  const pairs: Array<{ p: number; q: number; similarity: number }> = [];
  for (const [q, circle] of next.entries()) {
    const candidates = new Set<number>();
    for (const id of circle.members) for (const p of circleOf.get(id) ?? []) candidates.add(p);
    for (const p of candidates) {
      const similarity = jaccard(previousSets[p]!, circle.members);
      if (similarity >= minJaccard) pairs.push({ p, q, similarity });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.q - y.q || x.p - y.p);
  const nameOf = new Map<number, number>();
  const used = new Set<number>();
  for (const { p, q } of pairs) {
    if (used.has(p) || nameOf.has(q)) continue;
    used.add(p);
    nameOf.set(q, p);
  }
  return next.map((circle, q) => {
    const p = nameOf.get(q);
    return p === undefined
      ? { ...circle, carriedFrom: null }
      : { ...circle, name: previous[p]!.name, carriedFrom: p };
  });
};

/**
 * The names of the `previous` circles carried to the circles of a new partition that are mostly
 * the same people (see `carryNames`), by circle number, for `nameCircles`' `kept`. `ids[i]` is
 * the person at graph index i.
 */
export const carriedNames = (
  communities: Int32Array,
  ids: readonly string[],
  previous: readonly CircleSnapshot[],
  options: Partial<CarryNamesOptions> = {},
): (string | undefined)[] => {
  const circles: Array<{ name: string; members: string[] }> = [];
  for (let i = 0; i < communities.length; i++) {
    const c = communities[i]!;
    if (c < 0) continue;
    while (circles.length <= c) circles.push({ name: '', members: [] });
    circles[c]!.members.push(ids[i]!);
  }
  return carryNames(previous, circles, options).map((circle) =>
    circle.carriedFrom === null ? undefined : circle.name,
  );
};
