// Form pieces: the hidden CSRF field, labelled inputs with their error beside them, and problem lookup by path.
import type { Child } from "hono/jsx";
import type { Ui } from "../i18n";

export function CsrfField({ ui }: { ui: Ui }) {
  return <input type="hidden" name="_csrf" value={ui.csrf} />;
}

/** Problems keyed by dotted field path (from zod / parseScoringConfig). */
export type Problems = Record<string, string>;

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** The error under a field; `path` (the dotted config path) is shown with it when the field is one of many alike. */
export function FieldError({ id, error, path }: { id: string; error?: string | undefined; path?: string | undefined }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
      {path ? <code class="path">{path}</code> : null}
    </p>
  ) : null;
}

export interface FieldProps {
  label: string;
  name: string;
  type?: string;
  value?: string | number | null | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  step?: string;
  min?: string | number;
  max?: string | number;
  placeholder?: string;
  class?: string;
  autofocus?: boolean;
  /** Shows the field's dotted path with its error. */
  path?: string | undefined;
}

/** A labelled input; an error is announced with it (aria-describedby) and shown right below. */
export function Field(p: FieldProps) {
  const id = fieldId(p.name);
  const described = [p.error ? `${id}-error` : "", p.hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div class={`field${p.error ? " has-error" : ""}${p.class ? ` ${p.class}` : ""}`}>
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value === null || p.value === undefined ? "" : String(p.value)}
        required={p.required}
        autocomplete={p.autocomplete}
        step={p.step}
        min={p.min}
        max={p.max}
        placeholder={p.placeholder}
        autofocus={p.autofocus}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described || undefined}
      />
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <FieldError id={id} error={p.error} path={p.path} />
    </div>
  );
}

export interface SelectProps {
  label: string;
  name: string;
  value?: string | null | undefined;
  options: { value: string; label: string }[];
  error?: string | undefined;
  class?: string;
  /** Adds an empty first option with this label. */
  empty?: string;
  hint?: string | undefined;
  path?: string | undefined;
}

export function Select(p: SelectProps) {
  const id = fieldId(p.name);
  return (
    <div class={`field${p.error ? " has-error" : ""}${p.class ? ` ${p.class}` : ""}`}>
      <label for={id}>{p.label}</label>
      <select
        id={id}
        name={p.name}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={
          [p.error ? `${id}-error` : "", p.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined
        }
      >
        {p.empty !== undefined ? <option value="">{p.empty}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <FieldError id={id} error={p.error} path={p.path} />
    </div>
  );
}

export function Checkbox(p: { label: string; name: string; checked: boolean; value?: string }) {
  const id = fieldId(p.name);
  return (
    <div class="field check">
      <input id={id} type="checkbox" name={p.name} value={p.value ?? "1"} checked={p.checked} />
      <label for={id}>{p.label}</label>
    </div>
  );
}

/** A form-level error list, announced when it appears. */
export function ErrorSummary({ ui, errors }: { ui: Ui; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{ui.t("form.fix")}</p>
      <ul>
        {errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** A POST form with its CSRF field: every state change in the admin UI goes through one. */
export function PostForm(p: {
  ui: Ui;
  action: string;
  class?: string;
  children?: Child;
  confirm?: string;
  multipart?: boolean;
}) {
  return (
    <form
      method="post"
      action={p.action}
      class={p.class}
      data-confirm={p.confirm}
      enctype={p.multipart ? "multipart/form-data" : undefined}
    >
      <CsrfField ui={p.ui} />
      {p.children}
    </form>
  );
}
