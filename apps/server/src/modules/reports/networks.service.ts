import type {
  NetworkDetail,
  NetworkGraphQuery,
  NetworkListQuery,
  NetworkNode,
  NetworkPage,
  NetworkSort,
  NetworkSummary,
  ScamMethod,
} from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../shared/app-error.js';
import { actorOf } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { decide, reachOf, type Actor } from '../../shared/policy.js';
import { connectedNetworks, type Networks } from './networks.js';
import { NETWORK_BATCH, type NetworksRepository } from './networks.repository.js';

export interface NetworksDependencies {
  db: Kysely<DB>;
  repository: NetworksRepository;
  clock: Clock;
  /** How long the networks are used before the database is asked whether anything changed (default 1 min). */
  maxAgeMs?: number;
  /** How long a request waits for a rebuild before it is answered from the previous networks (default 2 s). */
  waitMs?: number;
  /** Rows per query when the graph is read (tests make it small to cross batch boundaries). */
  batchSize?: number;
  /** Told after each rebuild (the platform logs it). */
  onBuilt?: (stats: NetworkBuildStats) => void;
  /** Told when a rebuild failed while earlier networks could still answer. */
  onError?: (error: unknown) => void;
}

export interface NetworkBuildStats {
  reports: number;
  identifiers: number;
  links: number;
  networks: number;
  /** Reading the database. */
  readMs: number;
  /** Grouping and totalling in memory. */
  computeMs: number;
  /** The typed arrays the snapshot holds, in bytes (ids as strings come on top). */
  arrayBytes: number;
}

/** Where a handling unit is, for the reach of the caller. */
interface SnapshotAgency {
  id: string;
  level: 'national' | 'province' | 'commune';
  provinceCode: string | null;
  communeCode: string | null;
}

/**
 * The graph of all reports and the identifiers they name, grouped into networks, held in memory as typed
 * arrays over dense indexes. Reports are indexed in id order, so a network's smallest report index is also
 * its smallest report id (its public id). Adjacency is kept as CSR (compressed sparse rows): the links of
 * report r are `reportLinks[reportLinkStart[r] … reportLinkStart[r + 1] − 1]`, and so on.
 */
interface Snapshot {
  signature: string;
  builtAt: Date;
  checkedAt: number;
  reportIds: string[];
  reportProvince: Uint16Array;
  reportMethod: Uint16Array;
  /** Index into `agencies`, −1 for a report no unit handles yet. */
  reportAgency: Int32Array;
  reportLoss: Float64Array;
  reportReceived: Float64Array;
  provinces: string[];
  provinceIndex: Map<string, number>;
  methods: string[];
  methodIndex: Map<string, number>;
  agencies: SnapshotAgency[];
  indicatorIds: string[];
  reportLinkStart: Int32Array;
  reportLinks: Int32Array;
  indicatorLinkStart: Int32Array;
  indicatorLinks: Int32Array;
  networks: Networks;
  networkReportStart: Int32Array;
  networkReports: Int32Array;
  networkIndicatorStart: Int32Array;
  networkIndicators: Int32Array;
  networkLoss: Float64Array;
  networkFirst: Float64Array;
  networkLast: Float64Array;
  /** Networks in each sort order, worked out when first asked for. */
  orders: Partial<Record<NetworkSort, Int32Array>>;
}

const MINUTE = 60_000;

/** Interns strings (province codes, scam methods) as small integers. */
function interner() {
  const values: string[] = [];
  const index = new Map<string, number>();
  return {
    values,
    index,
    of(value: string): number {
      let found = index.get(value);
      if (found === undefined) {
        found = values.length;
        values.push(value);
        index.set(value, found);
      }
      return found;
    },
  };
}

/** The position of `id` in the sorted `ids`, or −1. UUIDs in lower case sort as text as they do in SQL. */
function indexOfId(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = ids[middle]!;
    if (value === id) return middle;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Groups items 0…n−1 by a key 0…groups−1 (counting sort): CSR offsets and the items, ascending per group. */
function groupBy(n: number, groups: number, keyOf: (item: number) => number) {
  const start = new Int32Array(groups + 1);
  for (let item = 0; item < n; item++) {
    const key = keyOf(item);
    if (key >= 0) start[key + 1]!++;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const items = new Int32Array(start[groups]!);
  for (let item = 0; item < n; item++) {
    const key = keyOf(item);
    if (key >= 0) items[next[key]!++] = item;
  }
  return { start, items };
}

export function createNetworksService(deps: NetworksDependencies) {
  const { db, repository, clock } = deps;
  const maxAgeMs = deps.maxAgeMs ?? MINUTE;
  const waitMs = deps.waitMs ?? 2000;
  const batchSize = deps.batchSize ?? NETWORK_BATCH;
  let snapshot: Snapshot | null = null;
  let refreshing: Promise<Snapshot> | null = null;

  /** Reads the whole graph in batches and groups it. */
  async function build(signature: string, builtAt: Date): Promise<Snapshot> {
    const started = performance.now();
    const provinces = interner();
    const methods = interner();
    const reportIds: string[] = [];
    const province: number[] = [];
    const method: number[] = [];
    const loss: number[] = [];
    const received: number[] = [];
    const agencyOf: Array<string | null> = [];
    for (let after: string | null = null; ;) {
      const batch = await repository.reportBatch(db, after, batchSize);
      for (const row of batch) {
        reportIds.push(row.id);
        province.push(provinces.of(row.province_code));
        method.push(methods.of(row.scam_method));
        loss.push(Number(row.total_loss_vnd));
        received.push(Number(row.received_ms));
        agencyOf.push(row.handling_agency_id);
      }
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
    }
    const reportCount = reportIds.length;

    // Links come in report order, as the reports did: walk both together. A registry entry merged into
    // another is counted as that other, so the resolved ids are indexed, not the ones the reports named.
    const mergedInto = new Map(
      (await repository.mergedIndicators(db)).map((row) => [row.id, row.merged_into_id]),
    );
    const indicatorIds: string[] = [];
    const indicatorIndex = new Map<string, number>();
    const linkReport: number[] = [];
    const linkIndicator: number[] = [];
    let position = 0;
    for (let after: { reportId: string; indicatorId: string } | null = null; ;) {
      const batch = await repository.linkBatch(db, after, batchSize);
      for (const row of batch) {
        while (position < reportCount && reportIds[position]! < row.report_id) position++;
        // A report committed after the reports were read: it comes with the next rebuild.
        if (reportIds[position] !== row.report_id) continue;
        const resolved = mergedInto.get(row.indicator_id) ?? row.indicator_id;
        let indicator = indicatorIndex.get(resolved);
        if (indicator === undefined) {
          indicator = indicatorIds.length;
          indicatorIds.push(resolved);
          indicatorIndex.set(resolved, indicator);
        }
        linkReport.push(position);
        linkIndicator.push(indicator);
      }
      if (batch.length === 0) break;
      const last = batch[batch.length - 1]!;
      after = { reportId: last.report_id, indicatorId: last.indicator_id };
    }
    indicatorIndex.clear();
    const agencyRows = await repository.agencies(db);
    const readMs = performance.now() - started;

    const computeStarted = performance.now();
    const agencies: SnapshotAgency[] = agencyRows.map((a) => ({
      id: a.id,
      level: a.scope_level,
      provinceCode: a.province_code,
      communeCode: a.commune_code,
    }));
    const agencyIndex = new Map(agencies.map((a, index) => [a.id, index]));
    const indicatorCount = indicatorIds.length;

    // One link per report and registry entry: two aliases of one entry named by a report are one link.
    const reportLinkStart = new Int32Array(reportCount + 1);
    const uniqueLinks: number[] = [];
    for (let k = 0; k < linkReport.length;) {
      const report = linkReport[k]!;
      let end = k + 1;
      while (end < linkReport.length && linkReport[end] === report) end++;
      const named = end - k === 1 ? [linkIndicator[k]!] : linkIndicator.slice(k, end).sort((a, b) => a - b);
      let previous = -1;
      for (const indicator of named) {
        if (indicator === previous) continue;
        uniqueLinks.push(indicator);
        reportLinkStart[report + 1]!++;
        previous = indicator;
      }
      k = end;
    }
    for (let r = 0; r < reportCount; r++) reportLinkStart[r + 1]! += reportLinkStart[r]!;
    const reportLinks = Int32Array.from(uniqueLinks);
    const linkReports = new Int32Array(reportLinks.length);
    for (let r = 0; r < reportCount; r++) {
      linkReports.fill(r, reportLinkStart[r]!, reportLinkStart[r + 1]!);
    }
    const byIndicator = groupBy(reportLinks.length, indicatorCount, (k) => reportLinks[k]!);
    const indicatorLinks = byIndicator.items.map((k) => linkReports[k]!);

    const networks = connectedNetworks({
      reportCount,
      indicatorCount,
      report: linkReports,
      indicator: reportLinks,
    });
    const byNetwork = groupBy(reportCount, networks.count, (r) => networks.networkOfReport[r]!);
    const indicatorsByNetwork = groupBy(
      indicatorCount,
      networks.count,
      (i) => networks.networkOfIndicator[i]!,
    );
    const reportLoss = Float64Array.from(loss);
    const reportReceived = Float64Array.from(received);
    const networkLoss = new Float64Array(networks.count);
    const networkFirst = new Float64Array(networks.count).fill(Infinity);
    const networkLast = new Float64Array(networks.count).fill(-Infinity);
    for (let r = 0; r < reportCount; r++) {
      const network = networks.networkOfReport[r]!;
      networkLoss[network]! += reportLoss[r]!;
      networkFirst[network] = Math.min(networkFirst[network]!, reportReceived[r]!);
      networkLast[network] = Math.max(networkLast[network]!, reportReceived[r]!);
    }
    const built: Snapshot = {
      signature,
      builtAt,
      checkedAt: builtAt.getTime(),
      reportIds,
      reportProvince: Uint16Array.from(province),
      reportMethod: Uint16Array.from(method),
      reportAgency: Int32Array.from(agencyOf, (id) => (id === null ? -1 : (agencyIndex.get(id) ?? -1))),
      reportLoss,
      reportReceived,
      provinces: provinces.values,
      provinceIndex: provinces.index,
      methods: methods.values,
      methodIndex: methods.index,
      agencies,
      indicatorIds,
      reportLinkStart,
      reportLinks,
      indicatorLinkStart: byIndicator.start,
      indicatorLinks,
      networks,
      networkReportStart: byNetwork.start,
      networkReports: byNetwork.items,
      networkIndicatorStart: indicatorsByNetwork.start,
      networkIndicators: indicatorsByNetwork.items,
      networkLoss,
      networkFirst,
      networkLast,
      orders: {},
    };
    const arrayBytes = [
      built.reportProvince,
      built.reportMethod,
      built.reportAgency,
      reportLoss,
      reportReceived,
      reportLinkStart,
      reportLinks,
      built.indicatorLinkStart,
      indicatorLinks,
      networks.networkOfReport,
      networks.networkOfIndicator,
      built.networkReportStart,
      built.networkReports,
      built.networkIndicatorStart,
      built.networkIndicators,
      networkLoss,
      networkFirst,
      networkLast,
    ].reduce((sum, array) => sum + array.byteLength, 0);
    deps.onBuilt?.({
      reports: reportCount,
      identifiers: indicatorCount,
      links: reportLinks.length,
      networks: networks.count,
      readMs: Math.round(readMs),
      computeMs: Math.round(performance.now() - computeStarted),
      arrayBytes,
    });
    return built;
  }

  /** One rebuild at a time: whoever asks while one runs gets that one. */
  function refresh(): Promise<Snapshot> {
    refreshing ??= (async () => {
      const checkedAt = clock.now();
      const signature = await repository.signature(db);
      if (snapshot && snapshot.signature === signature) {
        snapshot.checkedAt = checkedAt.getTime();
        return snapshot;
      }
      snapshot = await build(signature, checkedAt);
      return snapshot;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /**
   * The networks to answer from. Younger than `maxAgeMs`: as they are. Older: the database is asked
   * whether anything changed, and if so they are rebuilt; a request waits for that at most `waitMs`, then
   * is answered from the previous networks (a large database takes a while to read).
   */
  async function current(): Promise<Snapshot> {
    const previous = snapshot;
    if (previous && clock.now().getTime() - previous.checkedAt < maxAgeMs) return previous;
    const fresh = refresh();
    if (!previous) return fresh;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<Snapshot>((resolve) => {
      timer = setTimeout(() => resolve(previous), waitMs);
    });
    try {
      return await Promise.race([
        fresh.catch((error: unknown) => {
          deps.onError?.(error);
          return previous;
        }),
        patience,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Which reports the actor reaches: by the unit handling each (the policy decides, per unit). */
  function reachIn(actor: Actor, snap: Snapshot) {
    const reach = reachOf(actor, 'report.list');
    if (reach.kind === 'none') throw forbidden();
    const everything = reach.kind === 'all';
    const agencyAllowed = Uint8Array.from(snap.agencies, (agency) =>
      everything ||
      decide(actor, 'report.list', {
        agencyId: agency.id,
        level: agency.level,
        provinceCode: agency.provinceCode,
        communeCode: agency.communeCode,
      }) === 'allow'
        ? 1
        : 0,
    );
    // Reports no unit could be found for are the platform operator's (national reach) to route.
    const unrouted =
      everything ||
      decide(actor, 'report.list', {
        agencyId: '*',
        level: 'national',
        provinceCode: null,
        communeCode: null,
      }) === 'allow';
    return (report: number) => {
      const agency = snap.reportAgency[report]!;
      return agency < 0 ? unrouted : agencyAllowed[agency] === 1;
    };
  }

  function reportsOf(snap: Snapshot, network: number) {
    return snap.networkReports.subarray(
      snap.networkReportStart[network]!,
      snap.networkReportStart[network + 1]!,
    );
  }

  function indicatorsOf(snap: Snapshot, network: number) {
    return snap.networkIndicators.subarray(
      snap.networkIndicatorStart[network]!,
      snap.networkIndicatorStart[network + 1]!,
    );
  }

  /** Networks in a sort order, largest first, ties by id: worked out once per snapshot. */
  function orderOf(snap: Snapshot, sort: NetworkSort): Int32Array {
    const cached = snap.orders[sort];
    if (cached) return cached;
    const size = (n: number) => snap.networkReportStart[n + 1]! - snap.networkReportStart[n]!;
    const key: (n: number) => number =
      sort === 'reports' ? size : sort === 'loss' ? (n) => snap.networkLoss[n]! : (n) => snap.networkLast[n]!;
    const order = new Int32Array(snap.networks.count);
    for (let n = 0; n < order.length; n++) order[n] = n;
    order.sort((a, b) => key(b) - key(a) || a - b);
    snap.orders[sort] = order;
    return order;
  }

  function summaryOf(snap: Snapshot, network: number): NetworkSummary {
    const reports = reportsOf(snap, network);
    const provinces = new Set<string>();
    const methods = new Set<string>();
    for (const r of reports) {
      provinces.add(snap.provinces[snap.reportProvince[r]!]!);
      methods.add(snap.methods[snap.reportMethod[r]!]!);
    }
    return {
      id: snap.reportIds[reports[0]!]!,
      reportCount: reports.length,
      identifierCount: snap.networkIndicatorStart[network + 1]! - snap.networkIndicatorStart[network]!,
      totalLossVnd: snap.networkLoss[network]!,
      provinceCodes: [...provinces].sort(),
      scamMethods: [...methods].sort() as ScamMethod[],
      firstReportAt: new Date(snap.networkFirst[network]!).toISOString(),
      lastReportAt: new Date(snap.networkLast[network]!).toISOString(),
    };
  }

  /**
   * Which nodes a graph of at most `maxNodes` shows. All of them when they fit. Otherwise the most
   * connected identifiers first (a quarter of the room, or what the reports leave), then the reports
   * naming most of those identifiers, those the caller reaches first on a tie; identifiers left without
   * any shown report are dropped.
   */
  function chooseNodes(
    snap: Snapshot,
    network: number,
    maxNodes: number,
    inReach: (report: number) => boolean,
  ) {
    const reports = reportsOf(snap, network);
    const indicators = indicatorsOf(snap, network);
    const degreeOfIndicator = (i: number) => snap.indicatorLinkStart[i + 1]! - snap.indicatorLinkStart[i]!;
    const byDegree = [...indicators].sort((a, b) => degreeOfIndicator(b) - degreeOfIndicator(a) || a - b);
    if (reports.length + indicators.length <= maxNodes) {
      return { reports: [...reports], indicators: byDegree, truncated: false };
    }
    const indicatorRoom = Math.min(
      indicators.length,
      Math.max(Math.floor(maxNodes / 4), maxNodes - reports.length, 1),
    );
    const chosenIndicators = new Set(byDegree.slice(0, indicatorRoom));
    const shared = new Map<number, number>();
    for (const i of chosenIndicators) {
      for (let k = snap.indicatorLinkStart[i]!; k < snap.indicatorLinkStart[i + 1]!; k++) {
        const r = snap.indicatorLinks[k]!;
        shared.set(r, (shared.get(r) ?? 0) + 1);
      }
    }
    const reached = (r: number) => (inReach(r) ? 1 : 0);
    const chosenReports = [...shared.keys()]
      .sort((a, b) => shared.get(b)! - shared.get(a)! || reached(b) - reached(a) || a - b)
      .slice(0, maxNodes - chosenIndicators.size)
      .sort((a, b) => a - b);
    const shownReports = new Set(chosenReports);
    const kept = byDegree.filter((i) => {
      if (!chosenIndicators.has(i)) return false;
      for (let k = snap.indicatorLinkStart[i]!; k < snap.indicatorLinkStart[i + 1]!; k++) {
        if (shownReports.has(snap.indicatorLinks[k]!)) return true;
      }
      return false;
    });
    return { reports: chosenReports, indicators: kept, truncated: true };
  }

  return {
    /** Networks with at least one report within the caller's reach, filtered and sorted, a page at a time. */
    async list(context: RequestContext, query: NetworkListQuery): Promise<NetworkPage> {
      const actor = actorOf(context);
      if (reachOf(actor, 'report.list').kind === 'none') throw forbidden();
      const snap = await current();
      const inReach = reachIn(actor, snap);
      const province = query.provinceCode ? (snap.provinceIndex.get(query.provinceCode) ?? -2) : -1;
      const method = query.method ? (snap.methodIndex.get(query.method) ?? -2) : -1;
      const items: NetworkSummary[] = [];
      let total = 0;
      if (province !== -2 && method !== -2) {
        for (const network of orderOf(snap, query.sort)) {
          const size = snap.networkReportStart[network + 1]! - snap.networkReportStart[network]!;
          if (size < query.minReports) {
            // Sorted by size, every network after this one is smaller still.
            if (query.sort === 'reports') break;
            continue;
          }
          let reached = false;
          let inProvince = province < 0;
          let ofMethod = method < 0;
          for (const r of reportsOf(snap, network)) {
            if (!reached) reached = inReach(r);
            if (!inProvince) inProvince = snap.reportProvince[r] === province;
            if (!ofMethod) ofMethod = snap.reportMethod[r] === method;
            if (reached && inProvince && ofMethod) break;
          }
          if (!(reached && inProvince && ofMethod)) continue;
          total++;
          if (total > query.offset && items.length < query.limit) items.push(summaryOf(snap, network));
        }
      }
      return { items, total, asOf: snap.builtAt.toISOString() };
    },

    /**
     * One network as a graph of its reports and identifiers, by its id or the id of any report in it.
     * Answers 404 when none of its reports is within the caller's reach.
     */
    async graph(
      context: RequestContext,
      networkId: string,
      query: NetworkGraphQuery,
    ): Promise<NetworkDetail> {
      const actor = actorOf(context);
      if (reachOf(actor, 'report.list').kind === 'none') throw forbidden();
      const snap = await current();
      const inReach = reachIn(actor, snap);
      const report = indexOfId(snap.reportIds, networkId.toLowerCase());
      if (report < 0) throw notFound('Network');
      const network = snap.networks.networkOfReport[report]!;
      if (!reportsOf(snap, network).some(inReach)) throw notFound('Network');

      const chosen = chooseNodes(snap, network, query.maxNodes, inReach);
      const reportIds = chosen.reports.map((r) => snap.reportIds[r]!);
      const indicatorIds = chosen.indicators.map((i) => snap.indicatorIds[i]!);
      const [reportRows, indicatorRows] = await Promise.all([
        repository.describeReports(db, reportIds),
        repository.describeIndicators(db, indicatorIds),
      ]);
      const reportRow = new Map(reportRows.map((row) => [row.id, row]));
      const indicatorRow = new Map(indicatorRows.map((row) => [row.id, row]));

      const nodes: NetworkNode[] = [];
      const shownIndicators = new Set<number>();
      for (const i of chosen.indicators) {
        const row = indicatorRow.get(snap.indicatorIds[i]!);
        if (!row) continue;
        shownIndicators.add(i);
        nodes.push({
          id: row.id,
          type: 'identifier',
          label: row.display,
          degree: snap.indicatorLinkStart[i + 1]! - snap.indicatorLinkStart[i]!,
          kind: row.kind as NetworkNode['kind'],
          status: row.status,
        });
      }
      const edges: NetworkDetail['edges'] = [];
      for (const r of chosen.reports) {
        const row = reportRow.get(snap.reportIds[r]!);
        if (!row) continue;
        const reached = inReach(r);
        // Across provinces, the summary linked reports show; the loss only to those who reach the report.
        nodes.push({
          id: row.id,
          type: 'report',
          label: row.tracking_code,
          degree: snap.reportLinkStart[r + 1]! - snap.reportLinkStart[r]!,
          provinceCode: row.province_code,
          status: row.status,
          scamMethod: row.scam_method as ScamMethod,
          receivedAt: new Date(row.received_at).toISOString(),
          handlingAgencyName: row.handling_agency_name,
          inReach: reached,
          ...(reached ? { lossVnd: Number(row.total_loss_vnd) } : {}),
        });
        for (let k = snap.reportLinkStart[r]!; k < snap.reportLinkStart[r + 1]!; k++) {
          const i = snap.reportLinks[k]!;
          if (shownIndicators.has(i)) edges.push({ source: row.id, target: snap.indicatorIds[i]! });
        }
      }
      return {
        ...summaryOf(snap, network),
        asOf: snap.builtAt.toISOString(),
        truncated: chosen.truncated,
        nodes,
        edges,
      };
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;
