import { CheckResponse } from '@khien/contracts';
import { z } from 'zod';

type CheckItem = CheckResponse['items'][number];
type Text = CheckItem['reasons'][number];

/**
 * The fields the writer writes, in the order of the contract's JSON schema. `compileAnswerWriter` checks
 * them against the contract, so that a field added there stops the server at start instead of going
 * missing from answers.
 */
const ANSWER_FIELDS = ['verdict', 'items', 'problems'];
const ITEM_FIELDS = [
  'kind',
  'key',
  'display',
  'verdict',
  'reasons',
  'advice',
  'reportCount',
  'lastReportedAt',
  'scamMethods',
  'official',
  'imitates',
  'appealable',
  'reportUrl',
];
const TEXT_FIELDS = ['code', 'vi', 'en'];
const PROBLEM_FIELDS = ['input', 'code', 'message'];
const OFFICIAL_FIELDS = ['organisation', 'category'];
const IMITATES_FIELDS = ['brand', 'officialDomains'];

interface ObjectSchema {
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Schema extends ObjectSchema {
  $ref?: string;
  items?: Schema;
  anyOf?: Schema[];
}

function checkFields(schema: Schema | undefined, fields: string[], where: string): void {
  const properties = Object.keys(schema?.properties ?? {});
  const required = schema?.required ?? [];
  if (properties.join() !== fields.join() || required.join() !== fields.join())
    throw new Error(`the check answer writer does not match the contract at ${where}: ${properties.join()}`);
}

/** The answer writer's fields, compared with the contract's JSON schema. */
function checkContract(): void {
  const schema = z.toJSONSchema(CheckResponse, { io: 'output' }) as Schema & {
    $defs: Record<string, Schema>;
  };
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? schema.$defs[s.$ref.replace('#/$defs/', '')] : s;
  const answer = resolve(schema);
  checkFields(answer, ANSWER_FIELDS, 'the answer');
  const item = resolve(answer?.properties?.items?.items);
  checkFields(item, ITEM_FIELDS, 'an item');
  checkFields(item?.properties?.reasons?.items, TEXT_FIELDS, 'a reason');
  checkFields(item?.properties?.advice?.items, TEXT_FIELDS, 'an advice');
  checkFields(answer?.properties?.problems?.items, PROBLEM_FIELDS, 'a problem');
  checkFields(item?.properties?.official?.anyOf?.[0], OFFICIAL_FIELDS, 'official');
  checkFields(item?.properties?.imitates?.anyOf?.[0], IMITATES_FIELDS, 'imitates');
}

// A string as JSON: what fast-json-stringify writes for a string too (answer-writer.test.ts compares).
// V8's JSON.stringify is faster on a string than checking it for characters to escape in JavaScript.
const str = JSON.stringify as (value: string) => string;

function strings(values: readonly string[]): string {
  let out = '[';
  for (let k = 0; k < values.length; k++) out += (k === 0 ? '' : ',') + str(values[k]!);
  return out + ']';
}

/**
 * The pieces of an answer being written: JSON text, and UTF-8 bytes kept from earlier answers. They are
 * copied into one buffer at the end (text next to text as one piece: each copy costs a call into
 * Node); `bound` is the most bytes they can take (three per UTF-16 unit of text), so that the buffer is
 * allocated once.
 */
class Pieces {
  private readonly parts: Array<string | Buffer> = [];
  private pending = '';
  private bound = 0;

  text(json: string): void {
    this.pending += json;
    this.bound += 3 * json.length;
  }

  bytes(utf8: Buffer): void {
    if (this.pending !== '') this.parts.push(this.pending);
    this.pending = '';
    this.parts.push(utf8);
    this.bound += utf8.length;
  }

