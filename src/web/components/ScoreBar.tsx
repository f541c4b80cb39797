/**
 * A score in [0, 1] as a thin, quiet bar with its value out of 100 beside it ("72"), read out
 * as "Reach: 72 of 100".
 */
export function ScoreBar({
  value,
  label,
  tone = 'accent',
}: {
  value: number;
  label: string;
  tone?: 'accent' | 'quiet';
}) {
  const share = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const outOf100 = Math.round(share * 100);
  const text = `${label}: ${outOf100} of 100`;
  return (
    <span className={`score score-${tone}`} role="img" aria-label={text} title={text}>
      <span className={`score-bar score-bar-${tone}`}>
        <span className="score-bar-fill" style={{ width: `${Math.max(share * 100, 2)}%` }} />
      </span>
      <span className="score-value">{outOf100}</span>
    </span>
  );
}
