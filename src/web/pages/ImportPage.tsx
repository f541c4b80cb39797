import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, type ImportBatch, type ImportReport, isAbort, type UndoResult } from '../api/client';
import { useConfirm } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { ImportDropZone } from '../components/ImportDropZone';
import { ImportCounts, ImportDetails } from '../components/ImportReportView';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { formatDay } from '../lib/date';
import { IMPORT_FORMAT_LABELS } from '../lib/labels';
import { plural } from '../lib/text';

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'previewing'; readonly sent: number }
  | { readonly kind: 'preview'; readonly report: ImportReport }
  | { readonly kind: 'importing'; readonly sent: number; readonly preview: ImportReport }
  | { readonly kind: 'done'; readonly report: ImportReport; readonly undone: UndoResult | null };

const sizeOf = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Contacts in: drop files, see a preview of what would happen (nothing written), import, see
 * the summary, and undo it if it was not what you wanted. Past imports are listed below.
 */
export function ImportPage() {
  useDocumentTitle('Import contacts');
  const { workspace, canEdit } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [undoing, setUndoing] = useState(false);
  const history = useFetch((signal) => api.contacts.imports(workspace.id, signal), [workspace.id]);
  const controller = useRef<AbortController | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const skipId = useId();

  useEffect(() => () => controller.current?.abort(), []);

  // Each new step is announced by moving focus to its heading.
  useEffect(() => {
    if (step.kind === 'preview' || step.kind === 'done') headingRef.current?.focus();
  }, [step.kind]);

  const run = async (chosen: File[], dryRun: boolean, skip: boolean) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setError(null);
    const preview = step.kind === 'preview' ? step.report : null;
    const progress = (sent: number) =>
      setStep(
        dryRun || !preview ? { kind: 'previewing', sent } : { kind: 'importing', sent, preview },
      );
    progress(0);
    try {
      const report = await api.contacts.importFiles(workspace.id, chosen, {
        dryRun,
        skipInvalid: skip,
        onUpload: progress,
        signal: current.signal,
      });
      if (current.signal.aborted) return;
      if (dryRun || !report.written) setStep({ kind: 'preview', report });
      else {
        setStep({ kind: 'done', report, undone: null });
        history.reload();
      }
    } catch (failure) {
      if (isAbort(failure)) return;
      setError(failure);
      setStep(preview ? { kind: 'preview', report: preview } : { kind: 'choose' });
    }
  };

  const choose = (chosen: File[]) => {
    setFiles(chosen);
    setSkipInvalid(false);
    void run(chosen, true, false);
  };

  const startOver = () => {
    controller.current?.abort();
    setFiles([]);
    setError(null);
    setStep({ kind: 'choose' });
  };

  const undo = async (batchId: string) => {
    setUndoing(true);
    setError(null);
    try {
      const undone = await api.contacts.undoImport(workspace.id, batchId);
      if (step.kind === 'done' && step.report.batchId === batchId) setStep({ ...step, undone });
      history.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setUndoing(false);
    }
  };

  if (!canEdit) {
    return (
      <div className="page page-medium">
        <h1>Import contacts</h1>
        <p className="muted">Only the workspace’s owners and editors can import contacts.</p>
      </div>
    );
  }

  return (
    <div className="page page-medium">
      <header className="page-header page-header-wrap">
        <div>
          <h1>Import contacts</h1>
          <p className="page-lead">
            Bring in the people you already know. You see what would happen before anything is
            written, and you can undo an import afterwards.
          </p>
        </div>
      </header>

      <ErrorNotice error={error} title="The files could not be imported." />

      {step.kind === 'choose' ? (
        <>
          <ImportDropZone onFiles={choose} />
          <ExportHelp />
        </>
      ) : null}

      {step.kind === 'previewing' || step.kind === 'importing' ? (
        <section className="card import-progress" aria-busy="true" aria-labelledby="progress-title">
          <h2 id="progress-title">
            {step.kind === 'importing' ? 'Importing…' : 'Reading your files…'}
          </h2>
          <FileList files={files} />
          <Progress sent={step.sent} importing={step.kind === 'importing'} />
          <button type="button" className="button button-quiet import-cancel" onClick={startOver}>
            Cancel
          </button>
        </section>
      ) : null}

      {step.kind === 'preview' ? (
        <section className="card import-preview" aria-labelledby="preview-title">
          <h2 id="preview-title" ref={headingRef} tabIndex={-1}>
            {step.report.written ? 'Imported' : 'Preview: nothing is written yet'}
          </h2>
          <FileList files={files} formats={step.report.files} />
          <p className="import-message">{step.report.message}</p>
          <ImportCounts counts={step.report.counts} preview />
          <ImportDetails report={step.report} />
          {step.report.counts.rejected > 0 ? (
            <div className="import-skip">
              <input
                id={skipId}
                type="checkbox"
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.target.checked)}
              />
              <label htmlFor={skipId}>
                Skip the {plural(step.report.counts.rejected, 'row', 'rows')} with problems and
                import the rest
                <span className="field-hint">
                  Otherwise nothing is imported until the file is fixed.
                </span>
              </label>
            </div>
          ) : null}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={step.report.counts.rejected > 0 && !skipInvalid}
              onClick={() => run(files, false, skipInvalid)}
            >
              {importLabel(step.report)}
            </button>
            <button type="button" className="button button-quiet" onClick={startOver}>
              Choose other files
            </button>
          </div>
        </section>
      ) : null}

      {step.kind === 'done' ? (
        <section className="card import-done" aria-labelledby="done-title">
          <h2 id="done-title" ref={headingRef} tabIndex={-1}>
            {step.undone ? 'Import undone' : 'Imported'}
          </h2>
          {step.undone ? (
            <p className="notice notice-success" role="status">
              Undone: {plural(step.undone.removed, 'person', 'people')} removed,{' '}
              {plural(step.undone.reverted, 'person', 'people')} put back as they were.
            </p>
          ) : (
            <>
              <p className="import-message">{step.report.message}</p>
              <ImportCounts counts={step.report.counts} preview={false} />
              <ImportDetails report={{ ...step.report, duplicates: [], matches: [] }} />
            </>
          )}
          <div className="form-actions">
            {!step.undone ? (
              <Link to="/people" className="button button-primary">
                See your people
              </Link>
            ) : null}
            {step.report.batchId && !step.undone ? (
              <button
                type="button"
                className="button"
                disabled={undoing}
                onClick={() => step.report.batchId && undo(step.report.batchId)}
              >
                {undoing ? 'Undoing…' : 'Undo this import'}
              </button>
            ) : null}
            <button type="button" className="button button-quiet" onClick={startOver}>
              Import more
            </button>
          </div>
        </section>
      ) : null}

      <ImportHistory
        batches={history.data}
        error={history.error}
        undoing={undoing}
        onUndo={(id) => undo(id)}
      />
    </div>
  );
}

