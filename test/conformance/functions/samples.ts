// The sample data of FUNCTIONS.md §0.4, shared by the function conformance tables.

/** SAMPLES represents the named sample values of FUNCTIONS.md §0.4. */
export const SAMPLES = {
  array: [10, 20, 30],
  User: { name: 'Bob', email: 'bob@example.com', password: 'secret' },
  Emails: [
    { email: 'a@work.com', label: 'work' },
    { email: 'b@home.com', label: 'home' },
    { email: 'c@other.com', label: 'other' },
    { email: 'd@work.com', label: 'work' },
  ],
  Contacts: [
    { name: 'bob', age: 30 },
    { name: 'Alice', age: 25 },
    { name: 'carol', age: 35 },
    { name: 'Dave', age: 41 },
    { name: 'Alice', age: 52 },
  ],
  a: [1, 2, 3, 4],
  b: [3, 4, 5, 6],
  d: '2018-10-01T07:32:00Z',
};

/** BODY represents the `body` sample of FUNCTIONS.md §0.4 (all rows merged: they use distinct keys). */
export const BODY = {
  'some property': 1,
  people: [
    { name: 'Bob', age: 22 },
    { name: 'Tim', age: 23 },
  ],
  o: { key1: 'value1', key2: 'value2' },
  address: '{"zip":"18000","city":"Prague","state":"Czechia","country":"Czechia","address1":"Menclova 2"}',
};

/** env returns a context with the samples, the body, and any extra roots. */
export function env(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(SAMPLES), body: structuredClone(BODY), ...extra };
}
