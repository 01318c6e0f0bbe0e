// How many events one timeline export carries; a larger timeline is asked for in parts (by date range).
export const maxTimelineEvents = 500;
