import { isValidPhoneNumber } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { MOMENT_CONTEXTS, MOMENT_KINDS } from '../domain/moment';
import { fold, isEmail } from '../domain/text';
import { COMPLEMENT_PAIRS } from './complements';
import { DEMO_DEFAULTS, type DemoNetwork, generateNetwork } from './generate';

const network = generateNetwork();
const { people, ties, moments, plan } = network;
const n = people.length;

const degreesOf = (net: DemoNetwork): Int32Array => {
  const degree = new Int32Array(net.people.length);
  for (const tie of net.ties) {
    degree[tie.a]!++;
    degree[tie.b]!++;
  }
  return degree;
};
const degree = degreesOf(network);

const median = (values: ArrayLike<number>): number => {
  const sorted = Array.from(values).sort((x, y) => x - y);
  return sorted[sorted.length >> 1] ?? 0;
};

const twoYearsBefore = (today: string): string => {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 730);
  return day.toISOString().slice(0, 10);
};

/**
 * What a loader deriving ties from moments (`tiesFromMoment`) would find wrong: engaged
 * attendees not tied to the host or to each other, a met-new tie that starts on another day,
 * someone met new twice, a reconnection with someone the host did not know before.
 */
const momentProblems = (net: DemoNetwork): string[] => {
  const size = net.people.length;
  const tieOf = new Map(net.ties.map((t) => [t.a * size + t.b, t]));
  const tie = (x: number, y: number) => tieOf.get(Math.min(x, y) * size + Math.max(x, y));
  const metNew = new Set<number>();
  const problems: string[] = [];
  for (const m of net.moments) {
    const persons = m.attendees.map((a) => a.person);
    if (persons.length < 2 || persons.length > 30 || new Set(persons).size < persons.length) {
      problems.push(`${m.title}: attendees ${persons.join(',')}`);
    }
    const engaged = m.attendees.filter((a) => a.mark !== 'present').map((a) => a.person);
    for (const a of m.attendees) {
      if (a.mark === 'present') continue;
      const host = tie(0, a.person);
      if (!host) problems.push(`${m.title}: ${a.person} is not tied to the host`);
      else if (a.mark === 'met_new' && (host.since !== m.occurredOn || metNew.has(a.person))) {
        problems.push(`${m.title}: ${a.person} met new, but the tie starts ${host.since}`);
      } else if (a.mark === 'reconnected' && host.since >= m.occurredOn) {
        problems.push(`${m.title}: reconnected with ${a.person}, known only since ${host.since}`);
      }
      if (a.mark === 'met_new') metNew.add(a.person);
    }
    for (const [i, x] of engaged.entries()) {
      for (const y of engaged.slice(i + 1)) {
        const t = tie(x, y);
        if (!t || t.since > m.occurredOn) problems.push(`${m.title}: ${x} and ${y} are not tied`);
      }
    }
  }
  return problems;
};

