// Reads a server-rendered form the way a browser would submit it: named inputs, checked boxes, selected options.

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) out[m[1] as string] = decode(m[2] ?? "");
  return out;
}

/** The HTML of the first form whose opening tag contains `marker` (e.g. `action="/admin/scoring"` with post). */
export function formHtml(html: string, marker: string): string {
  const start = html.search(new RegExp(`<form[^>]*${marker.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[^>]*>`));
  if (start < 0) throw new Error(`no form with ${marker}`);
  return html.slice(start, html.indexOf("</form>", start));
}

/**
 * The fields a browser would send from `form` without pressing a button: text, number and hidden inputs, checked
 * checkboxes, and each select's selected (else first) option. Submit buttons are left out (the caller adds one).
 */
export function formFields(form: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attrs(m[0].slice(6));
    if (!a.name || a.type === "submit") continue;
    if (a.type === "checkbox" && !("checked" in a)) continue;
    fields[a.name] = a.value ?? "";
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const a = attrs(m[1] ?? "");
    if (!a.name) continue;
    const options = [...(m[2] ?? "").matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1] ?? ""));
    const chosen = options.find((o) => "selected" in o) ?? options[0];
    fields[a.name] = chosen?.value ?? "";
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const a = attrs(m[1] ?? "");
    if (a.name) fields[a.name] = decode(m[2] ?? "");
  }
  return fields;
}

/** The submit buttons of a form, as `intent` values. */
export function buttonValues(form: string): string[] {
  return [...form.matchAll(/<button\b[^>]*\bvalue="([^"]*)"[^>]*>/g)].map((m) => decode(m[1] ?? ""));
}
