// The customer's manual fields (owner, ratings, legal check, credit limit) and the log-an-interaction form.

import type { ScoringConfig } from "../../../../shared/config";
import type { Customer, User } from "../../../../shared/contract";
import { INTERACTION_KINDS } from "../../../../shared/records";
import type { Caller } from "../../env";
import type { Ui } from "../i18n";
import { Checkbox, Field, PostForm, type Problems, Select } from "../ui/form";

export function EditForm(p: {
  ui: Ui;
  caller: Caller;
  customer: Customer;
  users: User[];
  config: ScoringConfig;
  problems: Problems;
}) {
  const { ui, caller, customer, config, problems } = p;
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
          value={customer.ownerId ?? ""}
          options={ownerOptions}
          empty={ui.t("customers.ownerNone")}
          error={problems.ownerId}
        />
        {manual.map((c) => (
          <Select
            label={c.label || ui.tk(`criterion.${c.id}`, c.id)}
            name={`rating.${c.id}`}
            value={customer.ratings[c.id] ?? ""}
            options={c.levels.map((l) => ({
              value: l.id,
              label: `${ui.tk(`level.${l.id}`, l.id)} (${ui.number(l.points, 1)})`,
            }))}
            empty={ui.t("detail.unrated")}
            error={problems[`ratings.${c.id}`]}
          />
        ))}
        <Checkbox label={ui.t("detail.legalVerified")} name="legalVerified" checked={customer.legalVerified} />
        <Field
          label={ui.t("detail.creditLimit")}
          name="creditLimit"
          type="number"
          step="0.01"
          min="0"
          value={customer.creditLimit}
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
  problems,
}: {
  ui: Ui;
  customerId: string;
  now: string;
  problems: Problems;
}) {
  return (
    <PostForm ui={ui} action={`/admin/customers/${encodeURIComponent(customerId)}/interactions`}>
      <div class="row">
        <Select
          label={ui.t("detail.kind")}
          name="kind"
          value="call"
          options={INTERACTION_KINDS.map((k) => ({ value: k, label: ui.tk(`kind.${k}`) }))}
        />
        <Field
          label={ui.t("detail.when")}
          name="occurredAt"
          type="datetime-local"
          value={now}
          required
          error={problems.occurredAt}
        />
      </div>
      <div class="field">
        <label for="f-summary">{ui.t("detail.summary")}</label>
        <textarea id="f-summary" name="summary" maxlength={10000} />
      </div>
      <div class="actions">
        <button type="submit">{ui.t("detail.log")}</button>
      </div>
    </PostForm>
  );
}
