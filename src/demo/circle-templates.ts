/**
 * The kinds of community a host's network is made of, each with what its people look like:
 * organisations and titles, interests, the tag that names it, the moments where its members
 * turn up, and how far back its ties go. The demo instantiates these as the host's circles.
 */
import type { MomentKind } from '../domain/moment';

export type CircleKind =
  | 'industry'
  | 'running'
  | 'congregation'
  | 'school'
  | 'charity_board'
  | 'volunteers'
  | 'neighbourhood'
  | 'alumni'
  | 'golf';

export type TemplateKey =
  | 'climate-investors'
  | 'climate-founders'
  | 'fintech'
  | 'finance'
  | 'healthcare'
  | 'law'
  | 'design'
  | 'software'
  | 'media'
  | 'academia'
  | 'real-estate'
  | 'running'
  | 'congregation'
  | 'school'
  | 'soccer'
  | 'charity-board'
  | 'volunteers'
  | 'neighbourhood'
  | 'alumni'
  | 'golf';

export interface CircleTemplate {
  readonly key: TemplateKey;
  readonly kind: CircleKind;
  /** Names for successive instances; an industry repeats its one name with a city. */
  readonly names: readonly string[];
  /** The tag every member carries, naming the circle. */
  readonly tag: string;
  /** A second tag most members carry: what they are ("investor", "parent"). */
  readonly role: string | null;
  /** Relative size before the heavy-tailed draw. */
  readonly weight: number;
  /** Bounds on members (a board is a dozen people, not three and not a thousand). */
  readonly minSize?: number;
  readonly maxSize: number | null;
  /** Lives in the host's city (a running club) rather than anywhere (an industry). */
  readonly local: boolean;
  /** Organisations and titles of members; empty: members bring their day jobs. */
  readonly organizations: readonly string[];
  readonly titles: readonly string[];
  readonly interests: readonly string[];
  /** Moment kinds drawn mostly from this circle's members. */
  readonly moments: readonly MomentKind[];
  /** How many years back ties inside the circle start: [most recent, oldest]. */
  readonly sinceYears: readonly [number, number];
  /** Added to the strength of ties inside the circle (small, close-knit circles). */
  readonly closeness: number;
}

const INDUSTRY_MOMENTS: readonly MomentKind[] = [
  'conference',
  'speaker_event',
  'mixer',
  'client_gala',
  'invitation_only',
];

