import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

// The `iml` command line, run in-process with captured output (test/cli/bin.test.ts spawns the built binary).
const examples = join(import.meta.dirname, '../../examples');
const tmp = mkdtempSync(join(tmpdir(), 'iml-cli-'));
const file = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

async function iml(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readStdin: () => stdin,
  });
  return { code, out, err };
}

/** oneLine asserts a failure is reported as exactly one line on stderr with no stack trace. */
function expectOneLine(err: string): void {
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('iml eval', () => {
  it.each([
    [['{{1 + 1}}'], '2\n'],
    [['Hello {{upper("ann")}}'], '"Hello ANN"\n'],
    [['{{emptyarray}}'], '[]\n'],
    [['{"a": "{{1 + 1}}", "b": ["{{null}}"]}', '--value'], '{\n  "a": 2,\n  "b": [\n    null\n  ]\n}\n'],
    [['{"a": "{{1 + 1}}"}', '--value', '--compact'], '{"a":2}\n'],
    [['{{ignore}}'], ''],
    [['{{1 = "1"}}', '--strict-equality'], 'false\n'],
    [['{{1 = "1"}}'], 'true\n'],
    [['{{timestamp}}', '--now', '2024-06-10T12:00:00Z'], '1718020800\n'],
    [['{{now}}', '--now', '2024-06-10T12:00:00Z'], '"2024-06-10T12:00:00.000Z"\n'],
  ])('%j prints %j', async (argv, want) => {
    const { code, out, err } = await iml(['eval', ...argv]);
    expect({ code, out, err }).toEqual({ code: 0, out: want, err: '' });
  });

  it('reads the context from a file or from stdin', async () => {
    const ctx = file('ctx.json', '{"body": {"items": [1, 2, 3]}}');
    expect((await iml(['eval', '{{body.items[-1]}}', '--context', ctx])).out).toBe('3\n');
    expect((await iml(['eval', '{{body.n * 2}}', '-c', '-'], '{"body": {"n": 21}}')).out).toBe('42\n');
  });

  it('prints a template error with its code, position and caret, and exits 1', async () => {
    const { code, out, err } = await iml(['eval', '{{if(body.id >) }}']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'error syntax/unexpected-token: Unexpected token ")" (1:15)\n  {{if(body.id >) }}\n                ^\n',
    );
  });

  it.each([
    [['eval'], /^iml eval: expected 1 argument, got 0/],
    [['eval', 'a', 'b'], /^iml eval: expected 1 argument, got 2/],
    [['eval', '{{1}}', '--nope'], /^iml eval: Unknown option '--nope'/],
    [['eval', '{{1}}', '--context'], /^iml eval: Option '-c, --context <value>' argument missing/],
    [['eval', '{{1}}', '--tz', 'Mars/Olympus'], /^iml eval: --tz: unknown time zone "Mars\/Olympus"/],
    [['eval', '{{1}}', '--now', 'soon'], /^iml eval: --now: "soon" is not a date/],
    [['eval', '{', '--value'], /^iml eval: --value: <template> is not JSON/],
    [['evil'], /^iml: unknown command "evil"/],
  ])('wrong arguments %j: one line, exit 2', async (argv, message) => {
    const { code, out, err } = await iml(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expectOneLine(err);
  });

  it.each([
    [['eval', '{{1}}', '--context', join(tmp, 'missing.json')], /^iml eval: .*missing\.json: no such file$/],
    [['eval', '{{1}}', '--context', tmp], /^iml eval: .*: is a directory, not a file$/],
  ])('unreadable files %j: one line, exit 1', async (argv, message) => {
    const { code, err } = await iml(argv);
    expect(code).toBe(1);
    expect(err.trimEnd()).toMatch(message);
    expectOneLine(err);
  });

  it('bad JSON in a context file: one line with the position, exit 1', async () => {
    const bad = file('bad.json', '{\n  "body": {\n    "a": 1,\n  }\n}\n');
    const { code, err } = await iml(['eval', '{{1}}', '--context', bad]);
    expect(code).toBe(1);
    expect(err).toMatch(/^iml eval: .*bad\.json: invalid JSON: .*\(line 4, column 3\)\n$/);
    expectOneLine(err);
  });

  it('a context that is not an object: one line, exit 2', async () => {
    const { code, err } = await iml(['eval', '{{1}}', '-c', '-'], '[1]');
    expect(code).toBe(2);
    expect(err).toMatch(/^iml eval: standard input: the context must be a JSON object/);
  });
});

describe('iml check', () => {
  it('reports the three acceptance mistakes with their paths and carets, and exits 1', async () => {
    const spec = file(
      'three.json',
      JSON.stringify({
        uid: '{{nope(item.id)}}',
        output: { name: '{{item.name +}}', ok: '{{item.id}}' },
        respond: { status: 1200 },
        extra: true,
      }),
    );
    const { code, out, err } = await iml(['check', spec]);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toBe(
      [
        `${spec}: $.respond.status: error: respond.status must be an integer from 100 to 999, not 1200 [webhook/invalid-spec]`,
        `${spec}: $.uid:1:3: error: Unknown function "nope" [compile/unknown-function]`,
        '    {{nope(item.id)}}',
        '      ^',
        // SEMANTICS §2: an expression that ends too early is reported at the closing `}}` (column 14).
        `${spec}: $.output.name:1:14: error: Unexpected token "}}" [syntax/unexpected-token]`,
        '    {{item.name +}}',
        '                 ^',
        `${spec}: $.extra: warning: Unknown top-level key "extra" is ignored`,
        `${spec}: 3 errors, 1 warning`,
        '',
      ].join('\n'),
    );
  });

  it('passes every example spec', async () => {
    const specs = readdirSync(examples, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(examples, d.name, 'spec.json'));
    const { code, out } = await iml(['check', ...specs]);
    expect(out.trimEnd().split('\n')).toEqual(specs.map((s) => `${s}: ok`));
    expect(code).toBe(0);
  });

  it('reads a spec from stdin; warnings alone exit 0', async () => {
    const { code, out } = await iml(['check', '-'], '{"output": "{{body}}", "note": "x"}');
    expect(out).toBe('-: $.note: warning: Unknown top-level key "note" is ignored\n-: 1 warning\n');
    expect(code).toBe(0);
  });

  it('goes on after a missing or malformed file, one line each, and exits 1', async () => {
    const bad = file('broken.json', '{"output": ');
    const good = file('good.json', '{"output": "{{body}}"}');
    const { code, out } = await iml(['check', join(tmp, 'none.json'), bad, good]);
    expect(out.split('\n')).toEqual([
      `${join(tmp, 'none.json')}: no such file`,
      expect.stringMatching(/broken\.json: invalid JSON: /),
      `${good}: ok`,
      '',
    ]);
    expect(code).toBe(1);
  });
});

describe('iml webhook', () => {
  const apps = readdirSync(examples, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && d.name !== 'telemetry-batch',
  );
  for (const { name } of apps) {
    for (const request of readdirSync(join(examples, name, 'requests'))) {
      it(`${name}/${request} prints its expected WebhookResult`, async () => {
        const { code, out, err } = await iml([
          'webhook',
          join(examples, name, 'spec.json'),
          join(examples, name, 'requests', request),
        ]);
        expect(err).toBe('');
        expect(code).toBe(0);
        expect(JSON.parse(out)).toStrictEqual(
          JSON.parse(readFileSync(join(examples, name, 'expected', request), 'utf8')),
        );
      });
    }
  }

  it('prints item errors as plain JSON objects and still exits 0', async () => {
    const spec = file(
      'items.json',
      '{"iterate": "{{body}}", "output": "{{item.a.b}}", "respond": {"headers": {"x": "a{{newline}}b"}}}',
    );
    const { code, out } = await iml(['webhook', spec, '-', '--compact'], '{"body": [1, 2]}');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.bundles).toEqual([{}, {}]);
    expect(result.errors).toEqual([
      {
        index: -1,
        error: {
          code: 'runtime/type',
          message: 'Header "x" is not sent: its value contains CR, LF or NUL',
          path: '$.respond.headers.x',
        },
      },
    ]);
  });

  it('passes --env, --tz and --now to handle()', async () => {
    const spec = file('env.json', '{"output": "{{environment.stage}} {{formatDate(now, \'HH:mm\')}}"}');
    const env = file('env-vars.json', '{"stage": "prod"}');
    const request = file('req.json', '{}');
    const { out } = await iml([
      'webhook',
      spec,
      request,
      '--env',
      env,
      '--tz',
      'Europe/Prague',
      '--now',
      '2024-06-10T12:00:00Z',
    ]);
    expect(JSON.parse(out).bundles).toEqual([{ output: 'prod 14:00' }]);
  });

  it('an invalid spec or an error outside items: the error with its path, exit 1', async () => {
    const invalid = file('invalid.json', '{"respond": {"type": "xml"}}');
    const request = file('empty-req.json', '{}');
    let r = await iml(['webhook', invalid, request]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'error webhook/invalid-spec: respond.type must be "json", "urlencoded" or "text", not "xml" at $.respond.type\n',
    );
    const failing = file('failing.json', '{"respond": {"status": "{{body.s}}"}}');
    r = await iml(['webhook', failing, '-'], '{"body": {"s": 42}}');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^error runtime\/type: Status must be an integer from 100 to 999, not 42 at \$\.respond\.status\n$/,
    );
  });

  it('a request that is not an object: one line, exit 2', async () => {
    const { code, err } = await iml(['webhook', join(examples, 'make-docs/spec.json'), '-'], '"x"');
    expect(code).toBe(2);
    expectOneLine(err);
  });
});

