import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openEmpty, testDialects } from '../testing';
import { migrations } from './index';

describe.each(testDialects())('migration 0009-contact-details on %s', (dialect) => {
  it('stores international phones as E.164 and moves related names out of profiles', async () => {
    const { db, close } = await openEmpty(dialect);
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0007-tie-graph')).error).toBeUndefined();
      const now = '2026-01-01T00:00:00.000Z';
      await db.insertInto('workspaces').values({ id: 'w', name: 'W', created_at: now }).execute();
      const person = (id: string, phones: string[], profiles: object | null) => ({
        workspace_id: 'w',
        id,
        display_name: id,
        sort_key: id,
        phones: JSON.stringify(phones),
        profiles: profiles ? JSON.stringify(profiles) : null,
        source: 'manual',
        created_at: now,
        updated_at: now,
      });
      const spouse = { name: 'Rui Silva', relation: 'Spouse' };
      const twitter = { service: 'twitter', url: 'http://twitter.com/ana', user: 'ana' };
      await db
        .insertInto('people')
        .values([
          person('a', ['+49 30 1234567', '+491701112223', '0309876543'], {
            relatedNames: [spouse],
            socialProfiles: [twitter],
          }),
          person('b', ['+1 (415) 555-0132;ext=12', '+49 30 1234567'], { relatedNames: [spouse] }),
          person('c', ['+44 20 7946 0958'], null),
        ])
        .execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const rows = await db
        .selectFrom('people')
        .select(['id', 'phones', 'profiles', 'related_names', 'websites', 'dates'])
        .orderBy('id')
        .execute();
      const parse = (text: string | null) => (text === null ? null : JSON.parse(text));
      expect(
        rows.map((r) => ({
          id: r.id,
          phones: parse(r.phones),
          profiles: parse(r.profiles),
          related: parse(r.related_names),
          websites: r.websites,
          dates: r.dates,
        })),
      ).toEqual([
        {
          id: 'a',
          phones: ['+49301234567', '+491701112223', '0309876543'],
          profiles: { socialProfiles: [twitter] },
          related: [spouse],
          websites: null,
          dates: null,
        },
        {
          id: 'b',
          phones: ['+14155550132;ext=12', '+49301234567'],
          profiles: null,
          related: [spouse],
          websites: null,
          dates: null,
        },
        {
          id: 'c',
          phones: ['+442079460958'],
          profiles: null,
          related: null,
          websites: null,
          dates: null,
        },
      ]);

      expect((await migrator.migrateTo('0007-tie-graph')).error).toBeUndefined();
    } finally {
      await close();
    }
  });
});
