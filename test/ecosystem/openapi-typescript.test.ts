// openapi-typescript generates TypeScript from the documents of 2.1, 2.53 and 2.100; the output
// type-checks under strict tsc, and its names are the ones the emitter chose: operations keyed by
// operationId, component schemas in PascalCase from operationIds and shared schema names (no
// Schema1, no InlineResponse200). A usage file pins a few types, including what changed in 2.53.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { CompiledVersion } from '../../src/compiler/pipeline.js';
import { ROOT } from '../helpers.js';
import { compileNova, runNode, tempDir } from './_nova.js';

const PICKED = ['2.1', '2.53', '2.100'] as const;
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const moduleName = (v: string) => `nova-${v.replace('.', '_')}`;

type Doc = { readonly paths: Record<string, Record<string, { readonly operationId: string }>>; readonly components: Record<string, Record<string, unknown>> };
const asDoc = (v: CompiledVersion) => v.document as unknown as Doc;

let dir = '';
let cleanup = (): void => {};
let all: readonly CompiledVersion[] = [];
const generated = new Map<string, { readonly source: string; readonly ms: number; readonly warnings: readonly string[] }>();

before(async () => {
  [dir, cleanup] = tempDir('mvc-openapi-ts-');
  all = await compileNova();
  for (const v of PICKED) {
    const cv = all.find((x) => x.version === v);
    assert.ok(cv, `version ${v} is compiled`);
    const warnings: string[] = [];
    const { warn, error } = console;
    console.warn = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
    console.error = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
    const t0 = Date.now();
    try {
      const source = astToString(await openapiTS(cv.document as unknown as OpenAPI3));
      generated.set(v, { source, ms: Date.now() - t0, warnings });
    } finally {
      console.warn = warn;
      console.error = error;
    }
    fs.writeFileSync(path.join(dir, `${moduleName(v)}.ts`), generated.get(v)!.source);
  }
});

after(() => cleanup());

/** Member names of `export interface <name>`, or of its member `<member>` when that is a type literal. */
function members(source: string, iface: string, member?: string): string[] {
  const sf = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const decl = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === iface);
  assert.ok(decl, `the output declares interface ${iface}`);
  let elements: readonly ts.TypeElement[] = decl.members;
  if (member) {
    const m = decl.members.find((e): e is ts.PropertySignature => ts.isPropertySignature(e) && e.name.getText(sf) === member);
    assert.ok(m?.type && ts.isTypeLiteralNode(m.type), `${iface}.${member} is a type literal`);
    elements = m.type.members;
  }
  return elements.map((e) => {
    assert.ok(e.name, `a named member of ${iface}`);
    const text = e.name.getText(sf);
    return text.startsWith('"') ? (JSON.parse(text) as string) : text;
  });
}

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const GENERATED_NAME = /^(Schema|Inline|InlineResponse|InlineObject|Body|Response)\d*$|\d{3}Response$/;

