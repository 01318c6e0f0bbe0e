// Locale: the languages the API serves, one enum value per supported language (core/locale/locales.ts).
import { type Locale, localeName, supportedLocales } from "../core/locale/locales";
import { builder } from "./builder";

const values = Object.fromEntries(
  supportedLocales.map((locale) => [locale.toUpperCase(), { value: locale, description: `${localeName(locale)}.` }]),
) as Record<Uppercase<Locale>, { value: Locale; description: string }>;

export const LocaleEnum = builder.enumType("Locale", { description: "A language for labels.", values });
