import { compileFiles, miniSpec, BASE, delta } from './helpers.js';
const tries: Record<string, Record<string,string>> = {
  topKey: miniSpec({ '2.1.yaml': BASE.replace('summary: Base', 'toString: x\nsummary: Base') }),
  changeKey: miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', `  - kind: schema.add\n    where: schema A\n    valueOf: 1\n    schema: { type: string }\n`) }),
  schemaKey: miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', `  - kind: schema.add\n    where: schema A\n    schema: { type: string, isPrototypeOf: 1 }\n`) }),
  apiKey: { ...miniSpec({ '2.1.yaml': BASE }), '/spec/api.yaml': 'info: { title: Mini, toString: 1 }\nerrors: {}\nreleases: {}\ntags: []\n' },
  protoKey: miniSpec({ '2.1.yaml': BASE.replace('summary: Base', '__proto__: x\nsummary: Base') }),
};
for (const [n, f] of Object.entries(tries)) {
  try { const r = await compileFiles(f); console.log(n, r.diagnostics.map(d => d.code + ' ' + d.message.slice(0, 120))); }
  catch (e) { console.log(n, 'THREW', (e as Error).stack?.split('\n').slice(0, 3).join(' / ')); }
}
