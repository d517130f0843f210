// A customer's records: credit and invoices (overdue highlighted), orders, opportunities, the interaction timeline.
import type { CustomerDetailResponse } from "../../../../shared/contract";
import type { CustomerGrade } from "../../../../shared/grade/types";
import type { Caller } from "../../env";
import type { Ui } from "../i18n";
import { CreditBadge } from "../ui/badges";
import { RemoveTouch } from "./undo";

type Detail = CustomerDetailResponse;
/** API amounts are major units; our formatter takes minor units. */
const minor = (major: number) => Math.round(major * 100);

export function Credit({ ui, detail, today }: { ui: Ui; detail: Detail; today: string }) {
  const credit = (detail.grade as CustomerGrade | null)?.credit;
  return (
    <section class="card" aria-labelledby="credit-h">
      <h2 id="credit-h">{ui.t("detail.credit")}</h2>
      {credit ? (
        <dl class="facts">
          <dt>{ui.t("customers.credit")}</dt>
          <dd>
            <CreditBadge ui={ui} rating={credit.rating} />{" "}
            {credit.overLimit ? <span class="badge credit-hold">{ui.tk("credit.overLimit")}</span> : null}
          </dd>
          <dt>{ui.t("detail.overdueAmount")}</dt>
          <dd>{ui.money(credit.overdueAmount)}</dd>
          <dt>{ui.t("detail.oldestOverdue")}</dt>
          <dd>{ui.t("detail.days", { n: credit.oldestOverdueDays })}</dd>
          <dt>{ui.t("detail.onTime")}</dt>
          <dd>{ui.percent(credit.onTimeShare)}</dd>
          <dt>{ui.t("detail.outstanding")}</dt>
          <dd>{ui.money(credit.outstanding)}</dd>
          <dt>{ui.t("detail.creditLimit")}</dt>
          <dd>{detail.customer.creditLimit === null ? "—" : ui.money(minor(detail.customer.creditLimit))}</dd>
        </dl>
      ) : null}
      <h3>{ui.t("detail.invoices")}</h3>
      {detail.invoices.length === 0 ? (
        <p class="muted">{ui.t("detail.noInvoices")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{ui.t("detail.invoice")}</th>
                <th>{ui.t("detail.dueDate")}</th>
                <th class="num">{ui.t("detail.amount")}</th>
                <th class="num">{ui.t("detail.paid")}</th>
                <th>{ui.t("detail.paidDate")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.invoices.map((inv) => {
                const unpaid = inv.paidDate === null || (inv.paidAmount ?? 0) < inv.amount;
                const overdue = unpaid && inv.dueDate < today;
                return (
                  <tr class={overdue ? "overdue" : undefined}>
                    <td>
                      {inv.externalId ?? `#${inv.id}`}
                      {overdue ? <span class="badge credit-hold">{ui.t("detail.overdueMark")}</span> : null}
                    </td>
                    <td>{ui.date(inv.dueDate)}</td>
                    <td class="num">{ui.money(minor(inv.amount))}</td>
                    <td class="num">{inv.paidAmount === null ? "—" : ui.money(minor(inv.paidAmount))}</td>
                    <td>{ui.date(inv.paidDate)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Orders({ ui, detail }: { ui: Ui; detail: Detail }) {
  return (
    <section class="card" aria-labelledby="orders-h">
      <h2 id="orders-h">{ui.t("detail.orders")}</h2>
      {detail.orders.length === 0 ? (
        <p class="muted">{ui.t("detail.noOrders")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{ui.t("detail.date")}</th>
                <th>{ui.t("detail.product")}</th>
                <th class="num">{ui.t("detail.amount")}</th>
                <th class="num">{ui.t("detail.profit")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.orders.map((o) => (
                <tr>
                  <td>{ui.date(o.date)}</td>
                  <td>{o.product ?? "—"}</td>
                  <td class="num">{ui.money(minor(o.amount))}</td>
                  <td class="num">{ui.money(minor(o.amount - o.cost))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Opportunities({ ui, detail }: { ui: Ui; detail: Detail }) {
  return (
    <section class="card" aria-labelledby="opps-h">
      <h2 id="opps-h">{ui.t("detail.opportunities")}</h2>
      {detail.opportunities.length === 0 ? (
        <p class="muted">{ui.t("detail.noOpportunities")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{ui.t("field.name")}</th>
                <th>{ui.t("detail.stage")}</th>
                <th class="num">{ui.t("detail.amount")}</th>
                <th>{ui.t("detail.expectedClose")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.opportunities.map((o) => (
                <tr>
                  <td>{o.name}</td>
                  <td>{ui.tk(`stage.${o.stage}`)}</td>
                  <td class="num">{ui.money(minor(o.amount))}</td>
                  <td>{ui.date(o.expectedClose)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The recent touches, newest first; each the caller may undo (their own; any for a manager or admin) can be removed. */
export function Timeline({ ui, detail, caller }: { ui: Ui; detail: Detail; caller: Caller }) {
  if (detail.interactions.length === 0) return <p class="muted">{ui.t("detail.noInteractions")}</p>;
  return (
    <ol class="timeline">
      {detail.interactions.map((i) => (
        <li>
          <div>
            <b>{ui.tk(`kind.${i.kind}`)}</b> <span class="muted small">{ui.dateTime(i.occurredAt)}</span>
            {caller.role !== "rep" || i.userId === caller.userId ? (
              <>
                {" "}
                <RemoveTouch ui={ui} id={i.id} what={`${ui.tk(`kind.${i.kind}`)} ${ui.dateTime(i.occurredAt)}`} />
              </>
            ) : null}
          </div>
          {i.summary ? <div>{i.summary}</div> : null}
          {i.sourceTitle ? <div class="muted small">{i.sourceTitle}</div> : null}
        </li>
      ))}
    </ol>
  );
}
