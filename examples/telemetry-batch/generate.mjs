// Generates requests/*.json and expected/*.json for the telemetry-batch example (10 000 readings in one request).
// Plain Node (>= 20), no dependencies: `node generate.mjs`.
// The payload is a deterministic, synthetic IoT gateway upload: {gateway, readings: [...]}.
// The expected results are computed here in plain JavaScript, independently of any IML engine, by re-stating
// what spec.json does:
//   condition: the x-api-key header (any casing in the request) equals parameters.apiKey;
//   iterate.container = body.readings, iterate.condition drops readings whose status is 'calibrating';
//   output = {device, site upper-cased, at = ts (typed), temperature = temp_dc / 10 (an integer divided by 10
//             is exact in decimal arithmetic, so the JS division gives the same double), humidity (typed, null kept),
//             battery 'low' below 3300 mV else 'ok', alert = temp_dc > 300 or < 0, label text "device @ site"
//             with the site lower-cased, firmware = fw or 'unknown' when empty, tag = first tag (1-based [1]),
//             left out when the reading has no tags};
//   respond = 202, JSON {"accepted": <number of readings>, "gateway": <gateway>}, also when the condition fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// One array element per line: the files stay diff-friendly without the size of full indentation.
const write = (rel, value) => {
  mkdirSync(dirname(join(here, rel)), { recursive: true });
  writeFileSync(join(here, rel), onePerLine(value) + '\n');
};
// Indents objects by two spaces but writes every array element on a single line.
const onePerLine = (value) => {
  const render = (v, indent) => {
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const pad = ' '.repeat(indent + 2);
      return `[\n${v.map((e) => pad + JSON.stringify(e)).join(',\n')}\n${' '.repeat(indent)}]`;
    }
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 0) return '{}';
      const pad = ' '.repeat(indent + 2);
      return `{\n${keys.map((k) => `${pad}${JSON.stringify(k)}: ${render(v[k], indent + 2)}`).join(',\n')}\n${' '.repeat(indent)}}`;
    }
    return JSON.stringify(v);
  };
  return render(value, 0);
};

// Small deterministic PRNG (mulberry32) so the batch is identical on every run.
let seed = 0x1017_2024;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];

const sites = ['Brno-2', 'Praha-Holesovice', 'Wien-Simmering', 'Berlin-Adlershof', 'Ostrava'];
const tagSets = [['cold-chain'], ['cold-chain', 'pharma'], ['warehouse'], ['office', 'hvac'], []];
const firmware = ['2.4.1', '2.4.1', '2.5.0-rc1', '', null, undefined];

const COUNT = 10_000;
const readings = [];
let ts = 1718040000;
for (let i = 0; i < COUNT; i++) {
  ts += int(0, 3);
  const r = {
    device: `th-${String(int(1, 600)).padStart(4, '0')}`,
    site: pick(sites),
    ts,
    temp_dc: int(-60, 340),
    rh: rand() < 0.05 ? null : int(150, 950) / 10,
    battery_mv: int(3000, 3700),
    status: rand() < 0.04 ? 'calibrating' : pick(['ok', 'ok', 'ok', 'degraded']),
    tags: [...pick(tagSets)],
  };
  const fw = pick(firmware);
  if (fw !== undefined) r.fw = fw;
  readings.push(r);
}

// ---- independent expected computation (plain JS) ----
const isEmpty = (v) => v === undefined || v === null || v === '';
const expectedFor = (request, apiKey) => {
  const key = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-api-key')?.[1];
  const { readings: list, gateway } = request.body;
  const bundles =
    key !== apiKey
      ? []
      : list
          .filter((r) => r.status !== 'calibrating')
          .map((r) => {
            const output = {
              device: r.device,
              site: r.site.toUpperCase(),
              at: r.ts,
              temperature: r.temp_dc / 10,
              humidity: r.rh,
              battery: r.battery_mv < 3300 ? 'low' : 'ok',
              alert: r.temp_dc > 300 || r.temp_dc < 0,
              label: `${r.device} @ ${r.site.toLowerCase()}`,
              firmware: isEmpty(r.fw) ? 'unknown' : r.fw,
            };
            if (r.tags.length > 0) output.tag = r.tags[0];
            return { output };
          });
  return {
    verification: false,
    response: {
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accepted: list.length, gateway }),
    },
    bundles,
    errors: [],
  };
};

const API_KEY = 'tlm_7f3a9c0e51';
const request = (body, key) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Api-Key': key, 'User-Agent': 'acme-gateway/3.2' },
  query: {},
  body,
  parameters: { apiKey: API_KEY },
});

const cases = {
  'batch-10k': request({ gateway: 'gw-cz-17', readings }, API_KEY),
  wrong_key: request({ gateway: 'gw-cz-17', readings: readings.slice(0, 3) }, 'tlm_guessed'),
};
for (const [name, req] of Object.entries(cases)) {
  write(`requests/${name}.json`, req);
  write(`expected/${name}.json`, expectedFor(req, API_KEY));
}
const kept = expectedFor(cases['batch-10k'], API_KEY).bundles.length;
console.log(`telemetry-batch: ${COUNT} readings, ${kept} bundles expected`);
