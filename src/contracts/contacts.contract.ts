/** Contacts in and out, as the API and `--json` output show them: imports, undo, merge, export. */
import { z } from 'zod';
import { Id } from './common.contract';
import { Person } from './person.contract';

export const IMPORT_FORMAT_CHOICES = [
  'auto',
  'linkedin',
  'google',
  'outlook',
  'vcard',
  'json',
] as const;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const ImportQuery = z.object({
  format: z.enum(IMPORT_FORMAT_CHOICES).default('auto').meta({
    description: 'The file format; `auto` detects it from the first bytes',
  }),
  dryRun: flag.meta({ description: 'Preview only: nothing is written' }),
  skipInvalid: flag.meta({
    description:
      'Import the good rows and report the bad ones (by default a bad row writes nothing)',
  }),
  fileName: z.string().max(300).optional().meta({
    description:
      'The name problems are reported under, for a raw body (multipart parts carry their own)',
  }),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as DE')
    .optional()
    .meta({ description: 'The country of phone numbers written without +' }),
});

const Place = z.object({ file: z.string(), line: z.number(), displayName: z.string() });

export const ImportCounts = z
  .object({
    records: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    merged: z.number(),
    conflicts: z.number(),
    rejected: z.number(),
    tiesAdded: z.number(),
  })
  .meta({ id: 'ImportCounts' });

export const ImportReport = z
  .object({
    batchId: z
      .string()
      .nullable()
      .meta({ description: 'The batch to undo; null when nothing was written' }),
    written: z.boolean(),
    dryRun: z.boolean(),
    files: z.array(z.object({ name: z.string(), format: z.string() })),
    counts: ImportCounts,
    conflicts: z.array(
      Place.extend({
        reason: z.string(),
        candidates: z.array(z.object({ id: z.string(), displayName: z.string() })),
      }),
    ),
    duplicates: z.array(Place.extend({ into: Place, matchedBy: z.string() })).meta({
      description:
        'Records that are the same person as an earlier record of this import (first 500)',
    }),
    matches: z
      .array(
        Place.extend({
          personId: z.string(),
          personName: z.string(),
          matchedBy: z.string(),
          fields: z.array(z.string()),
        }),
      )
      .meta({ description: 'Records that are someone already in the network (first 500)' }),
    problems: z
      .array(
        z.object({
          file: z.string(),
          line: z.number(),
          field: z.string(),
          reason: z.string(),
          text: z
            .string()
            .meta({ example: 'Connections.csv:12: Email Address: "ana@" is not an email address' }),
        }),
      )
      .meta({ description: 'Every problem of every bad row' }),
    message: z.string(),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportBatch = z
  .object({
    id: z.string(),
    format: z.string(),
    fileName: z.string(),
    createdAt: z.string(),
    summary: z.record(z.string(), z.number()),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: 'ImportBatch' });
export type ImportBatch = z.infer<typeof ImportBatch>;

export const UndoResult = z
  .object({
    batchId: z.string(),
    removed: z.number(),
    reverted: z.number(),
    tiesRemoved: z.number(),
  })
  .meta({ id: 'UndoResult' });

export const MergeRequest = z
  .object({ otherId: Id.meta({ description: 'The person merged into this one, then deleted' }) })
  .meta({ id: 'MergeRequest' });

export const MergeResult = z
  .object({
    person: Person,
    tiesMoved: z.number(),
    tiesFolded: z.number(),
    momentsMoved: z.number(),
  })
  .meta({ id: 'MergeResult' });

export const EXPORT_FORMAT_CHOICES = ['vcard', 'vcard4', 'csv', 'json'] as const;

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMAT_CHOICES).default('vcard').meta({
    description: 'vcard (3.0), vcard4, csv (formula-safe) or json (the full backup)',
  }),
});

export const RestoreResult = z
  .object({
    counts: z.record(z.string(), z.number()),
    idsRenewed: z.boolean(),
    from: z.string(),
  })
  .meta({ id: 'RestoreResult' });
