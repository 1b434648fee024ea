// Validates every document of the given YAML files against the Kubernetes OpenAPI schemas compiled into kubernetes-models
// (types, required fields, formats). Unknown fields are caught separately by the KubernetesClient strict round-trip.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
const failures = []; let count = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const obj = doc.toJS();
    const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
    const mod = await import(group ? `kubernetes-models/${group}/${version}/${obj.kind}` : `kubernetes-models/${version}/${obj.kind}`);
    try { new mod[obj.kind](obj).validate(); count++; } catch (e) { failures.push(`${file} ${obj.kind}/${obj.metadata?.name}: ${e.message}`); }
  }
}
console.log(JSON.stringify({ count, failures }));
process.exit(failures.length ? 1 : 0);
