// FUNCTIONS.md §4.1 / §4.2: every format token and every parse token, in UTC and in two other zones. Expected
// texts are worked out by hand from the calendar (2018-10-01 is a Monday, day 274, week 40 both ways).
import { type Case, runCases } from '../../support/cases.js';

const D = (iso: string) => new Date(iso);
const t = '2018-10-01T07:32:05.009Z';
const X = String(Date.UTC(2018, 9, 1, 7, 32, 5) / 1000);

/** The same date fields in every zone (the instant is morning or afternoon of 1 October everywhere). */
// biome-ignore format: a table
const DATE_TOKENS: Array<[string, string]> = [
  ['YYYY', '2018'], ['YY', '18'], ['Y', '2018'], ['gggg', '2018'], ['gg', '18'], ['GGGG', '2018'], ['GG', '18'],
  ['Q', '4'], ['Qo', '4th'], ['M', '10'], ['Mo', '10th'], ['MM', '10'], ['MMM', 'Oct'], ['MMMM', 'October'],
  ['w', '40'], ['wo', '40th'], ['ww', '40'], ['W', '40'], ['Wo', '40th'], ['WW', '40'],
  ['D', '1'], ['Do', '1st'], ['DD', '01'], ['DDD', '274'], ['DDDo', '274th'], ['DDDD', '274'],
  ['d', '1'], ['do', '1st'], ['dd', 'Mo'], ['ddd', 'Mon'], ['dddd', 'Monday'], ['e', '1'], ['E', '1'],
  ['m', '32'], ['mm', '32'], ['s', '5'], ['ss', '05'],
  ['S', '0'], ['SS', '00'], ['SSS', '009'], ['SSSS', '0090'], ['SSSSSSSSS', '009000000'],
  ['X', X], ['x', `${X}009`], ['L', '10/01/2018'], ['LL', 'October 1, 2018'],
];

/** Hour-dependent tokens per zone: UTC 07:32, Europe/Prague 09:32 (+02:00), Asia/Tokyo 16:32 (+09:00). */
// biome-ignore format: a table
const ZONES: Array<[string, Array<[string, string]>]> = [
  ['UTC', [['H', '7'], ['HH', '07'], ['h', '7'], ['hh', '07'], ['k', '7'], ['kk', '07'], ['A', 'AM'], ['a', 'am'],
    ['Z', '+00:00'], ['ZZ', '+0000'], ['LT', '7:32 AM'], ['LTS', '7:32:05 AM'], ['LLL', 'October 1, 2018 7:32 AM'],
    ['LLLL', 'Monday, October 1, 2018 7:32 AM']]],
  ['Europe/Prague', [['H', '9'], ['HH', '09'], ['h', '9'], ['hh', '09'], ['k', '9'], ['kk', '09'], ['A', 'AM'],
    ['a', 'am'], ['Z', '+02:00'], ['ZZ', '+0200'], ['LT', '9:32 AM'], ['LTS', '9:32:05 AM'],
    ['LLL', 'October 1, 2018 9:32 AM'], ['LLLL', 'Monday, October 1, 2018 9:32 AM']]],
  ['Asia/Tokyo', [['H', '16'], ['HH', '16'], ['h', '4'], ['hh', '04'], ['k', '16'], ['kk', '16'], ['A', 'PM'],
    ['a', 'pm'], ['Z', '+09:00'], ['ZZ', '+0900'], ['LT', '4:32 PM'], ['LTS', '4:32:05 PM'],
    ['LLL', 'October 1, 2018 4:32 PM'], ['LLLL', 'Monday, October 1, 2018 4:32 PM']]],
];

const fmt = (instant: string | Date, format: string, zone: string, want: string): Case => ({
  name: `formatDate(${instant}, '${format}') in ${zone}`,
  src: '{{formatDate(t, f)}}',
  env: { t: instant, f: format },
  options: { timezone: zone },
  want,
});

