// The library entry: the same pipeline the CLI runs, as typed functions.
export { compile, type CompileOptions, type CompileResult, type CompiledVersion } from './compiler/pipeline.js';
export { formatDiagnostic } from './compiler/diagnostics/format.js';
export type { Diagnostic } from './compiler/diagnostics/diagnostic.js';
export { CODES, type Code } from './compiler/diagnostics/codes.js';
export { nodeHost, memoryHost, type CompilerHost } from './compiler/host.js';
export type { ApiModel, Operation, Action, Schema } from './compiler/model/api-model.js';
export { parseWhere, type Where } from './compiler/model/where.js';
export { diffVersions, changesOf, type ChangeRecord, type Severity, type Side } from './compiler/diff/index.js';
