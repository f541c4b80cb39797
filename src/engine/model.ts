/**
 * The engine model: everything pair value and suggestions read, built once per workspace
 * snapshot — the compact graph, each person's profile turned into weighted terms, circles, the
 * pairs who already sat together at the host's table, the host's goals, and an inverted index
 * from ask, offer and interest terms to people (so candidates come from matching terms, not
 * from scanning everyone).
 *
 * Text: phrases are folded and split with `words` (src/domain/text.ts), stop-words are dropped
 * and a light English suffix stripper maps "invests", "investor" and "investing" to one term.
 * Terms are weighted by rarity, idf(t) = ln(1 + N / df(t)), over the N people with any text.
 */
import type { Person } from '../domain/person';
import { fold, words } from '../domain/text';
import type { CompactGraph } from './graph';
import { createSourceScanner, type SourceScanner } from './structural';

/**
 * What the engine knows of one person, aligned to the graph's index: the person's words (asks,
 * offers, interests, tags, organisation, place) under their display name.
 */
export interface PersonProfile
  extends Partial<
    Pick<Person, 'tags' | 'interests' | 'asks' | 'offers' | 'organization' | 'location'>
  > {
  readonly name: string;
  readonly industry?: string | null;
}

/** The input of `buildModel`. */
export interface ModelInput {
  readonly graph: CompactGraph;
  /** profiles[i] describes graph person i; missing entries count as a person with no text. */
  readonly profiles: readonly (PersonProfile | undefined)[];
  /** The host's own index, if the host is in the graph. */
  readonly self?: number | null;
  /** The circle (community) of each person, −1 for none; from the communities module. */
  readonly communityOf?: Int32Array | null;
  /** A name for each circle id, when the host or the namer gave one. */
  readonly circleNames?: readonly (string | null | undefined)[];
  /** Pairs of people who already sat together at the host's table. */
  readonly metPairs?: Iterable<readonly [number, number]>;
  /** People the host wants to grow closer to. */
  readonly goals?: Iterable<number>;
}

/** A phrase as typed and as weighted terms. */
export interface Phrase {
  readonly text: string;
  /** Folded, trimmed text, for exact label matches. */
  readonly label: string;
  /** Term ids, ascending, unique. */
  readonly terms: Int32Array;
  /** √Σ idf(t)² over the terms (0 when the phrase has no content word). */
  readonly norm: number;
}

/** One person's profile, prepared for matching. */
export interface ProfileTerms {
  readonly name: string;
  readonly asks: readonly Phrase[];
  readonly offers: readonly Phrase[];
  readonly interests: readonly Phrase[];
  readonly tags: readonly Phrase[];
  /** All interest and tag terms, ascending, unique, with their idf norm. */
  readonly groundTerms: Int32Array;
  readonly groundNorm: number;
  readonly organization: string | null;
  readonly organizationKey: string | null;
  readonly industry: string | null;
  readonly industryKey: string | null;
  readonly location: string | null;
  /** The first comma-separated part of the location, folded ("berlin" for "Berlin, DE"). */
  readonly locationKey: string | null;
}

/** People by term, one posting list per role, in compressed rows (people ascending). */
export interface TermPostings {
  readonly offsets: Int32Array;
  readonly people: Int32Array;
}

/** The inverted index of the model. */
export interface TermIndex {
  /** Term text (stemmed) by id. */
  readonly terms: readonly string[];
  /** A readable word for each term: the first folded word that produced it. */
  readonly display: readonly string[];
  readonly termOf: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  /** People who offer each term. */
  readonly offerers: TermPostings;
  /** People who ask for each term. */
  readonly askers: TermPostings;
  /** People with each term among their interests or tags. */
  readonly interested: TermPostings;
  /**
   * Each person's own terms, rarest first, with the posting list each opens (`TERM_ROLE`): the
   * terms of person i are personTerms[personOffsets[i] .. personOffsets[i+1]).
   */
  readonly personOffsets: Int32Array;
  readonly personTerms: Int32Array;
  readonly personRoles: Uint8Array;
}