  join(): Buffer {
    if (this.pending !== '') this.parts.push(this.pending);
    this.pending = '';
    const out = Buffer.allocUnsafe(this.bound);
    let at = 0;
    for (const part of this.parts) at += typeof part === 'string' ? out.write(part, at) : part.copy(out, at);
    return out.subarray(0, at);
  }
}

/**
 * Writes a check's answer as JSON in UTF-8, the same bytes as a writer compiled from the contract's JSON
 * schema by fast-json-stringify (answer-writer.test.ts compares the two), in a fraction of its time. Most
 * of an answer is the same few Vietnamese and English texts (verdict-text.ts), which are frozen and
 * shared: their JSON is encoded once and its bytes kept, and only the rest is encoded for each answer.
 * The answer is given as bytes: from a string, Fastify would measure its UTF-8 length and the socket
 * encode it, two passes over the whole text. The answer is built by typed code, so it is not validated
 * again.
 */
export function compileAnswerWriter(): (answer: CheckResponse) => Buffer {
  checkContract();
  // UTF-8 JSON of frozen (shared, never changed) texts and lists of texts, by object.
  const kept = new WeakMap<object, Buffer>();
  const textJson = (value: Text): string =>
    `{"code":${str(value.code)},"vi":${str(value.vi)},"en":${str(value.en)}}`;

  const text = (pieces: Pieces, value: Text): void => {
    if (!Object.isFrozen(value)) return pieces.text(textJson(value));
    let utf8 = kept.get(value);
    if (utf8 === undefined) kept.set(value, (utf8 = Buffer.from(textJson(value))));
    pieces.bytes(utf8);
  };
  const textsInto = (pieces: Pieces, values: readonly Text[]): void => {
    pieces.text('[');
    for (let k = 0; k < values.length; k++) {
      if (k > 0) pieces.text(',');
      text(pieces, values[k]!);
    }
    pieces.text(']');
  };
  const texts = (pieces: Pieces, values: readonly Text[]): void => {
    if (!Object.isFrozen(values)) return textsInto(pieces, values);
    let utf8 = kept.get(values);
    if (utf8 === undefined) {
      const whole = new Pieces();
      textsInto(whole, values);
      kept.set(values, (utf8 = whole.join()));
    }
    pieces.bytes(utf8);
  };
  // Most items give a shared list of reasons and a shared list of advice: both as one piece.
  const keptPairs = new WeakMap<readonly Text[], WeakMap<readonly Text[], Buffer>>();
  const reasonsAndAdvice = (pieces: Pieces, reasons: readonly Text[], advice: readonly Text[]): void => {
    const writeBoth = (into: Pieces) => {
      texts(into, reasons);
      into.text(',"advice":');
      texts(into, advice);
    };
    if (!Object.isFrozen(reasons) || !Object.isFrozen(advice)) return writeBoth(pieces);
    let byAdvice = keptPairs.get(reasons);
    if (byAdvice === undefined) keptPairs.set(reasons, (byAdvice = new WeakMap()));
    let utf8 = byAdvice.get(advice);
    if (utf8 === undefined) {
      const both = new Pieces();
      writeBoth(both);
      byAdvice.set(advice, (utf8 = both.join()));
    }
    pieces.bytes(utf8);
  };
  // The contract's count is an integer: like the compiled writer, refuse to write anything else.
  const integer = (value: number): string => {
    if (!Number.isInteger(value)) throw new Error(`reportCount ${value} is not an integer`);
    return `${value}`;
  };
  const item = (pieces: Pieces, value: CheckItem): void => {
    pieces.text(
      `{"kind":${str(value.kind)},"key":${str(value.key)},"display":${str(value.display)}` +
        `,"verdict":${str(value.verdict)},"reasons":`,
    );
    reasonsAndAdvice(pieces, value.reasons, value.advice);
    pieces.text(
      `,"reportCount":${value.reportCount === null ? 'null' : integer(value.reportCount)}` +
        `,"lastReportedAt":${value.lastReportedAt === null ? 'null' : str(value.lastReportedAt)}` +
        `,"scamMethods":${strings(value.scamMethods)}` +
        `,"official":${
          value.official === null
            ? 'null'
            : `{"organisation":${str(value.official.organisation)},"category":${str(value.official.category)}}`
        }` +
        `,"imitates":${
          value.imitates === null
            ? 'null'
            : `{"brand":${str(value.imitates.brand)},"officialDomains":${strings(value.imitates.officialDomains)}}`
        }` +
        `,"appealable":${value.appealable ? 'true' : 'false'}` +
        `,"reportUrl":${value.reportUrl === null ? 'null' : str(value.reportUrl)}}`,
    );
  };

  return (answer) => {
    const pieces = new Pieces();
    pieces.text(`{"verdict":${str(answer.verdict)},"items":[`);
    for (let k = 0; k < answer.items.length; k++) {
      if (k > 0) pieces.text(',');
      item(pieces, answer.items[k]!);
    }
    let problems = '],"problems":[';
    for (let k = 0; k < answer.problems.length; k++) {
      const problem = answer.problems[k]!;
      problems +=
        (k === 0 ? '' : ',') +
        `{"input":${str(problem.input)},"code":${str(problem.code)},"message":${str(problem.message)}}`;
    }
    pieces.text(problems + ']}');
    return pieces.join();
  };
}
