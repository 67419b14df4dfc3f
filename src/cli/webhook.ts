import { compileWebhook, ImlError, type RunOptions, type WebhookResult, type WebhookSpec } from '../index.js';
import type { Command } from './command.js';
import { errorJson, errorText } from './format.js';
import { readJson, toJson } from './io.js';
import { RUN_OPTIONS, RUN_OPTIONS_HELP, readObject, runOptions } from './options.js';

/** resultJson returns a WebhookResult in the JSON shape the CLI prints (errors as plain objects). */
function resultJson(result: WebhookResult): unknown {
  return { ...result, errors: result.errors.map(({ index, error }) => ({ index, error: errorJson(error) })) };
}

/** webhookCommand represents `iml webhook`: handle one recorded request with a spec and print the WebhookResult. */
export const webhookCommand: Command = {
  name: 'webhook',
  summary: 'run a webhook spec on a request and print the WebhookResult',
  help: `Usage: iml webhook <spec.json> <request.json> [options]

Compiles the spec, handles the request ({method, headers, query, body, parameters}, body already parsed)
and prints the WebhookResult as JSON: {verification, response: {status, headers, body}, bundles, errors}.
Item errors are listed in "errors" and do not change the exit code. When no reply can be built (an invalid
spec, an error in verification, condition, the container or respond) it prints the error and exits 1.
"-" reads the request from standard input.

Options:
  --env FILE         JSON object for the environment variable (default {})
${RUN_OPTIONS_HELP}
  -h, --help         show this help

Example:
  iml webhook examples/github/spec.json examples/github/requests/push.json`,
  options: { env: { type: 'string' }, ...RUN_OPTIONS },
  positionals: { min: 2, max: 2 },
  run(args, io) {
    const [specFile, requestFile] = args.positionals as [string, string];
    const spec = readJson(specFile, io) as WebhookSpec;
    const request = readObject(requestFile, 'a request', io);
    const options: RunOptions = runOptions(args);
    if (typeof args.values.env === 'string') options.environment = readObject(args.values.env, 'the environment', io);
    try {
      const result = compileWebhook(spec, {}).handle(request, options);
      io.stdout(`${toJson(resultJson(result), args.values.compact === true)}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof ImlError)) throw e;
      io.stderr(`${errorText(e)}\n`);
      return 1;
    }
  },
};
