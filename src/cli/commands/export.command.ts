/** `salon export`: the network as vCard, CSV or the full JSON backup, to stdout or a file. */
import type { Command } from 'commander';
import { type ExportFormat, exportContacts } from '../../app/contacts-export';
import { EXPORT_FORMAT_CHOICES } from '../../contracts/contacts.contract';
import { invalidInput } from '../../domain/errors';
import { withWorkspace } from '../runtime';
import { writeChunks } from './backup.command';

export const registerExport = (program: Command): void => {
  program
    .command('export')
    .description('export the network: vCard 3.0 (phones, Google), vCard 4.0, CSV or JSON backup')
    .option('--format <format>', EXPORT_FORMAT_CHOICES.join('|'), 'vcard')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .action(async (options: { format: string; output?: string }, command: Command) => {
      if (!(EXPORT_FORMAT_CHOICES as readonly string[]).includes(options.format)) {
        throw invalidInput(`--format must be one of ${EXPORT_FORMAT_CHOICES.join(', ')}`);
      }
      await withWorkspace(command, async (ctx, access) => {
        const exported = await exportContacts(ctx, access, options.format as ExportFormat);
        const bytes = await writeChunks(exported.chunks, options.output);
        if (options.output) {
          console.error(`Wrote ${options.output} (${(bytes / 1024).toFixed(0)} KB).`);
        }
      });
    });
};
