import { z } from 'zod';
import { IsoDateTime, PageQuery, Uuid, pageOf } from './common.js';
import { IndicatorKind, IndicatorStatus, ScamMethod } from './indicators.js';
import { ReportStatus } from './reports.js';

/**
 * Scam networks (mạng lưới, đường dây): reports joined by the identifiers they share, over all provinces.
 * A network is listed to a police unit when at least one of its reports is within the unit's reach; its
 * totals count all its reports. Other provinces' reports show the same summary as linked reports do
 * (tracking code, province, status, date, method, unit), never contact details or stories.
 */

export const NetworkSort = z.enum(['reports', 'loss', 'recent']);
export type NetworkSort = z.infer<typeof NetworkSort>;

export const NetworkListQuery = PageQuery.extend({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Networks with at least one report from this province'),
  method: ScamMethod.optional().describe('Networks with at least one report of this scam method'),
  minReports: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(2)
    .describe('At least this many reports; 1 also lists reports that share nothing'),
  sort: NetworkSort.default('reports').describe(
    '`reports` most reports first, `loss` largest loss first, `recent` latest report first',
  ),
});
export type NetworkListQuery = z.infer<typeof NetworkListQuery>;

export const NetworkSummary = z
  .object({
    id: Uuid.describe('The smallest report id of the network: stable while the network only grows'),
    reportCount: z.number().int().describe('Reports, that is victims who reported'),
    identifierCount: z
      .number()
      .int()
      .describe('Registry entries the reports name (merged entries count once)'),
    totalLossVnd: z.number(),
    provinceCodes: z.array(z.string()),
    scamMethods: z.array(ScamMethod),
    firstReportAt: IsoDateTime,
    lastReportAt: IsoDateTime,
  })
  .meta({ id: 'NetworkSummary' });
export type NetworkSummary = z.infer<typeof NetworkSummary>;

export const NetworkPage = pageOf(NetworkSummary)
  .extend({ asOf: IsoDateTime.describe('When the networks were last computed from the reports') })
  .meta({ id: 'NetworkPage' });
export type NetworkPage = z.infer<typeof NetworkPage>;

export const NetworkIdParams = z.object({
  networkId: Uuid.describe('A network’s id, or the id of any report in it'),
});

export const NetworkGraphQuery = z.object({
  maxNodes: z.coerce.number().int().min(2).max(10_000).default(3000),
});
export type NetworkGraphQuery = z.infer<typeof NetworkGraphQuery>;

export const NetworkNodeType = z.enum(['report', 'identifier']);
export type NetworkNodeType = z.infer<typeof NetworkNodeType>;

export const NetworkNode = z
  .object({
    id: Uuid.describe('The report’s id, or the registry entry’s id'),
    type: NetworkNodeType,
    label: z.string().describe('The tracking code, or the identifier as displayed'),
    degree: z.number().int().describe('Links of this node within the network'),
    provinceCode: z.string().optional(),
    status: z.union([ReportStatus, IndicatorStatus]).optional(),
    kind: IndicatorKind.optional(),
    scamMethod: ScamMethod.optional(),
    receivedAt: IsoDateTime.optional(),
    handlingAgencyName: z.string().nullable().optional(),
    lossVnd: z.number().optional().describe('Only for reports within the caller’s reach'),
    inReach: z.boolean().optional().describe('Reports: whether the caller may open the report'),
  })
  .meta({ id: 'NetworkNode' });
export type NetworkNode = z.infer<typeof NetworkNode>;

export const NetworkEdge = z.object({ source: Uuid, target: Uuid }).meta({ id: 'NetworkEdge' });
export type NetworkEdge = z.infer<typeof NetworkEdge>;

export const NetworkDetail = NetworkSummary.extend({
  asOf: IsoDateTime,
  truncated: z.boolean().describe('Whether nodes were left out to stay within maxNodes'),
  nodes: z.array(NetworkNode).describe('The most connected identifiers first, with their reports'),
  edges: z.array(NetworkEdge).describe('From a report to an identifier it names'),
}).meta({ id: 'NetworkDetail' });
export type NetworkDetail = z.infer<typeof NetworkDetail>;
