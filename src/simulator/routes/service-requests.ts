import type { Caller } from '../behaviour/auth';
import { isoSeconds, UNSET_DATE } from '../clock';
import type { ContactRecord, ServiceRequestRecord, SupportTopicRecord } from '../data/records';
import { partnerOrganization } from '../data/seed-data';
import { addNote, changeStatus } from '../domain/service-request-lifecycle';
import { collection } from '../protocol/collections';
import { errors } from '../protocol/errors';
import {
  enumValue,
  field,
  isJsonObject,
  type JsonObject,
  optionalObject,
  optionalString,
} from '../protocol/request-body';
import type { ApiReply, ApiRequest, ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { customerOf } from './lookups';

/** D2 support topics, D3 create, D4 a customer's requests, D5 get, D6 update (reference §7). */
export function serviceRequestRoutes(state: SimulatorState): ApiRoute[] {
  return [
    {
      method: 'GET',
      template: '/v1/servicerequests/supporttopics',
      access: 'user-only',
      handle: (request) => ({
        status: 200,
        body: collection(state.store.supportTopics.map((topic) => topicView(topic, request.locale))),
      }),
    },
    {
      method: 'POST',
      template: '/v1/servicerequests/{agent-locale}',
      access: 'user-only',
      handle: (request) => createServiceRequest(state, request),
    },
    {
      method: 'GET',
      template: '/v1/customers/{customer-tenant-id}/servicerequests',
      access: 'user-only',
      handle: (request) => {
        const customer = customerOf(state, request);
        const own = [...state.store.serviceRequests.values()].filter(
          (item) => item.customerId?.toLowerCase() === customer.id.toLowerCase(),
        );
        return { status: 200, body: collection(own.map(serviceRequestView)) };
      },
    },
    {
      method: 'GET',
      template: '/v1/servicerequests/{servicerequest-id}',
      access: 'user-only',
      handle: (request) => ({ status: 200, body: serviceRequestView(serviceRequestOf(state, request)) }),
    },
    {
      method: 'PATCH',
      template: '/v1/servicerequests/{servicerequest-id}',
      access: 'user-only',
      handle: (request) => updateServiceRequest(state, request),
    },
  ];
}

const severities = ['unknown', 'critical', 'moderate', 'minimal'] as const;
const statuses = ['none', 'open', 'closed', 'attention_needed'] as const;

function createServiceRequest(state: SimulatorState, request: ApiRequest): ApiReply {
  const locale = request.params['agent-locale'] ?? '';
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(locale))
    throw errors.invalidInput('agent-locale is not a locale');
  const body = request.body;
  const title = requiredText(body, 'title');
  const description = requiredText(body, 'description');
  const severity = enumValue(field(body, 'severity'), severities);
  if (severity === undefined || severity === 'unknown') {
    throw errors.invalidProperty('severity must be critical, moderate or minimal');
  }
  const topic = topicOf(state, field(body, 'supportTopicId'));
  const notes = notesOf(body);
  const now = isoSeconds(request.now);
  const created: ServiceRequestRecord = {
    id: state.ids.serviceRequestId((id) => state.store.serviceRequests.has(id)),
    title,
    description,
    severity,
    supportTopicId: String(topic.id),
    supportTopicName: topic.name,
    status: 'open',
    organization: partnerOrganization,
    primaryContact: contactOf(request.caller),
    createdDate: now,
    lastModifiedDate: now,
    lastClosedDate: UNSET_DATE,
    notes: [],
    countryCode: /-([A-Za-z]{2})$/.exec(locale)?.[1]?.toUpperCase() ?? 'US',
  };
  for (const text of notes) addNote(created, text, request.caller.displayName, request.now);
  state.store.serviceRequests.set(created.id, created);
  return {
    status: 201,
    body: serviceRequestView(created),
    audit: serviceRequestAudit(state, created, 'create_service_request'),
  };
}

/**
 * D6: null fields, `severity: unknown` and `status: none` mean "no change" (the SDK sends them for unset
 * fields); title, description and topic cannot change; a new note is appended.
 */
