// Emitters beyond the per-version OpenAPI documents (changelog docs, the combined document, …)
// are plugins: each gets the compiled result and returns files for one output folder. They do no
// I/O; the CLI writes everything together, atomically, and only when no emitter reported an error.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileResult, ValidateOnPool } from '../pipeline.js';
import type { OutputFile } from '../write/write-output.js';

export interface EmitContext {
  readonly result: CompileResult;
  /** Folder of handlebars templates overriding the built-in ones (mvc build --templates). */
  readonly templatesDir?: string;
  /** Validates a document (its JSON text) on the build's validating threads; without it, emitters validate on this thread. */
  readonly validate?: ValidateOnPool;
}

export interface Emitter {
  readonly name: string;
  /** The output folder under --out it writes into, e.g. `docs` or `openapi`. */
  readonly folder: string;
  emit(ctx: EmitContext): Promise<[OutputFile[], Diagnostic[]]>;
}
