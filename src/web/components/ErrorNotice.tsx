import { ApiError, messageOf } from '../api/client';

/** The form- or page-level error: what went wrong in a sentence, announced when it appears. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const fieldsOnly = error instanceof ApiError && error.fields.length > 0;
  return (
    <div className="notice notice-error" role="alert">
      {title ? <strong className="notice-title">{title}</strong> : null}
      <span>{fieldsOnly ? 'Please check the highlighted fields.' : messageOf(error)}</span>
    </div>
  );
}
