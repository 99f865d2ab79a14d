import type { SupportTopic } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { ReadCache } from '../api/read-cache';
import { AppError } from '../errors';

/**
 * Service-request support topics (reference D2), cached per language: they rarely change, and every new
 * ticket form needs them. With the legacy service-request API turned off (SERVICE_REQUESTS_LEGACY_API),
 * they are not available, exactly as when Partner Center itself answers that the route is gone.
 */
export interface SupportTopicCatalogOptions {
  legacyApi: boolean;
  /** Default 12 hours. */
  ttlMs?: number;
  now?: () => number;
}

/** At most this many languages are kept. */
const MAX_LOCALES = 50;
const DEFAULT_TTL_MS = 12 * 60 * 60_000;

export class SupportTopicCatalog {
  private readonly cache: ReadCache;

  constructor(
    private readonly partnerCenter: PartnerCenter,
    private readonly options: SupportTopicCatalogOptions,
  ) {
    this.cache = new ReadCache({
      ttlMs: options.ttlMs ?? DEFAULT_TTL_MS,
      max: MAX_LOCALES,
      now: options.now,
    });
  }

  /** The topics in the call's language; failures (PC_NOT_AVAILABLE included) are never cached. */
  async topics(ctx: CallContext): Promise<SupportTopic[]> {
    if (!this.options.legacyApi) {
      throw new AppError('PC_NOT_AVAILABLE', 'the legacy service-request API is turned off', {
        setting: 'SERVICE_REQUESTS_LEGACY_API',
      });
    }
    const locale = (ctx.locale ?? 'en-US').toLowerCase();
    return this.cache.read(`topics ${locale}`, () => this.partnerCenter.listSupportTopics(ctx));
  }

  get legacyApi(): boolean {
    return this.options.legacyApi;
  }
}
