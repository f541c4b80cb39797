/** `salon suggest`, `salon reach`, `salon circles`: the engine from the command line. */
import type { Command } from 'commander';
import { listCircles } from '../../app/circles';
import { findPerson } from '../../app/find-person';
import { introductions, suggestionsFor } from '../../app/introductions';
import { reachList } from '../../app/reach';
import { invalidInput } from '../../domain/errors';
import { plural } from '../../domain/text';
import { printJson, withWorkspace } from '../runtime';

const integer = (value: string): number => Number.parseInt(value, 10);
/** A score in [0, 1] as the web shows it: "71/100". */
const outOf100 = (value: number): string => `${Math.round(value * 100)}/100`.padStart(7);

export const registerNetwork = (program: Command): void => {
  program
    .command('suggest')
    .description('who should meet whom, and why')
    .option('--for <name or id>', 'whom one person should meet')
    .option('--introductions', 'the introductions most worth making in your network')
    .option('--limit <n>', 'how many', integer, 10)
    .option('--json', 'print JSON only')
    .action(
      async (
        options: { for?: string; introductions?: boolean; limit: number; json?: boolean },
        command: Command,
      ) => {
        if (!options.for === !options.introductions) {
          throw invalidInput(
            'Say either --for NAME (one person) or --introductions (the whole network)',
          );
        }
        await withWorkspace(command, async (ctx, access) => {
          if (options.for) {
            const person = await findPerson(ctx, access, options.for);
            const result = await suggestionsFor(ctx, access, person.id, options.limit);
            if (options.json) return printJson(result);
            console.log(
              `${result.person.displayName} should meet (how much each meeting is worth, out of 100):`,
            );
            for (const s of result.suggestions)
              console.log(`${outOf100(s.value)}  ${s.person.displayName} — ${s.sentence}`);
            if (result.reason) console.error(result.reason);
            return;
          }
          const result = await introductions(ctx, access, options.limit);
          if (options.json) return printJson(result);
          if (result.introductions.length > 0)
            console.log('Introductions most worth making (how much each is worth, out of 100):');
          for (const i of result.introductions) {
            console.log(
              `${outOf100(i.value)}  ${i.people[0].displayName} + ${i.people[1].displayName} — ${i.sentence}`,
            );
          }
          if (result.reason) console.error(result.reason);
        });
      },
    );

  program
    .command('reach')
    .description('movers and shakers: people ranked by how connected they are in your network')
    .option('--top <n>', 'how many', integer, 20)
    .option('--json', 'print JSON only')
    .action(async (options: { top: number; json?: boolean }, command: Command) => {
      const result = await withWorkspace(command, (ctx, access) =>
        reachList(ctx, access, options.top),
      );
      if (options.json) return printJson(result);
      if (result.people.length > 0)
        console.log('Best connected first (rank, reach out of 100, person — why):');
      for (const p of result.people) {
        console.log(
          `${String(p.rank).padStart(3)}. ${outOf100(p.score)}  ${p.person.displayName} — ${p.explanation}`,
        );
      }
      if (result.unranked > 0)
        console.error(
          `${plural(result.unranked, 'person is', 'people are')} not ranked: no ties yet, or none but to you.`,
        );
    });

  program
    .command('circles')
    .description('the circles you move in, named from what their people share')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }, command: Command) => {
      const result = await withWorkspace(command, (ctx, access) => listCircles(ctx, access));
      if (options.json) return printJson(result);
      if (result.circles.length > 0) console.log('People  circle — its best-connected people');
      for (const c of result.circles) {
        const sample = c.sample.map((p) => p.displayName).join(', ');
        console.log(
          `${String(c.size).padStart(6)}  ${c.name}${c.namedByHost ? ' (your name)' : ''} — ${sample}`,
        );
      }
      console.error(
        `How clearly your network falls into circles: ${result.modularity.toFixed(2)} (modularity, 0 not at all, up to 1 fully apart)`,
      );
    });
};
