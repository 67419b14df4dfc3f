// The IML-realistic suites: three of the repository's webhook examples, each request handled end to end (variables,
// verification, condition, iterate, uid, output, the serialized reply), by every engine in its own syntax.
import { filtrexObject, unixText } from '../engines.js';
import { deepShaped, shaped } from '../shapes.js';
import { type Request, type Result, reply } from '../webhook-glue.js';
import type { Suite } from './types.js';
import { type WebhookDef, webhookSuite } from './webhook-suite.js';

// biome-ignore lint/suspicious/noExplicitAny: hand-written handlers read webhook payloads the way their authors do.
type Payload = any;

/** sixteenCopies returns 16 copies of a request, copy s with every object of its data built as shape s. */
function sixteenCopies(request: Request): Request[] {
  return Array.from({ length: 16 }, (_, s) => deepShaped(request, s, 16) as Request);
}

const JSON_REPLY = { type: 'json' as const };
const ACCEPTED = reply(undefined, undefined);

/** slackJs returns the Slack Events result, written by hand. */
function slackJs(request: Request): Result {
  const body = request.body as Payload;
  if (body.type === 'url_verification') {
    const response = reply({ type: 'urlencoded' }, { challenge: body.challenge });
    return { verification: true, response, bundles: [], errors: [] };
  }
  const params = request.parameters as Payload;
  if (body.type !== 'event_callback' || body.token !== params.verificationToken) {
    return { verification: false, response: ACCEPTED, bundles: [], errors: [] };
  }
  const e = body.event;
  const output = {
    team: body.team_id,
    eventId: body.event_id,
    type: e.type,
    channel: e.channel,
    user: e.user,
    text: e.text,
    threadTs: e.thread_ts,
    eventTime: unixText(body.event_time),
  };
  return { verification: false, response: ACCEPTED, bundles: [{ output, uid: body.team_id }], errors: [] };
}

const SLACK_CEL_FIELDS =
  "'team': body.team_id, 'eventId': body.event_id, 'type': body.event.type, 'channel': body.event.channel, " +
  "'user': body.event.user, 'text': body.event.text, 'eventTime': unixText(body.event_time)";

const slack: WebhookDef = {
  name: 'slack',
  example: 'slack-events',
  main: 'message',
  title: 'Slack event_callback → 1 bundle (examples/slack-events)',
  js: slackJs,
  cel: {
    verification: {
      condition: "body.type == 'url_verification'",
      respond: { type: 'urlencoded', body: "{'challenge': body.challenge}" },
    },
    condition: "body.type == 'event_callback' && body.token == parameters.verificationToken",
    uid: 'body.team_id',
    output: `has(body.event.thread_ts) ? {${SLACK_CEL_FIELDS}, 'threadTs': body.event.thread_ts} : {${SLACK_CEL_FIELDS}}`,
  },
  jsonata: {
    verification: {
      condition: 'body.type = "url_verification"',
      respond: { type: 'urlencoded', body: '{"challenge": body.challenge}' },
    },
    condition: 'body.type = "event_callback" and body.token = parameters.verificationToken',
    uid: 'body.team_id',
    output:
      '{"team": body.team_id, "eventId": body.event_id, "type": body.event.type, "channel": body.event.channel, ' +
      '"user": body.event.user, "text": body.event.text, "threadTs": body.event.thread_ts, ' +
      '"eventTime": $fromMillis(body.event_time * 1000, "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01]")}',
  },
  filtrex: () => ({
    verification: {
      condition: 'type of body == "url_verification"',
      respond: { type: 'urlencoded', body: filtrexObject({ challenge: 'challenge of body' }) },
    },
    condition: 'type of body == "event_callback" and token of body == verificationToken of parameters',
    uid: 'team_id of body',
    output: filtrexObject(
      {
        team: 'team_id of body',
        eventId: 'event_id of body',
        type: 'type of event of body',
        channel: 'channel of event of body',
        user: 'user of event of body',
        text: 'text of event of body',
        threadTs: 'thread_ts of event of body',
        eventTime: 'unixText(event_time of body)',
      },
      ['threadTs'],
    ),
  }),
  shaped: sixteenCopies,
};

