const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes. Article text is untrusted: everything goes through here. */
export function escapeHtml(value: unknown): string {
  const text = String(value ?? '');
  // Most Chinese text has none of the five: one test then, not a replace with a callback.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text;
}

const SPECIAL = /[&<>"']/u;
const SPECIALS = /[&<>"']/gu;

/** A tagged template that escapes every interpolated value unless it is already rendered `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Only relative links and http(s) URLs become hrefs; `javascript:` and the like are shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^(https?:\/\/|\.{0,2}\/|[\w-]+\.html(#.*)?$)/iu.test(url.trim()) ? url.trim() : null;
}