runCases(
  'functions §4.1 every format token in three zones',
  ZONES.flatMap(([zone, hourTokens]) => [...DATE_TOKENS, ...hourTokens].map(([f, want]) => fmt(t, f, zone, want))),
);

runCases('functions §4.1 format edge cases', [
  // 2021-01-03 is a Sunday: ISO week 53 of 2020; locale week 2 of 2021 (week 1 holds Friday 1 January).
  fmt('2021-01-03T12:00:00Z', 'GGGG-[W]WW-E', 'UTC', '2020-W53-7'),
  fmt('2021-01-03T12:00:00Z', 'gggg ww e d do dd', 'UTC', '2021 02 0 0 0th Su'),
  // Monday 2018-12-31 is in week 1 of 2019 both ways.
  fmt('2018-12-31T12:00:00Z', 'gggg w GGGG W', 'UTC', '2019 1 2019 1'),
  fmt('2018-10-01T00:05:00Z', 'H HH h hh k kk A', 'UTC', '0 00 12 12 24 24 AM'),
  fmt('2018-10-01T12:05:00Z', 'h A a', 'UTC', '12 PM pm'),
  fmt('2018-01-05T00:00:00Z', 'DDD DDDD DDDo', 'UTC', '5 005 5th'),
  fmt('2018-04-11T00:00:00Z', 'DDDo Do', 'UTC', '101st 11th'),
  fmt('2018-04-21T00:00:00Z', 'DDDo Do', 'UTC', '111th 21st'),
  fmt('2018-04-22T00:00:00Z', 'DDDo Do', 'UTC', '112th 22nd'),
  fmt('2018-04-23T00:00:00Z', 'Do Mo Qo', 'UTC', '23rd 4th 2nd'),
  fmt('2018-12-13T00:00:00Z', 'Do Mo', 'UTC', '13th 12th'),
  fmt('2018-10-01T07:32:05.987Z', 'S SS SSS SSSS', 'UTC', '9 98 987 9870'),
  fmt(t, '[Today is] dddd', 'UTC', 'Today is Monday'),
  fmt(t, '[YYYY] YYYY [[x]', 'UTC', 'YYYY 2018 [x'),
  // An unclosed `[` is literal, and the letters after it are still tokens (s, e, d).
  fmt(t, '[unclosed YYYY', 'UTC', '[unclo511 2018'),
  fmt(t, 'YYYYYY MMMMM', 'UTC', '201818 October10'),
  fmt(t, 'T t b c f i j n o p q r u v y z', 'UTC', 'T t b c f i j n o p q r u v y z'),
  fmt(t, 'YYYY-MM-DDTHH:mm:ss.SSSZ', 'Asia/Tokyo', '2018-10-01T16:32:05.009+09:00'),
  fmt(t, 'Z', 'America/New_York', '-04:00'),
  fmt(t, 'ZZ', 'Asia/Kolkata', '+0530'),
  fmt('1969-12-31T23:59:59.500Z', 'X x', 'UTC', '-1 -500'),
  fmt('0044-03-15T12:00:00Z', 'YYYY YY Y', 'UTC', '0044 44 0044'),
  {
    name: 'year 12345 has a sign only with Y',
    src: "{{formatDate(t, 'YYYY Y')}}",
    env: { t: D('+012345-01-01T00:00:00Z') },
    want: '12345 +12345',
  },
  fmt(t, '😀 YYYY', 'UTC', '😀 2018'),
  fmt(t, '', 'UTC', '2018-10-01T07:32:05.009+00:00'),
]);

const parse = (input: string, format: string, want: string, options: Case['options'] = {}): Case => ({
  src: `{{parseDate('${input}', '${format}')}}`,
  options: { now: D('2024-05-15T10:20:30.123Z'), ...options },
  want: D(want),
});
const parseError = (input: string, format: string): Case => ({
  src: `{{parseDate('${input}', '${format}')}}`,
  error: { code: 'runtime/type', line: 1, column: 3 },
});

