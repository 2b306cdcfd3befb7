// HTML escaping, and the one type that marks a string as HTML that is safe to insert as is.
// Only this module and the Markdown renderer make `Html` values; templates may insert a field
// with triple braces only when it holds one (the fields are named `…Html`).

declare const HTML: unique symbol;
/** Markup built from escaped input: the only kind of string a template inserts unescaped. */
export type Html = string & { readonly [HTML]: true };

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML that shows the text literally, in element content and in quoted attributes. */
export function escapeHtml(text: string): Html {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) as Html;
}

/** Joins pieces that are each safe. */
export const joinHtml = (parts: readonly Html[], sep = ''): Html => parts.join(sep) as Html;
