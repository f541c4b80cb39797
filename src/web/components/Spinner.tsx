/** A quiet loading indicator that screen readers announce by its label. */
export function Spinner({
  label = 'Loading',
  inline = false,
}: {
  label?: string;
  inline?: boolean;
}) {
  return (
    <span className={inline ? 'spinner spinner-inline' : 'spinner'} role="status">
      <span className="spinner-dot" aria-hidden="true" />
      <span className={inline ? 'visually-hidden' : 'spinner-label'}>{label}</span>
    </span>
  );
}
