/**
 * The people of the demo network: names from many cultures, unique emails on reserved
 * `.example` domains (nothing the outbox could ever reach), E.164 mobiles, organisations and
 * titles that fit their circle, tags that name it, interests, and asks and offers drawn from
 * the shared complement vocabulary.
 */
import { pick, type Rng, randomInt } from '../domain/random';
import { fold, words } from '../domain/text';
import {
  CIRCLE_TEMPLATES,
  DAY_JOBS,
  GENERAL_INTERESTS,
  type TemplateKey,
} from './circle-templates';
import type { CircleInstance, CircleLayout } from './circles';
import { COMPLEMENT_PAIRS } from './complements';
import { NAME_CULTURES, type NameCulture } from './names';
import type { DemoPerson } from './network';
import { CITIES, type City, cityLabel, mobileNumber } from './places';
import type { BrokerReach } from './ties';

/** The host's own trade: they are a climate tech founder (the first of `HOST_HOME`). */
const HOME_TEMPLATE: TemplateKey = 'climate-founders';
const PERSONAL_DOMAINS = ['mail.example', 'post.example', 'inbox.example', 'letterbox.example'];
const ORG_STOP_WORDS = new Set(['the', 'and', 'co', 'llp', 'of', 'at', 'st']);

const NOTES: ReadonlyArray<(person: { interest: string; city: string }) => string> = [
  ({ interest }) => `Loves ${interest}; ask about it next time.`,
  () => 'Prefers coffee to lunch.',
  () => 'Vegetarian.',
  () => 'Two kids; the eldest plays football.',
  ({ city }) => `Moving to ${city} next spring.`,
  () => 'Met through a friend of a friend.',
  () => 'Always up for an early run.',
  () => 'Speaks four languages.',
  ({ interest }) => `Send them the article on ${interest}.`,
  () => 'Generous with introductions.',
  () => 'Hates small talk; likes a clear agenda.',
];

/** Letters and digits of the folded text: "Ó Briain" → "obriain". */
const slug = (text: string): string => fold(text).replace(/[^a-z0-9]+/g, '');

/** The asks and the offers open to members of each circle template. */
interface PhraseIndex {
  readonly asks: ReadonlyMap<TemplateKey, readonly string[]>;
  readonly offers: ReadonlyMap<TemplateKey, readonly string[]>;
}

const indexPhrases = (): PhraseIndex => {
  const asks = new Map<TemplateKey, string[]>();
  const offers = new Map<TemplateKey, string[]>();
  for (const pair of COMPLEMENT_PAIRS) {
    for (const key of pair.askers) asks.set(key, [...(asks.get(key) ?? []), pair.ask]);
    for (const key of pair.offerers) offers.set(key, [...(offers.get(key) ?? []), pair.offer]);
  }
  return { asks, offers };
};

/** Up to `count` distinct items of `items`. */
const sample = <T>(rng: Rng, items: readonly T[], count: number): T[] => {
  const out: T[] = [];
  for (let tries = 0; out.length < Math.min(count, items.length) && tries < 4 * count; tries++) {
    const item = pick(rng, items);
    if (!out.includes(item)) out.push(item);
  }
  return out;
};

/**
 * A copy with no spare capacity. An array grown by `push` keeps room for 17 items; 50,000
 * people with six such lists each would hold ~50 MB of empty slots and slow every collection.
 */
const exact = <T>(items: T[]): T[] => (items.length === 0 ? [] : items.slice());

/** 0, 1 or 2 with the given cumulative cut-offs. */
const howMany = (rng: Rng, none: number, one: number): number => {
  const r = rng();
  return r < none ? 0 : r < one ? 1 : 2;
};