/** stripeJs returns the Stripe result, written by hand. */
function stripeJs(request: Request): Result {
  const body = request.body as Payload;
  const response = reply(JSON_REPLY, { received: true });
  if (body.object !== 'event' || body.livemode !== (request.parameters as Payload).livemode) {
    return { verification: false, response, bundles: [], errors: [] };
  }
  const o = body.data.object;
  const customer = o.customer;
  const output = {
    id: body.id,
    type: body.type,
    created: unixText(body.created),
    object: o.object,
    objectId: o.id,
    amount: o.amount / 100,
    currency: String(o.currency).toUpperCase(),
    customer: customer === undefined || customer === null || customer === '' ? 'guest' : customer,
    metadata: o.metadata,
    previous: body.data.previous_attributes,
  };
  return { verification: false, response, bundles: [{ output }], errors: [] };
}

const STRIPE_CEL_FIELDS =
  "'id': body.id, 'type': body.type, 'created': unixText(body.created), 'object': body.data.object.object, " +
  "'objectId': body.data.object.id, 'amount': body.data.object.amount / 100.0, " +
  "'currency': body.data.object.currency.upperAscii(), 'customer': has(body.data.object.customer) && " +
  "body.data.object.customer != null && body.data.object.customer != '' ? body.data.object.customer : 'guest', " +
  "'metadata': body.data.object.metadata";

const stripe: WebhookDef = {
  name: 'stripe',
  example: 'stripe',
  main: 'payment_intent_succeeded',
  title: 'Stripe payment_intent.succeeded → 1 bundle (examples/stripe)',
  js: stripeJs,
  cel: {
    condition: "body.object == 'event' && body.livemode == data.livemode",
    output:
      `has(body.data.previous_attributes) ? {${STRIPE_CEL_FIELDS}, 'previous': body.data.previous_attributes} ` +
      `: {${STRIPE_CEL_FIELDS}}`,
    respond: { type: 'json', body: "{'received': true}" },
  },
  jsonata: {
    condition: 'body.object = "event" and body.livemode = data.livemode',
    output:
      '{"id": body.id, "type": body.type, ' +
      '"created": $fromMillis(body.created * 1000, "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01]"), ' +
      '"object": body.data.object.object, "objectId": body.data.object.id, ' +
      '"amount": body.data.object.amount / 100, "currency": $uppercase(body.data.object.currency), ' +
      '"customer": body.data.object.customer ? body.data.object.customer : "guest", ' +
      '"metadata": body.data.object.metadata, "previous": body.data.previous_attributes}',
    respond: { type: 'json', body: '{"received": true}' },
  },
  filtrex: () => ({
    condition: 'object of body == "event" and livemode of body == livemode of data',
    output: filtrexObject(
      {
        id: 'id of body',
        type: 'type of body',
        created: 'unixText(created of body)',
        object: 'object of (object of (data of body))',
        objectId: 'id of (object of (data of body))',
        amount: '(amount of (object of (data of body))) / 100',
        currency: 'upper(currency of (object of (data of body)))',
        customer:
          'if empty(customer of (object of (data of body))) then "guest" else customer of (object of (data of body))',
        metadata: 'metadata of (object of (data of body))',
        previous: 'previous_attributes of (data of body)',
      },
      ['previous'],
    ),
    respond: { type: 'json', body: filtrexObject({ received: 'true' }) },
  }),
  shaped: sixteenCopies,
};

/** TELEMETRY_ITEMS represents the readings in the telemetry batch request. */
const TELEMETRY_ITEMS = 10_000;

/** telemetryJs returns the telemetry result, written by hand (as examples/telemetry-batch/generate.mjs does). */
function telemetryJs(request: Request): Result {
  const body = request.body as Payload;
  const headers = request.headers as Payload;
  let key: unknown;
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'x-api-key') key = headers[name];
  const bundles: Result['bundles'] = [];
  if (key === (request.parameters as Payload).apiKey) {
    for (const r of body.readings) {
      if (r.status === 'calibrating') continue;
      const fw = r.fw;
      const output: Record<string, unknown> = {
        device: r.device,
        site: r.site.toUpperCase(),
        at: r.ts,
        temperature: r.temp_dc / 10,
        humidity: r.rh,
        battery: r.battery_mv < 3300 ? 'low' : 'ok',
        alert: r.temp_dc > 300 || r.temp_dc < 0,
        label: `${r.device} @ ${r.site.toLowerCase()}`,
        firmware: fw === undefined || fw === null || fw === '' ? 'unknown' : fw,
      };
      if (r.tags.length > 0) output.tag = r.tags[0];
      bundles.push({ output });
    }
  }
  const response = reply({ type: 'json', status: 202 }, { accepted: body.readings.length, gateway: body.gateway });
  return { verification: false, response, bundles, errors: [] };
}

