// A small, safe Markdown → HTML renderer for the authored descriptions and notes.
//
// Blocks: paragraphs, headings (`#`…`######`), bullet and ordered lists (nested by indentation,
// tight or loose), fenced code blocks. Inline: `code`, **bold**, [links](url), <https://autolinks>
// and backslash escapes. Everything else is text: raw HTML, `<uuid>` and entities are escaped and
// shown literally. Links keep only http, https, mailto and relative URLs.
import { escapeHtml, joinHtml, type Html } from './html.js';

export interface MarkdownOptions {
  /** Added to every heading level (`#` becomes h(1 + offset)), capped at h6, so authored headings sit below the page's own. */
  readonly headingOffset?: number;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +(.*))?$/;
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): Html {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return blocks(lines, options.headingOffset ?? 0, false);
}

const blank = (line: string): boolean => line.trim() === '';
const indentOf = (line: string): number => line.length - line.trimStart().length;
const startsBlock = (line: string): boolean => FENCE.test(line) || HEADING.test(line) || ITEM.test(line);

function blocks(lines: readonly string[], offset: number, tight: boolean): Html {
  const out: Html[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) { i++; continue; }
    const fence = FENCE.exec(line);
    if (fence) { i = codeBlock(lines, i, fence, out); continue; }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + offset);
      out.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>` as Html);
      i++;
      continue;
    }
    if (ITEM.test(line)) { i = list(lines, i, offset, out); continue; }
    const para: string[] = [];
    while (i < lines.length && !blank(lines[i]!) && (para.length === 0 || !startsBlock(lines[i]!))) para.push(lines[i++]!.trim());
    const text = inline(para.join('\n'));
    out.push(tight ? text : (`<p>${text}</p>` as Html));
  }
  return joinHtml(out, '\n');
}

function codeBlock(lines: readonly string[], start: number, fence: RegExpExecArray, out: Html[]): number {
  const indent = fence[1]!.length;
  const marker = fence[2]!;
  const lang = fence[3] ?? '';
  const body: string[] = [];
  let i = start + 1;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trim().startsWith(marker[0]!.repeat(marker.length)) && /^\s*([`~])\1*\s*$/.test(l)) { i++; break; }
    body.push(l.slice(Math.min(indent, indentOf(l))));
    i++;
  }
  const cls = lang ? ` class="language-${escapeHtml(lang)}"` : '';
  out.push(`<pre><code${cls}>${escapeHtml(body.join('\n'))}</code></pre>` as Html);
  return i;
}

interface ItemStart { readonly indent: number; readonly marker: string; readonly contentIndent: number; readonly first: string }

function itemStart(line: string): ItemStart | undefined {
  const m = ITEM.exec(line);
  if (!m) return undefined;
  const indent = m[1]!.length;
  const marker = m[2]!;
  const spaces = m[3] ? m[3].length - (m[4] ?? '').length : 1;
  return { indent, marker, contentIndent: indent + marker.length + (spaces > 4 ? 1 : spaces), first: m[4] ?? '' };
}

const ordered = (marker: string): boolean => /\d/.test(marker);
const sameList = (a: ItemStart, b: ItemStart): boolean =>
  a.indent === b.indent && (ordered(a.marker) ? ordered(b.marker) && a.marker.slice(-1) === b.marker.slice(-1) : a.marker === b.marker);

function list(lines: readonly string[], start: number, offset: number, out: Html[]): number {
  const head = itemStart(lines[start]!)!;
  const items: string[][] = [];
  let loose = false;
  let i = start;
  for (;;) {
    const it = itemStart(lines[i]!)!;
    const content = [it.first];
    i++;
    while (i < lines.length) {
      const l = lines[i]!;
      if (blank(l)) {
        let j = i;
        while (j < lines.length && blank(lines[j]!)) j++;
        if (j < lines.length && indentOf(lines[j]!) >= it.contentIndent) {
          for (; i < j; i++) content.push('');
          loose = true;
          continue;
        }
        break;
      }
      if (indentOf(l) >= it.contentIndent) { content.push(l.slice(it.contentIndent)); i++; continue; }
      if (startsBlock(l)) break;
      content.push(l.trim()); // a lazy continuation of the item's paragraph
      i++;
    }
    items.push(content);
    let j = i;
    while (j < lines.length && blank(lines[j]!)) j++;
    const next = j < lines.length ? itemStart(lines[j]!) : undefined;
    if (!next || !sameList(head, next)) break;
    if (j > i) loose = true;
    i = j;
  }
  const tagName = ordered(head.marker) ? 'ol' : 'ul';
  const n = ordered(head.marker) ? Number.parseInt(head.marker, 10) : 1;
  const startAttr = n !== 1 ? ` start="${n}"` : '';
  const lis = items.map((c) => `<li>${blocks(c, offset, !loose)}</li>` as Html);
  out.push(`<${tagName}${startAttr}>\n${joinHtml(lis, '\n')}\n</${tagName}>` as Html);
  return i;
}

