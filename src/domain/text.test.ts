import { describe, expect, it } from 'vitest';
import { fold, words } from './text';

describe('fold', () => {
  it('lower-cases plain ASCII and strips diacritics from everything else', () => {
    expect(fold('Dana O’Brien-SMITH 42')).toBe('dana o’brien-smith 42');
    expect(fold('Ana@Example.COM')).toBe('ana@example.com');
    expect(fold('Jürgen Müller')).toBe('jurgen muller');
    expect(fold('ŁÓDŹ Straße Søren Æsir Œuvre Đorđe')).toBe(
      'lodz strasse soren aesir oeuvre dorde',
    );
  });

  it('splits folded text into words of letters and digits', () => {
    expect(words('  Chloé  van der Berg, PhD (Zürich) ')).toEqual([
      'chloe',
      'van',
      'der',
      'berg',
      'phd',
      'zurich',
    ]);
  });
});
