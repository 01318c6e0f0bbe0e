// Serving an event in a language: its translation's fields where given, the collection's language otherwise.
// The language comes from a `locale` argument, else the request's Accept-Language, else the collection's.
import type { ResolvedDate } from "../core/dates/historical-date";
import { type Locale, localeOrDefault } from "../core/locale/locales";
import type { StoredEvent } from "../core/store/items";
import type { Context } from "./builder";

export type LocalizedEvent = StoredEvent & { locale: Locale; date: ResolvedDate & { locale: Locale } };

export function localizeEvent(event: StoredEvent, locale: Locale | undefined, defaultLocale: Locale): LocalizedEvent {
  const translation = locale && locale !== defaultLocale ? event.translations?.[locale] : undefined;
  const served = translation ? (locale as Locale) : defaultLocale;
  return {
    ...event,
    ...(translation?.title ? { title: translation.title } : {}),
    ...(translation?.summary ? { summary: translation.summary } : {}),
    ...(translation?.notes ? { notes: translation.notes } : {}),
    ...(translation?.body ? { body: translation.body } : {}),
    // Date labels exist in every supported language, so they follow the request even where the text cannot.
    date: { ...event.date, locale: locale ?? served },
    locale: served,
  };
}

/** The language a resolver should serve: its argument, else the request's, with the collection's as fallback. */
export async function servedLocale(argument: Locale | null | undefined, context: Context) {
  const defaultLocale = localeOrDefault((await context.store.revision())?.locale);
  return { requested: argument ?? context.acceptLanguage, defaultLocale };
}
