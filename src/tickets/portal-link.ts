/**
 * The Partner Center portal page of a customer's service requests, from the configured template
 * (PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL, with a `{customerId}` placeholder).
 */
export function serviceRequestsPortalUrl(template: string, customerId: string): string {
  return template.replaceAll('{customerId}', encodeURIComponent(customerId));
}
