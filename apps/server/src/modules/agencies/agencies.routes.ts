import {
  Agency,
  AgencyIdParams,
  AgencyListQuery,
  AgencyPage,
  ApiKeyIdParams,
  ApiKeyList,
  CreateAgencyRequest,
  CreateApiKeyRequest,
  CreateUserRequest,
  CreatedApiKey,
  Problem,
  UpdateAgencyRequest,
  UpdateUserRequest,
  User,
  UserIdParams,
  UserListQuery,
  UserPage,
} from '@khien/contracts';
import { z } from 'zod';
import type { App } from '../../http/app.js';
import type { AgenciesService } from './agencies.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerAgenciesRoutes(app: App, agencies: AgenciesService) {
  app.get(
    '/api/agencies',
    {
      config: { access: 'agency.list' },
      schema: {
        tags: ['agencies'],
        summary: 'List agencies',
        querystring: AgencyListQuery,
        response: { 200: AgencyPage, ...problems },
      },
    },
    async (request) => agencies.listAgencies(request.context, request.query),
  );
  app.post(
    '/api/agencies',
    {
      config: { access: 'agency.create' },
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency within your area',
        body: CreateAgencyRequest,
        response: { 201: Agency, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agencies.createAgency(request.context, request.body)),
  );
  app.get(
    '/api/agencies/:agencyId',
    {
      config: { access: 'agency.read' },
      schema: {
        tags: ['agencies'],
        summary: 'One agency',
        params: AgencyIdParams,
        response: { 200: Agency, ...problems },
      },
    },
    async (request) => agencies.getAgency(request.context, request.params.agencyId),
  );
  app.patch(
    '/api/agencies/:agencyId',
    {
      config: { access: 'agency.update' },
      schema: {
        tags: ['agencies'],
        summary: 'Rename or (de)activate an agency',
        params: AgencyIdParams,
        body: UpdateAgencyRequest,
        response: { 200: Agency, ...problems, 409: Problem },
      },
    },
    async (request) => agencies.updateAgency(request.context, request.params.agencyId, request.body),
  );

  app.get(
    '/api/agencies/:agencyId/users',
    {
      config: { access: 'user.list' },
      schema: {
        tags: ['users'],
        summary: 'Staff of an agency (personal data: the read is audited; give X-Khien-Reason)',
        params: AgencyIdParams,
        querystring: UserListQuery,
        response: { 200: UserPage, ...problems },
      },
    },
    async (request) => agencies.listUsers(request.context, request.params.agencyId, request.query),
  );
  app.post(
    '/api/agencies/:agencyId/users',
    {
      config: { access: 'user.create' },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account',
        params: AgencyIdParams,
        body: CreateUserRequest,
        response: { 201: User, ...problems, 409: Problem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agencies.createUser(request.context, request.params.agencyId, request.body)),
  );
  app.get(
    '/api/agencies/:agencyId/users/:userId',
    {
      config: { access: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'One staff account (audited read)',
        params: UserIdParams,
        response: { 200: User, ...problems },
      },
    },
    async (request) => agencies.getUser(request.context, request.params.agencyId, request.params.userId),
  );
  app.patch(
    '/api/agencies/:agencyId/users/:userId',
    {
      config: { access: 'user.update' },
      schema: {
        tags: ['users'],
        summary: 'Change roles, contact, status; unlock; reset TOTP; set a new password',
        params: UserIdParams,
        body: UpdateUserRequest,
        response: { 200: User, ...problems, 409: Problem },
      },
    },
    async (request) =>
      agencies.updateUser(request.context, request.params.agencyId, request.params.userId, request.body),
  );

  app.get(
    '/api/agencies/:agencyId/api-keys',
    {
      config: { access: 'apikey.list' },
      schema: {
        tags: ['api-keys'],
        summary: "An agency's API keys",
        params: AgencyIdParams,
        response: { 200: ApiKeyList, ...problems },
      },
    },
    async (request) => agencies.listApiKeys(request.context, request.params.agencyId),
  );
  app.post(
    '/api/agencies/:agencyId/api-keys',
    {
      config: { access: 'apikey.create' },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (the secret is shown once)',
        params: AgencyIdParams,
        body: CreateApiKeyRequest,
        response: { 201: CreatedApiKey, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agencies.createApiKey(request.context, request.params.agencyId, request.body)),
  );
  app.delete(
    '/api/agencies/:agencyId/api-keys/:apiKeyId',
    {
      config: { access: 'apikey.revoke' },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key',
        params: ApiKeyIdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await agencies.revokeApiKey(request.context, request.params.agencyId, request.params.apiKeyId);
      return reply.status(204).send(null);
    },
  );
}
