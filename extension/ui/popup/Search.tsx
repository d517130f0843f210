// Customer search (GET /customers?q=) and the lookup of addresses found on the current page.
import { useEffect, useRef, useState } from "preact/hooks";
import type { CustomerListItem, LookupResult } from "../../../shared/contract";
import type { Translate } from "../../lib/i18n";
import { focusIfIdle } from "../focus";
import { ask } from "../send";

/** The tier as a coloured chip; anything but A, B or C (not graded, or unexpected) shows as a grey dot. */
export function TierChip({ tier }: { tier: string | null }) {
  const known = tier && /^[ABC]$/.test(tier) ? tier : null;
  return <span class={`tier tier-${known ?? "none"}`}>{known ?? "·"}</span>;
}

function Line(props: { name: string; tier: string | null; credit: string | null; href: string | null; sub?: string }) {
  return (
    <li class="row">
      <TierChip tier={props.tier} />
      <span class={`dot dot-${props.credit ?? "unknown"}`} />
      {props.href ? (
        <a href={props.href} target="_blank" rel="noopener noreferrer">
          {props.name}
        </a>
      ) : (
        <span>{props.name}</span>
      )}
      {props.sub && <span class="muted">{props.sub}</span>}
    </li>
  );
}

export function Search({ serverUrl, t, autoFocus = false }: { serverUrl: string; t: Translate; autoFocus?: boolean }) {
  const [q, setQ] = useState("");
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) focusIfIdle(box.current);
  }, [autoFocus]);
  const [items, setItems] = useState<CustomerListItem[] | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) return setItems(null);
    const timer = setTimeout(
      () => void ask({ type: "search", q: q.trim() }).then((r) => setItems(r?.items ?? [])),
      200,
    );
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <div>
      <input
        ref={box}
        type="search"
        placeholder={t("popup.search")}
        aria-label={t("popup.search")}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      {items && items.length === 0 && <p class="muted">{t("popup.noResults")}</p>}
      <ul class="plain">
        {items?.map((c) => (
          <Line
            key={c.id}
            name={c.name}
            tier={c.tier}
            credit={c.credit}
            href={`${serverUrl}/admin/customers/${encodeURIComponent(c.id)}`}
          />
        ))}
      </ul>
    </div>
  );
}

export function PageCustomers({ emails, serverUrl, t }: { emails: string[]; serverUrl: string; t: Translate }) {
  const [results, setResults] = useState<LookupResult[]>([]);
  useEffect(() => {
    if (emails.length > 0) void ask({ type: "lookup", emails }).then((r) => setResults(r?.results ?? []));
  }, [emails.join()]);
  const known = results.filter((r) => r.customer);
  return (
    <div>
      <h2>{t("popup.thisPage")}</h2>
      {known.length === 0 && <p class="muted">{t("popup.nothingHere")}</p>}
      <ul class="plain">
        {known.slice(0, 5).map(({ email, customer: c }) => (
          <Line
            key={email}
            name={c!.name}
            tier={c!.tier}
            credit={c!.credit.rating}
            sub={email}
            href={`${serverUrl}/admin/customers/${encodeURIComponent(c!.id)}`}
          />
        ))}
      </ul>
    </div>
  );
}
