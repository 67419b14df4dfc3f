import { readFileSync } from 'node:fs';
import { runCli } from './run.js';

// The `iml` binary (dist/cli.js): the exit code is set, not forced, so piped output is flushed before exit.
// A reader that stops early (`iml check ... | head`) closes the pipe: that ends the program quietly, not with a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
});
