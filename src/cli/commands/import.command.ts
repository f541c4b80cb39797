/**
 * `salon import FILE…`: contacts from LinkedIn, Google, Outlook, vCard or a Salon backup, with a
 * preview (`--dry-run`), a progress bar on a terminal and a summary. `salon import --undo BATCH`
 * undoes one; `salon imports` lists them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  type CountryCode,
  type ImportFile,
  type ImportProgress,
  type ImportReport,
  importContacts,
  previewImport,
} from '../../app/contacts-import';
import { listImports, undoImport } from '../../app/import-undo';
import { IMPORT_FORMAT_CHOICES } from '../../contracts/contacts.contract';
import { invalidInput } from '../../domain/errors';
import { printJson, withWorkspace } from '../runtime';

type FormatChoice = (typeof IMPORT_FORMAT_CHOICES)[number];

interface ImportOptions {
  format: FormatChoice;
  dryRun?: boolean;
  skipInvalid?: boolean;
  country?: string;
  undo?: string;
  json?: boolean;
}

/** Exit code when nothing was (or, in a dry run, would be) written because of bad rows. */
export const EXIT_BAD_ROWS = 2;

const HELP_AFTER = `
What it does:
  People are matched against your network and against each other by email, LinkedIn URL,
  phone, then name and organisation. A match fills empty fields and adds emails, phones and
  tags; it never overwrites what you typed. A record that matches several people is a
  conflict: reported, not applied. Several files are one import, so a LinkedIn export and a
  phone's vCard file of the same people give each person once.

  The import is one transaction. By default a file with a bad row writes nothing and every
  problem is printed as file:line: field: reason (exit code ${EXIT_BAD_ROWS}); --skip-invalid imports
  the good rows. A Salon backup (.json) imported here adds its people; 'salon restore' brings
  back a whole workspace.

Undo:
  salon imports                 list imports, most recent first, with their ids
  salon import --undo BATCH     remove the people an import created and revert its updates
                                (refused while any of them has changed since)

Examples:
  salon import Connections.csv contacts.vcf --dry-run
  salon import Connections.csv --skip-invalid
  salon import --undo 0190c4a2-…`;

