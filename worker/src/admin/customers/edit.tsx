// The customer's manual fields (owner, ratings, legal check, credit limit) and the log-an-interaction form. A form
// refused with problems shows again with what was typed (`draft`), so nothing has to be typed twice.

import type { ScoringConfig } from "../../../../shared/config";
import type { Customer, User } from "../../../../shared/contract";
import { INTERACTION_KINDS } from "../../../../shared/records";
import type { Caller } from "../../env";
import type { Ui } from "../i18n";
import { Checkbox, Field, FieldError, PostForm, type Problems, Select } from "../ui/form";

/** The text fields of a submitted form, and which of the page's forms sent them. */
export type Draft = { form: "edit" | "log"; values: Record<string, string> };

/**
 * A parsed form body's text fields (files and repeated fields dropped).
 * @example
 * draftValues({ summary: "Called", kind: "call" }) // { summary: "Called", kind: "call" }
 */
export function draftValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export function EditForm(p: {
  ui: Ui;
  caller: Caller;
  customer: Customer;
  users: User[];
  config: ScoringConfig;
  problems: Problems;
  draft?: Draft | undefined;
}) {
  const { ui, caller, customer, config, problems } = p;
  const typed = p.draft?.form === "edit" ? p.draft.values : undefined;
  const ownerOptions =
    caller.role === "rep"
      ? [{ value: caller.userId, label: caller.name }]
      : p.users
          .filter((u) => !u.disabled)
          .map((u) => ({ value: u.id, label: `${u.name} (${ui.tk(`role.${u.role}`)})` }));
  const manual = config.scorecard.criteria.filter((c) => c.kind === "manual");
  return (
    <section class="card" aria-labelledby="edit-h">
      <h2 id="edit-h">{ui.t("detail.edit")}</h2>
      <PostForm ui={ui} action={`/admin/customers/${encodeURIComponent(customer.id)}/edit`}>
        <Select
          label={ui.t("customers.owner")}
          name="ownerId"
          value={typed ? (typed.ownerId ?? "") : (customer.ownerId ?? "")}
          options={ownerOptions}
          empty={ui.t("customers.ownerNone")}
          error={problems.ownerId}
        />
        {manual.map((c) => (
          <Select
            label={c.label || ui.tk(`criterion.${c.id}`, c.id)}
            name={`rating.${c.id}`}
            value={typed ? (typed[`rating.${c.id}`] ?? "") : (customer.ratings[c.id] ?? "")}
            options={c.levels.map((l) => ({
              value: l.id,
              label: `${ui.tk(`level.${l.id}`, l.id)} (${ui.number(l.points, 1)})`,
            }))}
            empty={ui.t("detail.unrated")}
            error={problems[`ratings.${c.id}`]}
          />
        ))}
        <Checkbox
          label={ui.t("detail.legalVerified")}
          name="legalVerified"
          checked={typed ? typed.legalVerified === "1" : customer.legalVerified}
        />
        <Field
          label={ui.t("detail.creditLimit")}
          name="creditLimit"
          type="number"
          step="0.01"
          min="0"
          value={typed ? typed.creditLimit : customer.creditLimit}
          hint={ui.t("detail.creditLimitHint", { currency: caller.currency })}
          error={problems.creditLimit}
        />
        <div class="actions">
          <button type="submit">{ui.t("form.save")}</button>
        </div>
      </PostForm>
    </section>
  );
}

export function LogInteractionForm({
  ui,
  customerId,
  now,
  latest,
  problems,
  draft,
}: {
  ui: Ui;
  customerId: string;
  /** The local time now (the default), and the latest the server accepts (`MAX_AHEAD_MS` on), as datetime-local. */
  now: string;
  latest: string;
  problems: Problems;
  draft?: Draft | undefined;
}) {
  const typed = draft?.form === "log" ? draft.values : {};
  return (
    <PostForm ui={ui} action={`/admin/customers/${encodeURIComponent(customerId)}/interactions`}>
      {/* The log's id, made when the form is drawn: the same form sent twice (a double click, a resend) logs once. */}
      <input type="hidden" name="id" value={crypto.randomUUID()} />
      <div class="row roomy">
        <Select
          label={ui.t("detail.kind")}
          name="kind"
          value={typed.kind ?? "call"}
          error={problems.kind}
          options={INTERACTION_KINDS.map((k) => ({ value: k, label: ui.tk(`kind.${k}`) }))}
        />
        {/* Outgoing unless said: what a rep logs is mostly what they did, and it answers an email waiting. */}
        <Select
          label={ui.t("detail.direction")}
          name="direction"
          value={typed.direction ?? "out"}
          hint={ui.t("detail.directionHint")}
          error={problems.direction}
          options={[
            { value: "out", label: ui.t("detail.directionOut") },
            { value: "in", label: ui.t("detail.directionIn") },
          ]}
        />
        <Field
          label={ui.t("detail.when")}
          name="occurredAt"
          type="datetime-local"
          value={typed.occurredAt ?? now}
          max={latest}
          required
          error={problems.occurredAt}
        />
      </div>
      <div class={`field${problems.summary ? " has-error" : ""}`}>
        <label for="f-summary">{ui.t("detail.summary")}</label>
        <textarea
          id="f-summary"
          name="summary"
          maxlength={10000}
          required
          aria-invalid={problems.summary ? "true" : undefined}
          aria-describedby={problems.summary ? "f-summary-error" : undefined}
        >
          {typed.summary ?? ""}
        </textarea>
        <FieldError id="f-summary" error={problems.summary} />
      </div>
      <div class="actions">
        <button type="submit">{ui.t("detail.log")}</button>
      </div>
    </PostForm>
  );
}