const importLabel = (report: ImportReport): string => {
  const { created, updated } = report.counts;
  if (created === 0 && updated === 0) return 'Import (nothing new)';
  if (updated === 0) return `Import ${plural(created, 'person', 'people')}`;
  return `Import: ${created.toLocaleString()} new, ${updated.toLocaleString()} updated`;
};

function FileList({ files, formats }: { files: readonly File[]; formats?: ImportReport['files'] }) {
  return (
    <ul className="file-list" aria-label="Files">
      {files.map((file, index) => {
        const format =
          formats?.find((f) => f.name === file.name)?.format ?? formats?.[index]?.format;
        return (
          <li key={`${file.name}:${file.size}:${file.lastModified}`} className="file">
            <Icon name="import" size={16} />
            <span className="file-name">{file.name}</span>
            <span className="muted">
              {sizeOf(file.size)}
              {format ? ` · ${IMPORT_FORMAT_LABELS[format] ?? format}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Progress({ sent, importing }: { sent: number; importing: boolean }) {
  const uploading = sent < 1;
  return (
    <div className="import-progress-bar" role="status">
      {uploading ? (
        <div
          className="progress"
          role="progressbar"
          aria-label="Uploading"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(sent * 100)}
        >
          <div className="progress-determinate" style={{ width: `${Math.round(sent * 100)}%` }} />
        </div>
      ) : (
        <div className="progress" aria-hidden="true">
          <div className="progress-bar" />
        </div>
      )}
      <p className="muted">
        {uploading
          ? `Uploading… ${Math.round(sent * 100)}%`
          : importing
            ? 'Matching and writing: one transaction, so an interruption leaves everything as it was.'
            : 'Reading and matching against your network. Nothing is written.'}
      </p>
    </div>
  );
}

function ImportHistory({
  batches,
  error,
  undoing,
  onUndo,
}: {
  batches: ImportBatch[] | undefined;
  error: unknown;
  undoing: boolean;
  onUndo: (id: string) => void;
}) {
  const confirm = useConfirm();
  if (error) return <ErrorNotice error={error} title="Past imports could not be loaded." />;
  if (!batches) return <Spinner inline label="Loading past imports" />;
  if (batches.length === 0) return null;
  return (
    <section className="card import-history" aria-labelledby="history-title">
      <h2 id="history-title">Past imports</h2>
      {confirm.dialog}
      <ul className="rows" aria-label="Past imports">
        {batches.map((batch) => (
          <li key={batch.id} className="row">
            <span className="row-main">
              <span>
                {batch.fileName}
                {batch.undoneAt ? <span className="badge badge-quiet">Undone</span> : null}
              </span>
              <span className="muted">
                {IMPORT_FORMAT_LABELS[batch.format] ?? batch.format} · {formatDay(batch.createdAt)}
                {summaryText(batch.summary)}
              </span>
            </span>
            {!batch.undoneAt ? (
              <button
                type="button"
                className="button button-quiet"
                disabled={undoing}
                aria-label={`Undo the import of ${batch.fileName}`}
                onClick={async () => {
                  const confirmed = await confirm.ask({
                    title: `Undo the import of ${batch.fileName}?`,
                    message:
                      'The people it added are removed, and the people it updated go back to how they were.',
                    confirmLabel: 'Undo import',
                  });
                  if (confirmed) onUndo(batch.id);
                }}
              >
                Undo
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const summaryText = (summary: Record<string, number>): string => {
  const parts: string[] = [];
  if (summary.created) parts.push(`${summary.created.toLocaleString()} added`);
  if (summary.updated) parts.push(`${summary.updated.toLocaleString()} updated`);
  if (summary.merged) parts.push(`${plural(summary.merged, 'duplicate', 'duplicates')} merged`);
  return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
};

function ExportHelp() {
  return (
    <details className="card export-help">
      <summary>Where do I find these files?</summary>
      <dl>
        <dt className="export-help-term">LinkedIn</dt>
        <dd className="export-help-text">
          Settings → Data privacy → Get a copy of your data → Connections. LinkedIn emails you a
          link; the file inside is <code>Connections.csv</code>.
        </dd>
        <dt className="export-help-term">Google Contacts</dt>
        <dd className="export-help-text">contacts.google.com → Export → Google CSV.</dd>
        <dt className="export-help-term">Outlook</dt>
        <dd className="export-help-text">People → Manage contacts → Export contacts (CSV).</dd>
        <dt className="export-help-term">iPhone or Android</dt>
        <dd className="export-help-text">
          Share or export your contacts as a vCard (<code>.vcf</code>), or export them from iCloud
          or Google Contacts.
        </dd>
      </dl>
    </details>
  );
}