/** A progress bar on a terminal; plain phase lines elsewhere (logs, pipes); nothing with --json. */
const progressReporter = (json: boolean, totalBytes: number) => {
  if (json) return { onProgress: undefined, stop: () => {} };
  if (!process.stderr.isTTY) {
    let writing = false;
    return {
      onProgress: (p: ImportProgress) => {
        if (p.phase === 'writing' && !writing) {
          writing = true;
          process.stderr.write(`Writing ${p.total.toLocaleString('en')} people…\n`);
        }
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{phase} [{bar}] {percentage}% | {detail}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: ImportProgress['phase'] | null = null;
  return {
    onProgress: (p: ImportProgress) => {
      if (p.phase === 'reading') {
        if (phase !== 'reading') {
          bar.start(Math.max(totalBytes, 1), 0, { phase: 'Reading', detail: '0 contacts' });
        }
        phase = 'reading';
        bar.update(p.bytes, {
          phase: 'Reading',
          detail: `${p.records.toLocaleString('en')} contacts`,
        });
      } else {
        if (phase !== 'writing') bar.setTotal(Math.max(p.total, 1));
        phase = 'writing';
        bar.update(p.done, {
          phase: 'Writing',
          detail: `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} people`,
        });
      }
    },
    stop: () => bar.stop(),
  };
};

const printReport = (report: ImportReport): void => {
  const c = report.counts;
  console.log(report.files.map((f) => `${f.name} (${f.format})`).join(', '));
  const rows: Array<[string, number]> = [
    ['created', c.created],
    ['updated', c.updated],
    ['unchanged', c.unchanged],
    ['merged', c.merged],
    ['conflicts', c.conflicts],
    ['rejected', c.rejected],
  ];
  for (const [label, n] of rows) console.log(`  ${label.padEnd(10)} ${n.toLocaleString('en')}`);
  if (report.conflicts.length > 0) {
    console.log('Conflicts (not applied; merge by hand if they are the same person):');
    for (const conflict of report.conflicts) {
      console.log(
        `  ${conflict.file}:${conflict.line}: ${conflict.displayName} ${conflict.reason}`,
      );
    }
  }
  for (const problem of report.problems) process.stderr.write(`${problem.text}\n`);
  console.log(report.message);
  if (report.batchId) console.log(`Undo with: salon import --undo ${report.batchId}`);
};

const runImport = async (files: string[], options: ImportOptions, command: Command) => {
  if (options.undo) {
    if (files.length > 0)
      throw invalidInput('Give either files to import or --undo BATCH, not both');
    const result = await withWorkspace(command, (ctx, access) =>
      undoImport(ctx, access, options.undo as string),
    );
    if (options.json) return printJson(result);
    console.log(
      `Undone: ${result.removed.toLocaleString('en')} people removed, ${result.reverted.toLocaleString('en')} restored as they were, ${result.tiesRemoved.toLocaleString('en')} ties removed.`,
    );
    return;
  }
  if (files.length === 0) throw invalidInput('Name a file to import (or --undo BATCH)');
  if (!IMPORT_FORMAT_CHOICES.includes(options.format)) {
    throw invalidInput(`--format must be one of ${IMPORT_FORMAT_CHOICES.join(', ')}`);
  }
  const sizes = await Promise.all(
    files.map(async (file) => {
      const found = await stat(file).catch(() => undefined);
      if (!found) throw invalidInput(`${file}: no such file`);
      if (found.isDirectory())
        throw invalidInput(`${file} is a folder: name the files in it to import them`);
      return found.size;
    }),
  );
  const inputs: ImportFile[] = files.map((file) => ({
    name: basename(file),
    bytes: createReadStream(file, { highWaterMark: 256 * 1024 }),
    format: options.format,
  }));
  const progress = progressReporter(
    !!options.json,
    sizes.reduce((a, b) => a + b, 0),
  );
  const importOptions = {
    skipInvalid: !!options.skipInvalid,
    defaultCountry: options.country?.toUpperCase() as CountryCode | undefined,
    onProgress: progress.onProgress,
  };
  let report: ImportReport;
  try {
    report = await withWorkspace(command, (ctx, access) =>
      options.dryRun
        ? previewImport(ctx, access, inputs, importOptions)
        : importContacts(ctx, access, inputs, importOptions),
    );
  } finally {
    progress.stop();
  }
  if (report.counts.rejected > 0 && !options.skipInvalid) process.exitCode = EXIT_BAD_ROWS;
  if (options.json) return printJson(report);
  printReport(report);
};

export const registerImport = (program: Command): void => {
  program
    .command('import')
    .description('import contacts: LinkedIn, Google or Outlook CSV, vCard, or a Salon backup')
    .argument('[files...]', 'files to import together (one import, duplicates between them merged)')
    .option(
      '--format <format>',
      `the files' format: ${IMPORT_FORMAT_CHOICES.join('|')} (auto detects it)`,
      'auto',
    )
    .option('--dry-run', 'show what would be created, updated, merged and rejected; write nothing')
    .option('--skip-invalid', 'import the good rows and report the bad ones')
    .option('--country <code>', 'country of phone numbers written without + (e.g. DE)')
    .option('--undo <batch>', 'undo an import instead (ids: salon imports)')
    .option('--json', 'print JSON only')
    .addHelpText('after', HELP_AFTER)
    .action(runImport);

  program
    .command('imports')
    .description(
      'list the imports of the workspace, most recent first (undo: salon import --undo ID)',
    )
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }, command: Command) => {
      const batches = await withWorkspace(command, (ctx, access) => listImports(ctx, access));
      if (options.json) return printJson(batches);
      if (batches.length === 0) {
        console.error('No imports yet.');
        return;
      }
      for (const b of batches) {
        const s = b.summary;
        const state = b.undoneAt ? `undone ${b.undoneAt.slice(0, 16).replace('T', ' ')}` : '';
        console.log(
          `${b.id}  ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.format.padEnd(8)} ${b.fileName}  +${s.created ?? 0} created, ${s.updated ?? 0} updated ${state}`.trimEnd(),
        );
      }
    });
};
