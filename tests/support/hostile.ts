/**
 * Values that are never valid for a field of a write schema, by field name:
 * hostile strings, wrong types, out-of-range numbers, impossible dates. Shared
 * by the schema property tests (unit) and the action property tests (integration).
 */
import fc from 'fast-check';

const weird = fc.oneof(
  fc.constant(null),
  fc.object({ maxDepth: 2 }),
  fc.array(fc.anything({ maxDepth: 1 }), { minLength: 2, maxLength: 3 }),
  fc.constantFrom(NaN, Infinity, -Infinity, true, false),
);
const injection = fc.constantFrom('1\'; DROP TABLE "Project"; --', '<script>alert(1)</script>', '\u0000', '{{7*7}}', '../../etc/passwd', '%00');

const id = fc.oneof(
  weird.filter((v) => v !== null),
  fc.integer({ min: -1_000_000, max: 0 }),
  fc.constantFrom(1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, '0', '-1', '1.5', '1e3', '', 'abc', '12345678901', ' 7 7'),
  injection,
  fc.string().filter((s) => !/^\d{1,10}$/.test(s.trim())),
);
const date = fc.oneof(
  weird,
  fc.integer(),
  fc.constantFrom('2021-02-30', '2021-13-01', '2021-00-10', '0000-00-00', '21-01-01', '2021/01/01', '1900-01-01', '9999-12-31', ''),
  injection,
  fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s.trim())),
);
const decimal = fc.oneof(
  weird.filter((v) => v !== null),
  fc.double({ max: -0.0001, noNaN: true }),
  fc.integer({ max: -1 }),
  fc.constantFrom('-1', '1e400', '1.23456', 'abc', '1,2,3.4.5', '--1', '0x10', '1e16', 1e16, 1.23456),
  injection,
);
/** An optional id ('' or null are "none"): anything else that is not a positive integer. */
const optionalId = fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.constantFrom('abc', '-1', 1.5, ' 7 7'), fc.object({ maxDepth: 1 }), injection);
/** A list of ids (none, one as text, or several). */
const idList = fc.oneof(
  fc.integer(),
  fc.object({ maxDepth: 1 }),
  fc.constant(['abc']),
  fc.constant(['-1']),
  fc.constant([1.5]),
  fc.constant([2 ** 31]),
  fc.constant(Array.from({ length: 101 }, (_, i) => i + 1)),
  fc.constantFrom('abc', '0', '-3', '1e3'),
);
const enumValue = fc.oneof(
  weird,
  fc.integer(),
  fc.string().filter((s) => !/^[A-Z_]+$/.test(s)),
  fc.constantFrom('approved', 'SUPERUSER', 'ROOT', ''),
);
const requiredText = (max: number) => fc.oneof(weird, fc.integer(), fc.constantFrom('', '   ', '\n\t', 'x'.repeat(max + 1)));
export const optionalText = (max: number) =>
  fc.oneof(
    weird.filter((v) => v !== null),
    fc.integer(),
    fc.constant('x'.repeat(max + 1)),
  );

/** Text that is not plain text: markup, control characters, text hidden by direction overrides. */
const notPlainText = fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'a\u0000b', 'a\u001bb', '正常\u202e文本', '</textarea>');

/** Not a record's uuid: numbers, objects, near misses and injections ('' and null are "none" where the id is optional). */
const uuid = fc.oneof(
  fc.integer(),
  fc.object({ maxDepth: 1 }),
  fc.constantFrom('abc', '1', '00000000-0000-0000-0000-00000000000g', '0'.repeat(37), "' OR 1=1 --"),
  injection,
);

