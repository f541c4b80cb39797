/** `salon people`: list or search the network. */
import type { Command } from 'commander';
import { listPeople } from '../../app/people';
import { formatPhone } from '../../contracts/phone';
import { printJson, withWorkspace } from '../runtime';

export const registerPeople = (program: Command): void => {
  program
    .command('people')
    .description('list people, or search them by a prefix of a name, email, organisation or tag')
    .option('--search <query>', 'search text ("jur" finds Jürgen)')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
    .option('--json', 'print JSON only')
    .action(
      async (options: { search?: string; limit: number; json?: boolean }, command: Command) => {
        const page = await withWorkspace(command, (ctx, access) =>
          listPeople(ctx, access, { q: options.search, limit: options.limit }),
        );
        if (options.json) return printJson(page.items);
        for (const p of page.items) {
          const detail = [p.title, p.organization].filter(Boolean).join(', ');
          const email = p.emails[0] ? ` <${p.emails[0]}>` : '';
          const phone = p.phones[0] ? ` ${formatPhone(p.phones[0])}` : '';
          console.log(`${p.displayName}${detail ? ` — ${detail}` : ''}${email}${phone}`);
        }
        if (page.items.length === 0) console.error('No one found.');
      },
    );
};
