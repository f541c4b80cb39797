import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphEdge } from './graph';
import { buildModel, type PersonProfile } from './model';
import {
  askClause,
  combine,
  DEFAULTS,
  letterOf,
  listNames,
  offerClause,
  pairValue,
  resolvePairValueOptions,
} from './pair-value';

/**
 * A small workspace: the host (0) knows everyone; Ana (1) is raising a seed round; Ben (2)
 * invests in seed-stage climate companies; both know Carla (3); Ana is in the Sunday running
 * group, Ben among the climate investors. Fillers (5..12) make "climate" and "companies"
 * common words and "seed" a rare one.
 */
const scenario = (
  extra: {
    met?: Array<[number, number]>;
    goals?: number[];
    ties?: Array<[number, number]>;
    profiles?: Record<number, PersonProfile>;
  } = {},
) => {
  const names = ['You', 'Ana', 'Ben', 'Carla', 'Dev'];
  const profiles: PersonProfile[] = [
    { name: 'You' },
    {
      name: 'Ana',
      asks: ['raising a seed round'],
      interests: ['trail running'],
      location: 'Lisbon',
    },
    {
      name: 'Ben',
      offers: ['invests in seed-stage climate companies'],
      interests: ['jazz'],
      location: 'Berlin, Germany',
    },
    { name: 'Carla', interests: ['trail running'] },
    { name: 'Dev', offers: ['advises climate companies on hiring'] },
  ];
  for (let f = 5; f < 13; f++) {
    names.push(`Filler ${f}`);
    profiles.push({ name: `Filler ${f}`, offers: ['builds climate companies'], asks: ['hiring'] });
  }
  for (const [index, profile] of Object.entries(extra.profiles ?? {}))
    profiles[Number(index)] = profile;
  const ids = names.map((_, i) => `p${i}`);
  const pairs: Array<[number, number]> = [[1, 3], [2, 3], [3, 4], ...(extra.ties ?? [])];
  for (let i = 1; i < names.length; i++) pairs.push([0, i]);
  const edges: GraphEdge[] = pairs.map(([a, b]) => ({ a: `p${a}`, b: `p${b}`, weight: 1 }));
  const communityOf = Int32Array.from(names, (_, i) => (i === 2 || i === 4 ? 1 : 0));
  return buildModel({
    graph: buildGraph(ids, edges),
    profiles,
    self: 0,
    communityOf,
    circleNames: ['Sunday running group', 'climate investors'],
    metPairs: extra.met,
    goals: extra.goals,
  });
};

describe('pair value of an ask met by an offer', () => {
  const model = scenario();
  const v = pairValue(model, 1, 2);

  it('says why in one plain sentence', () => {
    expect(v.sentence).toBe(
      'Ana is raising a seed round and Ben invests in seed-stage climate companies; they both know Carla; they are in different circles of yours (Sunday running group, climate investors).',
    );
  });

  it('gives the reasons as structured data', () => {
    expect(v.reasons).toEqual([
      {
        kind: 'ask-offer',
        asker: 1,
        helper: 2,
        ask: 'raising a seed round',
        offer: 'invests in seed-stage climate companies',
        words: ['seed'],
        match: expect.any(Number),
        mutual: false,
      },
      { kind: 'mutual-contacts', people: [3], names: ['Carla'], total: 1 },
      {
        kind: 'different-circles',
        circles: [0, 1],
        names: ['Sunday running group', 'climate investors'],
      },
    ]);
  });

  it('has every part in [0, 1] and a value that is their weighted mean', () => {
    for (const part of Object.values(v.parts)) {
      expect(part).toBeGreaterThanOrEqual(0);
      expect(part).toBeLessThanOrEqual(1);
    }
    expect(v.parts.complementarity).toBeGreaterThan(0.1);
    // Carla has four ties (Ana, Ben, Dev and you): RA = 1/4, the host left out.
    expect(v.parts.warmth).toBeCloseTo(1 - Math.exp(-1 / 4 / DEFAULTS.warmthScale), 12);
    expect(v.parts.novelty).toBe(1);
    expect(v.parts.freshness).toBe(1);
    expect(v.parts.goals).toBe(0);
    expect(v.value).toBeCloseTo(combine(v.parts, DEFAULTS.weights), 12);
  });

  it('is symmetric in value and deterministic', () => {
    const w = pairValue(model, 2, 1);
    expect(w.value).toBe(v.value);
    expect(pairValue(model, 1, 2)).toEqual(v);
  });

  it('weighs a rare shared word above a common one', () => {
    // Dev shares "climate companies" (common) with the fillers' offers, Ben shares "seed" (rare).
    const common = buildModel({
      graph: model.graph,
      profiles: [
        { name: 'You' },
        { name: 'Ana', asks: ['seed investors for climate companies'] },
        { name: 'Ben', offers: ['seed investing'] },
        { name: 'Carla' },
        { name: 'Dev', offers: ['climate companies'] },
        ...Array.from({ length: 8 }, (_, f) => ({
          name: `Filler ${f}`,
          offers: ['climate companies'],
        })),
      ],
    });
    expect(pairValue(common, 1, 2).parts.complementarity).toBeGreaterThan(
      pairValue(common, 1, 4).parts.complementarity,
    );
  });
});

