import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../app/context';
import { createGathering } from '../app/gatherings';
import { ownerAccess, workspaceForCli } from '../app/workspaces';
import { salon } from './run.fixtures';

interface ComposedJson {
  readonly guests: ReadonlyArray<{ id: string; name: string; reasons: string[] }>;
  readonly value: number;
}

describe('salon compose, seat and series', () => {
  const data = mkdtempSync(join(tmpdir(), 'salon-compose-'));
  let gatheringId: string;
  let tag: string;

  beforeAll(async () => {
    const demo = await salon(['--data', data, 'demo', '--people', '200', '--seed', '4', '--json']);
    expect(demo.code).toBe(0);
    // A gathering to seat, and a tag to draw a series from, straight from the data directory.
    const ctx = await openContext({ dataDir: data });
    try {
      const access = ownerAccess((await workspaceForCli(ctx, undefined)).id);
      const people = (await ctx.store.in(access.workspaceId).people.all()).filter((p) => !p.isSelf);
      const gathering = await createGathering(ctx, access, {
        format: 'outing',
        seats: 10,
        guests: people.slice(0, 10).map((p) => ({ personId: p.id })),
      });
      gatheringId = gathering.id;
      const counts = new Map<string, number>();
      for (const p of people) for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      tag = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    } finally {
      await ctx.store.close();
    }
  });

  it('prints a breakfast for six with each guest’s reasons, and the same table for the same seed', async () => {
    const args = ['--data', data, 'compose', '--format', 'breakfast', '--seed', '3'];
    const first = await salon([...args, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const table = JSON.parse(first.stdout) as ComposedJson;
    expect(table.guests).toHaveLength(6);
    for (const g of table.guests) {
      expect(g.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(g.name.length).toBeGreaterThan(0);
      expect(g.reasons.length).toBeGreaterThan(0);
    }
    const again = JSON.parse((await salon([...args, '--json'])).stdout) as ComposedJson;
    expect(again.guests.map((g) => g.id)).toEqual(table.guests.map((g) => g.id));

    const text = await salon(args);
    expect(text.code).toBe(0);
    for (const g of table.guests) expect(text.stdout).toContain(g.name);
    expect(text.stdout).toContain(`    ${table.guests[0]!.reasons[0]}`);
    expect(text.stdout).toMatch(/candidates/);
  });

  it('invites who must come and leaves out who is excluded, by name', async () => {
    const base = JSON.parse(
      (await salon(['--data', data, 'compose', '--format', 'lunch', '--seats', '4', '--json']))
        .stdout,
    ) as ComposedJson;
    const [kept, dropped] = [base.guests[0]!, base.guests[1]!];
    const ran = await salon([
      '--data',
      data,
      'compose',
      '--format',
      'lunch',
      '--seats',
      '4',
      '--must',
      kept.name,
      '--exclude',
      dropped.name,
      '--json',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const ids = (JSON.parse(ran.stdout) as ComposedJson).guests.map((g) => g.id);
    expect(ids).toHaveLength(4);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(dropped.id);
  });

  it('exits 2 with a clear message on bad input, printing nothing on stdout', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'picnic'], /Unknown format "picnic"/],
      [['--format', 'breakfast', '--seats', '9'], /a breakfast seats 2 to 6 guests besides you/],
      [['--format', 'breakfast', '--seats', 'six'], /--seats must be a whole number/],
      [
        ['--format', 'breakfast', '--must', 'Nobody Ofthatname'],
        /No one called "Nobody Ofthatname"/,
      ],
    ];
    for (const [args, message] of cases) {
      const ran = await salon(['--data', data, 'compose', ...args, '--json']);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.stderr).toMatch(message);
      expect(ran.stdout).toBe('');
    }
  });

  it('seats a gathering over tables, you at one of them', async () => {
    const ran = await salon([
      '--data',
      data,
      'seat',
      '--gathering',
      gatheringId,
      '--tables',
      '6,5',
      '--json',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const seating = JSON.parse(ran.stdout) as {
      tables: Array<{ people: Array<{ isHost: boolean }> }>;
    };
    expect(seating.tables.map((t) => t.people.length).reduce((a, b) => a + b)).toBe(11);
    expect(seating.tables.flatMap((t) => t.people).filter((p) => p.isHost)).toHaveLength(1);
    const bad = await salon([
      '--data',
      data,
      'seat',
      '--gathering',
      gatheringId,
      '--tables',
      '6,x',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--tables must be a whole number/);
  });

  it('schedules a series for a tagged pool and reports its repeated pairs', async () => {
    const series = (pool: string, ...more: string[]) =>
      salon(['--data', data, 'series', '--pool', pool, '--size', '4', '--rounds', '3', ...more]);
    const ran = await series(tag, '--json');
    expect(ran.code, ran.stderr).toBe(0);
    const schedule = JSON.parse(ran.stdout) as { rounds: unknown[][]; repeats: number };
    expect(schedule.rounds).toHaveLength(3);
    expect((await series(tag)).stdout).toContain('Round 3');
    const none = await series('no such tag');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nobody is tagged “no such tag”');
  });
});
