import { readFile } from "node:fs/promises";
import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { localeName, supportedLocales } from "../../core/locale/locales";
import { schema } from "../../schema/index";
import { printedSchema, printedSchemaPath } from "../../schema/printed";

describe("the GraphQL schema", () => {
  it("matches the committed schema/schema.graphql (run npm run schema:print after changing it)", async () => {
    expect(await readFile(printedSchemaPath, "utf8")).toBe(printedSchema());
  });

  it("is valid by the GraphQL rules, which the function assumes rather than checks at its first request", () => {
    const { assumeValid, ...config } = schema.toConfig();
    expect(assumeValid).toBe(true);
    expect(validateSchema(new GraphQLSchema(config)).map((error) => error.message)).toEqual([]);
  });

  it("describes every type, field, argument, input field and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has a Locale enum value for every supported language, and Event.locale returns one", () => {
    const locale = schema.getType("Locale");
    if (!isEnumType(locale)) throw new Error("Locale is not an enum");
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(
      locale
        .getValues()
        .map(({ name, value, description }) => ({ name, value, description }))
        .sort(byName),
    ).toEqual(
      supportedLocales.map((code) => ({ name: code.toUpperCase(), value: code, description: `${localeName(code)}.` })).sort(byName),
    );
    const event = schema.getType("Event");
    if (!isObjectType(event)) throw new Error("Event is not an object type");
    expect(String(event.getFields().locale.type)).toBe("Locale!");
  });

  it("is read-only: no mutations or subscriptions", () => {
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
  });
});
