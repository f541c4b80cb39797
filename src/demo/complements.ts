/**
 * The shared vocabulary of asks ("looking for") and offers ("can help with") the demo hands
 * out. Each entry is a complementary pair: people of the `askers` circles may carry the ask,
 * people of the `offerers` circles the offer, so a matcher finds them across circles ("Ana is
 * raising a seed round for a climate startup; Ben invests in seed-stage climate companies").
 * The two phrases of a pair share their key words on purpose, as real people's phrasing does.
 */
import type { TemplateKey } from './circle-templates';

export interface ComplementPair {
  readonly ask: string;
  readonly offer: string;
  readonly askers: readonly TemplateKey[];
  readonly offerers: readonly TemplateKey[];
}

export const COMPLEMENT_PAIRS: readonly ComplementPair[] = [
  {
    ask: 'raising a seed round for a climate startup',
    offer: 'invests in seed-stage climate companies',
    askers: ['climate-founders'],
    offerers: ['climate-investors'],
  },
  {
    ask: 'looking for a lead investor for a Series A',
    offer: 'leads Series A rounds',
    askers: ['climate-founders', 'fintech'],
    offerers: ['climate-investors', 'finance'],
  },
  {
    ask: 'raising a pre-seed round for a fintech startup',
    offer: 'angel investor in early-stage fintech',
    askers: ['fintech'],
    offerers: ['finance', 'software'],
  },
  {
    ask: 'looking for pilot customers among energy utilities',
    offer: 'can open doors at energy utilities',
    askers: ['climate-founders'],
    offerers: ['climate-investors', 'real-estate'],
  },
  {
    ask: 'looking for a banking partner for card issuing',
    offer: 'can introduce banking partners for card issuing',
    askers: ['fintech'],
    offerers: ['finance'],
  },
  {
    ask: 'needs advice on payments regulation',
    offer: 'advises on payments regulation and e-money licences',
    askers: ['fintech'],
    offerers: ['law'],
  },
  {
    ask: 'looking for a pro-bono lawyer for the charity',
    offer: 'can help with nonprofit law pro bono',
    askers: ['charity-board', 'volunteers'],
    offerers: ['law'],
  },
  {
    ask: 'hiring a product designer',
    offer: 'product designer open to new roles',
    askers: ['fintech', 'climate-founders', 'software'],
    offerers: ['design'],
  },
  {
    ask: 'looking for a design agency for a rebrand',
    offer: 'runs a design agency that does brand identity and rebrands',
    askers: ['healthcare', 'real-estate', 'charity-board'],
    offerers: ['design'],
  },
  {
    ask: 'hiring senior software engineers',
    offer: 'senior software engineer open to new roles',
    askers: ['fintech', 'climate-founders', 'healthcare'],
    offerers: ['software'],
  },
  {
    ask: 'looking for a technical co-founder',
    offer: 'engineer looking to join a startup as technical co-founder',
    askers: ['climate-founders', 'healthcare'],
    offerers: ['software'],
  },
  {
    ask: 'building a health app and looking for clinical advisors',
    offer: 'clinician happy to advise health app startups',
    askers: ['software'],
    offerers: ['healthcare'],
  },
  {
    ask: 'looking for hospital partners for a clinical trial',
    offer: 'can connect researchers with hospital clinical trial sites',
    askers: ['academia'],
    offerers: ['healthcare'],
  },
  {
    ask: 'looking for a treasurer for the charity board',
    offer: 'accountant willing to serve as treasurer on a charity board',
    askers: ['charity-board'],
    offerers: ['finance'],
  },
  {
    ask: 'looking for corporate sponsors for the charity gala',
    offer: 'can sponsor charity events through the company foundation',
    askers: ['charity-board', 'volunteers'],
    offerers: ['finance', 'real-estate', 'law'],
  },
  {
    ask: 'looking for volunteers for the food bank',
    offer: 'wants to volunteer at a food bank on weekends',
    askers: ['volunteers', 'congregation', 'charity-board'],
    offerers: ['running', 'neighbourhood', 'school', 'alumni'],
  },
  {
    ask: 'looking for a running partner for marathon training',
    offer: 'paces runners through marathon training',
    askers: ['running', 'neighbourhood', 'software'],
    offerers: ['running'],
  },
  {
    ask: 'looking for a youth soccer coach for the team',
    offer: 'qualified youth soccer coach',
    askers: ['soccer', 'school'],
    offerers: ['running', 'soccer'],
  },
  {
    ask: 'looking for a maths tutor for a teenager',
    offer: 'tutors secondary-school maths',
    askers: ['school', 'soccer'],
    offerers: ['academia'],
  },
  {
    ask: 'looking for a summer internship for a student',
    offer: 'offers summer internships for students',
    askers: ['school', 'congregation', 'neighbourhood'],
    offerers: ['software', 'law', 'design', 'finance'],
  },
  {
    ask: 'looking for press coverage for a product launch',
    offer: 'journalist covering startups and product launches',
    askers: ['climate-founders', 'fintech'],
    offerers: ['media'],
  },
  {
    ask: 'looking for expert sources on climate policy',
    offer: 'can speak on climate policy and carbon markets',
    askers: ['media'],
    offerers: ['climate-investors', 'academia'],
  },
  {
    ask: 'looking for fintech founders to interview on a podcast',
    offer: 'happy to be interviewed about fintech on a podcast',
    askers: ['media'],
    offerers: ['fintech'],
  },
  {
    ask: 'looking for office space for a growing team',
    offer: 'has office space to sublet for a growing team',
    askers: ['fintech', 'climate-founders', 'design'],
    offerers: ['real-estate'],
  },
  {
    ask: 'looking for a flat to rent nearby',
    offer: 'has a flat to rent nearby',
    askers: ['alumni', 'neighbourhood', 'academia'],
    offerers: ['real-estate', 'neighbourhood'],
  },
  {
    ask: 'looking for a mentor in venture capital',
    offer: 'mentors people breaking into venture capital',
    askers: ['alumni', 'academia', 'finance'],
    offerers: ['climate-investors'],
  },
  {
    ask: 'looking for a job in climate tech',
    offer: 'hiring for climate tech roles',
    askers: ['alumni', 'software', 'finance'],
    offerers: ['climate-founders'],
  },
  {
    ask: 'needs a startup lawyer to review a term sheet',
    offer: 'startup lawyer who reviews term sheets',
    askers: ['climate-founders', 'fintech'],
    offerers: ['law'],
  },
  {
    ask: 'needs advice on employment law',
    offer: 'advises on employment law',
    askers: ['healthcare', 'design', 'software'],
    offerers: ['law'],
  },
  {
    ask: 'looking for a keynote speaker on the future of finance',
    offer: 'keynote speaker on the future of finance',
    askers: ['academia', 'media'],
    offerers: ['finance', 'fintech'],
  },
  {
    ask: 'looking for research collaborators in machine learning',
    offer: 'machine learning engineer open to research collaborations',
    askers: ['academia'],
    offerers: ['software'],
  },
  {
    ask: 'looking for anonymised health data for a research study',
    offer: 'can share anonymised health data for research',
    askers: ['academia'],
    offerers: ['healthcare'],
  },
  {
    ask: 'looking for a family doctor taking new patients',
    offer: 'family doctor taking new patients',
    askers: ['neighbourhood', 'school', 'congregation'],
    offerers: ['healthcare'],
  },
  {
    ask: 'looking for a venue for the charity dinner',
    offer: 'can lend a venue for a charity dinner',
    askers: ['charity-board', 'congregation'],
    offerers: ['congregation', 'real-estate', 'golf'],
  },
  {
    ask: 'looking for a regular golf partner',
    offer: 'plays golf most weekends and has guest passes',
    askers: ['golf', 'finance', 'law'],
    offerers: ['golf'],
  },
  {
    ask: 'looking for a UX audit of a patient app',
    offer: 'does UX research and usability audits of apps',
    askers: ['healthcare'],
    offerers: ['design'],
  },
  {
    ask: 'looking for an introduction to impact investors',
    offer: 'manages an impact investment fund',
    askers: ['charity-board', 'climate-founders'],
    offerers: ['climate-investors', 'finance'],
  },
  {
    ask: 'looking for an experienced grant writer',
    offer: 'experienced grant writer for charities and research',
    askers: ['charity-board', 'volunteers', 'academia'],
    offerers: ['media', 'congregation'],
  },
  {
    ask: 'looking for carbon accounting software',
    offer: 'builds carbon accounting software',
    askers: ['real-estate', 'finance'],
    offerers: ['climate-founders'],
  },
  {
    ask: 'looking for a wedding photographer',
    offer: 'photographer who shoots weddings',
    askers: ['alumni', 'neighbourhood'],
    offerers: ['design'],
  },
  {
    ask: 'looking for a babysitter on weekday evenings',
    offer: 'can babysit on weekday evenings',
    askers: ['school', 'soccer'],
    offerers: ['congregation', 'neighbourhood'],
  },
  {
    ask: 'looking for help organising the street party',
    offer: 'loves organising street parties and community events',
    askers: ['neighbourhood'],
    offerers: ['neighbourhood', 'congregation', 'running'],
  },
  {
    ask: 'needs German legal documents translated',
    offer: 'translates German legal documents',
    askers: ['law', 'real-estate'],
    offerers: ['academia', 'media'],
  },
  {
    ask: 'looking for a fractional CFO',
    offer: 'fractional CFO for startups',
    askers: ['climate-founders', 'fintech', 'design'],
    offerers: ['finance'],
  },
  {
    ask: 'looking for advice on cloud infrastructure costs',
    offer: 'can advise on cloud infrastructure costs',
    askers: ['climate-founders', 'healthcare', 'fintech'],
    offerers: ['software'],
  },
  {
    ask: 'looking for board members for a new charity',
    offer: 'wants to join a charity board',
    askers: ['charity-board'],
    offerers: ['law', 'finance', 'healthcare', 'alumni'],
  },
];
