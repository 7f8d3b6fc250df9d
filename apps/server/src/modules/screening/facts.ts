import type { BiometricThresholds, IndicatorStatus, ScreeningTransfer } from '@khien/contracts';
import type { CounterSnapshot, TransferLocation } from './counters.js';
import { matchNames, type NameMatch } from './name-match.js';
import type { FactValue } from './operators.js';
import { DECISION_2345_THRESHOLDS, checkBiometric } from './thresholds.js';

/**
 * The flat facts the rules read, from a transfer and what the caller looked up about it: the registry
 * entries of the payee account (or wallet) and phone, Confirmation of Payee, the IP, and the counters.
 * Pure: every lookup is done before, by the caller.
 *
 * A fact is `null` when it is known to be unknown (no opening date was given); a fact is absent when its
 * source was unavailable (the counter store did not answer), and the rules that need it then give `error`.
 */

export interface RegistryFinding {
  status: IndicatorStatus;
  /** 0–100. */
  confidence: number;
}

export interface IpFacts {
  /** ISO 3166 alpha-2, from the offline IP database. */
  country: string | null;
  /** Outside Vietnam. */
  foreign: boolean;
  /** Tor, a public VPN or a hosting provider. */
  anonymising: boolean;
  latitude?: number | null;
  longitude?: number | null;
}

export interface FactSettings {
  /** A device or OTP phone change this recent counts as recent (default 72 hours). */
  recentChangeHours: number;
  /** No activity for this many days, then activity: a dormant account woken (default 180). */
  dormantAfterDays: number;
  /** Faster than this between consecutive transfers is impossible travel (default 900 km/h, an airliner). */
  impossibleTravelKmh: number;
  /** Shorter moves are within the precision of IP geolocation (default 300 km). */
  minimumTravelKm: number;
  /** Two countries within this many minutes, when there are no coordinates (default 60). */
  countryHopMinutes: number;
}

export const DEFAULT_FACT_SETTINGS: FactSettings = Object.freeze({
  recentChangeHours: 72,
  dormantAfterDays: 180,
  impossibleTravelKmh: 900,
  minimumTravelKm: 300,
  countryHopMinutes: 60,
});

export interface ScreeningContext {
  /** The registry entry of the payee account or wallet; null when not listed. */
  payeeRegistry: RegistryFinding | null;
  /** The registry entry of the payee's phone; null when not listed or not known. */
  payeePhoneRegistry: RegistryFinding | null;
  /** The payee is a person linked to a listed account (by the registry's person links). */
  payeeLinkedToListedPerson?: boolean;
  /** Confirmation of Payee, when the caller ran it; otherwise computed when the holder's name is given. */
  cop?: NameMatch | null;
  /** What the IP database says of the client IP; null when there is no IP or it is not found. */
  ip: IpFacts | null;
  /** The counters before this transfer; null when the counter store was unavailable. */
  counters: CounterSnapshot | null;
  thresholds?: BiometricThresholds;
  settings?: Partial<FactSettings>;
}

/** Every fact the screening rules can read; a rule set naming another is refused at publishing. */
export const FACT_NAMES = [
  'amountVnd',
  'channel',
  'hourOfDay',
  'payeeIsWallet',
  'payeeListedStatus',
  'payeeListedConfidence',
  'payeePhoneListedStatus',
  'payeePhoneListedConfidence',
  'payeeLinkedToListedPerson',
  'copResult',
  'copScore',
  'ipCountry',
  'ipForeign',
  'ipAnonymising',
  'deviceChangedRecently',
  'otpPhoneChangedRecently',
  'biometricVerified',
  'biometricRequired',
  'biometricRequiredByTransfer',
  'biometricRequiredByDailyTotal',
  'payerAccountAgeDays',
  'payeeAccountAgeDays',
  'payerDailyTotalVnd',
  'payerOutCount1h',
  'payerOutSum1h',
  'payerOutCount24h',
  'payerOutSum24h',
  'payerFanOut24h',
  'payerInSum24h',
  'payerPassThroughRatio',
  'payeeNew',
  'payeeFanIn24h',
  'payeeInCount24h',
  'payeeInSum24h',
  'payeeOutSum24h',
  'payeePassThroughRatio',
  'payerDaysSinceLastActivity',
  'payerDormantReactivated',
  'impossibleTravel',
  'travelSpeedKmh',
] as const;
export type FactName = (typeof FACT_NAMES)[number];
export const FACT_NAME_SET: ReadonlySet<string> = new Set(FACT_NAMES);

