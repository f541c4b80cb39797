import { describe, expect, it } from 'vitest';
import { parseOutlookCsv } from './outlook-csv';
import { chunked, drain, fixture, recordsOf } from './testing';
import { byteSource } from './text-stream';

describe('Outlook CSV', () => {
  it('reads the quoted desktop export in Windows-1252 with its accents intact', async () => {
    const [zoe, jurgen] = recordsOf(
      await drain(parseOutlookCsv(byteSource(fixture('outlook-desktop-win1252.csv')))),
    );
    expect(zoe).toMatchObject({
      line: 2,
      source: 'outlook',
      displayName: 'Zoé Lefèvre',
      emails: ['zoe.lefevre@example.fr'],
      phones: ['+33698765432', '+33142142000'],
      organization: 'Société Générale',
      title: 'Analyste',
      location: 'Paris, France',
      notes: 'Prefers mornings.\nAllergic to nuts.',
      tags: ['Clients', 'Paris'],
    });
    expect(jurgen).toMatchObject({
      line: 4,
      displayName: 'Jürgen Müller',
      organization: 'Bäckerei Müller',
      location: 'München, Deutschland',
      tags: ['Nachbarn'],
    });
  });

  it('skips Exchange X.500 addresses and keeps the next real email', async () => {
    const [, jurgen] = recordsOf(
      await drain(parseOutlookCsv(byteSource(fixture('outlook-desktop-win1252.csv')))),
    );
    expect(jurgen?.emails).toEqual(['juergen@example.de']);
  });

  it('decodes Windows-1252 even when a chunk boundary falls right before an accent', async () => {
    const bytes = fixture('outlook-desktop-win1252.csv');
    expect(await drain(parseOutlookCsv(chunked(bytes, 3)))).toEqual(
      await drain(parseOutlookCsv(byteSource(bytes))),
    );
  });

  it('reads the unquoted variant other programs write, with its Name column', async () => {
    const [sam, ngozi] = recordsOf(
      await drain(parseOutlookCsv(byteSource(fixture('outlook-variant.csv')))),
    );
    expect(sam).toMatchObject({
      displayName: 'Sam Rivera',
      emails: ['sam@rivera.example'],
      phones: ['2125550143'],
      organization: 'Rivera & Sons',
      location: 'New York, NY',
      linkedinUrl: 'https://www.linkedin.com/in/samrivera',
    });
    expect(ngozi).toMatchObject({ displayName: 'Ngozi Eze', notes: 'Golf, Saturdays' });
  });
});
