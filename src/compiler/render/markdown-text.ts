// Spec text made safe for the Markdown outputs (CHANGELOG.md, versions/<v>.md), so that a
// Markdown viewer shows it as the HTML site does: `<uuid>` stays literal, never raw HTML.

/** Plain text (a computed message, a name) → Markdown that shows it literally. */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*[\]<>|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    // `_` only where it could open or close emphasis: not inside a word such as server_id.
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'))
    .replace(/\r?\n/g, ' ');
}

/** Text as one inline code span, with a fence longer than any backtick run inside it. */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export interface MarkdownSourceOptions {
  /** Added to every ATX heading level, capped at 6. */
  readonly headingOffset?: number;
  /** Prefixed to every line after the first (to sit inside a list item). */
  readonly indent?: string;
}

/**
 * Authored Markdown, passed through, with raw HTML neutralised: outside code, `<` becomes
 * `&lt;` (except autolinks such as <https://…>) and `&name;` shows literally.
 */
export function markdownSource(markdown: string, options: MarkdownSourceOptions = {}): string {
  const offset = options.headingOffset ?? 0;
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  // Prose is neutralised a paragraph at a time, since a code span may run over a line break.
  const flush = () => { if (prose.length) out.push(...neutraliseInline(prose.join('\n')).split('\n')); prose = []; };
  let fence: string | undefined;
  for (const line of lines) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      out.push(line);
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f && !(f[1]![0] === '`' && line.slice(line.indexOf(f[1]!) + f[1]!.length).includes('`'))) {
      flush();
      fence = f[1]!;
      out.push(line);
      continue;
    }
    if (line.trim() === '') { flush(); out.push(line); continue; }
    const heading = /^( {0,3})(#{1,6})(?=\s|$)/.exec(line);
    prose.push(heading && offset ? heading[1]! + '#'.repeat(Math.min(6, heading[2]!.length + offset)) + line.slice(heading[0].length) : line);
  }
  flush();
  const indent = options.indent ?? '';
  return out.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');
}

function neutraliseInline(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) { out += line.slice(i, i + 2); i += 2; continue; }
    if (c === '`') {
      let n = 0;
      while (line[i + n] === '`') n++;
      const close = findRun(line, i + n, n);
      if (close >= 0) { out += line.slice(i, close + n); i = close + n; continue; }
      out += '`'.repeat(n);
      i += n;
      continue;
    }
    if (c === '<') {
      const auto = /^<(?:https?|mailto):[^\s<>]+>/i.exec(line.slice(i));
      if (auto) { out += auto[0]; i += auto[0].length; continue; }
      out += '&lt;';
      i++;
      continue;
    }
    if (c === '&' && /^&#?\w+;/.test(line.slice(i))) { out += '&amp;'; i++; continue; }
    out += c;
    i++;
  }
  return out;
}

function findRun(text: string, from: number, n: number): number {
  for (let j = from; j < text.length;) {
    if (text[j] !== '`') { j++; continue; }
    let r = 0;
    while (text[j + r] === '`') r++;
    if (r === n) return j;
    j += r;
  }
  return -1;
}