export type ScreeningFacts = Partial<Record<FactName, FactValue>>;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** Registry statuses that matter to a payer: cleared and expired entries say nothing any more. */
function listedStatus(finding: RegistryFinding | null): 'confirmed_scam' | 'reported' | 'verifying' | 'none' {
  if (!finding) return 'none';
  switch (finding.status) {
    case 'confirmed_scam':
    case 'reported':
    case 'verifying':
      return finding.status;
    case 'cleared':
    case 'expired':
      return 'none';
  }
}

function ageInDays(openedAt: string | undefined, atMs: number): number | null {
  if (!openedAt) return null;
  const opened = Date.parse(openedAt);
  return Number.isFinite(opened) ? Math.max(0, Math.floor((atMs - opened) / DAY_MS)) : null;
}

function changedRecently(
  flag: boolean | undefined,
  changedAt: string | undefined,
  atMs: number,
  hours: number,
) {
  if (flag !== undefined) return flag;
  if (!changedAt) return false;
  const changed = Date.parse(changedAt);
  return Number.isFinite(changed) && atMs - changed >= 0 && atMs - changed <= hours * HOUR_MS;
}

/** Great-circle distance in kilometres. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TravelCheck {
  impossible: boolean;
  speedKmh: number | null;
}

/** Whether the payer could have moved between the previous transfer's place and this one's in time. */
export function checkTravel(
  previous: { at: number; location: TransferLocation } | null,
  current: { at: number; location: TransferLocation } | null,
  settings: FactSettings = DEFAULT_FACT_SETTINGS,
): TravelCheck {
  if (!previous || !current) return { impossible: false, speedKmh: null };
  const hours = Math.max(Math.abs(current.at - previous.at), 60_000) / HOUR_MS;
  const from = previous.location;
  const to = current.location;
  if (from.latitude != null && from.longitude != null && to.latitude != null && to.longitude != null) {
    const km = distanceKm(
      { latitude: from.latitude, longitude: from.longitude },
      { latitude: to.latitude, longitude: to.longitude },
    );
    const speedKmh = Math.round(km / hours);
    return {
      impossible: km >= settings.minimumTravelKm && speedKmh > settings.impossibleTravelKmh,
      speedKmh,
    };
  }
  const hop =
    from.country !== null &&
    to.country !== null &&
    from.country !== to.country &&
    hours * 60 <= settings.countryHopMinutes;
  return { impossible: hop, speedKmh: null };
}

const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? Math.round((numerator / denominator) * 1000) / 1000 : null;

