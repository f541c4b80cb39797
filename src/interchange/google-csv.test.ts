import { describe, expect, it } from 'vitest';
import { googleLabelsToTags, parseGoogleCsv } from './google-csv';
import { drain, fixture, problemsOf, recordsOf } from './testing';
import { byteSource } from './text-stream';

describe('Google Contacts CSV', () => {
  it('turns labels into tags without the myContacts and starred system labels', () => {
    expect(googleLabelsToTags('* myContacts ::: Running club ::: * starred')).toEqual([
      'Running club',
    ]);
    expect(googleLabelsToTags('* My Contacts ::: * Friends')).toEqual(['Friends']);
  });

  it('reads the current layout behind a BOM, with " ::: " values and multi-line notes', async () => {
    const items = await drain(parseGoogleCsv(byteSource(fixture('google-current.csv'))));
    const [ana, renee, coach] = recordsOf(items);
    expect(ana).toMatchObject({
      line: 2,
      source: 'google',
      displayName: 'Ana Silva',
      emails: ['ana.silva@example.com', 'ana@silva.example'],
      phones: ['+14155550132'],
      organization: 'Verdant Capital',
      title: 'Partner',
      location: 'San Francisco, CA, US',
      notes: 'Met at the 10k in May.\nRaising a climate fund; wants intros to LPs.',
      tags: ['Running club'],
      linkedinUrl: 'https://www.linkedin.com/in/ana-silva-4b2a1',
      relatedNames: [{ name: 'Rui Silva', relation: 'Spouse' }],
    });
    // The multi-line note of row 2 puts the next record on line 4.
    expect(renee).toMatchObject({
      line: 4,
      displayName: 'Renée M. Dubois',
      phones: ['+33612345678', '+33142685300'],
      tags: ['Board', 'Running club'],
    });
    expect(coach).toMatchObject({ line: 5, displayName: 'Coach K', phones: ['4155550199'] });
  });

  it('normalises numbers without a + to E.164 when given a default country', async () => {
    const items = await drain(
      parseGoogleCsv(byteSource(fixture('google-current.csv')), { defaultCountry: 'US' }),
    );
    expect(recordsOf(items)[2]?.phones).toEqual(['+14155550199']);
  });

  it('rejects a row with no name and no email, naming its line', async () => {
    const items = await drain(parseGoogleCsv(byteSource(fixture('google-current.csv'))));
    expect(problemsOf(items)).toEqual([
      { line: 6, field: 'First Name', reason: 'a person needs a name or an email' },
    ]);
  });

  it('reads the legacy layout with Group Membership and numbered Type/Value groups', async () => {
    const [mei, tomas] = recordsOf(
      await drain(parseGoogleCsv(byteSource(fixture('google-legacy.csv')))),
    );
    expect(mei).toMatchObject({
      line: 2,
      displayName: 'Mei Chen',
      givenName: 'Mei',
      familyName: 'Chen',
      emails: ['mei.chen@example.com', 'mei@chen.example', 'meichen@example.org'],
      phones: ['+442079460958'],
      organization: 'Northwind Traders',
      title: 'Director, Partnerships',
      location: 'London, United Kingdom',
      notes: 'Board of the food bank.\n"Loves" sourdough.',
      tags: ['Volunteers', 'Friends'],
    });
    expect(tomas).toMatchObject({ line: 4, displayName: 'Tomás Ruiz', tags: [] });
  });
});
