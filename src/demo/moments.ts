/**
 * The host's moments over the two years before `today`: gatherings they hosted, weddings,
 * races, services, kids' matches, galas, board meetings, mixers and conferences. Attendees of
 * each moment come mostly from one circle that fits the kind (a race from the running club,
 * a board meeting from the board); a hosted table mixes the host's friends from different
 * circles, sometimes with a plus-one a guest brought.
 *
 * Moments agree with the ties, so a loader that derives ties from moments (`tiesFromMoment`)
 * adds none: everyone marked met-new or reconnected is tied to the host, the engaged attendees
 * of one moment are tied to each other, and a met-new tie starts on the day of the moment.
 * Moments are processed oldest first so that a person is met new at most once.
 */
import { FORMAT_LABELS, FORMAT_SEATS, type Format } from '../domain/format';
import {
  type AttendeeMark,
  contextOf,
  kindsOf,
  MOMENT_CONTEXTS,
  MOMENT_KINDS,
  type MomentContext,
  type MomentKind,
} from '../domain/moment';
import { pick, type Rng, randomInt, shuffled } from '../domain/random';
import type { CircleInstance, CircleLayout } from './circles';
import type { DemoAttendee, DemoMoment, DemoPerson } from './network';
import type { TieSet } from './ties';

type OutsideKind = Exclude<MomentKind, Format>;

/** What one moment may still add: ties in all, and of those, new ties of the host. */
interface Allowance {
  ties: number;
  host: number;
}

interface KindProfile {
  /** Attendee count range (the host not counted). */
  readonly attendees: readonly [number, number];
  /** Chance an attendee is someone the host met there for the first time. */
  readonly metNew: number;
  /** Chance an attendee is someone the host already knew and caught up with. */
  readonly reconnected: number;
}

const PROFILES: Readonly<Record<OutsideKind, KindProfile>> = {
  wedding: { attendees: [12, 30], metNew: 0.25, reconnected: 0.35 },
  race: { attendees: [5, 30], metNew: 0.2, reconnected: 0.3 },
  volunteering: { attendees: [4, 15], metNew: 0.3, reconnected: 0.3 },
  religious: { attendees: [6, 25], metNew: 0.15, reconnected: 0.35 },
  kids_sports: { attendees: [6, 20], metNew: 0.25, reconnected: 0.35 },
  cocktail_party: { attendees: [6, 25], metNew: 0.35, reconnected: 0.3 },
  client_gala: { attendees: [10, 30], metNew: 0.3, reconnected: 0.25 },
  invitation_only: { attendees: [6, 20], metNew: 0.35, reconnected: 0.3 },
  charity_board: { attendees: [4, 12], metNew: 0.05, reconnected: 0.85 },
  mixer: { attendees: [8, 30], metNew: 0.45, reconnected: 0.2 },
  speaker_event: { attendees: [8, 30], metNew: 0.35, reconnected: 0.2 },
  conference: { attendees: [10, 30], metNew: 0.3, reconnected: 0.2 },
};

/** How the host's moments divide between contexts. */
const CONTEXT_WEIGHTS: Readonly<Record<MomentContext, number>> = {
  hosted: 0.35,
  everyday: 0.32,
  traditional: 0.15,
  invited: 0.1,
  board: 0.08,
};

/** How much of the moments' tie budget a moment of this kind may claim, relatively. */
const weightOf = (kind: MomentKind): number => (contextOf(kind) === 'hosted' ? 3 : 1);

/** Engaged attendees (met new or reconnected) at one moment that is not the host's own. */
const MAX_ENGAGED_OUTSIDE = 4;
/** Share of a moment's attendees drawn from its main circle, friends of the host first. */
const MAIN_CIRCLE_SHARE = 0.8;
const FRIEND_SHARE = 0.3;
const WINDOW_DAYS = 730;
export const MAX_MOMENTS = 5000;

/** About one moment per ten people, at least one of every kind, at most `MAX_MOMENTS`. */
export const momentCount = (people: number): number =>
  people < 3 ? 0 : Math.min(MAX_MOMENTS, Math.max(MOMENT_KINDS.length, Math.round(people / 10)));