export const generatePeople = (
  rng: Rng,
  layout: CircleLayout,
  brokers: readonly BrokerReach[],
): DemoPerson[] => {
  const { circles, circleOf, hostCity, home } = layout;
  const people = circleOf.length;
  const phrases = indexPhrases();
  const cultureWeights: number[] = [];
  let acc = 0;
  for (const culture of NAME_CULTURES) {
    acc += culture.weight;
    cultureWeights.push(acc);
  }
  const drawCulture = (): NameCulture => {
    const x = rng() * acc;
    return NAME_CULTURES[cultureWeights.findIndex((w) => w > x)] ?? NAME_CULTURES[0]!;
  };
  const reachOf = new Map(brokers.map((b) => [b.person, b.circles]));
  // The host asks and offers what their own circles do.
  const homeKeys = home.map((c) => circles[c]!.template.key);
  const hostAsks = homeKeys.flatMap((key) => phrases.asks.get(key) ?? []);
  const hostOffers = homeKeys.flatMap((key) => phrases.offers.get(key) ?? []);
  const labels = new Map(CITIES.map((c) => [c, cityLabel(c)]));
  // Addresses are counted by a numeric key of (given slug, family slug, domain): cheaper than
  // hashing 100,000 fresh strings. Ids are interned; the spans bound them, so keys never clash.
  const interned = new Map<string, number>();
  const intern = (text: string): number => {
    let id = interned.get(text);
    if (id === undefined) {
      id = interned.size;
      interned.set(text, id);
    }
    return id;
  };
  const span =
    NAME_CULTURES.reduce((sum, c) => sum + c.given.length + c.family.length, 0) +
    PERSONAL_DOMAINS.length +
    Object.values(CIRCLE_TEMPLATES).reduce((sum, t) => sum + t.organizations.length, 0) +
    DAY_JOBS.length +
    2;
  const emailsTaken = new Map<number, number>();
  const orgDomains = new Map<string, string>();
  // Names repeat across thousands of people: fold each spelling once.
  const slugs = new Map<string, string>();
  const slugOf = (name: string): string => {
    let folded = slugs.get(name);
    if (folded === undefined) {
      folded = slug(name);
      slugs.set(name, folded);
    }
    return folded;
  };

  /**
   * `given.family@domain`, numbered when taken ("ana.lopez2@mail.example"). Slugs are letters
   * only, so a numbered address never equals anyone's plain one.
   */
  const uniqueEmail = (given: string, family: string, domain: string): string => {
    const key = (intern(given) * span + intern(family)) * span + intern(domain);
    const taken = emailsTaken.get(key) ?? 0;
    emailsTaken.set(key, taken + 1);
    return `${given}.${family}${taken === 0 ? '' : taken + 1}@${domain}`;
  };
  const domainOf = (organization: string): string => {
    let domain = orgDomains.get(organization);
    if (domain === undefined) {
      const parts = words(organization).filter((w) => w.length > 1 && !ORG_STOP_WORDS.has(w));
      domain = `${parts.slice(0, 2).join('-') || 'company'}.example`;
      orgDomains.set(organization, domain);
    }
    return domain;
  };

  const person = (index: number): DemoPerson => {
    const circle: CircleInstance | undefined = circles[circleOf[index]!];
    const template = circle?.template ?? CIRCLE_TEMPLATES[HOME_TEMPLATE];
    const culture = drawCulture();
    const givenName = pick(rng, culture.given);
    // One in ten carries a family name from another culture (marriage, migration).
    const familyName = pick(rng, rng() < 0.1 ? drawCulture().family : culture.family);
    const city: City = index === 0 || rng() < 0.85 ? (circle?.city ?? hostCity) : pick(rng, CITIES);

    let organization: string | null = null;
    let title: string | null = null;
    if (template.organizations.length > 0) {
      organization = pick(rng, template.organizations);
      title = rng() < 0.95 ? pick(rng, template.titles) : null;
    } else if (rng() < 0.8) {
      [title, organization] = pick(rng, DAY_JOBS);
    }

    const given = slugOf(givenName) || 'someone';
    const family = slugOf(familyName) || 'person';
    const emails = [uniqueEmail(given, family, pick(rng, PERSONAL_DOMAINS))];
    if (organization !== null && rng() < 0.6) {
      const work = uniqueEmail(given, family, domainOf(organization));
      if (template.kind === 'industry' && rng() < 0.5) emails.unshift(work);
      else emails.push(work);
    }
    const phoneCount = howMany(rng, 0.08, 0.95);
    const phones: string[] = [];
    for (let i = 0; i < phoneCount; i++) phones.push(mobileNumber(rng, i === 0 ? city : hostCity));

    const tags: string[] = [];
    if (circle) tags.push(circle.tag);
    if (template.role && rng() < 0.7 && index !== 0) tags.push(template.role);
    const reach = reachOf.get(index);
    if (reach) {
      for (const c of reach.slice(1)) if (rng() < 0.4) tags.push(circles[c]!.tag);
    }

    const interests = sample(rng, template.interests, 1 + randomInt(rng, 2));
    for (const interest of sample(rng, GENERAL_INTERESTS, randomInt(rng, 3))) {
      if (!interests.includes(interest)) interests.push(interest);
    }

    const askPool = index === 0 ? hostAsks : (phrases.asks.get(template.key) ?? []);
    const offerPool = index === 0 ? hostOffers : (phrases.offers.get(template.key) ?? []);
    const asks = sample(rng, askPool, index === 0 ? 2 : howMany(rng, 0.35, 0.8));
    const offers = sample(rng, offerPool, index === 0 ? 2 : howMany(rng, 0.3, 0.8));

    const notes =
      index !== 0 && rng() < 0.12
        ? pick(rng, NOTES)({ interest: interests[0] ?? 'cooking', city: pick(rng, CITIES).name })
        : null;
    let stature: number | null = null;
    if (reach && rng() < 0.5) stature = 4 + randomInt(rng, 2);
    else if (index !== 0 && rng() < 0.08) stature = 1 + randomInt(rng, 3) + randomInt(rng, 3);

    return {
      displayName: `${givenName} ${familyName}`,
      givenName,
      familyName,
      emails: exact(emails),
      phones: exact(phones),
      organization,
      title,
      location: rng() < 0.95 ? (labels.get(city) ?? null) : null,
      tags: exact(tags),
      interests: exact(interests),
      asks: exact(asks),
      offers: exact(offers),
      notes,
      stature,
    };
  };

  const out: DemoPerson[] = [];
  for (let i = 0; i < people; i++) out.push(person(i));
  return out;
};
