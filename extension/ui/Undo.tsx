// What a one-click log leaves in its place: "Logged · Undo". Undo asks the background to take the log back (dropped
// from the outbox if it is still there, else undone on the server); the caller then shows the action again.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Translate } from "../lib/i18n";
import { focusIfIdle } from "./focus";
import { ask } from "./send";

/** After an undo removes the focused button, the keyboard goes to the action that comes back in its place. */
export function useRefocus() {
  const pending = useRef<string | null>(null);
  return {
    /** The undo of `key` is done: its action's button takes the focus when it is back. */
    mark: (key: string) => {
      pending.current = key;
    },
    ref: (key: string) => (el: HTMLElement | null) => {
      if (!el || pending.current !== key) return;
      pending.current = null;
      focusIfIdle(el);
    },
  };
}

export function LoggedUndo(props: {
  t: Translate;
  /** The client id the background gave the log. */
  id: string;
  /** "Logged"; none where the caller says it in its own status line. */
  text?: string;
  /** What is undone, for screen readers: the Undo buttons of several rows are told apart by it. */
  what: string;
  onUndone: () => void;
}) {
  const { t, id, onUndone } = props;
  const [failed, setFailed] = useState(false);
  /** Checked synchronously: a second click before the answer must not send a second undo. */
  const busy = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  // The button that logged is gone: keep the keyboard where it was, on the undo that replaced it.
  useEffect(() => focusIfIdle(button.current), []);
  const undo = async () => {
    if (busy.current) return;
    busy.current = true;
    const reply = await ask({ type: "undo", id });
    busy.current = false;
    if (reply?.ok) onUndone();
    else setFailed(true);
  };
  return (
    <span class="row nowrap">
      {props.text && (
        <span class="muted" role="status">
          {props.text}
        </span>
      )}
      <button ref={button} type="button" aria-label={t("undo.label", { what: props.what })} onClick={() => void undo()}>
        {t("undo.action")}
      </button>
      {failed && (
        <span class="late" role="alert">
          {t("undo.failed")}
        </span>
      )}
    </span>
  );
}
