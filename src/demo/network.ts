/**
 * The shape of a generated demo network: plain data by integer index, ready for a loader to
 * write into a workspace, with the plan of what was planted so tests can check that the engine
 * finds it. Person 0 is the host.
 */
import type { AttendeeMark, MomentContext, MomentKind } from '../domain/moment';
import type { CircleKind } from './circle-templates';

export type { CircleKind } from './circle-templates';

export interface DemoOptions {
  /** People including the host (person 0). */
  readonly people: number;
  /** Ties wanted; clamped to what `people` allows (n·(n−1)/2). */
  readonly ties: number;
  readonly seed: number;
  /** ISO date (YYYY-MM-DD); moments fall in the two years before it, ties start before it. */
  readonly today: string;
}

export interface DemoPerson {
  displayName: string;
  givenName: string;
  familyName: string;
  emails: string[];
  phones: string[];
  organization: string | null;
  title: string | null;
  location: string | null;
  tags: string[];
  interests: string[];
  asks: string[];
  offers: string[];
  notes: string | null;
  stature: number | null;
}

/** A tie by person index: `a < b`, no pair twice, no self-tie. */
export interface DemoTie {
  a: number;
  b: number;
  /** 1 (acquaintance) to 5 (very close). */
  strength: number;
  /** ISO date. */
  since: string;
}

export interface DemoAttendee {
  person: number;
  mark: AttendeeMark;
}

export interface DemoMoment {
  context: MomentContext;
  kind: MomentKind;
  title: string;
  /** ISO date, within the two years before `today`. */
  occurredOn: string;
  place: string | null;
  notes: string | null;
  /** Distinct people, never the host (the host was at every moment they log). */
  attendees: DemoAttendee[];
}

export interface DemoCircle {
  name: string;
  kind: CircleKind;
  /** Person indexes whose primary circle this is, ascending. */
  members: number[];
}

/** What the generator planted, for tests and benchmarks that check the engine recovers it. */
export interface DemoPlan {
  /** People who hold many ties into several circles (ascending). */
  brokers: number[];
  circles: DemoCircle[];
  /** Primary circle index of each person; -1 for the host. */
  circleOf: Int32Array;
}

export interface DemoNetwork {
  people: DemoPerson[];
  ties: DemoTie[];
  moments: DemoMoment[];
  plan: DemoPlan;
}