function updateServiceRequest(state: SimulatorState, request: ApiRequest): ApiReply {
  const existing = serviceRequestOf(state, request);
  const body = request.body;
  if (!body) throw errors.invalidInput('a JSON body is required');
  for (const name of ['title', 'description', 'supportTopicId'] as const) {
    const value = field(body, name);
    if (value !== undefined && String(value) !== existing[name])
      throw errors.invalidProperty(`${name} cannot change`);
  }
  const severityValue = field(body, 'severity');
  const severity = severityValue === undefined ? undefined : enumValue(severityValue, severities);
  if (severityValue !== undefined && severity === undefined)
    throw errors.invalidProperty('severity is not valid');
  const statusValue = field(body, 'status');
  const status = statusValue === undefined ? undefined : enumValue(statusValue, statuses);
  if (statusValue !== undefined && status === undefined) throw errors.invalidProperty('status is not valid');
  const note = optionalObject(body, 'newNote');
  const noteText = optionalString(note, 'text');
  if (note !== undefined && !noteText?.trim()) throw errors.invalidProperty('newNote.text is required');

  if (status !== undefined && status !== 'none') changeStatus(existing, status, request.now);
  if (severity !== undefined && severity !== 'unknown') existing.severity = severity;
  if (noteText) {
    addNote(
      existing,
      noteText,
      optionalString(note, 'createdByName') ?? request.caller.displayName,
      request.now,
    );
  }
  existing.lastModifiedDate = isoSeconds(request.now);
  existing.lastUpdatedBy = contactOf(request.caller);
  return {
    status: 200,
    body: serviceRequestView(existing),
    audit: serviceRequestAudit(state, existing, 'update_service_request'),
  };
}

/** D3 "supports an optional collection of Notes" to add information; each needs a text. */
function notesOf(body: JsonObject | undefined): string[] {
  const notes = field(body, 'notes');
  if (notes === undefined) return [];
  if (!Array.isArray(notes)) throw errors.invalidProperty('notes must be an array');
  return notes.map((note) => {
    const text = isJsonObject(note) ? optionalString(note, 'text') : undefined;
    if (!text?.trim()) throw errors.invalidProperty('notes[].text is required');
    return text;
  });
}

function serviceRequestOf(state: SimulatorState, request: ApiRequest): ServiceRequestRecord {
  const found = state.store.serviceRequests.get(request.params['servicerequest-id'] ?? '');
  if (!found) throw errors.notFound();
  return found;
}

function topicOf(state: SimulatorState, value: unknown): SupportTopicRecord {
  const id = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
  const topic = state.store.supportTopics.find((candidate) => String(candidate.id) === id);
  if (!topic) throw errors.invalidProperty('supportTopicId is not a support topic');
  return topic;
}

function requiredText(body: JsonObject | undefined, name: string): string {
  const value = optionalString(body, name);
  if (!value?.trim()) throw errors.invalidProperty(`${name} is required`);
  return value;
}

function contactOf(caller: Caller): ContactRecord {
  const [firstName, ...rest] = caller.displayName.split(' ');
  return {
    organization: partnerOrganization,
    contactId: caller.subject,
    firstName,
    lastName: rest.length > 0 ? rest.join(' ') : undefined,
    email: caller.userPrincipalName,
  };
}

/** Service requests are partner-level: the activity record names a customer only when there is one. */
function serviceRequestAudit(state: SimulatorState, request: ServiceRequestRecord, operationType: string) {
  return {
    customer: request.customerId === undefined ? undefined : state.store.findCustomer(request.customerId),
    resourceType: 'service_request',
    operationType,
    newValue: { id: request.id, status: request.status, severity: request.severity, title: request.title },
    customizedData: [{ key: 'ServiceRequestId', value: request.id }],
  };
}

function topicView(topic: SupportTopicRecord, locale: string) {
  return {
    name: topic.localizedNames[locale.toLowerCase()] ?? topic.name,
    description: topic.description,
    id: topic.id,
    attributes: { objectType: 'SupportTopic' },
  };
}

function serviceRequestView(request: ServiceRequestRecord) {
  const { customerId: _internal, ...shown } = request;
  return { ...shown, attributes: { objectType: 'ServiceRequest' } };
}
