// Its own file so the web bundle can share the list without the checker and the law registry.
export const THIRD_PARTY_RELATIONS = [
  'family',
  'spouse',
  'employer',
  'colleague',
  'contacts-list',
  'friend',
  'other',
] as const;
export type ThirdPartyRelation = (typeof THIRD_PARTY_RELATIONS)[number];
