import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneKey } from './phone';

describe('normalising phone numbers', () => {
  it('writes numbers with a + or 00 prefix in E.164', () => {
    expect(normalizePhone('+49 221 9999123')).toBe('+492219999123');
    expect(normalizePhone('+1-213-555-1234')).toBe('+12135551234');
    expect(normalizePhone('0049 221 1234567')).toBe('+492211234567');
  });

  it('uses the default country for numbers without a prefix', () => {
    expect(normalizePhone('(404) 555-1212', { defaultCountry: 'US' })).toBe('+14045551212');
    expect(normalizePhone('0221 9999123', { defaultCountry: 'DE' })).toBe('+492219999123');
  });

  it('keeps only the digits when no country can be inferred', () => {
    expect(normalizePhone('(111) 555-1212')).toBe('1115551212');
    expect(normalizePhone('205246\\;\\;\\,\\;')).toBe('205246');
  });

  it('keeps extensions, from tel: URIs too', () => {
    expect(normalizePhone('tel:+1-555-555-5555;ext=5555')).toBe('+15555555555;ext=5555');
    expect(normalizePhone('555-1234 x12')).toBe('5551234;ext=12');
  });

  it('returns null for text without digits', () => {
    expect(normalizePhone('n/a')).toBeNull();
  });

  it('matches numbers by their main part, and not at all when too short to identify anyone', () => {
    expect(phoneKey('+1 555 555 5555 ext. 12')).toBe('+15555555555');
    expect(phoneKey('404.555.1212')).toBe(phoneKey('(404) 555-1212'));
    expect(phoneKey('112')).toBeNull();
  });
});
