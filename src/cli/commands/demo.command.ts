/** `salon demo`: a realistic generated network to explore Salon with. */
import type { Command } from 'commander';
import { DEMO_TIES_PER_PERSON, loadDemo } from '../../app/demo';
import { printJson, withWorkspace } from '../runtime';

const integer = (value: string): number => Number.parseInt(value, 10);

export const registerDemo = (program: Command): void => {
  program
    .command('demo')
    .description('load a generated demo network into an empty workspace')
    .option('--people <n>', 'people, including you', integer, 1000)
    .option('--ties <n>', `ties (default ${DEMO_TIES_PER_PERSON} per person)`, integer)
    .option('--seed <n>', 'random seed: the same seed gives the same network', integer, 1)
    .option('--json', 'print JSON only')
    .action(
      async (
        options: { people: number; ties?: number; seed: number; json?: boolean },
        command: Command,
      ) => {
        const result = await withWorkspace(command, (ctx, access) =>
          loadDemo(ctx, access, options),
        );
        if (options.json) return printJson(result);
        console.log(
          `Loaded ${result.people.toLocaleString('en')} people, ${result.ties.toLocaleString('en')} ties and ${result.moments.toLocaleString('en')} moments in ${result.seconds.toFixed(1)} s.`,
        );
      },
    );
};
