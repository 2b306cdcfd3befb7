import { LineCounter, parseDocument } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locationAt, PARSE_OPTIONS, type SourceFile } from '../source/source-file.js';

/** Bounds alias expansion: a "billion laughs" file fails fast instead of eating memory. */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedYaml {
  readonly source: SourceFile;
  /** The plain value, or undefined when the file did not parse. */
  readonly value: unknown;
}

/** Parses YAML keeping positions; every yaml error becomes one of our diagnostics. */
export function parseYaml(path: string, text: string, version?: string): [ParsedYaml, Diagnostic[]] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const source: SourceFile = { path, text, lineCounter, doc };
  const diags: Diagnostic[] = [];
  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'load/duplicate-key' : 'load/yaml-syntax';
    const what = e.code === 'DUPLICATE_KEY' ? 'a mapping with unique keys' : 'valid YAML';
    diags.push(
      diag(code, `${version ? `${version}: ` : ''}${firstLine(e.message)}; expected ${what}`, {
        location: locationAt(source, e.pos[0]),
        ...(version ? { version } : {}),
        notes: [`yaml: ${e.code}`],
      }),
    );
  }
  if (diags.length) return [{ source, value: undefined }, diags];
  try {
    return [{ source, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) }, diags];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    diags.push(
      diag('load/alias-limit', `${version ? `${version}: ` : ''}${firstLine(message)}; expected at most ${MAX_ALIAS_COUNT} alias expansions`, {
        location: locationAt(source, 0),
        ...(version ? { version } : {}),
      }),
    );
    return [{ source, value: undefined }, diags];
  }
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
