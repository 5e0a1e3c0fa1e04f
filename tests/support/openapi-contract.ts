// Checks real HTTP responses against the app's own OpenAPI document: the status must be documented for
// the operation, the body must match the documented schema (response schemas forbid unknown fields),
// and documented headers must be present when required and well-formed when sent. Test code only.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;
const DOCUMENT_ID = "openapi.json";

export class ContractViolation extends Error {
  constructor(where: string, problem: string) {
    super(`${where} breaks the OpenAPI contract: ${problem}`);
    this.name = "ContractViolation";
  }
}

const pointer = (...segments: string[]) =>
  segments.map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export interface Contract {
  /** Throws a ContractViolation when `response` is not what the document promises for this request. */
  check(method: string, url: string, response: Response): Promise<void>;
  /** Validates a value against a schema reached by a JSON pointer into the document. */
  validate(schemaPointer: string, value: unknown): string | null;
  document: Json;
}

export function createContract(document: Json): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();

  function validate(schemaPointer: string, value: unknown): string | null {
    let validator = compiled.get(schemaPointer);
    if (!validator) {
      validator = ajv.compile({ $ref: `${DOCUMENT_ID}#${schemaPointer}` });
      compiled.set(schemaPointer, validator);
    }
    return validator(value) ? null : ajv.errorsText(validator.errors, { dataVar: "body" });
  }

  const resolve = (node: Json): Json => {
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    return ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<Json>((current, part) => current[part] as Json, document);
  };

  const paths = Object.keys(document.paths as Json).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

  async function check(method: string, url: string, response: Response): Promise<void> {
    const { pathname } = new URL(url);
    const where = `${method} ${pathname} → ${response.status}`;
    const path = paths.find(({ pattern }) => pattern.test(pathname));
    if (!path) throw new ContractViolation(where, "the path is not documented");
    const verb = method.toLowerCase();
    const operation = (document.paths as Record<string, Json>)[path.template]![verb] as Json | undefined;
    if (!operation) throw new ContractViolation(where, "the method is not documented");
    const responses = operation.responses as Json;
    const status = String(response.status);
    if (!(status in responses)) {
      throw new ContractViolation(where, `status ${status} is not documented (documented: ${Object.keys(responses).join(", ")})`);
    }
    const documented = resolve(responses[status] as Json);
    const base = pointer("", "paths", path.template, verb, "responses", status);

    for (const [name, header] of Object.entries((documented.headers ?? {}) as Json)) {
      const spec = resolve(header as Json);
      const value = response.headers.get(name);
      if (value === null) {
        if (spec.required) throw new ContractViolation(where, `the required header ${name} is missing`);
        continue;
      }
      const headerPointer =
        typeof (header as Json).$ref === "string"
          ? `${((header as Json).$ref as string).slice(1)}/schema`
          : `${base}/headers/${pointer(name)}/schema`;
      const error = validate(headerPointer, value);
      if (error) throw new ContractViolation(where, `header ${name}: "${value}" ${error}`);
    }

    const text = await response.clone().text();
    const content = documented.content as Json | undefined;
    if (!content) {
      if (text.length > 0) throw new ContractViolation(where, "a body was sent where none is documented");
      return;
    }
    const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    if (!(mediaType in content)) {
      throw new ContractViolation(where, `content type "${mediaType}" is not documented (documented: ${Object.keys(content).join(", ")})`);
    }
    if (!/json$/.test(mediaType)) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ContractViolation(where, `the body is not JSON: ${text.slice(0, 200)}`);
    }
    const error = validate(`${base}/content/${pointer(mediaType)}/schema`, body);
    if (error) throw new ContractViolation(where, `${error}\n${text.slice(0, 500)}`);
  }

  return { check, validate, document };
}
