import { type DragEvent, useId, useState } from 'react';
import { Icon } from './Icon';

const ACCEPT = '.csv,.vcf,.vcard,.json,text/csv,text/vcard,text/x-vcard,application/json';

/**
 * Where contacts files go: drop them here, or choose them with the button (which is a real
 * file input, so keyboards and screen readers reach it). Several files make one import.
 */
export function ImportDropZone({
  onFiles,
  disabled = false,
}: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
}) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the way for everyone.
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}${disabled ? ' dropzone-disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="dropzone-icon" aria-hidden="true">
        <Icon name="import" size={28} />
      </span>
      <p className="dropzone-title">Drop your contacts files here</p>
      <p className="dropzone-hint" id={hintId}>
        LinkedIn <code>Connections.csv</code>, a Google or Outlook CSV, a vCard file (
        <code>.vcf</code>) from a phone or mail program, or a Salon backup. Several at once are one
        import: the same person in two files is recognised.
      </p>
      <input
        id={inputId}
        className="visually-hidden dropzone-input"
        type="file"
        multiple
        accept={ACCEPT}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor={inputId} className="button">
        Choose files…
      </label>
    </div>
  );
}
