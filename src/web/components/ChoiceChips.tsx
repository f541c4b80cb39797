import { useId } from 'react';

interface ChoiceChipsProps<T extends string> {
  /** Names the group for screen readers (and shows it, unless `hideLegend`). */
  readonly legend: string;
  readonly hideLegend?: boolean;
  readonly options: readonly T[];
  readonly labels: Readonly<Record<T, string>>;
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly size?: 'md' | 'sm';
  readonly className?: string;
}

/**
 * A one-of-several choice drawn as chips: native radio buttons underneath, so arrows, Tab and
 * screen readers all work as they do for any radio group.
 */
export function ChoiceChips<T extends string>({
  legend,
  hideLegend,
  options,
  labels,
  value,
  onChange,
  size = 'md',
  className,
}: ChoiceChipsProps<T>) {
  const name = useId();
  return (
    <fieldset className={`chips chips-${size}${className ? ` ${className}` : ''}`}>
      <legend className={hideLegend ? 'visually-hidden' : 'field-label'}>{legend}</legend>
      <div className="chips-options">
        {options.map((option) => (
          <label key={option} className={option === value ? 'chip chip-on' : 'chip'}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === value}
              onChange={() => onChange(option)}
            />
            <span>{labels[option]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
