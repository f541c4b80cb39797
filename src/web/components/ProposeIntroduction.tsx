import { useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { copyText } from '../lib/clipboard';
import { introDraft, mailtoOf } from '../lib/introduction';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

interface Side {
  readonly id: string;
  readonly displayName: string;
}

interface ProposeIntroductionProps {
  readonly a: Side;
  readonly b: Side;
  /** The engine's reasons addressed to the two: "why I thought of you two". */
  readonly letter: string;
}

/**
 * "Propose introduction", for now: a draft email to both people that the host copies or opens in
 * their own mail program. It says plainly that Salon neither sends nor tracks it yet.
 */
export function ProposeIntroduction({ a, b, letter }: ProposeIntroductionProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="propose">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="mail" size={16} />
        <span>Propose introduction</span>
      </button>
      <div id={panelId} hidden={!open}>
        {open ? <Draft a={a} b={b} letter={letter} /> : null}
      </div>
    </div>
  );
}

function Draft({ a, b, letter }: ProposeIntroductionProps) {
  const { workspace, me } = useSession();
  const draftId = useId();
  const people = useFetch(
    (signal) =>
      Promise.all([
        api.people.get(workspace.id, a.id, signal),
        api.people.get(workspace.id, b.id, signal),
      ]),
    [workspace.id, a.id, b.id],
  );
  const [body, setBody] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [pa, pb] = people.data ?? [];
  const draft = introDraft(pa ?? a, pb ?? b, letter, me.user.name);

  // The first draft arrives with the people's details; from then on it is the host's text.
  useEffect(() => {
    if (people.data && body === null) setBody(draft.body);
  }, [people.data, body, draft.body]);

  if (!people.data && !people.error) return <Spinner inline label="Preparing a draft" />;

  const text = body ?? draft.body;
  const emails = [pa?.emails[0], pb?.emails[0]].filter((e): e is string => !!e);
  const missing = [
    pa && pa.emails.length > 0 ? null : a.displayName,
    pb && pb.emails.length > 0 ? null : b.displayName,
  ].filter((name): name is string => name !== null);

  const copy = async () => setCopied(await copyText(`${draft.subject}\n\n${text}`));

  return (
    <div className="propose-panel">
      <p className="propose-note">
        Salon does not send or track introductions yet: that comes with hosting. Here is a draft to
        send yourself.
      </p>
      <label className="field-label" htmlFor={draftId}>
        Draft to {a.displayName} and {b.displayName}
      </label>
      <textarea
        id={draftId}
        rows={9}
        value={text}
        onChange={(e) => {
          setBody(e.target.value);
          setCopied(null);
        }}
      />
      {missing.length > 0 ? (
        <p className="field-hint">
          No email on file for {missing.join(' or ')}: add {missing.length > 1 ? 'them' : 'it'} in
          your mail program.
        </p>
      ) : null}
      <div className="propose-actions">
        <button type="button" className="button button-small" onClick={copy}>
          <Icon name="copy" size={16} />
          <span>Copy text</span>
        </button>
        <a
          className="button button-small"
          href={mailtoOf(emails, { subject: draft.subject, body: text })}
        >
          <Icon name="mail" size={16} />
          <span>Open in your mail program</span>
        </a>
        <span className="propose-status" role="status">
          {copied === true ? 'Copied to the clipboard.' : null}
          {copied === false ? 'Could not copy: select the text and copy it yourself.' : null}
        </span>
      </div>
    </div>
  );
}