/** WALL_PARSES represents parses of wall-clock text: [input, format, the instant when read in UTC]. */
const WALL_PARSES: Array<[string, string, string]> = [
  ['18-10-01', 'YYYY-MM-DD', '2018-10-01T00:00:00Z'],
  ['18', 'YY', '2018-01-01T00:00:00Z'],
  ['68', 'YY', '2068-01-01T00:00:00Z'],
  ['69', 'YY', '1969-01-01T00:00:00Z'],
  ['00', 'YY', '2000-01-01T00:00:00Z'],
  ['2018', 'Y', '2018-01-01T00:00:00Z'],
  ['20181001', 'YYYYMMDD', '2018-10-01T00:00:00Z'],
  ['1/5/2018', 'M/D/YYYY', '2018-01-05T00:00:00Z'],
  ['01/05/2018', 'MM/DD/YYYY', '2018-01-05T00:00:00Z'],
  ['jan 5, 2018', 'MMM D, YYYY', '2018-01-05T00:00:00Z'],
  ['September 5 2018', 'MMM D YYYY', '2018-09-05T00:00:00Z'],
  ['5 DECEMBER 2018', 'D MMMM YYYY', '2018-12-05T00:00:00Z'],
  ['1st October 2018', 'Do MMMM YYYY', '2018-10-01T00:00:00Z'],
  ['22ND Oct 2018', 'Do MMM YYYY', '2018-10-22T00:00:00Z'],
  ['3 Oct 2018', 'Do MMM YYYY', '2018-10-03T00:00:00Z'],
  ['Monday, October 1, 2018', 'dddd, MMMM D, YYYY', '2018-10-01T00:00:00Z'],
  ['tue 2018-10-01', 'ddd YYYY-MM-DD', '2018-10-01T00:00:00Z'],
  ['2018-10-01 9:32 pm', 'YYYY-MM-DD h:mm a', '2018-10-01T21:32:00Z'],
  ['2018-10-01 12:00 am', 'YYYY-MM-DD hh:mm A', '2018-10-01T00:00:00Z'],
  ['2018-10-01 12:15 PM', 'YYYY-MM-DD hh:mm A', '2018-10-01T12:15:00Z'],
  ['2018-10-01 9 P', 'YYYY-MM-DD h A', '2018-10-01T21:00:00Z'],
  ['2018-10-01 9 a', 'YYYY-MM-DD h a', '2018-10-01T09:00:00Z'],
  ['2018-10-01 12', 'YYYY-MM-DD h', '2018-10-01T12:00:00Z'],
  ['2018-10-01 7:05:09.123', 'YYYY-MM-DD H:mm:ss.SSS', '2018-10-01T07:05:09.123Z'],
  ['2018-10-01 23:05', 'YYYY-MM-DD kk:mm', '2018-10-01T23:05:00Z'],
  ['2018-10-01 7:5:9', 'YYYY-MM-DD H:m:s', '2018-10-01T07:05:09Z'],
  ['2018-10-01 5', 'YYYY-MM-DD S', '2018-10-01T00:00:00.500Z'],
  ['2018-10-01 05', 'YYYY-MM-DD SS', '2018-10-01T00:00:00.050Z'],
  ['2018-10-01 1239', 'YYYY-MM-DD SSSS', '2018-10-01T00:00:00.123Z'],
  ['2018 year', 'YYYY [year]', '2018-01-01T00:00:00Z'],
];

/** SHIFTS represents the zones every wall-clock parse also runs in, with their fixed UTC offsets in hours. */
const SHIFTS: Array<[string, number]> = [
  ['UTC', 0],
  ['Asia/Tokyo', 9],
  ['Asia/Kolkata', 5.5],
];

runCases(
  'functions §4.2 every parse token in three zones',
  SHIFTS.flatMap(([zone, hours]) =>
    WALL_PARSES.map(([input, format, utc]) => ({
      name: `parseDate('${input}', '${format}') in ${zone}`,
      src: '{{parseDate(i, f)}}',
      env: { i: input, f: format },
      options: { timezone: zone },
      want: new Date(Date.parse(utc) - hours * 3_600_000),
    })),
  ),
);

