/**
 * A person's contact details as their card had them: emails and phones with their types
 * ("mobile · preferred") and labels, phones in international format, web sites, the people the
 * card names (spouse, assistant) and the dates to remember.
 */

import { formatPhone } from '../../contracts/phone';
import type { Person } from '../api/client';
import { formatCardDate } from '../lib/date';

type Label = Person['contactLabels'][string];

/** vCard types in the words a host uses; `internet`-like noise never reaches here. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  cell: 'mobile',
  work: 'work',
  home: 'home',
  pref: 'preferred',
  main: 'main',
  fax: 'fax',
  pager: 'pager',
  other: 'other',
  iphone: 'iPhone',
  car: 'car',
};

const DATE_WORDS: Readonly<Record<Person['dates'][number]['kind'], string>> = {
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  other: 'Date',
};

const describe = (label: Label | undefined): string =>
  label
    ? [label.label, ...label.types.map((t) => TYPE_WORDS[t] ?? t)]
        .filter((word): word is string => !!word)
        .join(' · ')
    : '';

function Kind({ text }: { text: string }) {
  return text ? <span className="muted"> ({text})</span> : null;
}

export function PersonContactCard({ person: p }: { person: Person }) {
  const count =
    p.emails.length + p.phones.length + p.websites.length + p.relatedNames.length + p.dates.length;
  if (count === 0) return null;
  return (
    <section className="card card-contact" aria-labelledby="contact-title">
      <h2 id="contact-title">Contact</h2>
      <ul className="plain-list">
        {p.emails.map((email) => (
          <li key={email}>
            <a href={`mailto:${email}`}>{email}</a>
            <Kind text={describe(p.contactLabels[email])} />
          </li>
        ))}
        {p.phones.map((phone) => (
          <li key={phone}>
            <a href={`tel:${phone.split(';')[0]?.replace(/[^\d+]/g, '')}`}>{formatPhone(phone)}</a>
            <Kind text={describe(p.contactLabels[phone])} />
          </li>
        ))}
        {p.websites.map((site) => (
          <li key={site.url}>
            {/^https?:\/\//i.test(site.url) ? (
              <a href={site.url} rel="noopener noreferrer" target="_blank">
                {site.url.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
              </a>
            ) : (
              site.url
            )}
            <Kind text={site.label ?? ''} />
          </li>
        ))}
        {p.relatedNames.map((related) => (
          <li key={`${related.name}|${related.relation ?? ''}`}>
            {related.relation ? `${related.relation}: ` : ''}
            {related.name}
          </li>
        ))}
        {p.dates.map((date) => (
          <li key={`${date.kind}|${date.date}|${date.label ?? ''}`}>
            {date.label ?? DATE_WORDS[date.kind]}: {formatCardDate(date.date)}
          </li>
        ))}
      </ul>
    </section>
  );
}
