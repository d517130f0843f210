// The scoring editor's inputs: each named by its config path, with that path's problem (and the path) beside it.
import { Field, type Problems, Select } from "../ui/form";

/** What every section of the editor renders with: the reader's problems and the field to focus after a round trip. */
export interface EditorState {
  problems: Problems;
  focus?: string | undefined;
}

interface InputProps {
  label: string;
  path: string;
  state: EditorState;
  hint?: string;
  class?: string;
}

export function Num(p: InputProps & { value: number; step?: string }) {
  return (
    <Field
      label={p.label}
      name={p.path}
      type="number"
      step={p.step ?? "any"}
      value={Number.isNaN(p.value) ? "" : p.value}
      error={p.state.problems[p.path]}
      path={p.path}
      hint={p.hint}
      class={p.class}
      autofocus={p.state.focus === p.path}
    />
  );
}

export function Text(p: InputProps & { value: string | undefined; placeholder?: string }) {
  return (
    <Field
      label={p.label}
      name={p.path}
      value={p.value ?? ""}
      error={p.state.problems[p.path]}
      path={p.path}
      hint={p.hint}
      class={p.class}
      placeholder={p.placeholder}
      autofocus={p.state.focus === p.path}
    />
  );
}

export function Choice(p: InputProps & { value: string; options: { value: string; label: string }[] }) {
  return (
    <Select
      label={p.label}
      name={p.path}
      value={p.value}
      options={p.options}
      error={p.state.problems[p.path]}
      path={p.path}
      class={p.class}
    />
  );
}

/** A problem about a group rather than one field (e.g. the weights' sum, a list with no levels). */
export function GroupError({ state, path }: { state: EditorState; path: string }) {
  const error = state.problems[path];
  return error ? (
    <p class="field-error">
      {error}
      <code class="path">{path}</code>
    </p>
  ) : null;
}

/**
 * A structural button (add / remove / move): submits the whole draft with `intent`. A removal comes back scrolled
 * to `anchor`; an addition comes back with the new row's first field focused instead, and a move with its button
 * focused at the new place (a URL fragment would stop the browser from honouring `autofocus`). `formnovalidate` so
 * a half-typed number elsewhere never blocks the edit.
 */
export function EditButton(p: {
  intent: string;
  anchor?: string;
  label: string;
  describe?: string;
  danger?: boolean;
  disabled?: boolean;
  state?: EditorState;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={p.intent}
      formaction={p.anchor ? `/admin/scoring#${p.anchor}` : undefined}
      formnovalidate
      class={`small ${p.danger ? "danger" : "secondary"}`}
      aria-label={p.describe}
      disabled={p.disabled}
      autofocus={!p.disabled && p.state?.focus === p.intent}
    >
      {p.label}
    </button>
  );
}