test('openapi-typescript generates every picked version without warnings', () => {
  for (const v of PICKED) {
    const g = generated.get(v)!;
    assert.deepEqual(g.warnings, [], `${v}: no warnings`);
    assert.match(g.source, /export interface operations \{/);
  }
});

test('generated operations are the operationIds, generated schemas the emitted component names', () => {
  for (const v of PICKED) {
    const doc = asDoc(all.find((x) => x.version === v)!);
    const source = generated.get(v)!.source;
    const operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    assert.deepEqual(members(source, 'operations').sort(), [...operationIds].sort(), `${v}: operations`);
    const schemas = members(source, 'components', 'schemas');
    assert.deepEqual(schemas.sort(), Object.keys(doc.components['schemas']!).sort(), `${v}: components.schemas`);
    for (const name of schemas) {
      assert.match(name, PASCAL, `${v}: schema ${name} is PascalCase`);
      assert.doesNotMatch(name, GENERATED_NAME, `${v}: schema ${name} is not a generator's fallback name`);
    }
    assert.deepEqual(members(source, 'components', 'responses').sort(), Object.keys(doc.components['responses']!).sort(), `${v}: components.responses`);
    for (const name of ['showServer', 'listServers', 'createServer', 'runServerAction', 'listFlavors', 'showHypervisor']) {
      assert.ok(operationIds.includes(name), `${v}: operations has ${name}`);
    }
    for (const name of ['Server', 'Flavor', 'Fault', 'ShowServerResponse', 'CreateServerRequest', 'RunServerActionRequest', 'RunServerActionRebootRequest', 'ItemNotFoundError']) {
      assert.ok(schemas.includes(name), `${v}: components.schemas has ${name}`);
    }
  }
});

test('every emitted document names its components and operations as generators want', () => {
  assert.equal(all.length, 100);
  for (const v of all) {
    const doc = asDoc(v);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    assert.equal(new Set(ids).size, ids.length, `${v.version}: operationIds are unique`);
    for (const id of ids) assert.match(id, /^[a-z][A-Za-z0-9]*$/, `${v.version}: operationId ${id} is camelCase`);
    for (const kind of ['schemas', 'responses', 'parameters']) {
      for (const name of Object.keys(doc.components[kind] ?? {})) {
        assert.match(name, PASCAL, `${v.version}: components.${kind}.${name} is PascalCase`);
        assert.doesNotMatch(name, GENERATED_NAME, `${v.version}: components.${kind}.${name}`);
      }
    }
  }
});

const USAGE = `// Type-level checks of the generated modules; compiled, never run.
import type * as V1 from './${moduleName('2.1')}.js';
import type * as V53 from './${moduleName('2.53')}.js';
import type * as V100 from './${moduleName('2.100')}.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type Checks = [
  // Paths refer to operations by operationId, and bodies to the named component schemas.
  Assert<Equal<V100.paths['/servers/{server_id}']['get'], V100.operations['showServer']>>,
  Assert<Equal<Json<V100.operations['showServer']['responses'][200]>, V100.components['schemas']['ShowServerResponse']>>,
  Assert<Equal<Json<V100.operations['createServer']['requestBody']>, V100.components['schemas']['CreateServerRequest']>>,
  Assert<Equal<Json<V100.operations['runServerAction']['requestBody']>, V100.components['schemas']['RunServerActionRequest']>>,
  Assert<Equal<V100.operations['showServer']['responses'][404], V100.components['responses']['ItemNotFound']>>,
  Assert<Equal<Json<V100.components['responses']['ItemNotFound']>, V100.components['schemas']['ItemNotFoundError']>>,
  // What the microversions changed: locked (2.9), pinned_availability_zone (2.96), hypervisor ids (2.53).
  Assert<Equal<'locked' extends keyof V1.components['schemas']['Server'] ? true : false, false>>,
  Assert<Equal<'locked' extends keyof V53.components['schemas']['Server'] ? true : false, true>>,
  Assert<Equal<'pinned_availability_zone' extends keyof V53.components['schemas']['Server'] ? true : false, false>>,
  Assert<Equal<'pinned_availability_zone' extends keyof V100.components['schemas']['Server'] ? true : false, true>>,
  Assert<Equal<V1.components['schemas']['Hypervisor']['id'], number>>,
  Assert<Equal<V53.components['schemas']['Hypervisor']['id'], string>>,
];

// Values: an action body, and an error body as Nova sends it.
export const reboot: V100.components['schemas']['RunServerActionRequest'] = { reboot: { type: 'HARD' } };
export const notFound: Json<V100.components['responses']['ItemNotFound']> = { itemNotFound: { code: 404, message: 'Instance could not be found.' } };
// @ts-expect-error an action body names a known action
export const bogus: V100.components['schemas']['RunServerActionRequest'] = { frobnicate: null };
`;

test('the generated TypeScript type-checks under strict tsc --noEmit, with a usage file', async (t) => {
  fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [],
      strict: true, noEmit: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true,
      noUnusedLocals: true, noPropertyAccessFromIndexSignature: true, isolatedModules: true, skipLibCheck: false,
    },
    files: [...PICKED.map((v) => `${moduleName(v)}.ts`), 'usage.ts'],
  }, null, 2));
  const r = await runNode(TSC, ['-p', path.join(dir, 'tsconfig.json')], { cwd: dir });
  assert.equal(r.code, 0, `tsc found errors:\n${(r.stdout + r.stderr).slice(0, 4000)}`);
  const lines = PICKED.map((v) => `${v}: ${generated.get(v)!.source.split('\n').length} lines in ${generated.get(v)!.ms} ms`);
  t.diagnostic(`generated ${lines.join(', ')}; tsc ${r.ms} ms`);
});
