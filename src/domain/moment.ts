/**
 * A moment: any encounter in a context. The host logs who was there and whom they met, and the
 * network grows from it (see `tiesFromMoment`).
 */
import { FORMAT_LABELS, FORMATS, type Format } from './format';
import type { PersonId } from './person';

export type MomentContext = 'hosted' | 'everyday' | 'invited' | 'board' | 'traditional';

export const MOMENT_CONTEXTS: readonly MomentContext[] = [
  'hosted',
  'everyday',
  'invited',
  'board',
  'traditional',
];

export const CONTEXT_LABELS: Readonly<Record<MomentContext, string>> = {
  hosted: 'Hosted by you',
  everyday: 'Everyday life',
  invited: 'Invited',
  board: 'Board',
  traditional: 'Networking event',
};

type EverydayKind =
  | 'wedding'
  | 'race'
  | 'volunteering'
  | 'religious'
  | 'kids_sports'
  | 'cocktail_party';
type InvitedKind = 'client_gala' | 'invitation_only';
type BoardKind = 'charity_board';
type TraditionalKind = 'mixer' | 'speaker_event' | 'conference';

export type MomentKind = Format | EverydayKind | InvitedKind | BoardKind | TraditionalKind;

const KINDS_BY_CONTEXT: Readonly<Record<MomentContext, readonly MomentKind[]>> = {
  hosted: FORMATS,
  everyday: ['wedding', 'race', 'volunteering', 'religious', 'kids_sports', 'cocktail_party'],
  invited: ['client_gala', 'invitation_only'],
  board: ['charity_board'],
  traditional: ['mixer', 'speaker_event', 'conference'],
};

export const MOMENT_KINDS: readonly MomentKind[] = MOMENT_CONTEXTS.flatMap(
  (context) => KINDS_BY_CONTEXT[context],
);

export const KIND_LABELS: Readonly<Record<MomentKind, string>> = {
  ...FORMAT_LABELS,
  wedding: 'Wedding',
  race: 'Race or running group',
  volunteering: 'Volunteering',
  religious: 'Religious community',
  kids_sports: "Kids' sports",
  cocktail_party: 'Cocktail party',
  client_gala: 'Client gala',
  invitation_only: 'Invitation-only function',
  charity_board: 'Charity board',
  mixer: 'Mixer',
  speaker_event: 'Speaker event',
  conference: 'Conference',
};

export const kindsOf = (context: MomentContext): readonly MomentKind[] => KINDS_BY_CONTEXT[context];

/** The context a kind belongs to: every kind sits in exactly one. */
export const contextOf = (kind: MomentKind): MomentContext => {
  const context = MOMENT_CONTEXTS.find((c) => KINDS_BY_CONTEXT[c].includes(kind));
  if (!context) throw new RangeError(`unknown moment kind ${kind}`);
  return context;
};

/** How the host encountered an attendee at the moment. */
export type AttendeeMark = 'met_new' | 'reconnected' | 'present';
export const ATTENDEE_MARKS: readonly AttendeeMark[] = ['met_new', 'reconnected', 'present'];

export interface MomentAttendee {
  readonly personId: PersonId;
  readonly mark: AttendeeMark;
}

export interface Moment {
  readonly id: string;
  readonly workspaceId: string;
  readonly context: MomentContext;
  readonly kind: MomentKind;
  readonly title: string;
  /** ISO date (YYYY-MM-DD). */
  readonly occurredOn: string;
  readonly place: string | null;
  readonly notes: string | null;
  readonly attendees: readonly MomentAttendee[];
  readonly createdAt: string;
}

/** The default title when the host leaves it blank: "Wedding", "Golf foursome". */
export const defaultTitle = (kind: MomentKind): string => KIND_LABELS[kind];

/**
 * The ties a moment creates: the host with everyone they met or reconnected with, and those
 * people with each other (they shared the moment and the host saw them engage). People merely
 * present leave no tie; a moment records that they were there.
 */
export const tiesFromMoment = (
  hostId: PersonId,
  attendees: readonly MomentAttendee[],
): Array<readonly [PersonId, PersonId]> => {
  const engaged = [
    ...new Set(attendees.filter((a) => a.mark !== 'present').map((a) => a.personId)),
  ].filter((id) => id !== hostId);
  const pairs: Array<readonly [PersonId, PersonId]> = engaged.map((id) => [hostId, id] as const);
  for (let i = 0; i < engaged.length; i++) {
    for (let j = i + 1; j < engaged.length; j++) {
      pairs.push([engaged[i] as PersonId, engaged[j] as PersonId]);
    }
  }
  return pairs;
};

/** Whom the host was in contact with at a moment: everyone except those merely present. */
export const contactedAt = (attendees: readonly MomentAttendee[]): PersonId[] =>
  attendees.filter((a) => a.mark !== 'present').map((a) => a.personId);