/** Which posting list a person's term opens: their ask terms find offerers, and so on. */
export const TERM_ROLE = { findsOfferers: 0, findsAskers: 1, findsInterested: 2 } as const;

/** Everything the pair-value and suggestion functions read. */
export interface EngineModel {
  readonly graph: CompactGraph;
  readonly n: number;
  readonly profiles: readonly ProfileTerms[];
  readonly self: number | null;
  readonly communityOf: Int32Array;
  readonly circleNames: readonly (string | null)[];
  /** Keys `pairKey(i, j)` of pairs who sat together at the host's table. */
  readonly met: ReadonlySet<number>;
  /** 1 for people the host wants to grow closer to. */
  readonly goals: Uint8Array;
  readonly index: TermIndex;
  /** Scratch scans of the graph, shared by the calls on this model. */
  readonly scanner: SourceScanner;
  /** √Σ idf² over each person's ask and offer phrases (for cheap complementarity estimates). */
  readonly exchangeNorm: Float64Array;
  /** Each person's `groundNorm`, as an array. */
  readonly groundNorm: Float64Array;
  /**
   * What candidate shortlisting reads for each person, packed in one cache line per person
   * (`FACT_STRIDE` Int32 words at `FACT_STRIDE·i`, fields at the offsets of `FACT`): 64-bit
   * signatures of their ask terms and offer terms (a term sets one bit by hash; matching
   * signatures estimate complementarity in O(1) for people reached through the graph, false
   * positives possible, the full pair value decides), their circle, organisation, industry and
   * place as small integers (−1 for none).
   */
  readonly facts: Int32Array;
  /** Bits set in each person's two signatures together. */
  readonly signatureBits: Uint8Array;
}

/** Words per person in `EngineModel.facts` (32 bytes: two people per cache line). */
export const FACT_STRIDE = 8;

/** Field offsets in `EngineModel.facts`. */
export const FACT = {
  ask0: 0,
  ask1: 1,
  offer0: 2,
  offer1: 3,
  circle: 4,
  organization: 5,
  industry: 6,
  place: 7,
} as const;

/** A number for the unordered pair {i, j}, unique for graphs up to 2^26 people. */
export const pairKey = (i: number, j: number): number =>
  i < j ? i * 67_108_864 + j : j * 67_108_864 + i;

/** Words that carry no matching signal in asks, offers and interests. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of in on at to for with by from into onto about as is are be been ' +
    'being was were am i we you they he she it my our your their his her its me us them this ' +
    'that these those who whom which what some any all more most other such no not only own ' +
    'same so than too very can could will would shall should may might must just now also both ' +
    'each few how why when where there here do does did done have has had having get gets got ' +
    'looking look looks seeking seek seeks need needs want wants find finding help helps ' +
    'helping someone somebody anyone people person new good great like able etc via per up out'
  ).split(' '),
);

const SUFFIXES = ['ments', 'ment', 'ings', 'ing', 'ers', 'ors', 'er', 'or', 'ed', 'es', 'e', 's'];

/**
 * A light English suffix stripper (repeated until nothing changes, stems of at least three
 * letters kept): enough for "invests" / "investor" / "investing" or "raise" / "raising" to meet,
 * not a full stemmer.
 */
export const stem = (word: string): string => {
  let w = word;
  for (;;) {
    if (w.length <= 3 || /\d/.test(w)) return w;
    if (w.endsWith('ies') && w.length > 4) {
      w = `${w.slice(0, -3)}y`;
      continue;
    }
    let changed = false;
    for (const suffix of SUFFIXES) {
      if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
      if (suffix === 's' && /(ss|us|is)$/.test(w)) break;
      w = w.slice(0, -suffix.length);
      changed = true;
      break;
    }
    if (!changed) break;
  }
  return w;
};