const PLACES: Readonly<Record<MomentKind, readonly string[]>> = {
  coffee: ['Café Linden', 'Bean & Leaf', 'Kaffeehaus am Markt'],
  breakfast: ['The Breakfast Club', 'Hotel Meridian restaurant', 'Café Linden'],
  lunch: ['Trattoria da Gino', 'Canteen 21', 'The Fish House'],
  drinks: ['The Linden Bar', 'Hotel Meridian bar', 'Wine bar Bacchus'],
  brunch: ['At home'],
  dinner: ['At home', 'Nordic Table'],
  golf: ['Links Golf Club', 'Hillside Golf Course'],
  outing: ['Sailing on the lake', 'Atelier Terra pottery studio', 'City museum', 'Climbing gym'],
  wedding: ['The Old Boathouse', 'Villa Rosa', 'Hillside Barn', 'Lakeside Pavilion'],
  race: ['Riverside Park', 'Harbour 10K course', 'Forest trail loop', 'Old Town start line'],
  volunteering: ['Harbour Food Bank', 'Riverside Park', 'Community kitchen', 'Parish hall'],
  religious: ['Parish hall', 'Community centre', 'Main hall'],
  kids_sports: ['Riverside playing fields', 'Oakwood sports ground', 'Municipal pitch 3'],
  cocktail_party: ['Rooftop terrace', 'Garden party', 'The Linden Bar'],
  client_gala: ['Grand Hotel ballroom', 'Museum of Modern Art', 'Opera house foyer'],
  invitation_only: [
    'Private dining room, Harbour Club',
    "Members' club library",
    'Private residence',
  ],
  charity_board: ['Board room, Halden & Co.', 'Charity office', 'Parish hall meeting room'],
  mixer: ['Rooftop bar, Hotel Meridian', 'Co-working lounge', 'The Brewery Hall'],
  speaker_event: ['Chamber of Commerce', 'University aula', 'Hotel Meridian conference suite'],
  conference: ['Exhibition Centre', 'Congress Centre', 'Convention Hall'],
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "Ana", "Ana and Ben", "Ana, Ben and Carla", "Ana, Ben and 4 others". */
const listNames = (names: readonly string[]): string => {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
};

export interface MomentInputs {
  readonly rng: Rng;
  readonly layout: CircleLayout;
  readonly people: readonly DemoPerson[];
  readonly ties: TieSet;
  /** Most ties the moments may add. */
  readonly budget: number;
  /** Most of those that may be new ties of the host. */
  readonly hostBudget: number;
  /** ISO date of a number of days before today. */
  readonly dayIso: (daysAgo: number) => string;
}

export const generateMoments = (inputs: MomentInputs): DemoMoment[] => {
  const { rng, layout, people, ties, dayIso } = inputs;
  const { circles, home, hostCity } = layout;
  const n = people.length;
  const count = momentCount(n);
  if (count === 0 || circles.length === 0) return [];

  // Phase 1: the schedule — every kind once, then kinds by context weight; oldest first.
  const kinds: MomentKind[] = shuffled(rng, MOMENT_KINDS);
  const contextTotal = MOMENT_CONTEXTS.reduce((s, c) => s + CONTEXT_WEIGHTS[c], 0);
  while (kinds.length < count) {
    let x = rng() * contextTotal;
    let context: MomentContext = 'hosted';
    for (const c of MOMENT_CONTEXTS) {
      x -= CONTEXT_WEIGHTS[c];
      if (x < 0) {
        context = c;
        break;
      }
    }
    kinds.push(pick(rng, kindsOf(context)));
  }
  const schedule = kinds
    .slice(0, count)
    .map((kind) => ({ kind, daysAgo: 1 + randomInt(rng, WINDOW_DAYS) }))
    .sort((x, y) => y.daysAgo - x.daysAgo);

  // Where each kind draws its attendees: circles that fit it, the host's own circles first.
  const fitting = new Map<MomentKind, { circles: CircleInstance[]; cumulative: number[] }>();
  const circlesFor = (kind: MomentKind) => {
    let entry = fitting.get(kind);
    if (!entry) {
      const fit = circles.filter((c) => c.template.moments.includes(kind) && c.members.length > 0);
      const list = fit.length > 0 ? fit : circles.filter((c) => c.members.length > 0);
      let acc = 0;
      const cumulative = list.map((c) => {
        acc += Math.sqrt(c.members.length) * (home.includes(c.index) ? 4 : 1);
        return acc;
      });
      entry = { circles: list, cumulative };
      fitting.set(kind, entry);
    }
    return entry;
  };
  const pickCircle = (kind: MomentKind): CircleInstance => {
    const { circles: list, cumulative } = circlesFor(kind);
    const x = rng() * cumulative.at(-1)!;
    return list[cumulative.findIndex((w) => w > x)] ?? list[0]!;
  };
  const member = (circle: CircleInstance): number =>
    circle.members[randomInt(rng, circle.members.length)]!;

  // The host's friends, in all and by circle: engaged attendees are mostly people they know.
  const hostFriends: number[] = [];
  const friendsIn: number[][] = circles.map(() => []);
  const befriend = (u: number): void => {
    hostFriends.push(u);
    friendsIn[layout.circleOf[u]!]!.push(u);
  };
  for (let i = 0; i < ties.count; i++) if (ties.lows[i] === 0) befriend(ties.highs[i]!);
  /** Days ago the host last engaged each person; 0 for never (moments are ≥ 1 day ago). */
  const engagedOn = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  let budgetLeft = Math.min(inputs.budget, ties.remaining);
  let hostLeft = Math.min(inputs.hostBudget, budgetLeft);
  /** A whole share of a fractional one, rounded up with the probability of its fraction. */
  const grant = (share: number): number => {
    const whole = Math.floor(share);
    return whole + (rng() < share - whole ? 1 : 0);
  };

  /**
   * Engages `u` (met new or reconnected) if the ties that implies fit the moment's allowance:
   * a tie to the host and one to each attendee engaged before them. Otherwise `u` was present.
   */
  const engage = (
    u: number,
    wanted: AttendeeMark,
    daysAgo: number,
    engaged: number[],
    allowance: Allowance,
  ): AttendeeMark => {
    // Someone the host engaged earlier the same day was merely present at the second moment.
    if (engagedOn[u] === daysAgo) return 'present';
    const hostTie = ties.find(0, u);
    if (hostTie < 0 && allowance.host < 1) return 'present';
    let cost = hostTie < 0 ? 1 : 0;
    for (const e of engaged) if (ties.find(u, e) < 0) cost++;
    if (cost > allowance.ties) return 'present';
    const mark: AttendeeMark = wanted === 'met_new' && engagedOn[u]! > 0 ? 'reconnected' : wanted;
    if (hostTie < 0) {
      const since = mark === 'met_new' ? daysAgo : daysAgo + 30 + randomInt(rng, 2000);
      ties.add(0, u, 1 + randomInt(rng, 3), since);
      befriend(u);
      allowance.host--;
    } else if (mark === 'met_new') {
      ties.sinceAgo[hostTie] = daysAgo;
    } else if (ties.sinceAgo[hostTie]! <= daysAgo) {
      ties.sinceAgo[hostTie] = daysAgo + 1 + randomInt(rng, 1500);
    }
    for (const e of engaged) {
      const tie = ties.find(u, e);
      if (tie < 0) ties.add(u, e, 1 + randomInt(rng, 2), daysAgo);
      else if (ties.sinceAgo[tie]! < daysAgo) ties.sinceAgo[tie] = daysAgo;
    }
    allowance.ties -= cost;
    engagedOn[u] = daysAgo;
    engaged.push(u);
    return mark;
  };

  // Each moment may spend its share of what is left, so late moments are not starved; the
  // host's own tables weigh more (everyone at them talks to everyone).
  const remainingWeight = new Float64Array(count + 1);
  for (let m = count - 1; m >= 0; m--) {
    remainingWeight[m] = remainingWeight[m + 1]! + weightOf(schedule[m]!.kind);
  }

  // Phase 2: attendees, marks, titles and places, moment by moment.
  const moments: DemoMoment[] = [];
  for (const [m, { kind, daysAgo }] of schedule.entries()) {
    const share = weightOf(kind) / remainingWeight[m]!;
    const allowance: Allowance = {
      ties: grant(budgetLeft * share),
      host: grant(hostLeft * share),
    };
    const { ties: tiesBefore, host: hostBefore } = allowance;
    const engaged: number[] = [];
    const attendees: DemoAttendee[] = [];
    const take = (u: number): boolean => {
      if (u <= 0 || stamp[u] === m) return false;
      stamp[u] = m;
      return true;
    };
    let title: string;
    let notes: string | null = null;
    const context = contextOf(kind);

    if (context === 'hosted') {
      const format = kind as Format;
      const seats = FORMAT_SEATS[format];
      const lo = Math.max(2, seats.min);
      const hi = Math.max(lo, seats.max);
      const guests = Math.min(n - 1, lo + randomInt(rng, hi - lo + 1));
      const plusOne = guests >= 3 && rng() < 0.4;
      const golfers =
        format === 'golf' ? circles.find((c) => c.template.key === 'golf') : undefined;
      const invited: number[] = [];
      for (
        let tries = 0;
        invited.length < guests - (plusOne ? 1 : 0) && tries < 8 * guests;
        tries++
      ) {
        // Friends of the host first; strangers only when the host has too few friends.
        const u =
          golfers && rng() < 0.5
            ? member(golfers)
            : hostFriends.length > 0 && tries < 4 * guests
              ? pick(rng, hostFriends)
              : 1 + randomInt(rng, n - 1);
        if (take(u)) invited.push(u);
      }
      for (let u = 1; invited.length < 2 && u < n; u++) if (take(u)) invited.push(u);
      for (const u of invited) {
        attendees.push({ person: u, mark: engage(u, 'reconnected', daysAgo, engaged, allowance) });
      }
      const names = invited.map((u) => people[u]!.givenName);
      if (plusOne && invited.length > 0) {
        const bringer = pick(rng, invited);
        const circle = circles[layout.circleOf[bringer]!]!;
        for (let tries = 0; tries < 10; tries++) {
          const v = member(circle);
          if (ties.find(0, v) >= 0 || !take(v)) continue;
          const mark = engage(v, 'met_new', daysAgo, engaged, allowance);
          attendees.push({ person: v, mark });
          names.push(people[v]!.givenName);
          const guest = people[v]!;
          const about =
            guest.offers[0] ?? [guest.title, guest.organization].filter(Boolean).join(', ');
          notes = `${people[bringer]!.givenName} brought ${guest.displayName}${about ? ` (${about})` : ''}.`;
          break;
        }
      }
      title = `${FORMAT_LABELS[format]} with ${listNames(names)}`;
    } else {
      const profile = PROFILES[kind as OutsideKind];
      const circle = pickCircle(kind);
      const [lo, hi] = profile.attendees;
      const size = Math.min(n - 1, lo + Math.floor(rng() ** 2 * (hi - lo + 1)));
      const chosen: number[] = [];
      const friends = friendsIn[circle.index]!;
      for (let tries = 0; chosen.length < size && tries < 8 * size; tries++) {
        const r = rng();
        const u =
          r < FRIEND_SHARE && friends.length > 0
            ? pick(rng, friends)
            : r < MAIN_CIRCLE_SHARE
              ? member(circle)
              : 1 + randomInt(rng, n - 1);
        if (take(u)) chosen.push(u);
      }
      for (let u = 1; chosen.length < Math.min(2, size) && u < n; u++) if (take(u)) chosen.push(u);
      for (const u of chosen) {
        const r = rng();
        const wanted: AttendeeMark =
          r < profile.metNew
            ? 'met_new'
            : r < profile.metNew + profile.reconnected
              ? 'reconnected'
              : 'present';
        const mark =
          wanted !== 'present' && engaged.length < MAX_ENGAGED_OUTSIDE
            ? engage(u, wanted, daysAgo, engaged, allowance)
            : 'present';
        attendees.push({ person: u, mark });
      }
      const year = dayIso(daysAgo).slice(0, 4);
      title = outsideTitle(
        rng,
        kind as OutsideKind,
        circle,
        chosen.map((u) => people[u]!),
        hostCity.name,
        year,
      );
      if (engaged.length > 0 && rng() < 0.25) {
        const u = people[engaged[0]!]!;
        notes = `Talked with ${u.givenName} about ${u.interests[0] ?? 'work'}.`;
      }
    }

    budgetLeft -= tiesBefore - allowance.ties;
    hostLeft -= hostBefore - allowance.host;
    moments.push({
      context,
      kind,
      title,
      occurredOn: dayIso(daysAgo),
      place: `${pick(rng, PLACES[kind])}, ${hostCity.name}`,
      notes,
      attendees,
    });
  }
  return moments;
};

/** A title a host would write: "Wedding of Ana and Tomás", "Climate investors mixer". */
const outsideTitle = (
  rng: Rng,
  kind: OutsideKind,
  circle: CircleInstance,
  attendees: readonly DemoPerson[],
  city: string,
  year: string,
): string => {
  const given = (i: number): string => attendees[i % attendees.length]?.givenName ?? 'a friend';
  const organization =
    attendees.find((p) => p.organization !== null)?.organization ?? 'Meridian Asset Management';
  switch (kind) {
    case 'wedding':
      return `Wedding of ${given(0)} and ${given(1)}`;
    case 'race':
      return pick(rng, [
        `${city} Half Marathon`,
        `${circle.name} 10K`,
        'Parkrun',
        'Midsummer relay',
      ]);
    case 'volunteering':
      return pick(rng, [
        'Food bank shift',
        'Park clean-up',
        'Soup kitchen Saturday',
        'Charity run marshalling',
      ]);
    case 'religious':
      return `${pick(rng, ['Holiday service', 'Community meal', 'Choir concert', 'Festival'])} at ${circle.name}`;
    case 'kids_sports':
      return pick(rng, [
        'Under-10 league match',
        'Junior football tournament',
        'End-of-season match',
        'Swimming gala',
      ]);
    case 'cocktail_party':
      return `Cocktail party at ${given(0)}'s`;
    case 'client_gala':
      return `${organization} annual gala`;
    case 'invitation_only':
      return `Invitation-only dinner hosted by ${organization}`;
    case 'charity_board':
      return `${circle.name} ${pick(rng, ['meeting', 'meeting', 'strategy day', 'annual general meeting'])}`;
    case 'mixer':
      return circle.template.kind === 'charity_board'
        ? `After-work mixer for ${circle.name.replace(/ board$/, '')}`
        : `${capitalise(circle.tag)} mixer`;
    case 'speaker_event':
      return `Speaker dinner: ${capitalise(pick(rng, circle.template.interests))}`;
    case 'conference':
      return `${capitalise(circle.tag)} Summit ${year}`;
  }
};
