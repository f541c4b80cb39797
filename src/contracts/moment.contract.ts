/** Moments as the API reads and writes them. */
import { z } from 'zod';
import { ATTENDEE_MARKS, MOMENT_CONTEXTS, MOMENT_KINDS } from '../domain/moment';
import { Id, IsoDate, longText, shortText } from './common.contract';

const Kind = z.enum(MOMENT_KINDS as [string, ...string[]]);
const Mark = z.enum(ATTENDEE_MARKS as [string, ...string[]]);

/** An attendee is someone in the network, or a new person created on the spot. */
export const AttendeeInput = z.union([
  z.object({ personId: Id, mark: Mark.default('met_new') }),
  z.object({
    newPerson: z.object({ displayName: shortText().min(1) }),
    mark: Mark.default('met_new'),
  }),
]);

export const MomentCreate = z
  .object({
    kind: Kind,
    title: shortText().optional(),
    occurredOn: IsoDate,
    place: shortText().nullish(),
    notes: longText.nullish(),
    attendees: z.array(AttendeeInput).max(500).default([]),
  })
  .meta({ id: 'MomentCreate' });
export type MomentCreate = z.input<typeof MomentCreate>;

export const Moment = z
  .object({
    id: z.string(),
    context: z.enum(MOMENT_CONTEXTS as [string, ...string[]]),
    kind: Kind,
    title: z.string(),
    occurredOn: z.string(),
    place: z.string().nullable(),
    notes: z.string().nullable(),
    attendees: z.array(z.object({ personId: z.string(), displayName: z.string(), mark: Mark })),
    createdAt: z.string(),
  })
  .meta({ id: 'Moment' });
export type Moment = z.infer<typeof Moment>;

/** A moment on one person's timeline. */
export const MomentOfPerson = Moment.omit({ attendees: true })
  .extend({ mark: Mark, attendeeCount: z.number() })
  .meta({ id: 'MomentOfPerson' });
export type MomentOfPerson = z.infer<typeof MomentOfPerson>;

export const MomentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
