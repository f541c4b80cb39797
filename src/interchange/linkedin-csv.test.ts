import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLinkedInExport } from '../../bench/generators/linkedin-export';
import { isDomainError } from '../domain/errors';
import { formatProblem } from './import-record';
import { parseLinkedInCsv, parseLinkedInDate } from './linkedin-csv';
import { chunked, drain, fixture, problemsOf, recordsOf } from './testing';
import { byteSource } from './text-stream';

describe('LinkedIn dates', () => {
  it('reads the current "09 Oct 2024" and the older "1/8/18, 6:14 PM" as ISO dates', () => {
    expect(parseLinkedInDate('09 Oct 2024')).toBe('2024-10-09');
    expect(parseLinkedInDate('1/8/18, 6:14 PM')).toBe('2018-01-08');
    expect(parseLinkedInDate('12/31/2017')).toBe('2017-12-31');
    expect(parseLinkedInDate('2021-06-15')).toBe('2021-06-15');
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(parseLinkedInDate('31 Feb 2024')).toBeNull();
    expect(parseLinkedInDate('13/1/18, 6:14 PM')).toBeNull();
    expect(parseLinkedInDate('sometime in 2024')).toBeNull();
  });
});

describe('LinkedIn Connections.csv', () => {
  it('finds the header below the Notes preamble and reads every connection with its line', async () => {
    const records = recordsOf(
      await drain(parseLinkedInCsv(byteSource(fixture('linkedin-current.csv')))),
    );
    expect(records.map((r) => [r.line, r.displayName])).toEqual([
      [5, 'Ana Silva'],
      [6, 'José García López'],
      [7, 'Mei Chen'],
      [8, 'Jürgen Weiß'],
      [9, 'Olu Adeyemi'],
    ]);
    expect(records[0]).toEqual({
      line: 5,
      source: 'linkedin',
      displayName: 'Ana Silva',
      givenName: 'Ana',
      familyName: 'Silva',
      emails: ['ana.silva@example.com'],
      phones: [],
      organization: 'Verdant Capital',
      title: 'Partner',
      location: null,
      notes: null,
      tags: [],
      linkedinUrl: 'https://www.linkedin.com/in/ana-silva-4b2a1',
      contactLabels: {},
      websites: [],
      relatedNames: [],
      dates: [],
      connectedOn: '2024-10-09',
    });
  });

  it('reads quoted companies and positions with commas and doubled quotes', async () => {
    const records = recordsOf(
      await drain(parseLinkedInCsv(byteSource(fixture('linkedin-current.csv')))),
    );
    expect(records[1]?.organization).toBe('Acme, Inc.');
    expect(records[2]?.title).toBe('Director, Partnerships');
    expect(records[4]?.organization).toBe('Kola "Studio" Ltd');
  });

  it('normalises profile URLs from country subdomains, with capitals and trailing slashes', async () => {
    const records = recordsOf(
      await drain(parseLinkedInCsv(byteSource(fixture('linkedin-current.csv')))),
    );
    expect(records[3]?.linkedinUrl).toBe('https://www.linkedin.com/in/juergen-weiss');
  });

  it('reads older exports without preamble or URL, and drops a member URN in the email column', async () => {
    const records = recordsOf(
      await drain(parseLinkedInCsv(byteSource(fixture('linkedin-legacy.csv')))),
    );
    expect(records.map((r) => [r.displayName, r.emails, r.connectedOn])).toEqual([
      ['Carla Mendes', ['carla@example.com'], '2018-01-08'],
      ['Dev Patel', [], '2017-12-31'],
      ['Zoë Quinn', [], '2016-07-04'],
    ]);
    expect(records.every((r) => r.linkedinUrl === null)).toBe(true);
  });

  it('reports bad rows as file:line: field: reason and keeps reading', async () => {
    const items = await drain(parseLinkedInCsv(byteSource(fixture('linkedin-bad-rows.csv'))));
    expect(recordsOf(items).map((r) => r.displayName)).toEqual(['Ana Silva']);
    expect(problemsOf(items).map((p) => formatProblem('Connections.csv', p))).toEqual([
      'Connections.csv:6: First Name: a person needs a name or an email',
      'Connections.csv:7: Email Address: "ben.okafor@" is not an email address',
      'Connections.csv:8: Connected On: "sometime in 2024" is not a date',
    ]);
  });

  it('gives the same items and lines when the file arrives in 7-byte chunks', async () => {
    const bytes = fixture('linkedin-current.csv');
    expect(await drain(parseLinkedInCsv(chunked(bytes, 7)))).toEqual(
      await drain(parseLinkedInCsv(byteSource(bytes))),
    );
  });

  it('rejects a file without a LinkedIn header in one sentence', async () => {
    await expect(drain(parseLinkedInCsv(byteSource(fixture('no-header.csv'))))).rejects.toThrow(
      'No recognisable LinkedIn header: the file has no row of LinkedIn column names.',
    );
  });

  it('rejects a file that ends inside a quoted cell as truncated', async () => {
    const failure = drain(parseLinkedInCsv(byteSource(fixture('truncated-quote.csv'))));
    await expect(failure).rejects.toSatisfy(isDomainError);
    await expect(failure).rejects.toThrow(/it looks truncated/);
  });

  it('streams a generated 50,000-row export from disk in bounded time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salon-linkedin-'));
    try {
      const path = join(dir, 'Connections.csv');
      await writeLinkedInExport(path, 50_000, 7);
      const started = performance.now();
      let records = 0;
      let lastLine = 0;
      for await (const item of parseLinkedInCsv(createReadStream(path))) {
        if (item.kind === 'record') {
          records++;
          lastLine = item.record.line;
        }
      }
      const seconds = (performance.now() - started) / 1000;
      expect(records).toBe(50_000);
      expect(lastLine).toBe(50_004);
      // Measured at about 0.2 s; the bound only catches an accidental quadratic.
      expect(seconds).toBeLessThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
