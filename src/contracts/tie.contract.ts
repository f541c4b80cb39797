/** Ties as the API reads and writes them. */
import { z } from 'zod';
import { TIE_SOURCES, TIE_STRENGTH_MAX, TIE_STRENGTH_MIN } from '../domain/tie';
import { Id, IsoDate, shortText } from './common.contract';

const Strength = z.number().int().min(TIE_STRENGTH_MIN).max(TIE_STRENGTH_MAX);

export const TieCreate = z
  .object({
    aId: Id,
    bId: Id,
    strength: Strength.default(2),
    since: IsoDate.nullish(),
    notes: shortText(2000).nullish(),
  })
  .refine((t) => t.aId !== t.bId, { message: 'must differ from aId', path: ['bId'] })
  .meta({ id: 'TieCreate' });
export type TieCreate = z.input<typeof TieCreate>;

export const TieUpdate = z
  .object({
    strength: Strength.optional(),
    since: IsoDate.nullish(),
    notes: shortText(2000).nullish(),
  })
  .meta({ id: 'TieUpdate' });

export const Tie = z
  .object({
    id: z.string(),
    aId: z.string(),
    bId: z.string(),
    strength: z.number(),
    source: z.enum(TIE_SOURCES as [string, ...string[]]),
    since: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Tie' });
export type Tie = z.infer<typeof Tie>;

/** A tie as one person's page shows it: with the other person. */
export const TieOfPerson = Tie.extend({ otherId: z.string(), otherName: z.string() }).meta({
  id: 'TieOfPerson',
});
export type TieOfPerson = z.infer<typeof TieOfPerson>;