describe('generateNetwork', () => {
  it('gives a deep-equal network for the same options', () => {
    const options = { people: 800, ties: 4000, seed: 7 };
    expect(generateNetwork(options)).toEqual(generateNetwork(options));
  });

  it('gives a different network for a different seed', () => {
    const other = generateNetwork({ seed: 2 });
    expect(other.people.map((p) => p.displayName)).not.toEqual(people.map((p) => p.displayName));
    expect(other.ties.slice(0, 50)).not.toEqual(ties.slice(0, 50));
  });

  it('keeps the same people and circles when only the number of ties changes', () => {
    const sparser = generateNetwork({ ties: 3000 });
    expect(sparser.people).toEqual(people);
    expect(sparser.plan).toEqual(plan);
    expect(sparser.ties).toHaveLength(3000);
  });

  it('plants exactly the ties asked for: each pair once, a < b, strength 1–5, since before today', () => {
    expect(ties).toHaveLength(DEMO_DEFAULTS.ties);
    const seen = new Set<number>();
    for (const { a, b, strength, since } of ties) {
      expect(Number.isInteger(a) && a >= 0 && a < b && b < n).toBe(true);
      seen.add(a * n + b);
      expect(strength >= 1 && strength <= 5).toBe(true);
      expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(since < DEMO_DEFAULTS.today).toBe(true);
    }
    expect(seen.size).toBe(ties.length);
  });

  it('clamps the ties to every possible pair when there are too few people', () => {
    const tiny = generateNetwork({ people: 6, ties: 100 });
    expect(tiny.ties).toHaveLength(15);
    expect(generateNetwork({ people: 2, ties: 5 }).ties).toEqual([
      expect.objectContaining({ a: 0, b: 1 }),
    ]);
    const alone = generateNetwork({ people: 1 });
    expect(alone.people).toHaveLength(1);
    expect(alone.ties).toEqual([]);
    expect(alone.moments).toEqual([]);
    expect(alone.plan.circles).toEqual([]);
    expect(Array.from(alone.plan.circleOf)).toEqual([-1]);
  });

  it('makes person 0 the host, outside every circle, tied to a few hundred people', () => {
    expect(plan.circleOf[0]).toBe(-1);
    expect(degree[0]).toBeGreaterThanOrEqual(100);
    expect(degree[0]).toBeLessThanOrEqual(400);
  });

  it('records each person’s primary circle truthfully in circleOf and the member lists', () => {
    const counted = new Int32Array(n);
    for (const [c, circle] of plan.circles.entries()) {
      expect(circle.members).toEqual([...circle.members].sort((x, y) => x - y));
      for (const person of circle.members) {
        expect(plan.circleOf[person]).toBe(c);
        counted[person]!++;
      }
    }
    expect(counted[0]).toBe(0);
    expect(Array.from(counted.subarray(1)).every((k) => k === 1)).toBe(true);
  });

  it('lays out industries and everyday communities of heavy-tailed size', () => {
    const kinds = new Set(plan.circles.map((c) => c.kind));
    for (const kind of ['industry', 'running', 'congregation', 'school', 'charity_board']) {
      expect(kinds).toContain(kind);
    }
    const sizes = plan.circles.map((c) => c.members.length);
    expect(Math.max(...sizes)).toBeGreaterThan(4 * median(sizes));
  });

  it('plants about 1% brokers, each tied into three other circles with a degree far above the median', () => {
    expect(plan.brokers.length).toBeGreaterThanOrEqual(3);
    expect(plan.brokers.length).toBe(Math.round(n / 100));
    const typical = median(degree);
    for (const broker of plan.brokers) {
      const own = plan.circleOf[broker];
      const reached = new Set<number>();
      for (const { a, b } of ties) {
        const other = a === broker ? b : b === broker ? a : -1;
        if (other > 0 && plan.circleOf[other] !== own) reached.add(plan.circleOf[other]!);
      }
      expect(reached.size).toBeGreaterThanOrEqual(3);
      expect(degree[broker]).toBeGreaterThan(4 * typical);
    }
  });

  it('ties people far more densely inside their circle than across circles', () => {
    let inside = 0;
    let across = 0;
    for (const { a, b } of ties) {
      if (a === 0) continue;
      if (plan.circleOf[a] === plan.circleOf[b]) inside++;
      else across++;
    }
    const insidePairs = plan.circles.reduce(
      (s, c) => s + (c.members.length * (c.members.length - 1)) / 2,
      0,
    );
    const allPairs = ((n - 1) * (n - 2)) / 2;
    const ratio = inside / insidePairs / (across / (allPairs - insidePairs));
    expect(ratio).toBeGreaterThan(10);
  });

  it('grows ties inside a circle by preferential attachment: a few members hold many', () => {
    const largest = plan.circles.reduce((x, y) => (y.members.length > x.members.length ? y : x));
    const c = plan.circles.indexOf(largest);
    const inside = new Int32Array(n);
    for (const { a, b } of ties) {
      if (plan.circleOf[a] === c && plan.circleOf[b] === c) {
        inside[a]!++;
        inside[b]!++;
      }
    }
    const degrees = largest.members.map((m) => inside[m]!);
    expect(Math.max(...degrees)).toBeGreaterThan(5 * median(degrees));
  });

  it('gives everyone a unique email on a reserved .example domain and E.164 mobile numbers', () => {
    const emails = people.flatMap((p) => p.emails);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(isEmail(email)).toBe(true);
      expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
    }
    const phones = people.flatMap((p) => p.phones);
    expect(phones.length).toBeGreaterThan(0.8 * n);
    for (const phone of phones) {
      expect(phone).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(isValidPhoneNumber(phone), phone).toBe(true);
    }
  });

  it('draws names from many cultures, with diacritics that fold to plain letters', () => {
    const many = generateNetwork({ people: 5000, ties: 0 }).people;
    const accented = many.filter((p) => /[\u0080-\uffff]/.test(p.displayName));
    expect(accented.length).toBeGreaterThan(0.15 * many.length);
    for (const p of many) expect(fold(p.displayName)).toMatch(/^[a-z' -]+$/);
    const folded = new Set(many.map((p) => fold(p.givenName)));
    for (const name of ['jurgen', 'zoe', 'jose', 'lucja', 'soren', 'siobhan']) {
      expect(folded).toContain(name);
    }
  });

  it('tags every member of a circle with the tag that names it', () => {
    for (const circle of plan.circles) {
      const [first, ...rest] = circle.members;
      const shared = people[first!]!.tags.filter((tag) =>
        rest.every((m) => people[m]!.tags.includes(tag)),
      );
      expect(shared, circle.name).not.toEqual([]);
    }
  });

  it('gives industry members the organisations and titles of their trade', () => {
    for (const circle of plan.circles.filter((c) => c.kind === 'industry')) {
      const organizations = new Set(circle.members.map((m) => people[m]!.organization));
      expect(organizations.has(null)).toBe(false);
      expect(organizations.size).toBeLessThanOrEqual(7);
    }
  });

  it('hands out asks and offers from one vocabulary that complement each other across circles', () => {
    const asks = new Map(COMPLEMENT_PAIRS.map((pair, i) => [pair.ask, i]));
    const offers = new Map(COMPLEMENT_PAIRS.map((pair, i) => [pair.offer, i]));
    const askers = COMPLEMENT_PAIRS.map(() => new Set<number>());
    const offerers = COMPLEMENT_PAIRS.map(() => new Set<number>());
    for (const [i, p] of people.entries()) {
      for (const ask of p.asks)
        askers[asks.get(ask) ?? -1]?.add(i) ?? expect.fail(`unknown ask ${ask}`);
      for (const offer of p.offers) {
        offerers[offers.get(offer) ?? -1]?.add(i) ?? expect.fail(`unknown offer ${offer}`);
      }
    }
    const matched = COMPLEMENT_PAIRS.map((_, k) => k).filter(
      (k) => askers[k]!.size > 0 && offerers[k]!.size > 0,
    );
    expect(COMPLEMENT_PAIRS.length).toBeGreaterThanOrEqual(30);
    expect(matched.length).toBeGreaterThanOrEqual(30);
    const acrossCircles = matched.filter((k) => {
      const askerCircles = new Set([...askers[k]!].map((i) => plan.circleOf[i]));
      return [...offerers[k]!].some((i) => !askerCircles.has(plan.circleOf[i]!));
    });
    expect(acrossCircles.length).toBeGreaterThan(0.8 * matched.length);
  });

  it('logs about one moment per ten people, in every context and kind, over the two years before today', () => {
    expect(moments).toHaveLength(n / 10);
    expect(new Set(moments.map((m) => m.context))).toEqual(new Set(MOMENT_CONTEXTS));
    expect(new Set(moments.map((m) => m.kind))).toEqual(new Set(MOMENT_KINDS));
    const from = twoYearsBefore(DEMO_DEFAULTS.today);
    for (const m of moments) {
      expect(m.occurredOn >= from && m.occurredOn < DEMO_DEFAULTS.today).toBe(true);
      expect(m.title.length).toBeGreaterThan(3);
    }
    expect(moments.map((m) => m.occurredOn)).toEqual(moments.map((m) => m.occurredOn).sort());
  });

  it('fills each moment with 2–30 distinct people, never the host, mostly from one circle', () => {
    let shareSum = 0;
    let outside = 0;
    for (const m of moments) {
      const persons = m.attendees.map((a) => a.person);
      expect(persons.length >= 2 && persons.length <= 30, m.title).toBe(true);
      expect(new Set(persons).size).toBe(persons.length);
      expect(persons).not.toContain(0);
      if (m.context === 'hosted') continue;
      const counts = new Map<number, number>();
      for (const p of persons)
        counts.set(plan.circleOf[p]!, (counts.get(plan.circleOf[p]!) ?? 0) + 1);
      shareSum += Math.max(...counts.values()) / persons.length;
      outside++;
    }
    expect(shareSum / outside).toBeGreaterThan(0.6);
  });

  it('agrees with the ties: engaged attendees know the host and each other, met-new ties start that day', () => {
    expect(momentProblems(network)).toEqual([]);
    const marks = { met_new: 0, reconnected: 0, present: 0 };
    for (const m of moments) for (const a of m.attendees) marks[a.mark]++;
    expect(marks.met_new).toBeGreaterThan(0);
    expect(marks.reconnected).toBeGreaterThan(marks.met_new);
    expect(marks.present).toBeGreaterThan(0);
  });

  it('keeps every promise for tiny, sparse and dense networks', () => {
    const cases: ReadonlyArray<readonly [people: number, ties: number]> = [
      [3, 1],
      [4, 6],
      [9, 0],
      [12, 40],
      [30, 435],
      [60, 200],
      [150, 5000],
    ];
    for (const [people, wanted] of cases) {
      const net = generateNetwork({ people, ties: wanted, seed: people });
      const label = `${people} people, ${wanted} ties`;
      expect(net.ties, label).toHaveLength(Math.min(wanted, (people * (people - 1)) / 2));
      expect(new Set(net.ties.map((t) => t.a * people + t.b)).size, label).toBe(net.ties.length);
      expect(
        net.ties.every((t) => t.a < t.b && t.b < people),
        label,
      ).toBe(true);
      expect(momentProblems(net), label).toEqual([]);
    }
  });

  it('generates 50,000 people and a million ties in seconds', () => {
    const started = performance.now();
    const big = generateNetwork({ people: 50_000, ties: 1_000_000 });
    const seconds = (performance.now() - started) / 1000;
    // The target is < 3 s on a quiet machine; the bound here leaves room for a busy CI box.
    expect(seconds).toBeLessThan(15);
    expect(big.ties).toHaveLength(1_000_000);
    const keys = new Set<number>();
    for (const { a, b } of big.ties) if (a < b) keys.add(a * 50_000 + b);
    expect(keys.size).toBe(1_000_000);
    expect(big.moments).toHaveLength(5000);
    expect(big.plan.brokers).toHaveLength(500);
  });

  it('rejects options out of range with invalid_input', () => {
    for (const bad of [{ people: 0 }, { people: 1.5 }, { ties: -1 }, { today: '2026-02-30' }]) {
      let error: unknown;
      try {
        generateNetwork(bad);
      } catch (caught) {
        error = caught;
      }
      expect(isDomainError(error) && error.code, JSON.stringify(bad)).toBe('invalid_input');
    }
  });
});
