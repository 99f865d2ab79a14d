import { addMs, DAY_MS } from '../clock';
import type { AuditRecord } from '../data/audit-log';
import { pagedCollection, queryParam } from '../protocol/collections';
import { errors } from '../protocol/errors';
import { type FilterSupport, matchesText, parseFilter } from '../protocol/filters';
import type { ApiReply, ApiRequest, ApiRoute } from '../route';
import type { SimulatorState } from '../state';

/** E1: the activity log between startDate (default 30 days ago) and endDate (default end of today). */
export function auditRecordRoutes(state: SimulatorState): ApiRoute[] {
  return [
    {
      method: 'GET',
      template: '/v1/auditrecords',
      access: 'app-or-user',
      handle: (request) => listAuditRecords(state, request),
    },
  ];
}

const auditFilter: FilterSupport = {
  CompanyName: ['substring'],
  CustomerId: ['equals'],
  ResourceType: ['equals'],
};

const filteredValue: Readonly<Record<string, (record: AuditRecord) => string | undefined>> = {
  CompanyName: (record) => record.customerName,
  CustomerId: (record) => record.customerId,
  ResourceType: (record) => record.resourceType,
};

function listAuditRecords(state: SimulatorState, request: ApiRequest): ApiReply {
  const startOfToday = new Date(`${request.now.toISOString().slice(0, 10)}T00:00:00Z`);
  const from = dateParam(request, 'startDate', 'start') ?? addMs(request.now, -30 * DAY_MS);
  const to = dateParam(request, 'endDate', 'end') ?? addMs(startOfToday, DAY_MS);
  if (from >= to) throw errors.invalidInput('startDate must be before endDate');
  let records = state.store.audit.between(from, to);
  const filterText = queryParam(request.query, 'filter');
  if (filterText !== undefined) {
    const filter = parseFilter(filterText, auditFilter);
    const fieldOf = filteredValue[filter.field] as (record: AuditRecord) => string | undefined;
    records = records.filter((record) => matchesText(fieldOf(record), filter));
  }
  const view = (record: AuditRecord) => ({ ...record, attributes: { objectType: 'AuditRecord' } });
  return { status: 200, body: pagedCollection(records, request, state.config.paging, view) };
}

/** `yyyy-mm-dd` (a whole day: its start, or for an end date the start of the next day) or a full ISO time. */
function dateParam(request: ApiRequest, name: string, edge: 'start' | 'end'): Date | undefined {
  const text = queryParam(request.query, name);
  if (text === undefined || text === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
      throw errors.invalidInput(`${name} is not a date`);
    }
    return edge === 'end' ? addMs(day, DAY_MS) : day;
  }
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) throw errors.invalidInput(`${name} is not a date`);
  return instant;
}
