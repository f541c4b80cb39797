/** Shapes every part of the API shares: errors, pages, ids and dates. */
import { z } from 'zod';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'invalid_input' }),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.string().min(1).max(100);

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');

export const WorkspaceParam = z.object({ workspaceId: Id });
export const WorkspaceItemParam = z.object({ workspaceId: Id, id: Id });

/** Free text with a sane upper bound: notes are long, names are not. */
export const shortText = (max = 200) => z.string().trim().max(max);
export const longText = z.string().max(100_000);

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass as `cursor` to get the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });
