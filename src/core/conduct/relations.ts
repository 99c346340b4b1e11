// Its own file so the web bundle can share the list without the checker and the law registry.
import { THIRD_PARTY_RELATION } from '../vocab/vocab.js';

// values and labels live in core/vocab (one home per word)
export const THIRD_PARTY_RELATIONS = THIRD_PARTY_RELATION.values;
export type ThirdPartyRelation = (typeof THIRD_PARTY_RELATIONS)[number];
