/** `salon token create`: a personal API token for scripts. */
import type { Command } from 'commander';
import { createApiTokenForCli } from '../../app/auth';
import { printJson, withApp } from '../runtime';

export const registerToken = (program: Command): void => {
  const token = program.command('token').description('personal API tokens');
  token
    .command('create')
    .description('create a token (shown once) for the account on this machine')
    .option('--email <email>', 'whose token, when the machine has several accounts')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--json', 'print JSON only')
    .action(async (options: { email?: string; name: string; json?: boolean }, command: Command) => {
      const created = await withApp(command, (ctx) =>
        createApiTokenForCli(ctx, options.email, options.name),
      );
      if (options.json) return printJson(created);
      console.log(created.token);
      console.error(
        `Token "${created.name}" for ${created.email}. Send it as: Authorization: Bearer <token>`,
      );
    });
};
