import path from 'node:path';
import type { CompilerHost } from '../host.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { compareVersions, parseVersion, type Version } from '../source/version.js';

export interface LoadedFile extends ParsedYaml {
  /** The version the file name says, e.g. 2.26 for `2.26.yaml`. */
  readonly fileVersion: Version;
}

export interface LoadedSpec {
  readonly specDir: string;
  readonly api: ParsedYaml | undefined;
  /** Sorted by the version in the file name, numerically. */
  readonly files: readonly LoadedFile[];
}

const FILE_RE = /^(\d+\.\d+)\.ya?ml$/;

/** Reads api.yaml and versions/*.yaml, keeping positions. Never throws on bad input. */
export function loadSpec(host: CompilerHost, specDir: string): [LoadedSpec, Diagnostic[]] {
  const diags: Diagnostic[] = [];
  const apiPath = path.join(specDir, 'api.yaml');
  let api: ParsedYaml | undefined;
  try {
    const [parsed, ds] = parseYaml(apiPath, host.readFile(apiPath));
    api = parsed;
    diags.push(...ds);
  } catch (err) {
    diags.push(diag('load/read-failed', `cannot read ${apiPath}: ${errText(err)}; expected the API-wide file spec/api.yaml`));
  }
  const dir = path.join(specDir, 'versions');
  let names: string[] = [];
  try {
    names = host.listDir(dir);
  } catch (err) {
    diags.push(diag('load/read-failed', `cannot read the folder ${dir}: ${errText(err)}; expected a folder of 2.N.yaml files`));
  }
  const files: LoadedFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const m = FILE_RE.exec(name);
    const v = m ? parseVersion(m[1]!) : undefined;
    if (!v) {
      if (!name.startsWith('.')) diags.push(diag('load/bad-file-name', `"${name}" in ${dir} is not a version file; expected a name like 2.26.yaml`, { location: { file, line: 1, col: 1 } }));
      continue;
    }
    try {
      const [parsed, ds] = parseYaml(file, host.readFile(file), v.text);
      files.push({ ...parsed, fileVersion: v });
      diags.push(...ds);
    } catch (err) {
      diags.push(diag('load/read-failed', `cannot read ${file}: ${errText(err)}`, { version: v.text }));
    }
  }
  if (names.length > 0 && files.length === 0) diags.push(diag('load/no-versions', `${dir} holds no version files; expected 2.1.yaml and later`));
  files.sort((a, b) => compareVersions(a.fileVersion, b.fileVersion));
  return [{ specDir, api, files }, diags];
}

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));
