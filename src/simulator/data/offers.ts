/**
 * Offers used by the seed data and the generator. Documented offer ids come from the reference (§6, §8);
 * the names of license offers whose id the reference does not give carry synthetic ids.
 */
export interface Offer {
  offerId: string;
  offerName: string;
  unitType: 'Licenses' | 'Usage-based' | 'none';
  billingType: 'license' | 'usage' | 'none';
  /** Documented in the reference, or invented for the simulator. */
  origin: 'documented' | 'synthetic';
}

const licenses = (offerId: string, offerName: string, origin: Offer['origin']): Offer => ({
  offerId,
  offerName,
  unitType: 'Licenses',
  billingType: 'license',
  origin,
});

export const offers = {
  azure: {
    offerId: 'MS-AZR-0145P',
    offerName: 'Microsoft Azure',
    unitType: 'Usage-based',
    billingType: 'usage',
    origin: 'documented',
  },
  exchangeArchiving: licenses(
    '2828BE95-46BA-4F91-B2FD-0BEF192ECF60',
    'Exchange Online Archiving for Exchange Online',
    'documented',
  ),
  intuneDevice: licenses('DB2E705F-B82A-4024-A3D5-D88E12F2DB35', 'Intune Device', 'documented'),
  office365Business: licenses('5C9FD4CC-EDCE-44A8-8E91-07DF09744609', 'Office 365 Business', 'documented'),
  office365E1: licenses('8A9D2F4C-5B61-4E0A-9C3D-7F1E2B6A4D90', 'Office 365 E1', 'synthetic'),
  office365E3: licenses('3C6E1B7A-92D4-4F58-A0E6-1D7B5C8F2A34', 'Office 365 E3', 'synthetic'),
  office365E5: licenses('F47B2C91-6D3E-4A85-B1C7-9E0D4A2F6B18', 'Office 365 E5', 'synthetic'),
  exchangePlan1: licenses('B1E5D7A3-4C29-4F60-8A1B-6D3C9E7F2054', 'Exchange Online (Plan 1)', 'synthetic'),
  businessBasic: licenses(
    '6E2A9C4D-1F73-4B85-9D0E-3A7C5B1F8E26',
    'Microsoft 365 Business Basic',
    'synthetic',
  ),
  businessStandard: licenses(
    '0D8F3B6E-A5C1-4729-B4E8-2F9A7C1D5E63',
    'Microsoft 365 Business Standard',
    'synthetic',
  ),
  businessPremium: licenses(
    'C93A1E5F-7B2D-4E64-A8F0-5D1B3C9E7A42',
    'Microsoft 365 Business Premium',
    'synthetic',
  ),
  powerBiPro: licenses('4F7C2A9E-D1B3-4865-9A0C-E6B2D8F4A153', 'Power BI Pro', 'synthetic'),
  teamsEssentials: licenses(
    'A2D6F8B1-3E5C-4970-8B4A-C1F7E9D3B605',
    'Microsoft Teams Essentials',
    'synthetic',
  ),
  visioPlan2: licenses('E8B4C1D7-2A6F-4F39-B5E1-9C3D7A0F6B28', 'Visio Plan 2', 'synthetic'),
  projectPlan3: licenses('5B1F9D3C-8E7A-4B26-A4D9-0F6C2E8B1A75', 'Project Plan 3', 'synthetic'),
} satisfies Record<string, Offer>;

/** Offers a generated customer may hold (Azure is usage-based; the rest are seat licenses). */
export const generatorOffers: readonly Offer[] = [
  offers.azure,
  offers.office365E1,
  offers.office365E3,
  offers.office365E5,
  offers.exchangePlan1,
  offers.businessBasic,
  offers.businessStandard,
  offers.businessPremium,
  offers.powerBiPro,
  offers.teamsEssentials,
  offers.visioPlan2,
  offers.projectPlan3,
  offers.intuneDevice,
];
