// Writing a command's output: a reader that goes away early (mvc diff … | head) is not an error.
let guarded = false;

export function writeStdout(text: string): void {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  process.stdout.write(text);
}
