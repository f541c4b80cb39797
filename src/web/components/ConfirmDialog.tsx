import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';

/** What to ask before something that cannot be taken back. */
export interface ConfirmRequest {
  /** The question, as the dialog's heading: "Remove Dana from your network?" */
  readonly title: string;
  /** What will happen, in a sentence or two. */
  readonly message: ReactNode;
  /** The verb on the button that goes ahead: "Remove". */
  readonly confirmLabel: string;
}

interface ConfirmDialogProps extends ConfirmRequest {
  readonly onAnswer: (confirmed: boolean) => void;
}

/**
 * A modal question with two answers, styled like the app's other dialogs (Merge), instead of the
 * browser's `confirm()`. Focus starts on "Cancel", so Enter alone never destroys anything, and
 * Escape cancels.
 */
export function ConfirmDialog({ title, message, confirmLabel, onAnswer }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // After showModal, which would focus the first button: the safe answer takes the focus.
    cancel.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog dialog-confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <p id={messageId} className="dialog-message">
        {message}
      </p>
      <div className="form-actions dialog-actions">
        <button type="button" className="button button-danger" onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button" onClick={() => onAnswer(false)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/**
 * `ask(request)` opens a {@link ConfirmDialog} and resolves with the answer; render `dialog`
 * where the component's other elements are.
 */
export const useConfirm = (): {
  ask: (request: ConfirmRequest) => Promise<boolean>;
  dialog: ReactNode;
} => {
  const [pending, setPending] = useState<{
    request: ConfirmRequest;
    resolve: (confirmed: boolean) => void;
  } | null>(null);

  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => setPending({ request, resolve })),
    [],
  );

  const dialog = pending ? (
    <ConfirmDialog
      {...pending.request}
      onAnswer={(confirmed) => {
        setPending(null);
        pending.resolve(confirmed);
      }}
    />
  ) : null;
  return { ask, dialog };
};
