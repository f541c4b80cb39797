/**
 * Every sentence the engine and the app say about a demo network, read for the mistakes a host
 * would trip on: internal names, numbers that are not numbers, broken plurals, double negatives
 * and doubled words. The demo network carries asks, offers, circles and brokers, so its sentences
 * cover every kind of reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFieldLabel } from '../domain/person';
import type { Store } from '../store/store';
import { openTestStore } from '../store/testing';
import { listCircles } from './circles';
import type { AppContext } from './context';
import { hostWithDemo } from './host.fixtures';
import { introductions, suggestionsFor } from './introductions';
import { personReach, reachList } from './reach';
import type { Access } from './workspaces';

const NOW = new Date('2026-11-20T12:00:00Z');

/** What a host must never read, each with what it is. */
const MISTAKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[a-z]+[A-Z][a-zA-Z]*\b/, 'a camelCase identifier'],
  [/\b[a-z]+_[a-z_]+\b/, 'a snake_case identifier'],
  [/\b(undefined|null|NaN|Infinity)\b|\[object/, 'a value that is not text'],
  [
    /(^|[^\d,.])1 (matches|people|ties|circles|contacts|others|imports|moments|are|know)\b/,
    'a plural after 1',
  ],
  [
    /\b([02-9]|\d\d+) (match|person|tie|circle|contact|other|import|moment)\b(?! (of|in))/,
    'a singular after a number',
  ],
  [/\b(nobody|no one|none)\b[^.;]*\bnot\b/i, 'a double negative'],
  [/(?<![\p{L}\p{N}])([\p{L}\p{N}]+) \1(?![\p{L}\p{N}])/iu, 'a doubled word'],
  [/\b(offers|is looking for) (loves|enjoys|likes|wants|offers)\b/, 'a verb after a verb'],
  [/#\d/, 'an index instead of a name'],
  [/\s[,;.]|[,;]{2}|\.\./, 'broken punctuation'],
];

/** The mistakes in one sentence, named. */
const mistakesIn = (text: string): string[] =>
  MISTAKES.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${what}: ${text}`);

describe('the sentences about a demo network', () => {
  let store: Store;
  let ctx: AppContext;
  let access: Access;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    ({ ctx, access } = await hostWithDemo(
      store,
      { people: 300, ties: 1500, seed: 7 },
      { now: () => NOW },
    ));
  });
  afterAll(() => store.close());

  /** Everything said about the network: suggestions, introductions, reach and circles. */
  const sentences = async (): Promise<string[]> => {
    const said: string[] = [];
    const network = await ctx.network.get(access.workspaceId);
    const people = network.people.filter((_, i) => i % 5 === 0);
    for (const person of people) {
      const s = await suggestionsFor(ctx, access, person.id, 5);
      for (const one of s.suggestions) said.push(one.sentence, one.letter);
      if (s.reason) said.push(s.reason);
      said.push((await personReach(ctx, access, person.id)).explanation);
    }
    const intros = await introductions(ctx, access, 50);
    for (const one of intros.introductions) said.push(one.sentence, one.letter);
    if (intros.reason) said.push(intros.reason);
    for (const entry of (await reachList(ctx, access, 100)).people) said.push(entry.explanation);
    const circles = await listCircles(ctx, access);
    for (const circle of circles.circles)
      said.push(circle.name, ...circle.labels.map((l) => l.value));
    return said.filter((text) => text !== '');
  };

  it('names no internal identifier and breaks no grammar pattern', async () => {
    const said = await sentences();
    // Enough to cover every kind of reason, asks and offers among them.
    expect(said.length).toBeGreaterThan(300);
    expect(said.some((text) => / is looking for | both know /.test(text))).toBe(true);
    expect(said.flatMap(mistakesIn)).toEqual([]);
  });

  it('catches each mistake it looks for', () => {
    for (const wrong of [
      'adds givenName',
      'import_batches',
      'Ana is looking for undefined',
      '1 matches',
      '3 person',
      'Nobody called "Dana" was not found',
      'they both know know Carla',
      'you both know #12',
      'Phương Ngô offers loves organising street parties',
    ])
      expect(mistakesIn(wrong), wrong).not.toEqual([]);
    expect(mistakesIn('Ana is raising a seed round; 3 of your contacts know them')).toEqual([]);
  });

  it('names the fields of a person in words', () => {
    for (const field of ['givenName', 'familyName', 'linkedinUrl', 'howWeMet', 'lastContactOn'])
      expect(mistakesIn(`adds ${personFieldLabel(field)}`)).toEqual([]);
    expect(personFieldLabel('linkedinUrl')).toBe('LinkedIn profile');
  });
});