describe('the other parts', () => {
  it('values a pair already tied with warmth 1 and novelty 0', () => {
    const v = pairValue(scenario({ ties: [[1, 2]] }), 1, 2);
    expect(v.parts.warmth).toBe(1);
    expect(v.parts.novelty).toBe(0);
    expect(v.reasons.map((r) => r.kind)).toContain('already-tied');
    expect(v.sentence).toContain('they already know each other');
  });

  it('lowers the value of a pair who already sat together at your table', () => {
    const fresh = pairValue(scenario(), 1, 2);
    const met = pairValue(scenario({ met: [[2, 1]] }), 1, 2);
    expect(met.parts.freshness).toBe(0);
    expect(met.value).toBeLessThan(fresh.value);
    expect(met.sentence).toContain('they have already met at your table');
  });

  it('raises the value of a pair with someone you want to grow closer to', () => {
    const plain = pairValue(scenario(), 1, 2);
    const goal = pairValue(scenario({ goals: [2] }), 1, 2);
    expect(goal.parts.goals).toBe(0.5);
    expect(goal.value).toBeGreaterThan(plain.value);
    expect(goal.reasons).toContainEqual({ kind: 'host-goal', people: [2] });
    expect(goal.sentence).toContain('you want to grow closer to Ben');
  });

  it('scores bridging two circles above closing a triangle inside one', () => {
    const model = scenario();
    // Ana (circle 0) with a filler of her circle, and with Dev (circle 1); none of them tied.
    const inside = pairValue(model, 1, 5);
    const across = pairValue(model, 1, 4);
    expect(across.parts.novelty).toBe(1);
    expect(inside.parts.novelty).toBe(DEFAULTS.sameCircleNovelty);
    expect(inside.sentence).toBe('They are in the same circle of yours (Sunday running group).');
  });

  it('finds common ground in interests, organisation, industry and place', () => {
    const model = scenario({
      profiles: {
        1: {
          name: 'Ana',
          interests: ['Trail running'],
          organization: 'Acme',
          industry: 'Energy',
          location: 'Berlin',
        },
        2: {
          name: 'Ben',
          interests: ['trail running', 'jazz'],
          organization: 'ACME',
          industry: 'energy',
          location: 'Berlin, Germany',
        },
      },
    });
    const v = pairValue(model, 1, 2);
    expect(v.parts.commonGround).toBeGreaterThan(0.8);
    expect(v.reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining([
        'shared-interests',
        'same-organization',
        'same-industry',
        'same-place',
      ]),
    );
    expect(v.sentence).toMatch(/^They share Trail running; /);
    expect(v.sentence).toContain('both are at Acme');
  });

  it('takes weight overrides per call, and a value of 0 when every weight is 0', () => {
    const model = scenario();
    const base = pairValue(model, 1, 2);
    const noAsks = pairValue(model, 1, 2, { weights: { complementarity: 0 } });
    expect(noAsks.value).not.toBe(base.value);
    expect(noAsks.parts).toEqual(base.parts);
    const zero = pairValue(model, 1, 2, {
      weights: {
        complementarity: 0,
        commonGround: 0,
        warmth: 0,
        novelty: 0,
        freshness: 0,
        goals: 0,
      },
    });
    expect(zero.value).toBe(0);
    expect(resolvePairValueOptions({ warmthScale: 2 }).weights).toEqual(DEFAULTS.weights);
  });
});

