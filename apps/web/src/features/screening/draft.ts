import { EditRuleSetDraft, type RuleSet } from '@khien/contracts';
import { jsonErrorOffset } from './jsonError';

/** What the editor holds of a draft: what `PUT /api/screening/rule-sets/:version` takes. */
export function draftText(ruleSet: Pick<RuleSet, 'rules' | 'reasonTexts' | 'scoreActions'>): string {
  const { rules, reasonTexts, scoreActions = [] } = ruleSet;
  return JSON.stringify({ rules, reasonTexts, scoreActions }, null, 2);
}

export interface DraftIssue {
  path: string;
  message: string;
  code: string;
}

export type ParsedDraft =
  | { ok: true; body: EditRuleSetDraft }
  | {
      ok: false;
      kind: 'syntax';
      /** The browser's message, shown when the place is unknown. */
      detail: string;
      line: number | null;
      column: number | null;
      /** The character offset of the place, to put the cursor there. */
      offset: number | null;
      /** The text around the place. */
      near: string;
    }
  | { ok: false; kind: 'shape'; issues: DraftIssue[] };

/** Line and column (from 1) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The line of a text around an offset, cut to about 60 characters, to show where the error is. */
export function nearText(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const at = offset - lineStart;
  const from = Math.max(0, at - 40);
  return `${from > 0 ? '…' : ''}${line.slice(from, at + 20).trim()}${at + 20 < line.length ? '…' : ''}`;
}

function syntaxError(text: string, error: unknown): ParsedDraft {
  const detail = error instanceof Error ? error.message : String(error);
  // Found by our own scan, so every browser points at the same place (their messages differ).
  const offset = jsonErrorOffset(text) ?? Number(/position (\d+)/.exec(detail)?.[1] ?? NaN);
  if (Number.isInteger(offset))
    return {
      ok: false,
      kind: 'syntax',
      detail,
      ...lineColumn(text, offset),
      offset,
      near: nearText(text, offset),
    };
  return { ok: false, kind: 'syntax', detail, line: null, column: null, offset: null, near: '' };
}

/**
 * The editor's text as a draft: a syntax error with its line and column, or the places where it does
 * not have the shape of a rule set (checked by the same contract as the server), or the body to send.
 */
export function parseDraftText(text: string): ParsedDraft {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return syntaxError(text, error);
  }
  const result = EditRuleSetDraft.safeParse(data);
  if (result.success) return { ok: true, body: result.data };
  return {
    ok: false,
    kind: 'shape',
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      code: issue.code,
    })),
  };
}

export interface RuleProblem {
  /** The rule named by the path, when one is. */
  ruleId: string | null;
  /** The place inside the rule (or the rule set): `when.all.0`, `reasons`. */
  path: string;
  /** The problem's kind (`fact_unknown`…), and what it is about (`payeeNewx`). */
  code: string;
  detail: string;
}

/**
 * A problem the server lists when it refuses to publish or shadow a draft: `rules.<ruleId>.<path>` with
 * a message `code:detail`. Rule ids may hold dots, so the longest known id the path starts with wins.
 */
export function ruleProblem(
  problem: { path: string; message: string },
  ruleIds: readonly string[],
): RuleProblem {
  const cut = problem.message.indexOf(':');
  const code = cut < 0 ? problem.message : problem.message.slice(0, cut);
  const detail = cut < 0 ? '' : problem.message.slice(cut + 1);
  const rest = problem.path.startsWith('rules.') ? problem.path.slice('rules.'.length) : null;
  if (rest !== null) {
    const ruleId = [...ruleIds]
      .sort((a, b) => b.length - a.length)
      .find((id) => rest === id || rest.startsWith(`${id}.`));
    if (ruleId) return { ruleId, path: rest.slice(ruleId.length + 1), code, detail };
    // No rule: a problem of the whole set (`rules..reasonTexts.x`).
    if (rest.startsWith('.')) return { ruleId: null, path: rest.slice(1), code, detail };
  }
  return { ruleId: null, path: problem.path, code, detail };
}
