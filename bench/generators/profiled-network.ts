/**
 * A seeded network with profiles for the suggestion benchmarks: the ties of
 * `generateSocialGraph` (bench/generators/social-graph.ts) plus, per person, asks, offers,
 * interests, tags, an organisation, an industry and a place. Each circle leans to one topic, so
 * asks in one circle find offers in another ("raising a seed round for a climate startup" /
 * "invests in seed-stage climate companies"), as in a real host's network.
 */
import { createRng, pick, type Rng, randomInt } from '../../src/domain/random';
import type { CompactGraph } from '../../src/engine/graph';
import type { PersonProfile } from '../../src/engine/model';
import { generateSocialGraph } from './social-graph';

const TOPICS = [
  'climate',
  'fintech',
  'healthcare',
  'edtech',
  'logistics',
  'biotech',
  'robotics',
  'agriculture',
  'energy storage',
  'cybersecurity',
  'real estate',
  'media',
  'gaming',
  'retail',
  'mobility',
  'water',
  'insurance',
  'space',
  'fashion',
  'food',
  'legal tech',
  'hr tech',
  'music',
  'tourism',
];

const ROLES = [
  'designer',
  'data engineer',
  'growth marketer',
  'product manager',
  'sales lead',
  'lawyer',
  'accountant',
  'recruiter',
  'copywriter',
  'mobile developer',
];

const ASKS: ReadonlyArray<(topic: string, role: string) => string> = [
  (t) => `raising a seed round for a ${t} startup`,
  (t) => `looking for pilot customers in ${t}`,
  (t) => `needs advice on ${t} regulation`,
  (t) => `looking for a mentor in ${t}`,
  (t, r) => `hiring a ${r} for a ${t} team`,
  (t) => `seeking a co-founder for a ${t} company`,
  (t) => `looking for a board member with ${t} experience`,
];

const OFFERS: ReadonlyArray<(topic: string, role: string) => string> = [
  (t) => `invests in seed-stage ${t} companies`,
  (t) => `can introduce ${t} customers`,
  (t) => `advises on ${t} regulation`,
  (t) => `mentors ${t} founders`,
  (t, r) => `${r} with ${t} experience`,
  (t) => `sits on boards of ${t} companies`,
  (_, r) => `recruits ${r}s`,
];

const INTERESTS = [
  'running',
  'jazz',
  'cooking',
  'chess',
  'climbing',
  'cycling',
  'wine',
  'photography',
  'gardening',
  'sailing',
  'tennis',
  'golf',
  'poetry',
  'film',
  'birdwatching',
  'yoga',
  'board games',
  'pottery',
  'hiking',
  'opera',
];

const CITIES = [
  'Berlin',
  'Lisbon',
  'London',
  'Paris',
  'Madrid',
  'Amsterdam',
  'Copenhagen',
  'Warsaw',
  'Vienna',
  'Zürich',
  'Milan',
  'Dublin',
  'New York',
  'Boston',
  'Austin',
  'Toronto',
  'São Paulo',
  'Lagos',
  'Nairobi',
  'Bangalore',
];

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vi', 'sa', 'del', 'nor', 'qua', 'bel', 'zu'];
const GIVEN = ['Ana', 'Ben', 'Carla', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hiro', 'Inés', 'Jon'];

export interface ProfiledNetworkOptions {
  readonly people: number;
  readonly ties: number;
  readonly seed: number;
  /** Share of people with at least one ask, and with at least one offer. */
  readonly askShare: number;
  readonly offerShare: number;
}

export interface ProfiledNetwork {
  readonly graph: CompactGraph;
  readonly profiles: readonly PersonProfile[];
  /** The planted circle of each person (stands in for detected communities). */
  readonly circle: Int32Array;
  readonly circleNames: readonly string[];
}

const organization = (rng: Rng): string =>
  `${pick(rng, SYLLABLES)}${pick(rng, SYLLABLES)}${pick(rng, SYLLABLES)} ${pick(rng, ['Labs', 'Capital', 'Partners', 'Studio', 'Works'])}`;

/** Generates the network and its profiles, deterministic for a seed. */
export const generateProfiledNetwork = (
  options: Partial<ProfiledNetworkOptions> & Pick<ProfiledNetworkOptions, 'people' | 'ties'>,
): ProfiledNetwork => {
  const o = { seed: 7, askShare: 0.6, offerShare: 0.6, ...options };
  const social = generateSocialGraph({ people: o.people, ties: o.ties, seed: o.seed });
  const rng = createRng(o.seed ^ 0x9e3779b9);
  const circles = social.circle.reduce((max, c) => Math.max(max, c), -1) + 1;
  const circleTopic = Array.from({ length: circles }, () => randomInt(rng, TOPICS.length));
  const circleCity = Array.from({ length: circles }, () => pick(rng, CITIES));
  const organizations = Array.from({ length: Math.max(1, Math.round(o.people / 25)) }, () =>
    organization(rng),
  );
  const profiles: PersonProfile[] = [];
  for (let i = 0; i < o.people; i++) {
    const c = social.circle[i]!;
    // Mostly the circle's topic, sometimes another.
    const topic = (): string => (rng() < 0.7 ? TOPICS[circleTopic[c]!]! : pick(rng, TOPICS));
    const asks: string[] = [];
    const offers: string[] = [];
    if (rng() < o.askShare)
      for (let k = 0; k < 1 + randomInt(rng, 2); k++)
        asks.push(pick(rng, ASKS)(topic(), pick(rng, ROLES)));
    if (rng() < o.offerShare)
      for (let k = 0; k < 1 + randomInt(rng, 2); k++)
        offers.push(pick(rng, OFFERS)(topic(), pick(rng, ROLES)));
    const interests = Array.from({ length: 1 + randomInt(rng, 3) }, () => pick(rng, INTERESTS));
    profiles.push({
      name: `${pick(rng, GIVEN)} ${pick(rng, SYLLABLES)}${pick(rng, SYLLABLES)}${i.toString(36)}`,
      tags: [TOPICS[circleTopic[c]!]!],
      interests,
      asks,
      offers,
      organization: rng() < 0.8 ? pick(rng, organizations) : null,
      industry: TOPICS[circleTopic[c]!]!,
      location: rng() < 0.7 ? circleCity[c]! : pick(rng, CITIES),
    });
  }
  const circleNames = circleTopic.map((t, c) => `${TOPICS[t]} circle ${c + 1}`);
  return { graph: social.graph, profiles, circle: social.circle, circleNames };
};
