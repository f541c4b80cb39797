import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import {
  anyWeightCounts,
  ENGINE_WEIGHTS,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from '../../domain/engine-weights';
import { ROLES, type Role } from '../../domain/workspace';
import {
  ApiError,
  type ApiTokenCreated,
  api,
  type EngineWeights,
  type EngineWeightsView,
  type ExportFormat,
} from '../api/client';
import { useConfirm } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { formatDay } from '../lib/date';

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  editor: 'Editor',
  viewer: 'Viewer',
};

/** The workspace, its members, the introduction engine, your API tokens and your account. */
export function SettingsPage() {
  useDocumentTitle('Settings');
  const { workspace } = useSession();
  return (
    <div className="page page-narrow">
      <h1>Settings</h1>
      <WorkspaceSection />
      <MembersSection />
      {/* Keyed: unsaved slider positions belong to the workspace they were made in. */}
      <WeightsSection key={workspace.id} />
      <ContactsSection />
      <TokensSection />
      <AccountSection />
    </div>
  );
}

function WorkspaceSection() {
  const { me, workspace, selectWorkspace, refresh } = useSession();
  const switchId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.workspaces.create(name.trim());
      await refresh();
      selectWorkspace(created.id);
      setName('');
      setCreating(false);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="ws-title">
      <h2 id="ws-title">Workspace</h2>
      <p>
        You are working in <strong>{workspace.name}</strong> as{' '}
        {ROLE_LABELS[workspace.role as Role] ?? workspace.role}.
      </p>
      {me.workspaces.length > 1 ? (
        <div className="field">
          <label className="field-label" htmlFor={switchId}>
            Switch workspace
          </label>
          <select
            id={switchId}
            value={workspace.id}
            onChange={(e) => selectWorkspace(e.target.value)}
          >
            {me.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {creating ? (
        <form className="inline-form" onSubmit={create}>
          <Field
            label="New workspace"
            error={error instanceof ApiError ? error.reasonFor('name') : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                placeholder="The running club"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={!name.trim()}>
            Create
          </button>
        </form>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setCreating(true)}>
          New workspace…
        </button>
      )}
      {error instanceof ApiError && error.fields.length > 0 ? null : <ErrorNotice error={error} />}
    </section>
  );
}

function MembersSection() {
  const { workspace } = useSession();
  const members = useFetch(() => api.workspaces.members(workspace.id), [workspace.id]);
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isOwner = workspace.role === 'owner';

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.workspaces.invite(workspace.id, { email: email.trim(), role });
      setEmail('');
      members.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {members.data ? (
        <ul className="rows" aria-label="Members">
          {members.data.map((m) => (
            <li key={m.email} className="row">
              <span className="row-main">
                <span>{m.name || m.email}</span>
                {m.name ? <span className="muted">{m.email}</span> : null}
              </span>
              <span className="row-side">
                {m.pending ? <span className="badge">Invited</span> : null}
                {ROLE_LABELS[m.role as Role] ?? m.role}
              </span>
            </li>
          ))}
        </ul>
      ) : members.error ? (
        <ErrorNotice error={members.error} />
      ) : (
        <Spinner inline label="Loading members" />
      )}
      {isOwner ? (
        <form className="inline-form" onSubmit={invite} aria-label="Invite a member">
          <Field
            label="Invite by email"
            error={error instanceof ApiError ? error.reasonFor('email') : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                inputMode="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <div className="field field-compact">
            <label className="field-label" htmlFor={roleId}>
              Role
            </label>
            <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy || !email.trim()}>
            Invite
          </button>
        </form>
      ) : (
        <p className="muted">Only the workspace’s owners can invite members.</p>
      )}
      {error instanceof ApiError && error.reasonFor('email') ? null : <ErrorNotice error={error} />}
    </section>
  );
}

/** Slider steps: fine enough to tune, coarse enough to land on the same value twice. */
const WEIGHT_STEP = 0.05;

/** The host's tuning of the introduction engine: one slider per part of a pair's value. */
function WeightsSection() {
  const { workspace, canEdit } = useSession();
  const saved = useFetch((signal) => api.network.weights(workspace.id, signal), [workspace.id]);
  const [draft, setDraft] = useState<EngineWeights | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const weights = draft ?? saved.data?.weights;
  const defaults = saved.data?.defaults;

  /** Shows the weights the server answers with, once it has stored them. */
  const settle = async (work: Promise<EngineWeightsView>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      saved.set(await work);
      setDraft(null);
      setDone(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft)
      void settle(
        api.network.setWeights(workspace.id, draft),
        'Saved. Suggestions and introductions now follow these weights.',
      );
  };

  const reasonFor = (field: string) =>
    error instanceof ApiError ? error.fields.find((f) => f.field === field)?.reason : undefined;

  return (
    <section className="card settings-section" aria-labelledby="weights-title">
      <h2 id="weights-title">What makes a good introduction</h2>
      <p>
        Salon weighs these when it suggests who should meet. What counts is how they compare: slide
        up what matters most to you.
      </p>
      {weights && defaults ? (
        <form className="stack weights" onSubmit={save} aria-label="Introduction weights">
          {ENGINE_WEIGHTS.map(({ name, label, explanation }) => (
            <Field
              key={name}
              label={label}
              hint={
                weights[name] === defaults[name]
                  ? explanation
                  : `${explanation} (default ${defaults[name].toFixed(2)})`
              }
              error={reasonFor(`weights.${name}`)}
            >
              {(control) => (
                <div className="weight-control">
                  <input
                    {...control}
                    type="range"
                    min={WEIGHT_MIN}
                    max={WEIGHT_MAX}
                    step={WEIGHT_STEP}
                    value={weights[name]}
                    disabled={!canEdit || busy}
                    onChange={(e) => {
                      setDraft({ ...weights, [name]: Number(e.target.value) });
                      setDone(null);
                    }}
                  />
                  {/* The slider announces its own value; this is the same number, for the eye. */}
                  <span className="weight-value" aria-hidden="true">
                    {weights[name].toFixed(2)}
                  </span>
                </div>
              )}
            </Field>
          ))}
          {anyWeightCounts(weights) ? null : (
            <p className="field-error">
              Let at least one count: with all at 0, no pair is worth meeting.
            </p>
          )}
          {canEdit ? (
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={busy || !draft || !anyWeightCounts(weights)}
              >
                Save
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={busy}
                onClick={() =>
                  settle(api.network.resetWeights(workspace.id), 'Back to the defaults.')
                }
              >
                Back to defaults
              </button>
            </div>
          ) : (
            <p className="muted">Only the workspace’s owners and editors can change these.</p>
          )}
        </form>
      ) : saved.error ? (
        <ErrorNotice error={saved.error} />
      ) : (
        <Spinner inline label="Loading the weights" />
      )}
      {done ? (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
}

const EXPORTS: ReadonlyArray<{ format: ExportFormat; label: string; hint: string }> = [
  {
    format: 'vcard',
    label: 'vCard 3.0',
    hint: 'For phones, Google Contacts and most mail programs',
  },
  { format: 'vcard4', label: 'vCard 4.0', hint: 'The newer vCard, for programs that read it' },
  { format: 'csv', label: 'CSV', hint: 'For a spreadsheet' },
  {
    format: 'json',
    label: 'JSON backup',
    hint: 'Everything in this workspace: people, ties and moments, to restore later',
  },
];

function ContactsSection() {
  const { workspace, canEdit } = useSession();
  return (
    <section className="card settings-section" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Contacts in and out</h2>
      <p>Your network is yours: take it anywhere, any time.</p>
      <ul className="exports" aria-label="Downloads">
        {EXPORTS.map((e) => (
          <li key={e.format} className="export">
            <a
              className="button export-link"
              href={api.contacts.exportUrl(workspace.id, e.format)}
              download
            >
              <Icon name="download" size={18} />
              <span>Download {e.label}</span>
            </a>
            <span className="muted export-hint">{e.hint}</span>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <p className="settings-more">
          <Link to="/import">Import contacts</Link> from LinkedIn, Google, Outlook or a vCard file.
        </p>
      ) : null}
    </section>
  );
}

function TokensSection() {
  const tokens = useFetch(() => api.tokens.list(), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const confirm = useConfirm();
  const [error, setError] = useState<unknown>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCopied(false);
    try {
      setCreated(await api.tokens.create(name.trim()));
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (id: string, tokenName: string) => {
    const confirmed = await confirm.ask({
      title: `Revoke “${tokenName}”?`,
      message: 'Scripts using this token will stop working.',
      confirmLabel: 'Revoke',
    });
    if (!confirmed) return;
    try {
      await api.tokens.revoke(id);
      if (created?.id === id) setCreated(null);
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      {confirm.dialog}
      <p className="muted">
        For scripts and the command line: send <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {created ? (
        <div className="notice notice-success" role="status">
          <strong className="notice-title">Token “{created.name}” created.</strong>
          <span>Copy it now: it will not be shown again.</span>
          <div className="token-secret">
            <code>{created.token}</code>
            <button type="button" className="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
      {tokens.data ? (
        tokens.data.length === 0 ? (
          <p className="muted">No tokens yet.</p>
        ) : (
          <ul className="rows" aria-label="API tokens">
            {tokens.data.map((t) => (
              <li key={t.id} className="row">
                <span className="row-main">
                  <span>{t.name}</span>
                  <span className="muted">
                    Created {formatDay(t.createdAt)} ·{' '}
                    {t.lastUsedAt ? `last used ${formatDay(t.lastUsedAt)}` : 'never used'}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Revoke ${t.name}`}
                  onClick={() => revoke(t.id, t.name)}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )
      ) : tokens.error ? (
        <ErrorNotice error={tokens.error} />
      ) : (
        <Spinner inline label="Loading tokens" />
      )}
      <form className="inline-form" onSubmit={create} aria-label="Create a token">
        <Field
          label="Token name"
          error={error instanceof ApiError ? error.reasonFor('name') : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              placeholder="Laptop script"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={!name.trim()}>
          Create token
        </button>
      </form>
      {error instanceof ApiError && error.reasonFor('name') ? null : <ErrorNotice error={error} />}
    </section>
  );
}

function AccountSection() {
  const { me, signOut } = useSession();
  return (
    <section className="card settings-section" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <p>
        Signed in as <strong>{me.user.name || me.user.email}</strong>
        {me.user.name ? <span className="muted"> ({me.user.email})</span> : null}.
      </p>
      <button type="button" className="button" onClick={() => signOut()}>
        Sign out
      </button>
    </section>
  );
}
