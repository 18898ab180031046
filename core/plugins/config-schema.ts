/**
 * The schema a plugin hands `definePlugin` for its config: any Standard Schema
 * (standardschema.dev) that can also describe itself as JSON Schema — a zod 4 schema
 * is one. The host validates the user's entry with it once and gives `setup` the
 * output; the JSON Schema it describes is the manifest's `configSchema`.
 */
export interface ConfigSchema<Config> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly types?: { readonly input: unknown; readonly output: Config } | undefined;
    readonly validate: (value: unknown) => ConfigSchemaResult<Config> | Promise<ConfigSchemaResult<Config>>;
    readonly jsonSchema: { readonly input: (options: { readonly target: 'draft-2020-12' }) => Record<string, unknown> };
  };
}

export type ConfigSchemaResult<Config> =
  | { readonly value: Config; readonly issues?: undefined }
  | { readonly issues: readonly ConfigSchemaIssue[] };

export interface ConfigSchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}
