// The README's main job until the webhook runtime lands: evaluates a few templates against a sample webhook body.
import { evaluate, ImlError } from '../src/index.js';

const body = {
  id: 4821,
  status: 'active',
  user: { name: 'Ann Smith', email: 'ANN@EXAMPLE.COM' },
  items: [
    { sku: 'A-1', price: 0.1, qty: 3 },
    { sku: 'B-2', price: 19.9, qty: 1 },
  ],
};
const templates = [
  'Hello {{upper(body.user.name)}}',
  '{{body.id > 100 && body.status = "active"}}',
  '{{lower(body.user.email)}}',
  '{{body.items[1].price * body.items[1].qty}}',
  '{{body.items[-1].sku}}',
  '{{length(body.items)}} items, first {{body.items[].sku}}',
  '{{ifempty(body.coupon, "no coupon")}}',
  '{{body.constructor}}',
  '{{if(body.id >) }}',
];
for (const t of templates) {
  try {
    console.log(`${t}\n  => ${JSON.stringify(evaluate(t, { body }))}`);
  } catch (e) {
    if (!(e instanceof ImlError)) throw e;
    console.log(`${t}\n  => ImlError ${e.code}: ${e.message.replace(/\n/g, '\n     ')}`);
  }
}
