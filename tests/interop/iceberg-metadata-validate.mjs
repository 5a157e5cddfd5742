// Validates table metadata JSON files against the TableMetadata schema of the Iceberg REST OpenAPI
// (ajv over the OpenAPI components). Usage: node iceberg-metadata-validate.mjs OPENAPI.yaml FILE...
// Prints one JSON line per file: {"file": ..., "valid": true|false, "errors": [...]}.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';

const [specPath, ...files] = process.argv.slice(2);
if (!specPath || files.length === 0) {
  console.error('usage: node iceberg-metadata-validate.mjs OPENAPI.yaml FILE...');
  process.exit(2);
}

const openapi = YAML.parse(readFileSync(specPath, 'utf8'));
// Two oneOfs of the OpenAPI overlap as JSON Schema: PrimitiveTypeValue (initial-default/write-default: a
// string is a valid string, uuid, date... value; 5 is an int, long, float...) and Type ("variant" is both
// VariantType and a PrimitiveType string). Any non-null default or variant column would match several
// alternatives; the intent is "one of these kinds", so check them as anyOf.
for (const name of ['PrimitiveTypeValue', 'Type']) {
  const schema = openapi.components.schemas[name];
  if (schema?.oneOf) {
    schema.anyOf = schema.oneOf;
    delete schema.oneOf;
  }
}
// OpenAPI keywords (discriminator, example, nullable...) and int64 formats are not JSON Schema: relax.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'rest-catalog', components: openapi.components });
const validate = ajv.compile({ $ref: 'rest-catalog#/components/schemas/TableMetadata' });

let failed = 0;
for (const file of files) {
  const metadata = JSON.parse(readFileSync(file, 'utf8'));
  const valid = validate(metadata);
  if (!valid) failed++;
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
  console.log(JSON.stringify({ file, valid, errors }));
}
process.exitCode = 0;
