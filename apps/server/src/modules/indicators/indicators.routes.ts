import {
  AllowlistEntry,
  AllowlistIdParams,
  AllowlistPage,
  AllowlistQuery,
  ChangeIndicatorStatusRequest,
  CreateDelegationRequest,
  Delegation,
  DelegationIdParams,
  DelegationList,
  CreateAllowlistEntryRequest,
  CreateIndicatorRequest,
  Indicator,
  IndicatorDetail,
  IndicatorIdParams,
  IndicatorListQuery,
  IndicatorPage,
  MergeIndicatorRequest,
  Problem,
} from '@khien/contracts';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { App } from '../../http/app.js';
import type { DelegationsService } from './delegations.service.js';
import type { IndicatorsService } from './indicators.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerIndicatorsRoutes(
  app: App,
  indicators: IndicatorsService,
  delegations: DelegationsService,
) {
  app.get(
    '/api/registry/delegations',
    {
      config: { access: 'session' },
      schema: {
        tags: ['registry'],
        summary: "Delegations of registry decisions: a police agency's grants, or those made to your agency",
        response: { 200: DelegationList, ...problems },
      },
    },
    async (request) => delegations.list(request.context),
  );
  app.post(
    '/api/registry/delegations',
    {
      config: { access: 'delegation.manage' },
      schema: {
        tags: ['registry'],
        summary: 'Let another agency confirm, clear and merge entries of some kinds (police leaders)',
        body: CreateDelegationRequest,
        response: { 201: Delegation, ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await delegations.grant(request.context, request.body)),
  );
  app.delete(
    '/api/registry/delegations/:delegationId',
    {
      config: { access: 'delegation.manage' },
      schema: {
        tags: ['registry'],
        summary: 'Revoke a delegation',
        params: DelegationIdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await delegations.revoke(request.context, request.params.delegationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/indicators',
    {
      config: { access: 'indicator.list' },
      schema: {
        tags: ['registry'],
        summary: 'Search the registry (q: any identifier as written, or part of its display form)',
        querystring: IndicatorListQuery,
        response: { 200: IndicatorPage, ...problems },
      },
    },
    async (request) => indicators.list(request.context, request.query),
  );
  app.post(
    '/api/indicators',
    {
      config: { access: 'indicator.report' },
      schema: {
        tags: ['registry'],
        summary: "Report an identifier as an agency (adds a source; creates the entry as 'reported')",
        body: CreateIndicatorRequest,
        response: { 201: Indicator, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => reply.status(201).send(await indicators.report(request.context, request.body)),
  );
  app.get(
    '/api/indicators/export',
    {
      config: { access: 'indicator.list' },
      schema: {
        tags: ['registry'],
        summary: 'The registry as CSV (entries you may see; filter by kind and status)',
        querystring: IndicatorListQuery.pick({ kind: true, status: true }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const rows = indicators.exportCsv(request.context, request.query);
      // Read the first chunk before answering, so that a refusal is still a problem+json error.
      const first = await rows.next();
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="khien-registry-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .header('cache-control', 'no-store');
      return reply.send(
        Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* rows;
          })(),
        ),
      );
    },
  );
  app.get(
    '/api/indicators/:indicatorId',
    {
      config: { access: 'indicator.read' },
      schema: {
        tags: ['registry'],
        summary: 'One entry with its sources and history',
        params: IndicatorIdParams,
        response: { 200: IndicatorDetail, ...problems },
      },
    },
    async (request) => indicators.get(request.context, request.params.indicatorId),
  );
  app.post(
    '/api/indicators/:indicatorId/status',
    {
      config: { access: 'indicator.decide' },
      schema: {
        tags: ['registry'],
        summary: 'Confirm, clear or review an entry (police), with the reason',
        params: IndicatorIdParams,
        body: ChangeIndicatorStatusRequest,
        response: { 200: Indicator, ...problems, 409: Problem },
      },
    },
    async (request) => indicators.changeStatus(request.context, request.params.indicatorId, request.body),
  );

  app.post(
    '/api/indicators/:indicatorId/merge',
    {
      config: { access: 'indicator.decide' },
      schema: {
        tags: ['registry'],
        summary: 'Merge this entry into another that records the same thing (police), with the reason',
        params: IndicatorIdParams,
        body: MergeIndicatorRequest,
        response: { 200: Indicator, ...problems, 409: Problem },
      },
    },
    async (request) => indicators.merge(request.context, request.params.indicatorId, request.body),
  );

  app.get(
    '/api/allowlist',
    {
      config: { access: 'session' },
      schema: {
        tags: ['registry'],
        summary: 'Official numbers, domains and accounts (they win over reports)',
        querystring: AllowlistQuery,
        response: { 200: AllowlistPage, ...problems },
      },
    },
    async (request) => indicators.allowlistPage(request.context, request.query),
  );
  app.post(
    '/api/allowlist',
    {
      config: { access: 'allowlist.manage' },
      schema: {
        tags: ['registry'],
        summary: 'Add an official identifier',
        body: CreateAllowlistEntryRequest,
        response: { 201: AllowlistEntry, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await indicators.addToAllowlist(request.context, request.body)),
  );
  app.delete(
    '/api/allowlist/:allowlistId',
    {
      config: { access: 'allowlist.manage' },
      schema: {
        tags: ['registry'],
        summary: 'Remove an official identifier',
        params: AllowlistIdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await indicators.removeFromAllowlist(request.context, request.params.allowlistId);
      return reply.status(204).send(null);
    },
  );
}
