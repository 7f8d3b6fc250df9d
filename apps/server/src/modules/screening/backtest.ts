import {
  RuleSet as RuleSetSchema,
  ScreeningTransfer as TransferSchema,
  type RuleSet,
  type ScreeningAction,
  type ScreeningDecision,
} from '@khien/contracts';
import { splitCsvLine } from '@khien/core';
import { accountKey, createInMemoryCounterStore } from './counters.js';
import { ACTIONS, compileRuleSet, evaluate } from './engine.js';
import { FACT_NAME_SET, buildFacts, type RegistryFinding } from './facts.js';

/**
 * A backtest (issue 7): a rule set run over past transfers from a CSV, in time order, with the counters
 * replayed as they would have stood, and the outcomes and the timing summed up. Pure: the caller reads the
 * files and prints.
 *
 * Columns (a header line names them; order is free; unknown columns are ignored):
 * transfer_id, at, amount_vnd, channel, payer_bank, payer_account, payee_bank, payee_account or
 * payee_wallet, payee_name_shown, and optionally payer_name, payee_holder_name, payee_phone, client_ip,
 * device_changed_recently, otp_phone_changed_recently, biometric_verified (true/false/1/0),
 * payee_listed_status (reported/verifying/confirmed_scam), payee_listed_confidence (0–100), and label
 * (1 or fraud: a known fraud, for precision and recall of hold and block).
 */

export interface BacktestRow {
  line: number;
  transferId: string;
  decision: ScreeningDecision;
  fraud: boolean | null;
}

export interface BacktestSummary {
  ruleSet: string;
  transfers: number;
  /** Lines that could not be read, with why. */
  problems: Array<{ line: number; message: string }>;
  byAction: Record<ScreeningAction, number>;
  /** Per rule: how often it hit, and how often it gave an error. */
  byRule: Record<string, { hits: number; errors: number }>;
  /** With labels: hold or block counted as caught. */
  labelled: {
    frauds: number;
    caught: number;
    falseAlarms: number;
    precision: number | null;
    recall: number | null;
  } | null;
  /** Engine time per decision (facts and counters included), in microseconds. */
  timing: { totalMs: number; perSecond: number; p50Us: number; p99Us: number; maxUs: number };
}

const truthy = (value: string | undefined) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'có', 'co'].includes(value.trim().toLowerCase());

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Reads a rule set file's JSON: the RuleSet contract, checked (known facts, safe patterns). */
export function readRuleSet(json: string): { ok: true; ruleSet: RuleSet } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const checked = RuleSetSchema.safeParse(parsed);
  if (!checked.success)
    return {
      ok: false,
      message: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    };
  const problems = compileRuleSet(checked.data, { knownFacts: FACT_NAME_SET }).problems;
  if (problems.length > 0)
    return {
      ok: false,
      message: problems.map((problem) => `${problem.ruleId} ${problem.path}: ${problem.code}`).join('; '),
    };
  return { ok: true, ruleSet: checked.data };
}