const TELEMETRY_CEL_FIELDS =
  "'device': item.device, 'site': item.site.upperAscii(), 'at': item.ts, 'temperature': item.temp_dc / 10.0, " +
  "'humidity': item.rh, 'battery': item.battery_mv < 3300 ? 'low' : 'ok', " +
  "'alert': item.temp_dc > 300 || item.temp_dc < 0, 'label': item.device + ' @ ' + item.site.lowerAscii(), " +
  "'firmware': has(item.fw) && item.fw != null && item.fw != '' ? item.fw : 'unknown'";

const TELEMETRY_RESPOND = { type: 'json' as const, status: 202 };

const telemetry: WebhookDef = {
  name: 'batch',
  example: 'telemetry-batch',
  main: 'batch-10k',
  title: `${TELEMETRY_ITEMS} telemetry readings in one request → ~9 600 bundles (examples/telemetry-batch)`,
  itemsPerOp: TELEMETRY_ITEMS,
  js: telemetryJs,
  cel: {
    condition: "headers['x-api-key'] == parameters.apiKey",
    outputs:
      "body.readings.filter(item, item.status != 'calibrating').map(item, item.tags.size() > 0 ? " +
      `{${TELEMETRY_CEL_FIELDS}, 'tag': item.tags[0]} : {${TELEMETRY_CEL_FIELDS}})`,
    respond: { ...TELEMETRY_RESPOND, body: "{'accepted': double(size(body.readings)), 'gateway': body.gateway}" },
  },
  jsonata: {
    condition: 'headers.`x-api-key` = parameters.apiKey',
    outputs:
      '[body.readings[status != "calibrating"].{"device": device, "site": $uppercase(site), "at": ts, ' +
      '"temperature": temp_dc / 10, "humidity": rh, "battery": battery_mv < 3300 ? "low" : "ok", ' +
      '"alert": temp_dc > 300 or temp_dc < 0, "label": device & " @ " & $lowercase(site), ' +
      '"firmware": fw ? fw : "unknown", "tag": tags[0]}]',
    respond: { ...TELEMETRY_RESPOND, body: '{"accepted": $count(body.readings), "gateway": body.gateway}' },
  },
  filtrex: () => ({
    condition: "'x-api-key' of headers == apiKey of parameters",
    container: 'readings of body',
    itemCondition: 'status of item != "calibrating"',
    output: filtrexObject(
      {
        device: 'device of item',
        site: 'upper(site of item)',
        at: 'ts of item',
        temperature: '(temp_dc of item) / 10',
        humidity: 'rh of item',
        battery: 'if (battery_mv of item) < 3300 then "low" else "ok"',
        alert: '(temp_dc of item) > 300 or (temp_dc of item) < 0',
        label: 'device of item + " @ " + lower(site of item)',
        firmware: 'if empty(fw of item) then "unknown" else fw of item',
        tag: "'0' of (tags of item)",
      },
      ['firmware', 'tag'],
    ),
    respond: {
      ...TELEMETRY_RESPOND,
      body: filtrexObject({ accepted: 'length(readings of body)', gateway: 'gateway of body' }),
    },
  }),
  // The 16-shape row keeps one request and gives its readings 16 shapes (many devices, many firmware versions).
  shaped: (request) => {
    const body = request.body as { gateway: string; readings: Record<string, unknown>[] };
    const readings = body.readings.map((r, i) => shaped(r, i, 16));
    return [{ ...request, body: { ...body, readings } }];
  },
  notes: [
    'batch: cel-js and jsonata filter and map the whole container in one expression (their idiom, and faster ' +
      'for them than one evaluation per item); filtrex, which has no collection operators, runs per item.',
  ],
};

/** webhookDefs represents the webhook examples the suites use: Slack, Stripe and the 10 000-item telemetry batch. */
export const webhookDefs: WebhookDef[] = [slack, stripe, telemetry];

/** webhookSuites represents the webhook suites, one per example. */
export const webhookSuites: Suite[] = webhookDefs.map(webhookSuite);
