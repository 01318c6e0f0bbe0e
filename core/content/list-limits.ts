// How long an event's lists of references may be. The content check enforces these bounds and the API's
// query cost counts a list at its bound, so `related { related { … } }` is priced at what it can return.

/** Events one event may name as related. */
export const maxRelatedPerEvent = 10;

/** Citations one event may carry. */
export const maxCitationsPerEvent = 20;

/** People one event may name. */
export const maxPeoplePerEvent = 30;

/** Places one event may name. */
export const maxPlacesPerEvent = 20;
