import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { Icon } from './Icon';

export interface MapSearchOption {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
}

const SHOWN = 8;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Find someone on the map by name (the ARIA combobox pattern over the people drawn, searched
 * here, as they are all loaded already). Names starting with the text come first.
 */
export function MapSearch({
  options,
  selected,
  onPick,
  onClear,
}: {
  options: readonly MapSearchOption[];
  /** The person highlighted now: when the map clears it, the box clears too. */
  selected: string | null;
  onPick: (id: string) => void;
  onClear: () => void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const folded = useMemo(() => options.map((o) => fold(o.label)), [options]);

  useEffect(() => {
    if (selected === null) setText('');
  }, [selected]);

  const matches = useMemo(() => {
    const q = fold(text.trim());
    if (!q) return [];
    const starts: MapSearchOption[] = [];
    const contains: MapSearchOption[] = [];
    for (let i = 0; i < options.length && starts.length < SHOWN; i++) {
      const label = folded[i] ?? '';
      const option = options[i];
      if (!option) continue;
      if (label.startsWith(q) || label.includes(` ${q}`)) starts.push(option);
      else if (contains.length < SHOWN && label.includes(q)) contains.push(option);
    }
    return [...starts, ...contains].slice(0, SHOWN);
  }, [text, options, folded]);

  const expanded = open && matches.length > 0;
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (option: MapSearchOption) => {
    setText(option.label);
    setOpen(false);
    onPick(option.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((activeIndex + 1) % Math.max(matches.length, 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((activeIndex - 1 + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === 'Enter') {
      const option = matches[activeIndex];
      if (!expanded || !option) return;
      event.preventDefault();
      choose(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else {
        setText('');
        onClear();
      }
    }
  };

  return (
    <div className="typeahead map-search">
      <label htmlFor={id} className="visually-hidden">
        Find someone on the map
      </label>
      <span className="map-search-icon" aria-hidden="true">
        <Icon name="search" size={18} />
      </span>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Find someone on the map"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (!e.target.value) onClear();
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="People on the map"
        className="typeahead-list"
        hidden={!expanded}
      >
        {matches.map((option, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys.
          <div
            key={option.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className="typeahead-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
            onMouseEnter={() => setActive(index)}
          >
            <span className="typeahead-text">
              <span className="typeahead-name">{option.label}</span>
              {option.detail ? <span className="typeahead-sub">{option.detail}</span> : null}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
