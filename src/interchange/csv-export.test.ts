import { describe, expect, it } from 'vitest';
import { BLANK_CONTACT } from '../domain/person';
import { type CsvPerson, csvCell, exportCsv, exportPeopleCsv } from './csv-export';
import { csvRows } from './csv-tokenize';
import { drain } from './testing';

const ana: CsvPerson = {
  ...BLANK_CONTACT,
  displayName: 'Ana "AS" Silva',
  givenName: 'Ana',
  familyName: 'Silva',
  emails: ['ana@example.com', 'ana@silva.example'],
  phones: ['+14155550132'],
  organization: 'Verdant Capital, LLC',
  title: '=HYPERLINK("http://evil.example","click")',
  location: null,
  tags: ['Running club'],
  interests: [],
  asks: ['-seed round'],
  offers: [],
  notes: 'Line one\nLine two',
  stature: 4,
  howWeMet: '@ the 10k',
  source: 'linkedin',
  lastContactOn: '2025-01-02',
  linkedinUrl: 'https://www.linkedin.com/in/ana-silva',
};

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

describe('exporting CSV', () => {
  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('a; b');
  });

  it("neutralises cells that a spreadsheet would run as a formula with a leading '", () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}SUM(A1:A9)`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('+49 30 1234567; +SUM(A1)')).toBe("'+49 30 1234567; +SUM(A1)");
    expect(csvCell(4)).toBe('4');
  });

  it('leaves phone numbers as they are: a number is not a formula, an apostrophe would stay', () => {
    expect(csvCell('+14155550132')).toBe('+14155550132');
    expect(csvCell('+49 30 1234567')).toBe('+49 30 1234567');
    expect(csvCell(['+491701112223', '+1 (415) 555-0132;ext=12'])).toBe(
      '+491701112223; +1 (415) 555-0132;ext=12',
    );
  });

  it('writes a header and one CRLF line per person that a CSV reader reads back', async () => {
    const text = [...exportPeopleCsv([ana])].join('');
    expect(text.startsWith('Display Name,Given Name,Family Name,Emails,Phones,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row] = await drain(csvRows(once(text)));
    const cell = (name: string) => row!.cells[header!.cells.indexOf(name)];
    expect(cell('Display Name')).toBe('Ana "AS" Silva');
    expect(cell('Emails')).toBe('ana@example.com; ana@silva.example');
    expect(cell('Organization')).toBe('Verdant Capital, LLC');
    expect(cell('Title')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(cell('Asks')).toBe("'-seed round");
    expect(cell('How We Met')).toBe("'@ the 10k");
    expect(cell('Notes')).toBe('Line one\nLine two');
    expect(cell('Stature')).toBe('4');
  });

  it('writes any rows with the columns given', () => {
    const lines = [...exportCsv([{ n: 1 }, { n: 2 }], [{ header: 'N', value: (r) => r.n }])];
    expect(lines).toEqual(['N\r\n', '1\r\n', '2\r\n']);
  });
});
