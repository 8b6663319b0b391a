"""Copies of the official OpenAPI documents, adjusted where the emulator deliberately differs.

Every adjustment is a documented choice (docs/emulator.md, "Choices where the spec is silent"):

1. NQL v1 `data` rows: the spec renders Java `Object` cells as `{"type": "object"}`, but real
   cells are strings, numbers, booleans, objects or null. The cell schema is relaxed to `{}`.
2. A missing required query parameter (`nql-id`) or an NQL body that breaks its schema gets 400
   (what a Spring service answers); the spec lists no 400 for those operations, so it is added
   with the dialect's ErrorResponse schema.
3. Workflows: the published `Workflow` schema points `triggerMethods` and `versions` at
   `Workflow` itself (a bug that also makes it infinitely recursive); the copy describes what
   the emulator serves instead: `triggerMethods` as flags, `versions` as version objects.
"""
import copy
import json
import pathlib

RA_ERROR = {"$ref": "#/components/schemas/ErrorResponse"}
NQL_ERROR = {"$ref": "#/components/schemas/ErrorResponse"}


def load(spec_dir: pathlib.Path, name: str) -> dict:
    return json.loads((spec_dir / name).read_text())


def _add_400(operation: dict, schema: dict, why: str) -> None:
    operation["responses"].setdefault("400", {
        "description": f"Bad request ({why}) - emulator choice, see docs/emulator.md",
        "content": {"application/json": {"schema": schema}},
    })


def remote_actions(spec_dir: pathlib.Path) -> dict:
    spec = copy.deepcopy(load(spec_dir, "remote-actions-api.openapi.json"))
    _add_400(spec["paths"]["/api/v1/act/remote-action/details"]["get"], RA_ERROR, "nql-id missing")
    # The list's 400 is documented without a body; the emulator sends the dialect's ErrorResponse.
    spec["paths"]["/api/v1/act/remote-action"]["get"]["responses"]["400"]["content"] = {
        "application/json": {"schema": RA_ERROR}}
    return spec


def nql(spec_dir: pathlib.Path) -> dict:
    spec = copy.deepcopy(load(spec_dir, "nql-api.openapi.json"))
    rows = spec["components"]["schemas"]["NqlApiExecuteResponse"]["properties"]["data"]
    rows["items"]["items"] = {}
    for path, method in [("/api/v1/nql/execute", "post"), ("/api/v2/nql/execute", "post"),
                         ("/api/v1/nql/export", "get"), ("/api/v1/nql/export", "post")]:
        _add_400(spec["paths"][path][method], NQL_ERROR, "body, queryId or parameters break the schema")
    return spec


WORKFLOW_TRIGGER_METHODS = {"type": "object", "properties": {
    k: {"type": "boolean"} for k in ("apiEnabled", "manualEnabled", "manualMultipleEnabled", "schedulerEnabled")}}
WORKFLOW_VERSION = {"type": "object", "properties": {
    "versionNumber": {"type": "integer"}, "isActive": {"type": "boolean"},
    "dependency": {"$ref": "#/components/schemas/WorkflowFilter.WorkflowDependency"},
    "parameters": {"type": "array", "items": {"type": "string"}}}}


def workflows(spec_dir: pathlib.Path) -> dict:
    spec = copy.deepcopy(load(spec_dir, "workflows-api.openapi.json"))
    props = spec["components"]["schemas"]["Workflow"]["properties"]
    props["triggerMethods"] = WORKFLOW_TRIGGER_METHODS
    props["versions"] = {"type": "array", "items": WORKFLOW_VERSION}
    return spec


def campaigns(spec_dir: pathlib.Path) -> dict:
    return copy.deepcopy(load(spec_dir, "campaigns-api.openapi.json"))


def write(spec: dict, path: pathlib.Path) -> pathlib.Path:
    path.write_text(json.dumps(spec, indent=1))
    return path
