/**
 * `salon compose`, `salon seat`, `salon series`: the table, its seating and a recurring series
 * from the command line. The same seed gives the same table.
 */
import type { Command } from 'commander';
import { composeTablePreview, DEFAULT_SEED } from '../../app/gathering-compose';
import { scheduleSeriesForPool, seatGathering } from '../../app/gathering-seating';
import { invalidInput } from '../../domain/errors';
import { FORMATS } from '../../domain/format';
import { isFormat } from '../../domain/gathering';
import { printJson, withWorkspace } from '../runtime';

/** A whole number option, or exit 2 naming the option. */
const wholeNumber =
  (option: string, min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw invalidInput(`${option} must be a whole number of at least ${min}, not "${value}"`, [
        { field: option, reason: `must be a whole number of at least ${min}` },
      ]);
    }
    return n;
  };

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Table sizes written as 10,10,8. */
const tableSizes = (value: string): number[] =>
  value.split(',').map((part) => wholeNumber('--tables', 1)(part.trim()));

const percent = (value: number): string => value.toFixed(2);

export const registerGathering = (program: Command): void => {
  program
    .command('compose')
    .description('propose a table: the guests who should meet, each with why')
    .requiredOption('--format <format>', `${FORMATS.join(', ')}`)
    .option(
      '--seats <n>',
      'guests besides you (default: the format’s largest table)',
      wholeNumber('--seats', 1),
    )
    .option('--purpose <words>', 'what the table is for, e.g. "climate investors"')
    .option('--must <name>', 'someone who must be invited (repeat)', collect)
    .option('--exclude <name>', 'someone not to propose (repeat)', collect)
    .option(
      '--seed <s>',
      'the same seed gives the same table',
      wholeNumber('--seed', 0),
      DEFAULT_SEED,
    )
    .option('--json', 'print JSON only')
    .action(
      async (
        options: {
          format: string;
          seats?: number;
          purpose?: string;
          must?: string[];
          exclude?: string[];
          seed: number;
          json?: boolean;
        },
        command: Command,
      ) => {
        const format = options.format;
        if (!isFormat(format)) {
          throw invalidInput(`Unknown format "${format}": choose one of ${FORMATS.join(', ')}`, [
            { field: '--format', reason: `must be one of ${FORMATS.join(', ')}` },
          ]);
        }
        const table = await withWorkspace(command, (ctx, access) =>
          composeTablePreview(ctx, access, {
            format,
            seats: options.seats,
            purpose: options.purpose,
            must: options.must,
            exclude: options.exclude,
            seed: options.seed,
          }),
        );
        if (options.json) {
          return printJson({
            guests: table.guests.map((g) => ({
              id: g.person.id,
              name: g.person.displayName,
              reasons: g.reasons,
              locked: g.locked,
            })),
            strongestPairs: table.strongestPairs.map((p) => ({
              people: p.people.map((x) => ({ id: x.id, name: x.displayName })),
              value: p.value,
              sentence: p.sentence,
            })),
            value: table.value,
            candidates: table.candidates,
            proof: table.proof,
            seed: options.seed,
          });
        }
        for (const g of table.guests) {
          console.log(`${g.person.displayName}${g.locked ? ' (must)' : ''}`);
          for (const reason of g.reasons) console.log(`    ${reason}`);
        }
        if (table.strongestPairs.length > 0) {
          console.log('\nStrongest pairs:');
          for (const p of table.strongestPairs) console.log(`  ${p.sentence}`);
        }
        console.log(`\nValue ${percent(table.value)}. ${table.proofSentence}`);
      },
    );

  program
    .command('seat')
    .description('seat a gathering’s guests and you over tables of the given sizes')
    .requiredOption('--gathering <id>', 'the gathering')
    .requiredOption('--tables <sizes>', 'table sizes, e.g. 10,10,8', tableSizes)
    .option('--seed <s>', 'the same seed gives the same seating', wholeNumber('--seed', 0), 1)
    .option('--json', 'print JSON only')
    .action(
      async (
        options: { gathering: string; tables: number[]; seed: number; json?: boolean },
        command: Command,
      ) => {
        const seating = await withWorkspace(command, (ctx, access) =>
          seatGathering(ctx, access, options.gathering, options.tables, { seed: options.seed }),
        );
        if (options.json) {
          const { pairs: _pairs, ...shown } = seating;
          return printJson(shown);
        }
        seating.tables.forEach((t, k) => {
          console.log(
            `Table ${k + 1} (${t.people.length} of ${t.size}, value ${percent(t.value)})`,
          );
          console.log(
            `  ${t.people.map((p) => (p.isHost ? `${p.displayName} (you)` : p.displayName)).join(', ')}`,
          );
          for (const p of t.strongestPairs) console.log(`    ${p.sentence}`);
        });
        console.log(`\nValue ${percent(seating.value)}`);
      },
    );

  program
    .command('series')
    .description(
      'a recurring series from the people with a tag, repeating as few pairs as possible',
    )
    .requiredOption('--pool <tag>', 'the tag of the people to draw from')
    .requiredOption('--size <n>', 'people at each table', wholeNumber('--size', 2))
    .requiredOption('--rounds <n>', 'how many rounds', wholeNumber('--rounds', 1))
    .option('--seed <s>', 'the same seed gives the same series', wholeNumber('--seed', 0), 1)
    .option('--json', 'print JSON only')
    .action(
      async (
        options: { pool: string; size: number; rounds: number; seed: number; json?: boolean },
        command: Command,
      ) => {
        const series = await withWorkspace(command, (ctx, access) =>
          scheduleSeriesForPool(ctx, access, options),
        );
        if (options.json) return printJson(series);
        series.rounds.forEach((groups, r) => {
          console.log(`Round ${r + 1}`);
          for (const group of groups)
            console.log(`  ${group.map((p) => p.displayName).join(', ')}`);
        });
        console.log(
          series.repeats === 0
            ? `\nNo pair meets twice (${series.poolSize} people).`
            : `\n${series.repeats} repeated meeting${series.repeats === 1 ? '' : 's'} (at least ${series.repeatsAtLeast} with these numbers): ${series.repeatedPairs
                .slice(0, 5)
                .map((p) => `${p.people[0].displayName} and ${p.people[1].displayName} ×${p.times}`)
                .join('; ')}`,
        );
      },
    );
};