/** The content words of a phrase: folded, stop-words and one-letter words removed. */
export const contentWords = (text: string): string[] =>
  words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w));

const nonEmpty = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

const locationKeyOf = (location: string | null): string | null => {
  if (!location) return null;
  const first = location.split(',')[0] ?? location;
  const key = fold(first).trim();
  return key || null;
};

interface Vocabulary {
  readonly termOf: Map<string, number>;
  readonly terms: string[];
  readonly display: string[];
}

const termIdsOf = (vocabulary: Vocabulary, text: string): number[] => {
  const ids = new Set<number>();
  for (const word of contentWords(text)) {
    const term = stem(word);
    let id = vocabulary.termOf.get(term);
    if (id === undefined) {
      id = vocabulary.terms.length;
      vocabulary.terms.push(term);
      vocabulary.display.push(word);
      vocabulary.termOf.set(term, id);
    }
    ids.add(id);
  }
  return [...ids];
};

const buildPostings = (termCount: number, lists: ReadonlyArray<ArrayLike<number>>) => {
  // lists[person] = the person's term ids for this role (unique).
  const offsets = new Int32Array(termCount + 1);
  for (const list of lists) for (let k = 0; k < list.length; k++) offsets[list[k]! + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, termCount);
  const people = new Int32Array(offsets[termCount]!);
  for (const [person, list] of lists.entries())
    for (let k = 0; k < list.length; k++) people[cursor[list[k]!]!++] = person;
  return { offsets, people } satisfies TermPostings;
};

/** Builds `EngineModel.facts` (see there) from term lists and per-person integer fields. */
const packFacts = (
  askTerms: readonly Int32Array[],
  offerTerms: readonly Int32Array[],
  [circle, organization, industry, place]: readonly Int32Array[],
): Int32Array => {
  const n = askTerms.length;
  const facts = new Int32Array(n * FACT_STRIDE);
  const setBits = (at: number, terms: Int32Array): void => {
    for (const t of terms) {
      const bit = (Math.imul(t + 1, 0x9e3779b1) >>> 26) & 63;
      facts[at + (bit >> 5)]! |= 1 << (bit & 31);
    }
  };
  for (let i = 0; i < n; i++) {
    const at = i * FACT_STRIDE;
    setBits(at + FACT.ask0, askTerms[i]!);
    setBits(at + FACT.offer0, offerTerms[i]!);
    facts[at + FACT.circle] = circle![i]!;
    facts[at + FACT.organization] = organization![i]!;
    facts[at + FACT.industry] = industry![i]!;
    facts[at + FACT.place] = place![i]!;
  }
  return facts;
};

const uniqueSorted = (ids: Iterable<number>): Int32Array => {
  const out = Int32Array.from(new Set(ids));
  out.sort();
  return out;
};

/** Circle names by circle id, blank ones as none. */
const circleNamesOf = (names: ModelInput['circleNames']): Array<string | null> =>
  (names ?? []).map((name) => nonEmpty(name ?? null));

/** The keys of the pairs who already met, people outside 0..n-1 and self-pairs left out. */
const metSet = (n: number, pairs: Iterable<readonly [number, number]> | undefined): Set<number> => {
  const inRange = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
  const met = new Set<number>();
  for (const [a, b] of pairs ?? []) if (inRange(a) && inRange(b) && a !== b) met.add(pairKey(a, b));
  return met;
};

/**
 * Builds the model. Profiles beyond the graph are ignored; people without a profile get an
 * empty one named by their id. Out-of-range met pairs and goals are ignored.
 */
