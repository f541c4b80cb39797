import { describe, expect, it } from 'vitest';
import { BLANK_CONTACT } from '../domain/person';
import {
  applyGroups,
  buildImportItem,
  formatProblem,
  type ImportRecord,
  toPersonDraft,
} from './import-record';

const base = { line: 4, source: 'vcard', nameField: 'FN' } as const;

describe('building import records', () => {
  it('renders a problem as file:line: field: reason', () => {
    expect(
      formatProblem('contacts.csv', { line: 12, field: 'E-mail 1 - Value', reason: 'bad' }),
    ).toBe('contacts.csv:12: E-mail 1 - Value: bad');
  });

  it('trims values, drops duplicate emails ignoring case, and tidies tags', () => {
    const item = buildImportItem({
      ...base,
      displayName: '  Ana Silva ',
      emails: [
        { value: ' Ana@Example.com ', field: 'EMAIL' },
        { value: 'ana@example.com', field: 'EMAIL' },
      ],
      phones: [{ value: '+1 415 555 0132', field: 'TEL' }],
      tags: ['Board', ' board ', '', 'Running club'],
    });
    expect(item).toMatchObject({
      kind: 'record',
      record: {
        displayName: 'Ana Silva',
        emails: ['Ana@Example.com'],
        phones: ['+14155550132'],
        tags: ['Board', 'Running club'],
      },
    });
  });

  it('rejects a stature outside 1–5 and a phone without digits, naming each field', () => {
    const item = buildImportItem({
      ...base,
      displayName: 'Ana',
      stature: { value: '7', field: 'Stature' },
      phones: [{ value: 'ask her', field: 'TEL' }],
    });
    expect(item).toEqual({
      kind: 'invalid',
      line: 4,
      problems: [
        { line: 4, field: 'TEL', reason: '"ask her" has no digits' },
        { line: 4, field: 'Stature', reason: 'must be a whole number from 1 to 5' },
      ],
    });
  });

  it('accepts a whole-number stature and passes it to the person draft', () => {
    const item = buildImportItem({
      ...base,
      displayName: 'Ana',
      stature: { value: '4', field: 'Stature' },
    });
    if (item.kind !== 'record') throw new Error('expected a record');
    expect(toPersonDraft(item.record)).toMatchObject({
      displayName: 'Ana',
      stature: 4,
      source: 'vcard',
    });
  });

  it('gives group names to members found by UID or by email, as groups and tags', () => {
    const record = (displayName: string, extra: Partial<ImportRecord>): ImportRecord => ({
      line: 1,
      source: 'vcard',
      displayName,
      ...BLANK_CONTACT,
      tags: ['Friends'],
      ...extra,
    });
    const records = applyGroups(
      [
        record('Ana', { uid: 'abc' }),
        record('Ben', { emails: ['Ben@Example.com'] }),
        record('Cleo', {}),
      ],
      [{ line: 9, name: 'Board', members: ['uid:abc', 'email:ben@example.com'] }],
    );
    expect(records.map((r) => [r.displayName, r.tags, r.groups])).toEqual([
      ['Ana', ['Friends', 'Board'], ['Board']],
      ['Ben', ['Friends', 'Board'], ['Board']],
      ['Cleo', ['Friends'], undefined],
    ]);
  });
});
