/** `salon goals`: the people you want to grow closer to, which pair value weighs. */
import type { Command } from 'commander';
import { findPerson } from '../../app/find-person';
import { listGoals, setGoal } from '../../app/goals';
import { printJson, withWorkspace } from '../runtime';

const repeatable = (value: string, previous: string[]) => [...previous, value];

export const registerGoals = (program: Command): void => {
  program
    .command('goals')
    .description('the people you want to grow closer to (their introductions weigh more)')
    .option('--add <name>', 'mark someone, by name or id (repeatable)', repeatable, [])
    .option('--remove <name>', 'unmark someone (repeatable)', repeatable, [])
    .option('--json', 'print JSON only')
    .action(
      async (options: { add: string[]; remove: string[]; json?: boolean }, command: Command) => {
        const goals = await withWorkspace(command, async (ctx, access) => {
          for (const [names, goal] of [
            [options.add, true],
            [options.remove, false],
          ] as const) {
            for (const name of names) {
              const person = await findPerson(ctx, access, name);
              await setGoal(ctx, access, person.id, goal);
            }
          }
          return listGoals(ctx, access);
        });
        if (options.json) return printJson({ goals });
        if (goals.length === 0) {
          console.log('No goals yet: mark someone with salon goals --add NAME.');
          return;
        }
        console.log(
          `You want to grow closer to ${goals.length === 1 ? '1 person' : `${goals.length} people`}:`,
        );
        for (const goal of goals) console.log(`  ${goal.displayName}`);
      },
    );
};