export const buildModel = (input: ModelInput): EngineModel => {
  const { graph } = input;
  const n = graph.n;
  const vocabulary: Vocabulary = { termOf: new Map(), terms: [], display: [] };

  // Phase 1: term ids per distinct phrase (people share many phrases: tags, templates).
  const phraseIds = new Map<string, Int32Array>();
  const raw = (texts: readonly string[] | undefined): Array<[string, Int32Array]> => {
    const out: Array<[string, Int32Array]> = [];
    for (const typed of texts ?? []) {
      const text = typed.trim();
      if (text.length === 0) continue;
      let ids = phraseIds.get(text);
      if (!ids) {
        ids = uniqueSorted(termIdsOf(vocabulary, text));
        phraseIds.set(text, ids);
      }
      out.push([text, ids]);
    }
    return out;
  };
  const rawPeople = Array.from({ length: n }, (_, i) => {
    const p = input.profiles[i];
    return {
      name: nonEmpty(p?.name) ?? graph.ids[i] ?? `#${i}`,
      asks: raw(p?.asks),
      offers: raw(p?.offers),
      interests: raw(p?.interests),
      tags: raw(p?.tags),
      organization: nonEmpty(p?.organization),
      industry: nonEmpty(p?.industry),
      location: nonEmpty(p?.location),
    };
  });

  // Phase 2: document frequency per person and idf.
  const termCount = vocabulary.terms.length;
  const df = new Int32Array(termCount);
  let documents = 0;
  const seen = new Int32Array(termCount).fill(-1);
  for (const [i, person] of rawPeople.entries()) {
    let any = false;
    for (const list of [person.asks, person.offers, person.interests, person.tags])
      for (const [, ids] of list)
        for (const t of ids) {
          any = true;
          if (seen[t] === i) continue;
          seen[t] = i;
          df[t]!++;
        }
    if (any) documents++;
  }
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = Math.log(1 + documents / Math.max(1, df[t]!));
  const normOf = (ids: Int32Array): number => {
    let s = 0;
    for (const t of ids) s += idf[t]! * idf[t]!;
    return Math.sqrt(s);
  };
  const phrases = new Map<string, Phrase>();
  const phrase = ([text, terms]: [string, Int32Array]): Phrase => {
    let made = phrases.get(text);
    if (!made) {
      made = { text, label: fold(text).trim(), terms, norm: normOf(terms) };
      phrases.set(text, made);
    }
    return made;
  };
  const union = (lists: ReadonlyArray<ReadonlyArray<[string, Int32Array]>>): Int32Array => {
    let count = 0;
    for (const list of lists) for (const [, ids] of list) count += ids.length;
    const all = new Int32Array(count);
    let k = 0;
    for (const list of lists) for (const [, ids] of list) for (const t of ids) all[k++] = t;
    all.sort();
    let out = 0;
    for (let r = 0; r < all.length; r++) if (r === 0 || all[r] !== all[r - 1]) all[out++] = all[r]!;
    return all.slice(0, out);
  };

  // Phase 3: prepared profiles and the inverted index.
  const askTerms: Int32Array[] = [];
  const offerTerms: Int32Array[] = [];
  const profiles: ProfileTerms[] = rawPeople.map((person) => {
    const groundTerms = union([person.interests, person.tags]);
    askTerms.push(union([person.asks]));
    offerTerms.push(union([person.offers]));
    return {
      name: person.name,
      asks: person.asks.map(phrase),
      offers: person.offers.map(phrase),
      interests: person.interests.map(phrase),
      tags: person.tags.map(phrase),
      groundTerms,
      groundNorm: normOf(groundTerms),
      organization: person.organization,
      organizationKey: person.organization ? fold(person.organization).trim() : null,
      industry: person.industry,
      industryKey: person.industry ? fold(person.industry).trim() : null,
      location: person.location,
      locationKey: locationKeyOf(person.location),
    };
  });
  // Each person's terms with the list they open, rarest first (ties: term, then role).
  const personOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    personOffsets[i + 1] =
      personOffsets[i]! +
      askTerms[i]!.length +
      offerTerms[i]!.length +
      profiles[i]!.groundTerms.length;
  const personTerms = new Int32Array(personOffsets[n]!);
  const personRoles = new Uint8Array(personOffsets[n]!);
  const entries: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    entries.length = 0;
    for (const t of askTerms[i]!) entries.push([t, TERM_ROLE.findsOfferers]);
    for (const t of offerTerms[i]!) entries.push([t, TERM_ROLE.findsAskers]);
    for (const t of profiles[i]!.groundTerms) entries.push([t, TERM_ROLE.findsInterested]);
    entries.sort((a, b) => idf[b[0]]! - idf[a[0]]! || a[0] - b[0] || a[1] - b[1]);
    let k = personOffsets[i]!;
    for (const [t, role] of entries) {
      personTerms[k] = t;
      personRoles[k++] = role;
    }
  }
  const intern = (key: (p: ProfileTerms) => string | null): Int32Array => {
    const ids = new Map<string, number>();
    return Int32Array.from(profiles, (p) => {
      const k = key(p);
      if (k === null) return -1;
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
      }
      return id;
    });
  };
  const exchangeNorm = new Float64Array(n);
  const groundNorm = new Float64Array(n);
  for (const [i, p] of profiles.entries()) {
    let sum = 0;
    for (const ph of p.asks) sum += ph.norm * ph.norm;
    for (const ph of p.offers) sum += ph.norm * ph.norm;
    exchangeNorm[i] = Math.sqrt(sum);
    groundNorm[i] = p.groundNorm;
  }
  const index: TermIndex = {
    personOffsets,
    personTerms,
    personRoles,
    terms: vocabulary.terms,
    display: vocabulary.display,
    termOf: vocabulary.termOf,
    idf,
    offerers: buildPostings(termCount, offerTerms),
    askers: buildPostings(termCount, askTerms),
    interested: buildPostings(
      termCount,
      profiles.map((p) => p.groundTerms),
    ),
  };

  // Phase 4: circles, met pairs, goals.
  const communityOf = new Int32Array(n).fill(-1);
  if (input.communityOf)
    for (let i = 0; i < n && i < input.communityOf.length; i++)
      communityOf[i] = input.communityOf[i]! >= 0 ? input.communityOf[i]! : -1;
  const circleNames = circleNamesOf(input.circleNames);
  const inRange = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
  const met = metSet(n, input.metPairs);
  const goals = new Uint8Array(n);
  for (const g of input.goals ?? []) if (inRange(g)) goals[g] = 1;
  const self =
    input.self !== undefined && input.self !== null && inRange(input.self) ? input.self : null;

  const facts = packFacts(askTerms, offerTerms, [
    communityOf,
    intern((p) => p.organizationKey),
    intern((p) => p.industryKey),
    intern((p) => p.locationKey),
  ]);
  const signatureBits = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    for (let w = 0; w < 4; w++)
      for (let v = facts[i * FACT_STRIDE + w]!; v !== 0; v &= v - 1) signatureBits[i]!++;
  return {
    graph,
    n,
    profiles,
    self,
    communityOf,
    circleNames,
    met,
    goals,
    index,
    scanner: createSourceScanner(graph),
    exchangeNorm,
    groundNorm,
    facts,
    signatureBits,
  };
};

/**
 * The model over a patched graph of the same people (ties added, removed or weighed again, and
 * who already met): the profiles' text index and facts, most of a build's time, are kept.
 * Equal to `buildModel` with the new graph and pairs and the same other input.
 */
export const withTiesChanged = (
  model: EngineModel,
  graph: CompactGraph,
  metPairs: Iterable<readonly [number, number]>,
): EngineModel => {
  if (graph.n !== model.n) throw new RangeError('withTiesChanged: the people changed, rebuild');
  return { ...model, graph, met: metSet(model.n, metPairs), scanner: createSourceScanner(graph) };
};

/** The model with the host's new names for its circles; everything else is kept. */
export const withCircleNames = (
  model: EngineModel,
  circleNames: ModelInput['circleNames'],
): EngineModel => ({ ...model, circleNames: circleNamesOf(circleNames) });