export const HOSTILE: Record<string, fc.Arbitrary<unknown>> = {
  importId: uuid,
  jobId: uuid,
  feedbackId: id,
  answer: fc.oneof(requiredText(2000), notPlainText),
  contact: fc.oneof(optionalText(200), notPlainText),
  projectCode: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'a b', 'X'.repeat(41), "BJSB-01'--", '项目'), injection),
  notificationId: id,
  upTo: id,
  // Every kind must be named on or off: a kind left out, an unknown kind or state, anything but text.
  emailKinds: fc.oneof(
    weird,
    fc.integer(),
    fc.constant([]),
    fc.constantFrom('RETURN_DUE:on', 'RETURN_DUE', 'return_due:on', 'RETURN_DUE:yes', 'SUPERUSER:on', ''),
    fc.constant(['RETURN_DUE:on', 'RETURN_OVERDUE:off']),
    fc.constant([1, 2]),
    injection,
  ),
  projectId: id,
  version: id,
  milestoneId: id,
  proposalId: id,
  userId: id,
  reportId: id,
  commentId: id,
  returnId: id,
  scheduleId: id,
  indicatorId: id,
  technologyId: id,
  leadId: id,
  institutionId: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.constantFrom('abc', '-1', 1.5), fc.object({ maxDepth: 1 })),
  directionId: optionalId,
  fieldId: optionalId,
  directionNote: optionalText(1000),
  fieldNote: optionalText(1000),
  technologyIds: idList,
  participantIds: idList,
  /** Retire ("true") or restore ("false"): nothing else, not even a boolean's other spellings. */
  retired: fc.oneof(
    weird,
    fc.integer(),
    fc.constantFrom('', 'yes', 'TRUE', 'False', '1', 'retire'),
    fc.string().filter((s) => s !== 'true' && s !== 'false'),
  ),
  kind: fc.oneof(fc.integer(), fc.object({ maxDepth: 1 }), fc.constantFrom('BANKK', 'bank', 'NULL', 'UNKNOWN'), injection),
  licensed: fc.oneof(weird, fc.integer(), fc.constantFrom('maybe', 'YES', 'true', '是')),
  nameZh: requiredText(100),
  nameEn: requiredText(100),
  summary: optionalText(2000),
  scenarios: fc.oneof(
    fc.integer(),
    fc.object({ maxDepth: 1 }),
    fc.constant(['x'.repeat(41)]),
    fc.constant(Array.from({ length: 21 }, (_, i) => `场景${i}`)),
    fc.constant([1, 2]),
  ),
  // A stage code: whether it names a stage of the project's lifecycle is the data layer's to say; the schema refuses what is no code at all.
  toStage: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'a b', 'X'.repeat(41), "ONLINE'--", '上线运行', 'online;'), injection),
  effectiveDate: date,
  evidenceNote: requiredText(2000),
  decision: enumValue,
  note: requiredText(1000),
  title: requiredText(200),
  body: requiredText(5000),
  period: fc.oneof(weird, fc.integer(), fc.constantFrom('', '2021', '2021-Q5', '2021-Q0', '2021Q1', '21-Q1', '1989-Q4', '2021-Q1-extra'), injection),
  dueDate: date,
  completedAt: date,
  indicatorCode: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'cash', 'A B', 'X'.repeat(41)), injection),
  asOf: date,
  value: decimal,
  unit: requiredText(20),
  qualifier: fc.oneof(fc.integer(), fc.object({ maxDepth: 1 }), fc.constantFrom('ROUGHLY', 'exact', 'NULL')),
  sourceNote: requiredText(500),
  correctionNote: optionalText(500),
  email: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'no-at-sign', 'a@', '@b.example', 'a b@c.example'), injection),
  // Longer than every name a form takes (users' 100, projects' and institutions' 200).
  name: requiredText(200),
  role: enumValue,
  password: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'short', '12345678901')),
  // Refused by the schema itself: not text, empty, or longer than any password.
  currentPassword: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'x'.repeat(201))),
  // Too short, too long, or easy to guess (a common password, a keyboard row, a repeat).
  newPassword: fc.oneof(
    weird,
    fc.integer(),
    fc.constantFrom('', 'short', '12345678901', 'password1234', 'qwertyuiopasdf', 'aaaaaaaaaaaaaaaa', 'x'.repeat(201)),
  ),
  confirmPassword: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'something-else-entirely')),
  table: enumValue,
  format: enumValue,
  locale: enumValue,
  /** A view's query: too long, not a query string, or not text at all. */
  view: fc.oneof(
    weird.filter((v) => v !== null),
    fc.integer(),
    fc.constantFrom('x'.repeat(2_001), 'a b', '<script>', "'; DROP TABLE x", 'a\nb'),
  ),
  programId: id,
  templateId: id,
  code: fc.oneof(weird, fc.integer(), fc.constantFrom('', 'A B', 'X'.repeat(41), '-X', '季度', 'Q;1'), injection),
  sections: fc.oneof(
    weird,
    fc.integer(),
    fc.constantFrom('', '[]', 'not json', '{}', '[{"id":"x","kind":"NOPE"}]', '[{"id":"Bad Id","kind":"COMPLAINTS","label":"a","labelEn":"b"}]'),
    injection,
  ),
  stageCodes: fc.oneof(
    fc.integer(),
    fc.object({ maxDepth: 1 }),
    fc.constant([]),
    fc.constant(['online']),
    fc.constant(['A B']),
    fc.constant(Array.from({ length: 21 }, (_, i) => `S${i}`)),
    fc.constantFrom('', 'online', '1X'),
    injection,
  ),
  frequency: enumValue,
  dueDays: fc.oneof(weird, fc.constantFrom(-1, 367, 1.5, '-1', '1e3', 'abc', '', '99999'), injection),
  startsOn: date,
  endsOn: date.filter((v) => v !== '' && v !== null),
  file: fc.oneof(weird, fc.integer(), fc.string(), injection),
  incidentId: id,
  warningId: id,
  step: enumValue,
  category: enumValue,
  severity: enumValue,
  occurredAt: fc.oneof(
    weird,
    fc.integer(),
    fc.constantFrom('', '2021-02-30T10:00', '2021-01-01', '2021-01-01T25:00', '1900-01-01T00:00', '2021-01-01 10:00'),
    injection,
  ),
  reportedAt: fc.oneof(weird, fc.integer(), fc.constantFrom('', '2021-13-01T10:00', '2021-01-01T10:61', '9999-01-01T00:00'), injection),
  customersAffected: fc.oneof(fc.constantFrom('-1', 'abc', '1.5', 1.5, -3, '3000000000', '1e3'), fc.object({ maxDepth: 1 }), injection),
  amountAffected: decimal,
  description: requiredText(2000),
  actionsTaken: requiredText(2000),
  direction: fc.oneof(fc.integer(), fc.object({ maxDepth: 1 }), fc.constantFrom('UP', 'above', 'x'), injection),
  limit: decimal,
  count: fc.oneof(fc.constantFrom('0', '-1', 'abc', 1.5, '9999999'), fc.object({ maxDepth: 1 }), injection),
  projectCodes: fc.oneof(fc.integer(), fc.object({ maxDepth: 1 }), fc.constantFrom('A;B', 'X'.repeat(41), '<script>', 'BJFT-06;--')),
  // An empty hash means "preview", so only non-empty wrong values are hostile here.
  hash: fc.oneof(
    weird.filter((v) => Boolean(v)),
    fc.integer({ min: 1 }),
    fc.constantFrom('abc', 'G'.repeat(64), '0'.repeat(63), 'F'.repeat(64)),
    injection,
  ),
  // Assessments: a rubric's scale and weights, a round's scores and evidence (lists repeated per dimension).
  scaleMax: fc.oneof(weird, fc.constantFrom('0', '1', '101', '-5', '2.5', 'five', ''), injection),
  dimensionId: fc.oneof(idList, fc.constant([-1]), fc.constant(Array.from({ length: 31 }, (_, i) => i + 1))),
  weight: fc.oneof(
    weird.filter((v) => v !== null),
    fc.constantFrom('-0.5', 'abc', '1.23456', '', '1e400', ['0.5', 'x'], ['0.9', '0.9', '0.9', '0.9', '0.9'], ['0.1', '0.1', '0.1', '0.1', '0.1']),
    injection,
  ),
  score: fc.oneof(
    fc.object({ maxDepth: 1 }),
    fc.constantFrom(NaN, Infinity, true),
    fc.constantFrom('101', '-1', '2.5', 'x', ['1', 'x'], ['-3']),
    fc.constant(Array.from({ length: 31 }, () => '1')),
    injection,
  ),
  evidence: fc.oneof(fc.constant(null), fc.object({ maxDepth: 1 }), fc.integer(), fc.constantFrom('', '   ', ['x', ''], 'x'.repeat(2001))),
};

/**
 * A valid input with a non-empty set of its fields replaced by hostile values;
 * `own` gives the values for a field whose rule differs from the shared one of its name.
 */
/** The public's feedback text: required, at most 2,000 characters, plain text only. */
export const FEEDBACK_BODY_HOSTILE = fc.oneof(requiredText(2000), notPlainText);
/** A moderation summary: at most 500 characters, plain text only. */
export const SUMMARY_HOSTILE = fc.oneof(optionalText(500), notPlainText);

export function mutated(valid: Record<string, unknown>, fields: string[], own: Record<string, fc.Arbitrary<unknown>> = {}) {
  const hostile = { ...HOSTILE, ...own };
  const hostileFields = fields.filter((f) => f in hostile);
  return fc
    .subarray(hostileFields, { minLength: 1 })
    .chain((keys) => fc.tuple(fc.constant(keys), fc.tuple(...keys.map((k) => hostile[k]))))
    .map(([keys, values]) => ({ keys, input: { ...valid, ...Object.fromEntries(keys.map((k, i) => [k, values[i]])) } }));
}
