/** `salon migrate`: bring the database schema up to date (serve does this too). */
import type { Command } from 'commander';
import { withApp } from '../runtime';

export const registerMigrate = (program: Command): void => {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async (_options: object, command: Command) => {
      await withApp(command, async (ctx) => {
        console.log(`Database is up to date (${ctx.store.location})`);
      });
    });
};