export const CIRCLE_TEMPLATES: Readonly<Record<TemplateKey, CircleTemplate>> = {
  'climate-investors': {
    key: 'climate-investors',
    kind: 'industry',
    names: ['Climate investors'],
    tag: 'climate investors',
    role: 'investor',
    weight: 1,
    maxSize: null,
    local: false,
    organizations: [
      'Northwind Climate Ventures',
      'Greenline Capital',
      'Tidewater Partners',
      'Evergreen Impact Fund',
      'Solstice Ventures',
      'Kelp Capital',
      'Boreal Growth Partners',
    ],
    titles: [
      'Partner',
      'Principal',
      'Investment Associate',
      'Venture Partner',
      'Managing Partner',
      'Head of Platform',
    ],
    interests: [
      'energy transition',
      'carbon markets',
      'grid storage',
      'climate policy',
      'impact investing',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 12],
    closeness: 0,
  },
  'climate-founders': {
    key: 'climate-founders',
    kind: 'industry',
    names: ['Climate tech founders'],
    tag: 'climate tech founders',
    role: 'founder',
    weight: 1,
    maxSize: null,
    local: false,
    organizations: [
      'Voltaic Grid',
      'Carbonfield',
      'HeatLoop',
      'Soilwise',
      'Tidal Labs',
      'Hydrogenix',
      'Rooftop Power Co.',
    ],
    titles: ['Founder & CEO', 'Co-founder & CTO', 'Co-founder', 'Head of Engineering', 'COO'],
    interests: [
      'energy transition',
      'grid storage',
      'heat pumps',
      'sustainable agriculture',
      'hydrogen',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 8],
    closeness: 0,
  },
  fintech: {
    key: 'fintech',
    kind: 'industry',
    names: ['Fintech founders'],
    tag: 'fintech founders',
    role: 'founder',
    weight: 1,
    maxSize: null,
    local: false,
    organizations: [
      'Ledgerly',
      'Paynest',
      'Kite Payments',
      'Monetra',
      'Clearpath Finance',
      'Tally Bank',
    ],
    titles: [
      'Founder & CEO',
      'Co-founder & CTO',
      'Head of Product',
      'Chief Risk Officer',
      'Growth Lead',
    ],
    interests: [
      'payments',
      'open banking',
      'crypto regulation',
      'embedded finance',
      'product-led growth',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 10],
    closeness: 0,
  },
  finance: {
    key: 'finance',
    kind: 'industry',
    names: ['Bankers and fund managers'],
    tag: 'banking and funds',
    role: 'finance',
    weight: 0.8,
    maxSize: null,
    local: false,
    organizations: [
      'Halden & Co. Private Bank',
      'Meridian Asset Management',
      'Corvus Capital',
      'First Harbour Bank',
      'Altmark Family Office',
    ],
    titles: [
      'Managing Director',
      'Portfolio Manager',
      'Relationship Manager',
      'CFO',
      'Investment Director',
    ],
    interests: [
      'private equity',
      'macroeconomics',
      'family offices',
      'embedded finance',
      'impact investing',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 18],
    closeness: 0,
  },
  healthcare: {
    key: 'healthcare',
    kind: 'industry',
    names: ['Healthcare'],
    tag: 'healthcare',
    role: 'clinician',
    weight: 1.2,
    maxSize: null,
    local: false,
    organizations: [
      'Northside Medical Centre',
      'Harbour Health',
      'CareBridge Clinics',
      'Meditrak Health',
      "St. Luke's Hospital",
    ],
    titles: [
      'Cardiologist',
      'Chief Medical Officer',
      'Head of Nursing',
      'Hospital Administrator',
      'Paediatrician',
      'General Practitioner',
    ],
    interests: [
      'digital health',
      'public health',
      'clinical trials',
      'medical devices',
      'longevity',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 15],
    closeness: 0,
  },
  law: {
    key: 'law',
    kind: 'industry',
    names: ['Lawyers'],
    tag: 'law',
    role: 'lawyer',
    weight: 0.9,
    maxSize: null,
    local: false,
    organizations: [
      'Brandt & Okafor LLP',
      'Lindqvist Legal',
      'Harrow Chambers',
      'Moreau Avocats',
      'Castell & Ruiz Abogados',
    ],
    titles: ['Partner', 'Senior Associate', 'General Counsel', 'Counsel', 'Barrister'],
    interests: [
      'startup law',
      'nonprofit governance',
      'employment law',
      'payments regulation',
      'arbitration',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 20],
    closeness: 0,
  },
  design: {
    key: 'design',
    kind: 'industry',
    names: ['Design agencies'],
    tag: 'design agencies',
    role: 'designer',
    weight: 0.8,
    maxSize: null,
    local: false,
    organizations: [
      'Studio Fjord',
      'Atelier Nord',
      'Bright Harbour Design',
      'Kaleido Agency',
      'Form & Field',
    ],
    titles: [
      'Creative Director',
      'Product Designer',
      'Brand Strategist',
      'UX Researcher',
      'Design Lead',
      'Photographer',
    ],
    interests: ['typography', 'brand identity', 'user research', 'photography', 'architecture'],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 12],
    closeness: 0,
  },
  software: {
    key: 'software',
    kind: 'industry',
    names: ['Software engineers'],
    tag: 'software engineering',
    role: 'engineer',
    weight: 1.2,
    maxSize: null,
    local: false,
    organizations: [
      'Cloudberry Systems',
      'Quanta Labs',
      'Tessellate',
      'Nimbus Data',
      'Orbit Software',
    ],
    titles: [
      'Staff Engineer',
      'Engineering Manager',
      'CTO',
      'Machine-Learning Engineer',
      'Senior Software Engineer',
    ],
    interests: [
      'machine learning',
      'open source',
      'cloud infrastructure',
      'rust',
      'developer tools',
    ],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 12],
    closeness: 0,
  },
  media: {
    key: 'media',
    kind: 'industry',
    names: ['Journalists and media'],
    tag: 'media',
    role: 'journalist',
    weight: 0.6,
    maxSize: null,
    local: false,
    organizations: [
      'The Morning Ledger',
      'City Radio',
      'Northern Review',
      'Pulse Podcast Network',
      'Tech Weekly',
    ],
    titles: ['Reporter', 'Editor', 'Podcast Host', 'Columnist', 'Producer'],
    interests: ['podcasting', 'investigative journalism', 'climate policy', 'film', 'startups'],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 15],
    closeness: 0,
  },
  academia: {
    key: 'academia',
    kind: 'industry',
    names: ['University researchers'],
    tag: 'academia',
    role: 'researcher',
    weight: 0.8,
    maxSize: null,
    local: false,
    organizations: [
      'University of the North',
      'Institute for Climate Research',
      'Polytechnic Institute',
      'School of Public Health',
    ],
    titles: ['Professor', 'Research Fellow', 'PhD Candidate', 'Lecturer', 'Lab Director'],
    interests: [
      'machine learning',
      'climate policy',
      'public health',
      'history of science',
      'mathematics',
    ],
    moments: ['conference', 'speaker_event', 'invitation_only'],
    sinceYears: [0, 20],
    closeness: 0,
  },
  'real-estate': {
    key: 'real-estate',
    kind: 'industry',
    names: ['Real estate'],
    tag: 'real estate',
    role: 'property',
    weight: 0.6,
    maxSize: null,
    local: false,
    organizations: [
      'Harbourside Properties',
      'Urbana Developments',
      'Keystone Realty',
      'Millbrook Estates',
    ],
    titles: ['Developer', 'Estate Agent', 'Asset Manager', 'Property Manager', 'Architect'],
    interests: ['architecture', 'urban planning', 'green buildings', 'interior design', 'sailing'],
    moments: INDUSTRY_MOMENTS,
    sinceYears: [0, 15],
    closeness: 0,
  },
  running: {
    key: 'running',
    kind: 'running',
    names: [
      'Sunday running club',
      'Parkrun regulars',
      'Riverside trail runners',
      'Dawn patrol runners',
    ],
    tag: 'running club',
    role: 'runner',
    weight: 0.8,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['marathons', 'trail running', 'triathlon', 'cycling', 'nutrition'],
    moments: ['race', 'volunteering'],
    sinceYears: [0, 10],
    closeness: 0,
  },
  congregation: {
    key: 'congregation',
    kind: 'congregation',
    names: [
      "St. Brigid's parish",
      'Beth Shalom congregation',
      'Al-Noor mosque community',
      'Grace Chapel',
      'Gurdwara Sahib sangat',
    ],
    tag: 'congregation',
    role: null,
    weight: 0.9,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['choir', 'interfaith dialogue', 'community meals', 'scripture study', 'youth work'],
    moments: ['religious', 'volunteering', 'wedding'],
    sinceYears: [0, 25],
    closeness: 1,
  },
  school: {
    key: 'school',
    kind: 'school',
    names: [
      'Parents at Riverside Primary',
      'Parents at Lindenhof School',
      'Parents at Oakwood Elementary',
    ],
    tag: 'school parents',
    role: 'parent',
    weight: 0.8,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['education', 'parenting', 'camping', 'board games', 'baking'],
    moments: ['kids_sports', 'volunteering', 'cocktail_party'],
    sinceYears: [0, 7],
    closeness: 0,
  },
  soccer: {
    key: 'soccer',
    kind: 'school',
    names: ["Kids' soccer team parents", 'Junior football club parents'],
    tag: 'kids soccer team',
    role: 'parent',
    weight: 0.4,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['football', 'coaching', 'parenting', 'camping', 'cycling'],
    moments: ['kids_sports'],
    sinceYears: [0, 5],
    closeness: 0,
  },
  'charity-board': {
    key: 'charity-board',
    kind: 'charity_board',
    names: ['Harbour Food Bank board', 'Literacy Trust board', 'Shelter Alliance board'],
    tag: 'charity board',
    role: 'trustee',
    weight: 0.15,
    minSize: 8,
    maxSize: 24,
    local: true,
    organizations: [],
    titles: [],
    interests: ['philanthropy', 'food security', 'literacy', 'nonprofit governance', 'fundraising'],
    moments: ['charity_board', 'mixer', 'client_gala'],
    sinceYears: [0, 8],
    closeness: 2,
  },
  volunteers: {
    key: 'volunteers',
    kind: 'volunteers',
    names: ['Food bank volunteers', 'Riverside clean-up crew', 'Soup kitchen volunteers'],
    tag: 'volunteers',
    role: 'volunteer',
    weight: 0.4,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['food security', 'gardening', 'community meals', 'environment', 'fundraising'],
    moments: ['volunteering'],
    sinceYears: [0, 6],
    closeness: 0,
  },
  neighbourhood: {
    key: 'neighbourhood',
    kind: 'neighbourhood',
    names: [
      'Neighbours on Linden Street',
      'Harbour district neighbours',
      "Old Town residents' association",
    ],
    tag: 'neighbours',
    role: null,
    weight: 0.6,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['gardening', 'local history', 'cooking', 'dogs', 'street parties'],
    moments: ['cocktail_party', 'volunteering'],
    sinceYears: [0, 15],
    closeness: 0,
  },
  alumni: {
    key: 'alumni',
    kind: 'alumni',
    names: ['University friends', 'MBA classmates', 'School friends'],
    tag: 'alumni',
    role: null,
    weight: 0.9,
    maxSize: null,
    local: false,
    organizations: [],
    titles: [],
    interests: ['travel', 'wine', 'skiing', 'reading', 'film'],
    moments: ['wedding', 'cocktail_party'],
    sinceYears: [12, 25],
    closeness: 1,
  },
  golf: {
    key: 'golf',
    kind: 'golf',
    names: ['Golf club members', 'Links golf society'],
    tag: 'golf club',
    role: 'golfer',
    weight: 0.4,
    maxSize: null,
    local: true,
    organizations: [],
    titles: [],
    interests: ['golf', 'sailing', 'wine', 'tennis', 'cigars'],
    moments: ['invitation_only', 'client_gala'],
    sinceYears: [0, 15],
    closeness: 0,
  },
};

