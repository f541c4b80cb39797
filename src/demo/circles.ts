/**
 * Lays out the host's circles: how many, which communities, where, and who belongs to which.
 * Sizes are heavy-tailed (a Pareto draw on each template's weight), so a network has a few big
 * scenes and many small groups, as real address books do.
 */
import { type Rng, randomInt } from '../domain/random';
import {
  CIRCLE_TEMPLATES,
  type CircleTemplate,
  HOST_HOME,
  REPEATABLE,
  TEMPLATE_ORDER,
} from './circle-templates';
import { CITIES, type City, HOST_CITIES } from './places';

export interface CircleInstance {
  readonly index: number;
  readonly template: CircleTemplate;
  readonly name: string;
  /** The tag that names the circle on every member. */
  readonly tag: string;
  readonly city: City;
  /** Person indexes, ascending. */
  readonly members: Int32Array;
}

export interface CircleLayout {
  readonly hostCity: City;
  readonly circles: readonly CircleInstance[];
  /** Primary circle of each person; -1 for the host (person 0). */
  readonly circleOf: Int32Array;
  /** Indexes of the circles the host belongs to (their industry, running club, school…). */
  readonly home: readonly number[];
}

/** Pareto tail exponent of circle sizes: lower is heavier. */
const SIZE_TAIL = 1.2;
const SIZE_SPREAD_CAP = 30;
const MIN_CIRCLE_SIZE = 3;

/** Number of circles for `people`: grows slowly (about 17 at 1k, 45 at 50k). */
export const circleCount = (people: number): number => {
  const others = people - 1;
  if (others <= 0) return 0;
  const wanted = Math.round(3 * people ** 0.25);
  return Math.max(1, Math.min(wanted, Math.floor(others / MIN_CIRCLE_SIZE)));
};

const cityNamed = (name: string): City => {
  const city = CITIES.find((c) => c.name === name);
  if (!city) throw new RangeError(`unknown city ${name}`);
  return city;
};

export const layOutCircles = (rng: Rng, people: number): CircleLayout => {
  const hostCity = cityNamed(HOST_CITIES[randomInt(rng, HOST_CITIES.length)]!);
  const count = circleCount(people);

  // Phase 1: which communities, named and placed.
  const instancesOf = new Map<string, number>();
  const usedNames = new Set<string>();
  const specs: Array<{ template: CircleTemplate; name: string; tag: string; city: City }> = [];
  for (let i = 0; i < count; i++) {
    const key =
      i < TEMPLATE_ORDER.length
        ? TEMPLATE_ORDER[i]!
        : REPEATABLE[(i - TEMPLATE_ORDER.length) % REPEATABLE.length]!;
    const template = CIRCLE_TEMPLATES[key];
    const instance = instancesOf.get(key) ?? 0;
    instancesOf.set(key, instance + 1);
    let city = hostCity;
    let name = template.names[instance % template.names.length]!;
    let tag = instance === 0 ? template.tag : name.toLowerCase();
    if (!template.local && instance > 0) {
      const elsewhere = CITIES.filter((c) => c !== hostCity);
      city = elsewhere[randomInt(rng, elsewhere.length)]!;
      name = `${template.names[0]!} — ${city.name}`;
      tag = `${template.tag} ${city.name.toLowerCase()}`;
    }
    let unique = name;
    for (let k = 2; usedNames.has(unique); k++) unique = `${name} (${k})`;
    if (unique !== name) tag = `${tag} ${unique.slice(name.length + 2, -1)}`;
    usedNames.add(unique);
    specs.push({ template, name: unique, tag, city });
  }

  // Phase 2: heavy-tailed sizes summing to everyone but the host.
  const sizes = circleSizes(
    rng,
    people - 1,
    specs.map((s) => s.template),
  );

  // Phase 3: deal people 1..n-1 to circles in random order, so circles interleave in the list.
  const slots = new Int32Array(Math.max(0, people - 1));
  let at = 0;
  for (const [c, size] of sizes.entries()) {
    slots.fill(c, at, at + size);
    at += size;
  }
  const order = shuffleInPlace(rng, slots);
  const circleOf = new Int32Array(people);
  circleOf[0] = -1;
  const memberLists: number[][] = specs.map(() => []);
  for (let p = 1; p < people; p++) {
    const c = order[p - 1]!;
    circleOf[p] = c;
    memberLists[c]!.push(p);
  }

  const circles = specs.map(
    (spec, index): CircleInstance => ({
      index,
      ...spec,
      members: Int32Array.from(memberLists[index]!),
    }),
  );
  const home = HOST_HOME.map((key) => circles.find((c) => c.template.key === key)?.index).filter(
    (index): index is number => index !== undefined,
  );
  return { hostCity, circles, circleOf, home };
};

/**
 * Sizes proportional to `weight × Pareto draw`, each within the template's bounds (when there
 * are enough people; at least `MIN_CIRCLE_SIZE`, or one), summing exactly to `total`.
 */
const circleSizes = (rng: Rng, total: number, templates: readonly CircleTemplate[]): number[] => {
  const count = templates.length;
  if (count === 0) return [];
  const wanted = templates.map((t) => Math.max(MIN_CIRCLE_SIZE, t.minSize ?? 0));
  const roomy = total >= wanted.reduce((s, x) => s + x, 0);
  const minimums = wanted.map((x) =>
    roomy ? x : total >= MIN_CIRCLE_SIZE * count ? MIN_CIRCLE_SIZE : 1,
  );
  const caps = templates.map((t, c) =>
    Math.max(minimums[c]!, t.maxSize ?? Number.POSITIVE_INFINITY),
  );
  const weights = templates.map(
    (t) => t.weight * Math.min(SIZE_SPREAD_CAP, (1 - rng()) ** (-1 / SIZE_TAIL)),
  );
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const ideal = weights.map((w) => (total * w) / weightSum);
  const sizes = ideal.map((x, c) => Math.min(caps[c]!, Math.max(minimums[c]!, Math.floor(x))));
  let diff = total - sizes.reduce((s, x) => s + x, 0);
  // Hand out (or take back) the rounding difference where it is most (or least) deserved.
  while (diff > 0) {
    let best = -1;
    let bestGap = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < count; c++) {
      if (sizes[c]! >= caps[c]!) continue;
      const gap = ideal[c]! - sizes[c]!;
      if (gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    // The first template (an industry) has no cap, so some circle always has room.
    if (best < 0) best = 0;
    const room = Math.min(diff, caps[best]! - sizes[best]!, Math.max(1, Math.ceil(bestGap)));
    sizes[best] = sizes[best]! + room;
    diff -= room;
  }
  // Minimums pushed the sum over: the largest circles give people back.
  while (diff < 0) {
    let best = 0;
    for (let c = 1; c < count; c++) if (sizes[c]! > sizes[best]!) best = c;
    sizes[best] = sizes[best]! - 1;
    diff++;
  }
  return sizes;
};

/** Fisher–Yates over a typed array, in place. */
export const shuffleInPlace = (rng: Rng, items: Int32Array): Int32Array => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
};