describe('bad input', () => {
  it('answers a pair of one person or an unknown person with value 0 and a sentence', () => {
    const model = scenario();
    expect(pairValue(model, 1, 1)).toMatchObject({ value: 0, reasons: [] });
    expect(pairValue(model, 1, 1).sentence).toContain('same person');
    expect(pairValue(model, 1, 99)).toMatchObject({ value: 0, sentence: 'Unknown person.' });
    expect(pairValue(model, -1, 2).value).toBe(0);
  });

  it('never gives NaN for people with no profile, no ties and no circles', () => {
    const model = buildModel({ graph: buildGraph(['a', 'b'], []), profiles: [] });
    const v = pairValue(model, 0, 1);
    expect(Number.isNaN(v.value)).toBe(false);
    for (const part of Object.values(v.parts)) expect(Number.isNaN(part)).toBe(false);
    expect(v.sentence).toBe('Nothing recorded connects them yet.');
  });
});

describe('the words of the sentence', () => {
  it('reads asks as the host would say them', () => {
    expect(askClause('Ana', 'raising a seed round')).toBe('Ana is raising a seed round');
    expect(askClause('Ana', 'Needs a CTO')).toBe('Ana needs a CTO');
    expect(askClause('Ana', 'seed funding')).toBe('Ana is looking for seed funding');
    expect(askClause('Ana', 'CTO for a fintech')).toBe('Ana is looking for CTO for a fintech');
  });

  it('reads offers as the host would say them', () => {
    expect(offerClause('Ben', 'invests in seed-stage climate companies')).toBe(
      'Ben invests in seed-stage climate companies',
    );
    expect(offerClause('Ben', 'angel investor in fintech')).toBe(
      'Ben is an angel investor in fintech',
    );
    expect(offerClause('Ben', 'a lawyer for startups')).toBe('Ben is a lawyer for startups');
    expect(offerClause('Ben', 'legal advice')).toBe('Ben offers legal advice');
    expect(offerClause('Ben', 'mentoring founders')).toBe('Ben is mentoring founders');
    expect(offerClause('Ben', 'Translates German legal documents')).toBe(
      'Ben translates German legal documents',
    );
  });

  it('says once what two people both look for and offer, not twice in mirror image', () => {
    const spanish = { asks: ['Tennis partners'], offers: ['tennis partners'] };
    const model = scenario({
      profiles: { 1: { name: 'Ana', ...spanish }, 2: { name: 'Ben', ...spanish } },
    });
    const pair = pairValue(model, 1, 2);
    expect(pair.reasons.filter((r) => r.kind === 'ask-offer')).toHaveLength(1);
    expect(pair.sentence).toMatch(/^Ana and Ben both look for and offer tennis partners; /);
    expect(pair.sentence.match(/tennis/gi)).toHaveLength(1);
  });

  it('writes the reasons to the two people for an introduction email, without circles of yours', () => {
    const model = scenario();
    const pair = pairValue(model, 1, 2);
    expect(pair.sentence).toContain('they are in different circles of yours');
    const letter = letterOf(model, pair.reasons);
    expect(letter).toMatch(/^Ana is raising a seed round and Ben invests in /);
    expect(letter).toContain('you both know Carla');
    expect(letter).toContain('you move in different circles of mine');
    expect(letter).not.toMatch(/yours|they /);
  });

  it('lists names with "and" and the rest as "others"', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['Carla'])).toBe('Carla');
    expect(listNames(['Carla', 'Dev'])).toBe('Carla and Dev');
    expect(listNames(['Carla', 'Dev', 'Eli'])).toBe('Carla, Dev and Eli');
    expect(listNames(['Carla', 'Dev'], 3)).toBe('Carla, Dev and 1 other');
    expect(listNames(['Carla', 'Dev', 'Eli'], 7)).toBe('Carla, Dev, Eli and 4 others');
  });
});