/**
 * The order circles are instantiated in: a small network gets the first few (the host's
 * industry, running club, congregation, school, charity board…), a large one all of them and
 * then second instances of the repeatable ones.
 */
export const TEMPLATE_ORDER: readonly TemplateKey[] = [
  'climate-investors',
  'climate-founders',
  'running',
  'congregation',
  'school',
  'charity-board',
  'fintech',
  'law',
  'healthcare',
  'design',
  'neighbourhood',
  'software',
  'alumni',
  'finance',
  'volunteers',
  'media',
  'academia',
  'soccer',
  'real-estate',
  'golf',
];

/** Templates a large network instantiates again (another fund scene, another parish). */
export const REPEATABLE: readonly TemplateKey[] = [
  'climate-investors',
  'climate-founders',
  'fintech',
  'healthcare',
  'software',
  'law',
  'design',
  'finance',
  'running',
  'congregation',
  'school',
  'neighbourhood',
  'alumni',
  'charity-board',
  'media',
  'academia',
  'real-estate',
];

/** The circles the host belongs to: most of the host's ties and moments are here. */
export const HOST_HOME: readonly TemplateKey[] = [
  'climate-founders',
  'running',
  'school',
  'charity-board',
  'neighbourhood',
  'alumni',
];

/** Occupations of members of circles that are not industries (a runner is also a teacher). */
export const DAY_JOBS: ReadonlyArray<readonly [title: string, organization: string]> = [
  ['Teacher', 'Riverside Primary School'],
  ['Nurse', "St. Luke's Hospital"],
  ['Architect', 'Atelier Nord'],
  ['Pharmacist', 'Market Square Pharmacy'],
  ['Civil Engineer', 'Brightwater Engineering'],
  ['Accountant', 'Hale & Partners'],
  ['Software Developer', 'Orbit Software'],
  ['Chef', 'Café Linden'],
  ['Police Officer', 'Metropolitan Police'],
  ['Physiotherapist', 'MoveWell Clinic'],
  ['Librarian', 'Central Library'],
  ['Marketing Manager', 'Bloom Foods'],
  ['Electrician', 'Spark & Sons'],
  ['Dentist', 'Harbour Dental'],
  ['Project Manager', 'Urbana Developments'],
  ['Social Worker', 'City Council'],
  ['Sales Director', 'Nordlicht Logistics'],
  ['Veterinarian', 'Parkside Vets'],
  ['HR Director', 'Meridian Asset Management'],
  ['Journalist', 'The Morning Ledger'],
  ['Lawyer', 'Lindqvist Legal'],
  ['Investment Banker', 'First Harbour Bank'],
  ['Professor', 'University of the North'],
  ['Shop Owner', 'Corner Books'],
  ['Consultant', 'Keel Strategy'],
  ['Product Manager', 'Paynest'],
  ['Translator', 'Polyglot Translations'],
  ['Film Producer', 'Northern Lights Films'],
];

/** Interests anyone may have, beside their circle's. */
export const GENERAL_INTERESTS: readonly string[] = [
  'cooking',
  'jazz',
  'chess',
  'photography',
  'sailing',
  'gardening',
  'opera',
  'hiking',
  'wine',
  'board games',
  'climbing',
  'yoga',
  'cycling',
  'reading',
  'film',
  'skiing',
  'pottery',
  'birdwatching',
  'tennis',
  'football',
  'travel',
  'podcasting',
];
