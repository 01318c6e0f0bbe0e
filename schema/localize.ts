// Serving an event in a language: its translation's fields where given, the collection's language otherwise.
// The language comes from a `locale` argument, else the request's Accept-Language, else the collection's.
import type { ResolvedDate } from "../core/dates/historical-date";
import type { StoredEvent } from "../core/store/item-keys";
import type { Context } from "./builder";

export type LocalizedEvent = StoredEvent & { locale?: string; date: ResolvedDate & { locale?: string } };

/** The languages the API can be asked for (labels exist for these). */
export const supportedLocales = ["pl", "en"] as const;

/** The first supported language of an Accept-Language header, by the header's order and weights. */
export function localeFromAcceptLanguage(header: string | null): string | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => (supportedLocales as readonly string[]).includes(entry.language))?.language;
}

export function localizeEvent(event: StoredEvent, locale: string | undefined, defaultLocale: string): LocalizedEvent {
  const translation = locale && locale !== defaultLocale ? event.translations?.[locale] : undefined;
  const served = translation ? (locale as string) : defaultLocale;
  return {
    ...event,
    ...(translation?.title ? { title: translation.title } : {}),
    ...(translation?.summary ? { summary: translation.summary } : {}),
    ...(translation?.notes ? { notes: translation.notes } : {}),
    ...(translation?.body ? { body: translation.body } : {}),
    // Date labels exist in every supported language, so they follow the request even where the text cannot.
    date: { ...event.date, locale: locale && (supportedLocales as readonly string[]).includes(locale) ? locale : served },
    locale: served,
  };
}

/** The language a resolver should serve: its argument, else the request's, with the collection's as fallback. */
export async function servedLocale(argument: string | null | undefined, context: Context) {
  const defaultLocale = (await context.store.revision())?.locale ?? "pl";
  return { requested: argument ?? context.acceptLanguage, defaultLocale };
}