/** The facts of one transfer. */
export function buildFacts(transfer: ScreeningTransfer, context: ScreeningContext): ScreeningFacts {
  const settings: FactSettings = { ...DEFAULT_FACT_SETTINGS, ...context.settings };
  const thresholds = context.thresholds ?? DECISION_2345_THRESHOLDS;
  const atMs = Date.parse(transfer.at);
  const cop =
    context.cop !== undefined
      ? context.cop
      : transfer.payee.holderName
        ? matchNames(transfer.payee.nameShown, transfer.payee.holderName)
        : null;
  const ip = context.ip;

  const facts: ScreeningFacts = {
    amountVnd: transfer.amountVnd,
    channel: transfer.channel,
    hourOfDay: Number.isFinite(atMs) ? new Date(atMs + VIETNAM_OFFSET_MS).getUTCHours() : null,
    payeeIsWallet: !transfer.payee.account && Boolean(transfer.payee.wallet),
    payeeListedStatus: listedStatus(context.payeeRegistry),
    payeeListedConfidence:
      listedStatus(context.payeeRegistry) === 'none' ? 0 : context.payeeRegistry!.confidence,
    payeePhoneListedStatus: listedStatus(context.payeePhoneRegistry),
    payeePhoneListedConfidence:
      listedStatus(context.payeePhoneRegistry) === 'none' ? 0 : context.payeePhoneRegistry!.confidence,
    payeeLinkedToListedPerson: context.payeeLinkedToListedPerson ?? false,
    copResult: cop ? cop.result : 'unavailable',
    copScore: cop ? cop.score : null,
    ipCountry: ip ? ip.country : null,
    ipForeign: ip ? ip.foreign : null,
    ipAnonymising: ip ? ip.anonymising : null,
    deviceChangedRecently: changedRecently(
      transfer.deviceChangedRecently,
      transfer.deviceChangedAt,
      atMs,
      settings.recentChangeHours,
    ),
    otpPhoneChangedRecently: changedRecently(
      transfer.otpPhoneChangedRecently,
      transfer.otpPhoneChangedAt,
      atMs,
      settings.recentChangeHours,
    ),
    biometricVerified: transfer.biometricVerified ?? false,
    payerAccountAgeDays: ageInDays(transfer.payer.openedAt, atMs),
    payeeAccountAgeDays: ageInDays(transfer.payee.openedAt, atMs),
  };

  const counters = context.counters;
  if (counters) {
    const { payer, payee } = counters;
    const biometric = checkBiometric(thresholds, {
      amountVnd: transfer.amountVnd,
      sentTodayVnd: payer.sentTodayVnd,
    });
    facts.biometricRequired = biometric.required;
    facts.biometricRequiredByTransfer = biometric.byTransfer;
    facts.biometricRequiredByDailyTotal = biometric.byDailyTotal;
    facts.payerDailyTotalVnd = biometric.dailyTotalVnd;
    facts.payerOutCount1h = payer.outCountShort;
    facts.payerOutSum1h = payer.outSumShortVnd;
    facts.payerOutCount24h = payer.outCountLong;
    facts.payerOutSum24h = payer.outSumLongVnd;
    facts.payerFanOut24h = payer.distinctPayeesLong;
    facts.payerInSum24h = payer.inSumLongVnd;
    // Money about to leave against money that came in: a mule forwards what it receives.
    facts.payerPassThroughRatio = ratio(payer.outSumLongVnd + transfer.amountVnd, payer.inSumLongVnd);
    facts.payeeNew = !counters.knownPayee;
    facts.payeeFanIn24h = payee.distinctSendersLong;
    facts.payeeInCount24h = payee.inCountLong;
    facts.payeeInSum24h = payee.inSumLongVnd;
    facts.payeeOutSum24h = payee.outSumLongVnd;
    facts.payeePassThroughRatio = ratio(payee.outSumLongVnd, payee.inSumLongVnd);
    const idleDays =
      payer.lastActivityAt === null ? null : Math.floor((atMs - payer.lastActivityAt) / DAY_MS);
    facts.payerDaysSinceLastActivity = idleDays;
    facts.payerDormantReactivated = idleDays !== null && idleDays >= settings.dormantAfterDays;
    const here = ip ? { at: atMs, location: ip } : null;
    const travel = checkTravel(payer.lastLocation, here, settings);
    facts.impossibleTravel = travel.impossible;
    facts.travelSpeedKmh = travel.speedKmh;
  } else {
    // Without the day's total only the per-transfer threshold can be checked; the rest stay absent.
    const biometric = checkBiometric(thresholds, { amountVnd: transfer.amountVnd, sentTodayVnd: 0 });
    facts.biometricRequiredByTransfer = biometric.byTransfer;
  }
  return facts;
}
