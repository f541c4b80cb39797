import { TIE_STRENGTH_MAX } from '../../domain/tie';
import { STRENGTH_LABELS } from '../lib/labels';

/** A tie's strength as filled dots, read out in words. */
export function StrengthMeter({ strength }: { strength: number }) {
  const label = `Strength ${strength} of ${TIE_STRENGTH_MAX}: ${STRENGTH_LABELS[strength] ?? ''}`;
  return (
    <span className="strength" role="img" aria-label={label} title={label}>
      {Array.from({ length: TIE_STRENGTH_MAX }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, not items.
        <span key={i} className={i < strength ? 'strength-dot on' : 'strength-dot'} />
      ))}
    </span>
  );
}
