import type { CheckItem, CheckResponse, PublicVerdict, ScamMethod } from '@khien/contracts';
import { checkLookalike, decodeQrImage, extractIdentifiers, type AnyIdentifier } from '@khien/core';
import { AppError, forbidden } from '../../shared/app-error.js';
import type { RequestContext } from '../../shared/context.js';
import { mayEver } from '../../shared/policy.js';
import type { Clock } from '../../shared/clock.js';
import { publicVerdict } from '../indicators/index.js';
import type { CheckCounter } from './check-counter.js';
import type { IndexHit, IndicatorIndex } from './indicator-index.js';
import { adviceFor, overallVerdict, reasonsFor } from './verdict-text.js';

export interface OfficialEntry {
  organisation: string;
  category: string;
}

export interface LookupDependencies {
  index: IndicatorIndex;
  /** Official identifiers by key (the allowlist, kept in memory). */
  allowlist: Map<string, OfficialEntry>;
  counter: CheckCounter;
  clock: Clock;
}

/** The second key under which an identifier may be listed: a link is also judged by its site. */
function siteKeyOf(identifier: AnyIdentifier): string | null {
  return identifier.kind === 'url' ? `domain:${identifier.details.registrableDomain}` : null;
}

const DAY_MS = 86_400_000;
/** Shared by every answer without methods (answers are only read). */
const NO_METHODS: readonly ScamMethod[] = Object.freeze([]);

function isGovVn(identifier: AnyIdentifier): boolean {
  return (identifier.kind === 'url' || identifier.kind === 'domain') && identifier.details.isGovVn;
}

function hostOf(identifier: AnyIdentifier): string | null {
  if (identifier.kind === 'url') return identifier.details.host;
  if (identifier.kind === 'domain') return identifier.details.domain;
  return null;
}

export function createLookupService(deps: LookupDependencies) {
  const { index, allowlist, counter, clock } = deps;

  function judge(identifier: AnyIdentifier): CheckItem {
    const siteKey = siteKeyOf(identifier);
    const official =
      allowlist.get(identifier.key) ?? (siteKey === null ? undefined : allowlist.get(siteKey)) ?? null;
    const govVn = isGovVn(identifier);
    // The most serious public entry among the identifier's keys (the later one among equals).
    let entry: IndexHit | null = null;
    let verdict: PublicVerdict = 'no_data';
    for (let k = 0; k < (siteKey === null ? 1 : 2); k++) {
      const found = index.lookup(k === 0 ? identifier.key : siteKey!) ?? null;
      const v = publicVerdict(found, false);
      if (v === 'confirmed_scam' || (v === 'suspicious' && verdict !== 'confirmed_scam')) {
        verdict = v;
        entry = found;
      }
    }
    if (official || govVn) verdict = 'official';
    let imitates: CheckItem['imitates'] = null;
    let sharedHost = false;
    const host = hostOf(identifier);
    if (verdict === 'no_data' && host) {
      const lookalike = checkLookalike(host);
      // A site where anyone can publish (sites.google.com, facebook.com) is the brand's, but a page on
      // it may still be a scam: it is not called official.
      if (lookalike.verdict === 'official' && !lookalike.userContent) verdict = 'official';
      if (lookalike.verdict === 'official' && lookalike.userContent) sharedHost = true;
      if (lookalike.verdict === 'lookalike' && lookalike.brand) {
        verdict = 'suspicious';
        imitates = { brand: lookalike.brand.name, officialDomains: [...(lookalike.officialDomains ?? [])] };
      }
    }
    const methods = verdict === 'official' ? NO_METHODS : (entry?.methods ?? NO_METHODS);
    const reportCount = verdict === 'official' || !entry ? null : entry.reportCount;
    const officialInfo =
      official ??
      (verdict === 'official' && govVn ? { organisation: 'Cơ quan nhà nước', category: 'government' } : null);
    return {
      kind: identifier.kind,
      key: identifier.key,
      display: identifier.display,
      verdict,
      reasons: reasonsFor({
        verdict,
        reportCount,
        methods,
        official: officialInfo,
        imitates,
        govVn,
        sharedHost,
      }),
      advice: adviceFor(verdict),
      reportCount,
      lastReportedAt: verdict === 'official' || !entry ? null : entry.lastSeenIso,
      // Shared, frozen arrays: the contract's type is mutable, but answers are only read.
      scamMethods: methods as ScamMethod[],
      official: verdict === 'official' ? officialInfo : null,
      imitates,
      appealable:
        entry !== null && (verdict === 'confirmed_scam' || verdict === 'suspicious') && imitates === null,
      // One click to the report form (tố giác), pre-filled with this identifier; official ones are not
      // reported (a spoofed official number is reported through the number that called).
      reportUrl: verdict === 'official' ? null : `/to-giac?q=${encodeURIComponent(identifier.display)}`,
    };
  }

  // The day checks are counted under (UTC), written once a day rather than once a check.
  let dayStart = 0;
  let dayEnd = 0;
  let dayText = '';
  function today(): string {
    const now = clock.nowMs();
    // Written so that an invalid time fails as toISOString does.
    if (!(now >= dayStart && now < dayEnd)) {
      dayText = new Date(now).toISOString().slice(0, 10);
      dayStart = Math.floor(now / DAY_MS) * DAY_MS;
      dayEnd = dayStart + DAY_MS;
    }
    return dayText;
  }

  /** Everything a citizen typed or pasted, judged identifier by identifier. */
  function check(text: string): CheckResponse {
    const { identifiers, problems } = extractIdentifiers(text);
    const items = identifiers.map(judge);
    const day = today();
    for (const item of items) counter.count(day, item.kind, item.verdict);
    if (items.length === 0) counter.count(day, 'none', 'no_data');
    return { verdict: overallVerdict(items.map((i) => i.verdict)), items, problems };
  }

  return {
    check,
    judgeIdentifier: judge,

    /** Many identifiers at once, for banks' and telcos' systems. */
    checkBatch(context: RequestContext, inputs: string[]) {
      if (!context.actor || !mayEver(context.actor, 'lookup.batch')) throw forbidden();
      return { results: inputs.map((input) => ({ input, ...check(input) })) };
    },

    /**
     * A photo or screenshot of a payment QR code, with any text sent beside it: the code's payload is
     * checked like pasted text. An unreadable image is an error only when there is nothing else to check.
     */
    async checkImage(image: Uint8Array, text: string): Promise<CheckResponse> {
      const decoded = await decodeQrImage(image);
      if (!decoded.ok && !text.trim()) {
        throw new AppError('check.image_unreadable', decoded.message, {
          errors: [{ path: 'body.image', message: decoded.code }],
        });
      }
      const response = check(
        [text, decoded.ok ? decoded.value : ''].filter((part) => part.trim()).join('\n'),
      );
      if (!decoded.ok)
        response.problems.unshift({ input: 'image', code: decoded.code, message: decoded.message });
      return response;
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
