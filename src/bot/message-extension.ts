import type {
  MessagingExtensionAttachment,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TurnContext,
} from 'botbuilder';
import type { Authorizer, DenialReason } from '../auth/authorizer';
import { customerCard, messageCard } from '../cards';
import { clip } from '../cards/clip';
import { customerOf, type IndexedCustomer } from '../customers/customer-index';
import type { QuickCustomerSearch, QuickQuery } from '../customers/quick-search';
import {
  interpretLookupQuery,
  isLookupProblem,
  type LookupQuery,
  MAX_QUERY_LENGTH,
  MIN_QUERY_LENGTH,
} from '../dialogs/lookup-query';
import { errorCodeOf } from '../errors';
import { errorText, type Strings } from '../i18n/strings';
import type { Logger } from '../log';
import type { AuditLog } from '../store/store';
import { textFor } from './replies';
import { callContextOf, type TurnInfo, turnInfo } from './turn-info';

/**
 * The search message extension (manifest `composeExtensions`, command `searchCustomers`): an agent types a
 * company name, domain or tenant id in any chat's compose box and picks a customer; the customer card is
 * inserted. Same authorization as the bot (customer.read, audited); refused callers get no results and a
 * hint. Answers within Teams' 5 seconds: the index answers at once, Partner Center is waited for a bounded
 * time and the answer then says it is still searching.
 */

export const SEARCH_CUSTOMERS_COMMAND = 'searchCustomers';
const SEARCH_PARAMETER = 'searchQuery';
const ACTION = 'compose.searchCustomers';
const PREVIEW_TEXT_LENGTH = 80;

export interface CustomerSearchExtensionDeps {
  authorizer: Authorizer;
  search: QuickCustomerSearch;
  audit: AuditLog;
  logger: Logger;
}

export class CustomerSearchExtension {
  constructor(private readonly deps: CustomerSearchExtensionDeps) {}

  async query(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const info = turnInfo(context);
    const text = textFor(info);
    if (query.commandId !== SEARCH_CUSTOMERS_COMMAND) {
      this.deps.logger.warn(
        { correlationId: info.correlationId, commandId: query.commandId },
        'unknown compose command',
      );
      return hint(text.t('compose.hint.start'));
    }
    const decision = await this.deps.authorizer.check(info.caller, 'customer.read', {
      action: ACTION,
      correlationId: info.correlationId,
    });
    if (!decision.allowed) return hint(denialHint(decision.reason, text));
    if (decision.scope) {
      // As the router does for commands: results stay within the customers the caller's roles cover.
      info.customerAccess = {
        scope: decision.scope,
        permission: 'customer.read',
        action: ACTION,
        actor: { aadObjectId: info.caller.aadObjectId, name: info.caller.name, roles: decision.roles },
      };
    }

    const typed = searchText(query);
    const interpreted = interpretLookupQuery(typed);
    if (isLookupProblem(interpreted)) {
      switch (interpreted.problem) {
        case 'empty':
          return hint(text.t('compose.hint.start'));
        case 'tooShort':
          return hint(text.t('compose.hint.tooShort', { min: MIN_QUERY_LENGTH }));
        case 'tooLong':
          return hint(text.t('compose.hint.tooLong', { length: interpreted.length, max: MAX_QUERY_LENGTH }));
        case 'malformedTenantId':
          return hint(text.t('compose.hint.malformedTenantId'));
      }
    }

    try {
      const result = await this.deps.search.search(callContextOf(info), quickQuery(interpreted));
      await this.audit(info, decision.roles, 'succeeded', {
        query: interpreted.text,
        found: result.customers.length,
        complete: result.complete,
      });
      if (result.customers.length === 0) {
        return hint(
          result.complete
            ? text.t('compose.hint.noMatch', { query: clip(interpreted.text, 60) })
            : text.t('compose.hint.stillSearching', { query: clip(interpreted.text, 60) }),
        );
      }
      const attachments = result.customers.map((customer) => customerAttachment(customer, text));
      if (!result.complete) attachments.push(stillSearchingAttachment(text));
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
    } catch (error) {
      const code = errorCodeOf(error);
      this.deps.logger.warn(
        { correlationId: info.correlationId, action: ACTION, code, err: error },
        'action failed',
      );
      await this.audit(info, decision.roles, 'failed', { code });
      return hint(
        `${errorText(code, text)} ${text.t('error.reference', { correlationId: info.correlationId })}`,
      );
    }
  }

  private async audit(
    info: TurnInfo,
    roles: readonly string[],
    outcome: 'succeeded' | 'failed',
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.deps.audit
      .append({
        actorId: info.caller.aadObjectId ?? 'unknown',
        actorName: info.caller.name,
        roles: [...roles],
        action: ACTION,
        outcome,
        correlationId: info.correlationId,
        details,
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ correlationId: info.correlationId, err: error }, 'audit append failed'),
      );
  }
}

function searchText(query: MessagingExtensionQuery): string {
  const parameter = query.parameters?.find((candidate) => candidate.name === SEARCH_PARAMETER);
  return typeof parameter?.value === 'string' ? parameter.value : '';
}

function quickQuery(query: LookupQuery): QuickQuery {
  if (query.kind === 'tenantId') return { kind: 'tenantId', tenantId: query.tenantId };
  return { kind: 'text', text: query.text, field: query.kind === 'domain' ? 'Domain' : 'CompanyName' };
}

/** No results, only a line of text in the compose box's result pane. */
function hint(message: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text: message } };
}

function denialHint(reason: DenialReason, text: Strings): string {
  switch (reason) {
    case 'AUTHZ_NO_ROLE':
      return text.t('compose.denied.noRole');
    case 'AUTHZ_DENIED':
      return text.t('compose.denied.role');
    case 'TENANT_NOT_ALLOWED':
      return text.t('compose.denied.tenant');
    case 'CHANNEL_NOT_ALLOWED':
      return text.t('compose.denied.channel');
    case 'GROUPS_UNAVAILABLE':
      return text.t('compose.denied.groups');
  }
}

/** The customer card, inserted when chosen, with a one-line preview in the result list. */
function customerAttachment(customer: IndexedCustomer, text: Strings): MessagingExtensionAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: customerCard({ customer: customerOf(customer) }, text),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: clip(customer.companyName, PREVIEW_TEXT_LENGTH),
        subtitle: clip(customer.domain, PREVIEW_TEXT_LENGTH),
        text: text.t('compose.preview.tenantId', { tenantId: customer.tenantId }),
      },
    },
  };
}

/** The last row of a partial answer: Partner Center was still searching when Teams' deadline came near. */
function stillSearchingAttachment(text: Strings): MessagingExtensionAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: messageCard({
      style: 'info',
      title: text.t('compose.stillSearching.title'),
      text: text.t('compose.stillSearching.text'),
    }),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: text.t('compose.stillSearching.title'), text: text.t('compose.stillSearching.text') },
    },
  };
}
