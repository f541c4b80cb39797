/** The `salon` command: every subcommand takes `--data DIR` and honours DATABASE_URL. */
import { Command } from 'commander';
import { VERSION } from '../server/app';
import { registerBackup } from './commands/backup.command';
import { registerDemo } from './commands/demo.command';
import { registerExport } from './commands/export.command';
import { registerGathering } from './commands/gathering.command';
import { registerGoals } from './commands/goals.command';
import { registerImport } from './commands/import.command';
import { registerMigrate } from './commands/migrate.command';
import { registerNetwork } from './commands/network.command';
import { registerPeople } from './commands/people.command';
import { registerServe } from './commands/serve.command';
import { registerToken } from './commands/token.command';
import { registerWeights } from './commands/weights.command';
import { reportError } from './errors';

export const buildProgram = (): Command => {
  const program = new Command('salon')
    .description('Salon: your network, your table.')
    .version(VERSION)
    .option('--data <dir>', 'data directory (default $SALON_DATA or ./salon-data)')
    .option('--workspace <name>', 'workspace to act in, when there are several')
    .showHelpAfterError();
  registerServe(program);
  registerMigrate(program);
  registerToken(program);
  registerPeople(program);
  registerDemo(program);
  registerNetwork(program);
  registerWeights(program);
  registerGoals(program);
  registerImport(program);
  registerExport(program);
  registerBackup(program);
  registerGathering(program);
  return program;
};

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