describe('iml disasm', () => {
  it('prints one line per instruction with its source position, paths and functions by name', async () => {
    const { code, out } = await iml(['disasm', 'Hi {{upper(body.name)}}']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^0000 /);
    expect(out).toMatch(/^\d{4} .*body\.name.*@1:12$/m);
    expect(out).toMatch(/^\d{4} .*upper.*@1:6$/m);
    expect(lines.at(-1)).toMatch(/^; \d+ instructions/);
  });

  it('--no-optimize shows the program before constant folding', async () => {
    const count = (out: string) => out.split('\n').filter((l) => /^\d{4} /.test(l)).length;
    const folded = await iml(['disasm', '{{1 + 2 * 3}}']);
    const plain = await iml(['disasm', '{{1 + 2 * 3}}', '--no-optimize']);
    expect(folded.out).toMatch(/ 7 /);
    expect(count(plain.out)).toBeGreaterThan(count(folded.out));
  });

  it('disassembles a JSON value with --value; a template error exits 1 with its caret', async () => {
    expect((await iml(['disasm', '{"a": "{{body.x}}"}', '--value'])).out).toMatch(/body\.x/);
    const bad = await iml(['disasm', '{{upper(}}']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error syntax\/unexpected-token: .*\(1:9\)\n/);
  });
});

describe('help', () => {
  it('iml --help lists every command; iml alone prints it on stderr and exits 2', async () => {
    const { code, out } = await iml(['--help']);
    expect(code).toBe(0);
    for (const name of ['eval', 'check', 'webhook', 'disasm']) expect(out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const bare = await iml([]);
    expect(bare.code).toBe(2);
    expect(bare.err).toBe(out);
  });

  it.each(['eval', 'check', 'webhook', 'disasm'])(
    'iml %s --help and iml help <command> print the usage',
    async (name) => {
      const a = await iml([name, '--help']);
      const b = await iml(['help', name]);
      expect(a.code).toBe(0);
      expect(a.out).toMatch(new RegExp(`^Usage: iml ${name} `));
      expect(b.out).toBe(a.out);
    },
  );

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect((await iml(['--version'])).out).toBe(`${pkg.version}\n`);
  });
});