export function backtest(ruleSet: RuleSet, csv: string, onRow?: (row: BacktestRow) => void): BacktestSummary {
  const compiled = compileRuleSet(ruleSet);
  const lines = csv.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((name) => name.trim().toLowerCase());
  const problems: BacktestSummary['problems'] = [];
  const rows: Array<{ line: number; at: number; record: Record<string, string> }> = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const cells = splitCsvLine(lines[i]!);
    const record: Record<string, string> = {};
    header.forEach((name, k) => (record[name] = (cells[k] ?? '').trim()));
    const at = Date.parse(record.at ?? '');
    if (Number.isNaN(at)) {
      problems.push({ line: i + 1, message: `at: not a date-time (${record.at ?? ''})` });
      continue;
    }
    rows.push({ line: i + 1, at, record });
  }
  // In time order: the counters must stand as they did before each transfer.
  rows.sort((a, b) => a.at - b.at || a.line - b.line);

  const counters = createInMemoryCounterStore();
  const byAction = Object.fromEntries(ACTIONS.map((action) => [action, 0])) as Record<
    ScreeningAction,
    number
  >;
  const byRule: BacktestSummary['byRule'] = {};
  for (const rule of compiled.rules) byRule[rule.id] = { hits: 0, errors: 0 };
  const times: number[] = [];
  let frauds = 0;
  let caught = 0;
  let falseAlarms = 0;
  let labelled = false;
  let decided = 0;
  for (const { line, record } of rows) {
    const parsed = TransferSchema.safeParse({
      transferId: record.transfer_id,
      payer: { bank: record.payer_bank, account: record.payer_account, name: record.payer_name || undefined },
      payee: {
        bank: record.payee_bank,
        account: record.payee_account || undefined,
        wallet: record.payee_wallet || undefined,
        nameShown: record.payee_name_shown,
        holderName: record.payee_holder_name || undefined,
        phone: record.payee_phone || undefined,
      },
      amountVnd: Number(record.amount_vnd),
      channel: record.channel || 'other',
      at: new Date(Date.parse(record.at!)).toISOString(),
      clientIp: record.client_ip || undefined,
      deviceChangedRecently: truthy(record.device_changed_recently),
      otpPhoneChangedRecently: truthy(record.otp_phone_changed_recently),
      biometricVerified: truthy(record.biometric_verified),
    });
    if (!parsed.success) {
      problems.push({
        line,
        message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
      continue;
    }
    const transfer = parsed.data;
    const started = performance.now();
    const at = Date.parse(transfer.at);
    const payer = accountKey(transfer.payer.bank, transfer.payer.account);
    const payee = accountKey(transfer.payee.bank, transfer.payee.account ?? transfer.payee.wallet!);
    const status = record.payee_listed_status;
    const finding: RegistryFinding | null =
      status === 'reported' || status === 'verifying' || status === 'confirmed_scam'
        ? { status, confidence: Number(record.payee_listed_confidence || 50) }
        : null;
    const facts = buildFacts(transfer, {
      payeeRegistry: finding,
      payeePhoneRegistry: null,
      ip: null,
      counters: counters.snapshotNow({ payer, payee, at }),
    });
    // A backtest measures; it does not stop at the live budget.
    const evaluation = evaluate(compiled, facts, { budgetMs: 60_000 });
    if (evaluation.action === 'allow' || evaluation.action === 'warn' || evaluation.action === 'step_up')
      counters.recordNow({ payer, payee, amountVnd: transfer.amountVnd, at });
    times.push((performance.now() - started) * 1000);
    decided++;
    byAction[evaluation.action]++;
    for (const outcome of evaluation.outcomes) {
      const tally = (byRule[outcome.ruleId] ??= { hits: 0, errors: 0 });
      if (outcome.outcome === 'hit') tally.hits++;
      if (outcome.outcome === 'error') tally.errors++;
    }
    const label = record.label?.trim().toLowerCase();
    const fraud =
      label === undefined || label === '' ? null : label === '1' || label === 'fraud' || label === 'true';
    const stopped = evaluation.action === 'hold' || evaluation.action === 'block';
    if (fraud !== null) {
      labelled = true;
      if (fraud) frauds++;
      if (fraud && stopped) caught++;
      if (!fraud && stopped) falseAlarms++;
    }
    onRow?.({
      line,
      transferId: transfer.transferId,
      decision: { transferId: transfer.transferId, ...evaluation },
      fraud,
    });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const totalMs = times.reduce((sum, t) => sum + t, 0) / 1000;
  return {
    ruleSet: compiled.key,
    transfers: decided,
    problems,
    byAction,
    byRule,
    labelled: labelled
      ? {
          frauds,
          caught,
          falseAlarms,
          precision: caught + falseAlarms > 0 ? caught / (caught + falseAlarms) : null,
          recall: frauds > 0 ? caught / frauds : null,
        }
      : null,
    timing: {
      totalMs,
      perSecond: totalMs > 0 ? decided / (totalMs / 1000) : 0,
      p50Us: percentile(sorted, 50),
      p99Us: percentile(sorted, 99),
      maxUs: sorted.at(-1) ?? 0,
    },
  };
}
