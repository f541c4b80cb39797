/** `salon weights`: how much each part of a pair's value counts in the workspace, and tuning it. */
import type { Command } from 'commander';
import { engineWeights, resetEngineWeights, setEngineWeights } from '../../app/engine-weights';
import {
  ENGINE_WEIGHTS,
  type EngineWeightName,
  isEngineWeightName,
} from '../../domain/engine-weights';
import { invalidInput } from '../../domain/errors';
import { printJson, withWorkspace } from '../runtime';

type Changes = Partial<Record<EngineWeightName, number>>;

const NAMES = ENGINE_WEIGHTS.map((w) => w.name).join(', ');

/** `warmth=0.8` → `{ warmth: 0.8 }`; the range is checked with the other weights when saved. */
const changesOf = (assignments: readonly string[]): Changes => {
  const changes: Changes = {};
  for (const assignment of assignments) {
    const [, name = '', value = ''] = /^([^=]*)=(.*)$/.exec(assignment) ?? [];
    if (!isEngineWeightName(name)) {
      throw invalidInput(`Write --set NAME=VALUE with one of the weights: ${NAMES}`, [
        { field: name || assignment, reason: 'is not a weight' },
      ]);
    }
    changes[name] = value.trim() === '' ? Number.NaN : Number(value);
  }
  return changes;
};

export const registerWeights = (program: Command): void => {
  program
    .command('weights')
    .description('what makes a good introduction: how much each part of a pair’s value counts')
    .option(
      '--set <name=value>',
      `tune one weight, from 0 to 1 (repeatable; ${NAMES})`,
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--reset', 'back to the defaults')
    .option('--json', 'print JSON only')
    .action(
      async (options: { set: string[]; reset?: boolean; json?: boolean }, command: Command) => {
        if (options.reset && options.set.length > 0) {
          throw invalidInput('Say either --set NAME=VALUE or --reset, not both');
        }
        const changes = changesOf(options.set);
        const result = await withWorkspace(command, async (ctx, access) => {
          if (options.reset) return resetEngineWeights(ctx, access);
          const current = await engineWeights(ctx, access);
          if (options.set.length === 0) return current;
          return setEngineWeights(ctx, access, { ...current.weights, ...changes });
        });
        if (options.json) return printJson(result);
        for (const { name, label, explanation } of ENGINE_WEIGHTS) {
          const value = result.weights[name];
          const fallback = result.defaults[name];
          console.log(
            `${String(value).padEnd(5)}  ${name.padEnd(15)}  ${label} — ${explanation}${value === fallback ? '' : ` (default ${fallback})`}`,
          );
        }
      },
    );
};