// ---- inline ----

const runLength = (text: string, at: number, ch: string): number => {
  let n = 0;
  while (text[at + n] === ch) n++;
  return n;
};

/** The index of the closing backtick run of exactly `n`, or -1. */
function codeClose(text: string, from: number, n: number): number {
  for (let j = from; j < text.length;) {
    if (text[j] === '`') {
      const r = runLength(text, j, '`');
      if (r === n) return j;
      j += r;
    } else j++;
  }
  return -1;
}

/** Skips a code span starting at `at` (if it is one); returns the index after it, or `at`. */
function skipCode(text: string, at: number): number {
  const n = runLength(text, at, '`');
  const close = codeClose(text, at + n, n);
  return close < 0 ? at + n : close + n;
}

function strongClose(text: string, from: number): number {
  for (let j = from; j < text.length;) {
    if (text[j] === '\\') { j += 2; continue; }
    if (text[j] === '`') { j = skipCode(text, j); continue; }
    if (text.startsWith('**', j)) return j;
    j++;
  }
  return -1;
}

interface Link { readonly label: string; readonly href: string; readonly title?: string; readonly end: number }

function parseLink(text: string, at: number): Link | undefined {
  let depth = 0;
  let j = at;
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') { j++; continue; }
    if (c === '`') { j = skipCode(text, j) - 1; continue; }
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= text.length || text[j + 1] !== '(') return undefined;
  const m = /^\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)(?:\s+("[^"\n]*"|'[^'\n]*'))?\s*\)/.exec(text.slice(j + 1));
  if (!m) return undefined;
  const dest = m[1]!.startsWith('<') ? m[1]!.slice(1, -1) : m[1]!;
  const title = m[2] ? m[2].slice(1, -1) : undefined;
  return { label: text.slice(at + 1, j), href: unescapePunct(dest), ...(title !== undefined ? { title: unescapePunct(title) } : {}), end: j + 1 + m[0].length };
}

const unescapePunct = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** http, https, mailto and relative URLs; nothing that a browser could run. */
export function safeHref(url: string): string | undefined {
  if (/[\u0000-\u001f\u007f\s]/.test(url)) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return url;
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase()) ? url : undefined;
}

function anchor(href: string, content: Html, title?: string): Html {
  const t = title !== undefined ? ` title="${escapeHtml(title)}"` : '';
  return `<a href="${escapeHtml(href)}"${t}>${content}</a>` as Html;
}

function inline(text: string, inLink = false): Html {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCT.test(text[i + 1]!)) {
      out += escapeHtml(text[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '`') {
      const n = runLength(text, i, '`');
      const close = codeClose(text, i + n, n);
      if (close < 0) { out += '`'.repeat(n); i += n; continue; }
      let code = text.slice(i + n, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      out += `<code>${escapeHtml(code)}</code>`;
      i = close + n;
      continue;
    }
    if (c === '*' && text[i + 1] === '*') {
      const close = strongClose(text, i + 2);
      if (close > i + 2 && !/\s/.test(text[i + 2]!) && !/\s/.test(text[close - 1]!)) {
        out += `<strong>${inline(text.slice(i + 2, close), inLink)}</strong>`;
        i = close + 2;
        continue;
      }
    }
    if (c === '[' && !inLink) {
      const link = parseLink(text, i);
      if (link) {
        const label = inline(link.label, true);
        const href = safeHref(link.href);
        out += href === undefined ? label : anchor(href, label, link.title);
        i = link.end;
        continue;
      }
    }
    if (c === '<' && !inLink) {
      const m = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(text.slice(i));
      const href = m ? safeHref(m[1]!) : undefined;
      if (m && href !== undefined) {
        out += anchor(href, escapeHtml(m[1]!));
        i += m[0].length;
        continue;
      }
    }
    out += escapeHtml(c);
    i++;
  }
  return out as Html;
}

/** Inline Markdown only (for one-line texts such as summaries): no blocks. */
export const inlineMarkdownToHtml = (text: string): Html => inline(text.replace(/\r\n?/g, '\n'));