runCases('functions §4.2 parse tokens', [
  parse('2016-12-28', 'YYYY-MM-DD', '2016-12-28T00:00:00Z'),
  parse('2016-12-28', 'YYYY-MM-DD', '2016-12-27T23:00:00Z', { timezone: 'Europe/Prague' }),
  parse('2016-12-28', 'YYYY-MM-DD', '2016-12-27T15:00:00Z', { timezone: 'Asia/Tokyo' }),
  parse('2018-10-01T09:32:00+02:00', 'YYYY-MM-DDTHH:mm:ssZ', '2018-10-01T07:32:00Z', { timezone: 'Asia/Tokyo' }),
  parse('2018-10-01T09:32:00+0200', 'YYYY-MM-DDTHH:mm:ssZZ', '2018-10-01T07:32:00Z'),
  parse('2018-10-01T09:32:00Z', 'YYYY-MM-DDTHH:mm:ssZ', '2018-10-01T09:32:00Z', { timezone: 'Europe/Prague' }),
  parse('2018-10-01T09:32:00-05:30', 'YYYY-MM-DDTHH:mm:ssZ', '2018-10-01T15:02:00Z'),
  parse('1482940986.5', 'X', '2016-12-28T16:03:06.500Z'),
  parse('-1', 'X', '1969-12-31T23:59:59Z'),
  parse('1482940986123', 'x', '2016-12-28T16:03:06.123Z'),
  parse('1482940986 at 1999', 'X [at] YYYY', '2016-12-28T16:03:06Z'),
  // Missing leading parts come from now (2024-05-15T10:20:30Z) in the zone; later ones take their minimum.
  parse('10:30', 'HH:mm', '2024-05-15T10:30:00Z'),
  parse('10:30', 'HH:mm', '2024-05-16T01:30:00Z', { timezone: 'Asia/Tokyo', now: D('2024-05-15T20:00:00Z') }),
  parse('12-25', 'MM-DD', '2024-12-25T00:00:00Z'),
  parse('07', 'DD', '2024-05-07T00:00:00Z'),
  parse('03', 'MM', '2024-03-01T00:00:00Z'),
  parse('2020 15', 'YYYY DD', '2020-01-15T00:00:00Z'),
  parse('2020', 'YYYY', '2020-01-01T00:00:00Z', { timezone: 'UTC' }),
]);

runCases('functions §4.2 parse errors', [
  parseError('2016-12-28x', 'YYYY-MM-DD'),
  parseError('2016/12/28', 'YYYY-MM-DD'),
  parseError('2018-13-01', 'YYYY-MM-DD'),
  parseError('2018-04-31', 'YYYY-MM-DD'),
  parseError('2019-02-29', 'YYYY-MM-DD'),
  parseError('2018-10-01 24:00', 'YYYY-MM-DD HH:mm'),
  parseError('2018-10-01 23:60', 'YYYY-MM-DD HH:mm'),
  parseError('2018-10-01 13 pm', 'YYYY-MM-DD h a'),
  parseError('2018-10-01 0 am', 'YYYY-MM-DD h a'),
  parseError('2018 YEAR', 'YYYY [year]'),
  parseError('Octember 1', 'MMMM D'),
  parseError('201', 'YYYY'),
  parseError('1.5', 'x'),
  parseError('2018-10-01 1', 'YYYY-MM-DD SS'),
  ...['w', 'wo', 'ww', 'W', 'Wo', 'WW', 'gg', 'gggg', 'GG', 'GGGG', 'DDD', 'DDDo', 'DDDD', 'Q', 'Qo', 'e', 'E'].map(
    (token) => parseError('1', token),
  ),
  ...['LT', 'LTS', 'L', 'LL', 'LLL', 'LLLL', 'd', 'do', 'dd', 'Mo'].map((token) => parseError('1', token)),
]);
