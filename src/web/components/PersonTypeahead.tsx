import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { api, type Person } from '../api/client';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useFetch } from '../hooks/useFetch';
import { Avatar } from './Avatar';

interface PersonTypeaheadProps {
  readonly workspaceId: string;
  readonly label: string;
  readonly placeholder?: string;
  /** People already chosen, or who cannot be chosen here. */
  readonly excludeIds?: ReadonlySet<string>;
  /** Leave the host out: they are at every moment they log. */
  readonly excludeSelf?: boolean;
  readonly onPick: (person: Person) => void;
  /** When given, the list ends with "+ Add ‘Dana’" to create someone new on the spot. */
  readonly onCreate?: (name: string) => void;
  readonly autoFocus?: boolean;
}

type Option =
  | { readonly kind: 'person'; readonly person: Person }
  | { readonly kind: 'create'; readonly name: string };

const RESULTS = 8;

const subtitleOf = (person: Person): string =>
  [person.title, person.organization, person.location].filter(Boolean).join(' · ');

/**
 * Find someone by typing a few letters (the ARIA combobox pattern: arrows move, Enter picks,
 * Escape closes). It can also offer to add a new person under the name typed, as a distinct last
 * option: Enter picks the best match (waiting for the search to catch up with the typing), and
 * creates someone new only when the host moved to that option on purpose.
 */
export function PersonTypeahead({
  workspaceId,
  label,
  placeholder,
  excludeIds,
  excludeSelf,
  onPick,
  onCreate,
  autoFocus,
}: PersonTypeaheadProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** The host moved through the options with the arrows: Enter means the one they reached. */
  const [navigated, setNavigated] = useState(false);
  /** Enter came before the search caught up: pick once it has. */
  const [enterPending, setEnterPending] = useState(false);
  const typed = text.trim();
  const query = useDebouncedValue(typed, 120);
  const results = useFetch(
    async (signal) => ({
      query,
      items: query
        ? (await api.people.list(workspaceId, { q: query, limit: RESULTS + 4 }, signal)).items
        : [],
    }),
    [workspaceId, query],
  );
  // Settled once the results on hand answer what is in the box (not an earlier query).
  const settled = results.data?.query === typed && !results.loading;
  const people = (results.data?.items ?? [])
    .filter((p) => !excludeIds?.has(p.id) && !(excludeSelf && p.isSelf))
    .slice(0, RESULTS);
  const options: Option[] = typed
    ? [
        ...people.map((person): Option => ({ kind: 'person', person })),
        ...(onCreate ? [{ kind: 'create', name: typed } as const] : []),
      ]
    : [];
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (option: Option) => {
    if (option.kind === 'person') onPick(option.person);
    else onCreate?.(option.name);
    setText('');
    setActive(0);
    setNavigated(false);
    setOpen(false);
  };

  const pickOnEnter = () => {
    const option = options[activeIndex];
    if (option?.kind === 'person' || (option?.kind === 'create' && navigated)) choose(option);
    else setOpen(true);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the search settles.
  useEffect(() => {
    if (!enterPending || !settled) return;
    setEnterPending(false);
    pickOnEnter();
  }, [enterPending, settled]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setNavigated(true);
      setActive((activeIndex + 1) % Math.max(options.length, 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setNavigated(true);
      setActive((activeIndex - 1 + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter') {
      if (!typed) return;
      event.preventDefault();
      // While results are catching up with the typing, the best match is not known yet.
      if (settled) pickOnEnter();
      else setEnterPending(true);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
      }
    }
  };

  return (
    <div className="typeahead">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        autoComplete="off"
        autoCapitalize="words"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: opening "Log a moment" means typing a name next.
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setNavigated(false);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={label}
        className="typeahead-list"
        hidden={!expanded}
      >
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys.
          <div
            key={option.kind === 'person' ? option.person.id : 'create'}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className={`typeahead-option${option.kind === 'create' ? ' typeahead-option-create' : ''}`}
            // Keep focus in the box so the click lands before blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
            onMouseEnter={() => setActive(index)}
          >
            {option.kind === 'person' ? (
              <>
                <Avatar name={option.person.displayName} size="sm" />
                <span className="typeahead-text">
                  <span className="typeahead-name">
                    {option.person.displayName}
                    {option.person.isSelf ? <span className="badge">You</span> : null}
                  </span>
                  {subtitleOf(option.person) ? (
                    <span className="typeahead-sub">{subtitleOf(option.person)}</span>
                  ) : null}
                </span>
              </>
            ) : (
              <span className="typeahead-create">+ Add ‘{option.name}’ as someone new</span>
            )}
          </div>
        ))}
      </div>
      {open && typed && !settled ? <span className="typeahead-status">Searching…</span> : null}
    </div>
  );
}
