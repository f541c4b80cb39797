import { initialsOf, toneOf } from '../lib/text';

const TONES = 6;

/** A person's initials on a soft tone derived from their name: recognisable, never loud. */
export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className={`avatar avatar-${size} tone-${toneOf(name, TONES)}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
